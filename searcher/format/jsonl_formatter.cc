#include "searcher/format/jsonl_formatter.h"

#include "searcher/format/hit_values.h"
#include "searcher/format/json_formatter.h"

namespace news::searcher {

using Json = nlohmann::ordered_json;

JsonlFormatter::JsonlFormatter(std::ostream& out, const FormatOptions& options)
    : out_(out),
      fields_(options.fields.empty() ? default_fields(OutputFormat::kJsonl)
                                     : options.fields) {}

void JsonlFormatter::begin(const SearchSummary& summary) {
  summary_ = {{"type", "summary"}};
  summary_.update(summary_json(summary));
  batch_tag_ = summary.batch_tag;
  hit_count_ = 0;
}

void JsonlFormatter::hit(const Hit& hit) {
  Json line = {{"type", "hit"}};
  if (batch_tag_) line["batch"] = batch_json(*batch_tag_);
  add_hit_json(hit, fields_, line);
  write_line(line);
  ++hit_count_;
}

void JsonlFormatter::facets(const std::vector<FacetGroup>& facets) {
  summary_["facets"] = facets_json(facets);
}

void JsonlFormatter::end() {
  summary_["returned"] = hit_count_;
  write_line(summary_);
  out_.flush();
}

void JsonlFormatter::error(const BatchTag& tag, const std::string& query,
                           const Error& error) {
  write_line({{"type", "error"},
              {"format", kFormatVersion},
              {"batch", batch_json(tag)},
              {"query", query},
              {"error",
               {{"code", error_code_name(error.code())},
                {"message", error.to_string()}}}});
  out_.flush();
}

void JsonlFormatter::write_line(const Json& object) {
  out_ << object.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace news::searcher
