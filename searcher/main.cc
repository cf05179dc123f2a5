// news-search: searches news-search indexes. Parses the command line, runs
// the search command and maps the outcome to an exit code; see --help.
#include <unistd.h>

#include <csignal>
#include <exception>
#include <iostream>

#include "searcher/options.h"
#include "searcher/search_command.h"

int main(int argc, char* argv[]) {
  using news::searcher::ExitCode;
  // A closed pipe (`news-search ... | head`) must end quietly: writes then
  // fail instead of killing the process, and the failure is ignored.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    const news::Result<news::searcher::CommandLine> command_line =
        news::searcher::parse_command_line(argc, argv);
    if (!command_line) {
      std::cerr << "news-search: " << command_line.error().to_string() << "\n";
      return static_cast<int>(
          news::searcher::exit_code_for(command_line.error()));
    }
    if (command_line.value().action ==
        news::searcher::CommandLine::Action::kShowMessage) {
      std::cout << command_line.value().message << std::flush;
      return static_cast<int>(ExitCode::kMatches);
    }
    return static_cast<int>(news::searcher::run_command(
        command_line.value(),
        {std::cin, std::cout, std::cerr, isatty(STDOUT_FILENO) == 1}));
  } catch (const std::exception& error) {
    std::cerr << "news-search: internal error: " << error.what() << "\n";
  } catch (...) {
    std::cerr << "news-search: internal error\n";
  }
  return static_cast<int>(ExitCode::kIndex);
}
