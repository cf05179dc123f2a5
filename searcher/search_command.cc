#include "searcher/search_command.h"

#include "searcher/format/result_formatter.h"
#include "searcher/searcher.h"

namespace news::searcher {

ExitCode exit_code_for(const Error& error) {
  switch (error.code()) {
    case ErrorCode::kUsage:
    case ErrorCode::kQuerySyntax:
      return ExitCode::kUsage;
    case ErrorCode::kBadInput:
    case ErrorCode::kIo:
    case ErrorCode::kIndex:
    case ErrorCode::kInternal:
      break;
  }
  return ExitCode::kIndex;
}

ExitCode run_search_command(const SearchRequest& request, bool is_terminal,
                            std::ostream& out, std::ostream& err) {
  const auto fail = [&err](const Error& error) {
    err << "news-search: " << error.to_string() << "\n";
    return exit_code_for(error);
  };
  Result<Searcher> searcher = Searcher::open(request.database_paths);
  if (!searcher) return fail(searcher.error());
  const Result<SearchResults> results = searcher.value().search(request);
  if (!results) return fail(results.error());

  const std::unique_ptr<ResultFormatter> formatter = make_formatter(
      request.format, use_color(request.color, is_terminal), out);
  write_results(results.value(), *formatter);
  return results.value().summary.total_matches > 0 ? ExitCode::kMatches
                                                   : ExitCode::kNoMatches;
}

}  // namespace news::searcher
