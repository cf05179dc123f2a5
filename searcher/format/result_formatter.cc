#include "searcher/format/result_formatter.h"

#include "searcher/format/delimited_formatter.h"
#include "searcher/format/json_formatter.h"
#include "searcher/format/jsonl_formatter.h"
#include "searcher/format/text_formatter.h"

namespace news::searcher {

std::vector<HitField> default_fields(OutputFormat format) {
  switch (format) {
    case OutputFormat::kCsv:
    case OutputFormat::kTsv:
      return {HitField::kRank,  HitField::kScore,  HitField::kId,
              HitField::kTitle, HitField::kOutlet, HitField::kDate,
              HitField::kUrl,   HitField::kPath,   HitField::kSnippetText};
    case OutputFormat::kText:
    case OutputFormat::kJson:
    case OutputFormat::kJsonl:
      break;
  }
  return {HitField::kRank,      HitField::kDocid,   HitField::kScore,
          HitField::kPercent,   HitField::kId,      HitField::kTitle,
          HitField::kOutlet,    HitField::kDate,    HitField::kPath,
          HitField::kUrl,       HitField::kSnippet, HitField::kSnippetText,
          HitField::kHighlights};
}

std::unique_ptr<ResultFormatter> make_formatter(const FormatOptions& options,
                                                std::ostream& out) {
  switch (options.format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonFormatter>(out, options);
    case OutputFormat::kJsonl:
      return std::make_unique<JsonlFormatter>(out, options);
    case OutputFormat::kCsv:
    case OutputFormat::kTsv:
      return std::make_unique<DelimitedFormatter>(out, options);
    case OutputFormat::kText:
      break;
  }
  return std::make_unique<TextFormatter>(out, options.is_color);
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
