// The jsonl format (JSON Lines, docs/output-format.md): one compact object
// per hit ({"type": "hit", ...}) as soon as it is known, then one summary
// object ({"type": "summary", ...}: totals, facets, provenance); in batch
// mode every line carries "batch" and a failed query gives one
// {"type": "error", ...} line.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "searcher/format/result_formatter.h"

namespace news::searcher {

class JsonlFormatter : public ResultFormatter {
 public:
  JsonlFormatter(std::ostream& out, const FormatOptions& options);

  void begin(const SearchSummary& summary) override;
  void hit(const Hit& hit) override;
  void facets(const std::vector<FacetGroup>& facets) override;
  void end() override;
  void error(const BatchTag& tag, const std::string& query,
             const Error& error) override;

 private:
  void write_line(const nlohmann::ordered_json& object);

  std::ostream& out_;
  std::vector<HitField> fields_;
  nlohmann::ordered_json summary_;
  std::optional<BatchTag> batch_tag_;
  std::size_t hit_count_ = 0;
};

}  // namespace news::searcher
