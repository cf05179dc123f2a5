// news-index: parse options, run the indexing job (or --check, or
// --extract-only), map the outcome to an exit code (0 done, 1 done with
// skipped input, 2 usage, 3 fatal).
#include <unistd.h>

#include <csignal>
#include <exception>
#include <iostream>

#include "indexer/extract_only.h"
#include "indexer/indexer.h"
#include "indexer/options.h"

int main(int argc, char** argv) {
  using news::indexer::Progress;
  std::signal(SIGPIPE, SIG_IGN);  // --extract-only | head ends quietly
  try {
    const auto parsed = news::indexer::parse_index_options(argc, argv);
    if (!parsed.ok()) {
      std::cerr << "news-index: " << parsed.error().message()
                << "\nTry 'news-index --help'.\n";
      return 2;
    }
    if (!parsed.value().text_to_print.empty()) {
      std::cout << parsed.value().text_to_print;
      return 0;
    }
    const news::indexer::IndexOptions& options = parsed.value().options;
    if (options.is_check) {
      return news::indexer::check_index(options.writer.database_path, std::cout,
                                        std::cerr);
    }
    const bool show_progress =
        !options.is_quiet && !options.is_extract_only &&
        (options.progress == Progress::kAlways ||
         (options.progress == Progress::kAuto && isatty(STDERR_FILENO) == 1));
    news::indexer::IndexReport report(
        std::cerr, show_progress, !options.is_quiet && !options.is_extract_only,
        options.is_strict);
    const news::Status status =
        options.is_extract_only
            ? news::indexer::run_extract_only(options, std::cout, report)
            : news::indexer::run_index(options, report);
    if (!status.ok()) {
      std::cerr << "news-index: " << status.error().to_string() << "\n";
      return status.error().code() == news::ErrorCode::kUsage ? 2 : 3;
    }
    return report.counts().problems > 0 ? 1 : 0;
  } catch (const std::exception& error) {
    std::cerr << "news-index: internal error: " << error.what() << "\n";
    return 3;
  }
}
