#include "searcher/format/json_formatter.h"

#include "searcher/format/hit_values.h"
#include "searcher/request_values.h"

namespace news::searcher {

using Json = nlohmann::ordered_json;

Json summary_json(const SearchSummary& summary) {
  Json object = {{"format", kFormatVersion}};
  if (summary.batch_tag) object["batch"] = batch_json(*summary.batch_tag);
  object["query"] = summary.query;
  object["parsed_query"] = summary.parsed_query;
  object["database"] = Json::array();
  for (const DatabaseFingerprint& database : summary.provenance.databases) {
    object["database"].push_back(database.path);
  }
  object["total"] = summary.total_matches;
  object["total_exact"] = summary.is_total_exact;
  object["total_min"] = summary.total_min;
  object["total_max"] = summary.total_max;
  object["offset"] = summary.offset;
  object["limit"] = summary.limit;
  object["sort"] = std::string(sort_order_name(summary.sort));
  object["provenance"] =
      provenance_json(summary.provenance, summary.stemmer_language);
  return object;
}

JsonFormatter::JsonFormatter(std::ostream& out, const FormatOptions& options)
    : out_(out),
      fields_(options.fields.empty() ? default_fields(OutputFormat::kJson)
                                     : options.fields),
      is_batch_(options.is_batch) {}

void JsonFormatter::begin(const SearchSummary& summary) {
  document_ = summary_json(summary);
  document_["hits"] = Json::array();
  document_["facets"] = Json::object();
}

void JsonFormatter::hit(const Hit& hit) {
  document_["hits"].push_back(hit_json(hit, fields_));
}

void JsonFormatter::facets(const std::vector<FacetGroup>& facets) {
  document_["facets"] = facets_json(facets);
}

void JsonFormatter::end() { write(document_); }

void JsonFormatter::error(const BatchTag& tag, const std::string& query,
                          const Error& error) {
  write({{"format", kFormatVersion},
         {"batch", batch_json(tag)},
         {"query", query},
         {"error",
          {{"code", error_code_name(error.code())},
           {"message", error.to_string()}}}});
}

void JsonFormatter::write(const Json& document) {
  // Scraped text may hold stray bytes that are not UTF-8: replace them
  // rather than fail the whole output.
  out_ << document.dump(is_batch_ ? -1 : 2, ' ', false,
                        Json::error_handler_t::replace)
       << "\n";
  out_.flush();
}

}  // namespace news::searcher
