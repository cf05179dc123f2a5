// The news-search command from a parsed command line to an exit code: open
// the indexes, search (once, or per batch line), describe the index or show
// an article, write the output in the requested format. main() only parses
// the command line and calls this, so tests run the whole command in
// process.
#pragma once

#include <istream>
#include <ostream>

#include "common/error.h"
#include "searcher/options.h"
#include "searcher/search_request.h"

namespace news::searcher {

// news-search's exit codes (documented in --help and the README).
enum class ExitCode {
  kMatches = 0,    // at least one match (even if not on the requested page)
  kNoMatches = 1,  // the query matched nothing; --show: no such article
  kUsage = 2,      // bad command line or query syntax (batch: in any query)
  kIndex = 3,      // index missing, unreadable or of another schema version
};

// The exit code for an error: kUsage for kUsage and kQuerySyntax, kIndex for
// the rest.
ExitCode exit_code_for(const Error& error);

// The streams a command reads and writes. is_terminal: whether `out` is a
// terminal (for --color auto). `in` is read by --batch -.
struct CommandStreams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool is_terminal = false;
};

// Runs the command, writing results to streams.out and one line
// "news-search: <message>" per problem to streams.err. A failed write to
// `out` (a closed pipe) is not reported: the exit code is the one the
// command earned. In batch mode a query that fails (bad request, syntax)
// is reported in its block and on err, the other queries still run, and the
// exit code is 2; an index error stops the batch with 3.
ExitCode run_command(const CommandLine& command_line,
                     const CommandStreams& streams);

// run_command for one search request.
ExitCode run_search_command(const SearchRequest& request, bool is_terminal,
                            std::ostream& out, std::ostream& err);

}  // namespace news::searcher
