// The json format: one JSON document per search (format "news-search/2",
// docs/output-format.md), pretty-printed; in batch mode one compact
// document per query, one per line. The document is built as the formatter
// is driven and written by end(), members in the documented order.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "searcher/format/result_formatter.h"

namespace news::searcher {

class JsonFormatter : public ResultFormatter {
 public:
  JsonFormatter(std::ostream& out, const FormatOptions& options);

  void begin(const SearchSummary& summary) override;
  void hit(const Hit& hit) override;
  void facets(const std::vector<FacetGroup>& facets) override;
  void end() override;
  void error(const BatchTag& tag, const std::string& query,
             const Error& error) override;

 private:
  void write(const nlohmann::ordered_json& document);

  std::ostream& out_;
  std::vector<HitField> fields_;
  bool is_batch_;
  nlohmann::ordered_json document_;
};

// The json document's header members for a summary (everything but "hits"
// and "facets"), shared with the jsonl summary line.
nlohmann::ordered_json summary_json(const SearchSummary& summary);

}  // namespace news::searcher
