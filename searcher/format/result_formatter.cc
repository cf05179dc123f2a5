#include "searcher/format/result_formatter.h"

#include "searcher/format/json_formatter.h"
#include "searcher/format/text_formatter.h"

namespace news::searcher {

std::unique_ptr<ResultFormatter> make_formatter(OutputFormat format,
                                                bool is_color,
                                                std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonFormatter>(out);
    case OutputFormat::kText:
      break;
  }
  return std::make_unique<TextFormatter>(out, is_color);
}

bool use_color(ColorMode mode, bool is_terminal) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      break;
  }
  return is_terminal;
}

void write_results(const SearchResults& results, ResultFormatter& formatter) {
  formatter.begin(results.summary);
  for (const Hit& hit : results.hits) formatter.hit(hit);
  formatter.facets(results.facets);
  formatter.end();
}

}  // namespace news::searcher
