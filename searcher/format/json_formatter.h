// The json format: one JSON document per search, "format":
// "news-search/1", specified in docs/output-format.md. The document is
// built as the formatter is driven and written by end(), members in the
// documented order.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "searcher/format/result_formatter.h"

namespace news::searcher {

class JsonFormatter : public ResultFormatter {
 public:
  explicit JsonFormatter(std::ostream& out) : out_(out) {}

  void begin(const SearchSummary& summary) override;
  void hit(const Hit& hit) override;
  void facets(const std::vector<FacetGroup>& facets) override;
  void end() override;

 private:
  std::ostream& out_;
  nlohmann::ordered_json document_;
};

// The value of the "format" member.
inline constexpr char kJsonFormatVersion[] = "news-search/1";

}  // namespace news::searcher
