// Command-line parsing for news-search: argv -> CommandLine (what to do and
// the validated SearchRequest), or a usage Error. The only place that uses
// Boost.Program_options.
#pragma once

#include <string>

#include "common/error.h"
#include "searcher/search_request.h"

namespace news::searcher {

struct CommandLine {
  enum class Action {
    kSearch,       // run `request`
    kBatch,        // run one request per line of `batch_path` ("-": stdin),
                   // `request` giving the defaults
    kStats,        // describe the index (--stats)
    kShow,         // show the article `show_id` (--show)
    kShowMessage,  // print `message` (--help, --version) and exit 0
  };
  Action action = Action::kSearch;
  SearchRequest request;
  std::string batch_path;
  std::string show_id;
  // --provenance FILE: where to write the provenance JSON ("" = nowhere).
  std::string provenance_path;
  std::string message;
};

// Parses the arguments after argv[0]. Query words may span several
// arguments; they are joined with single spaces. Errors (kUsage): unknown
// option, missing -d, blank query (for a search), query words with --batch,
// --stats or --show, bad --format/--color/--sort/--facets/--fields value
// (the message lists the valid ones), a --from/--to that is not a date or
// a --from after --to, negative or non-numeric numbers.
Result<CommandLine> parse_command_line(int argc, const char* const argv[]);

// The --help text: usage, options, query syntax and exit codes.
std::string help_text();

}  // namespace news::searcher
