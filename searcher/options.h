// Command-line parsing for news-search: argv -> SearchRequest, or the help or
// version text, or a usage Error. The only place that uses
// Boost.Program_options.
#pragma once

#include <string>

#include "common/error.h"
#include "searcher/search_request.h"

namespace news::searcher {

struct CommandLine {
  enum class Action {
    kSearch,       // run `request`
    kShowMessage,  // print `message` (--help, --version) and exit 0
  };
  Action action = Action::kSearch;
  SearchRequest request;
  std::string message;
};

// Parses the arguments after argv[0]. Query words may span several
// arguments; they are joined with single spaces. Errors (kUsage): unknown
// option, missing -d, blank query, bad --format/--color value (the message
// lists the valid ones), negative or non-numeric --limit/--offset.
Result<CommandLine> parse_command_line(int argc, const char* const argv[]);

// The --help text: usage, options, query syntax and exit codes.
std::string help_text();

}  // namespace news::searcher
