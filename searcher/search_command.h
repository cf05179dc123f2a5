// The news-search command from a parsed request to an exit code: open the
// indexes, search, write the results in the requested format. main() only
// parses the command line and calls this, so tests run the whole command in
// process.
#pragma once

#include <ostream>

#include "common/error.h"
#include "searcher/search_request.h"

namespace news::searcher {

// news-search's exit codes (documented in --help and the README).
enum class ExitCode {
  kMatches = 0,    // at least one match (even if not on the requested page)
  kNoMatches = 1,  // the query matched nothing
  kUsage = 2,      // bad command line or query syntax
  kIndex = 3,      // index missing, unreadable or of another schema version
};

// The exit code for an error: kUsage for kUsage and kQuerySyntax, kIndex for
// the rest.
ExitCode exit_code_for(const Error& error);

// Runs `request`, writing results to `out` and a one-line
// "news-search: <message>" to `err` on failure. is_terminal: whether `out`
// is a terminal (for --color auto). A failed write to `out` (a closed pipe)
// is not reported: the exit code is the one the search earned.
ExitCode run_search_command(const SearchRequest& request, bool is_terminal,
                            std::ostream& out, std::ostream& err);

}  // namespace news::searcher
