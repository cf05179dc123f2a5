#include "searcher/format/hit_values.h"

#include <sstream>

#include "searcher/request_values.h"

namespace news::searcher {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kMarker[] = "**";

Json highlights_json(const Snippet& snippet) {
  Json highlights = Json::array();
  for (const Highlight& highlight : snippet.highlights) {
    highlights.push_back({highlight.byte_begin, highlight.byte_end});
  }
  return highlights;
}

Json field_json(const Hit& hit, HitField field) {
  switch (field) {
    case HitField::kRank:
      return hit.rank;
    case HitField::kDocid:
      return hit.docid;
    case HitField::kScore:
      return hit.weight;
    case HitField::kPercent:
      return hit.percent;
    case HitField::kId:
      return hit.id;
    case HitField::kTitle:
      return hit.title;
    case HitField::kOutlet:
      return hit.outlet;
    case HitField::kDate:
      return hit.published ? Json(hit.published->to_iso()) : Json(nullptr);
    case HitField::kUrl:
      return hit.url;
    case HitField::kSite:
      return hit.site;
    case HitField::kPath:
      return hit.path;
    case HitField::kLanguage:
      return hit.language;
    case HitField::kAuthors:
      return hit.authors;
    case HitField::kSnippet:
      return mark_highlights(hit.snippet, kMarker, kMarker);
    case HitField::kSnippetText:
      return hit.snippet.text;
    case HitField::kHighlights:
      return highlights_json(hit.snippet);
    case HitField::kBody:
      break;
  }
  return hit.body;
}

}  // namespace

void add_hit_json(const Hit& hit, const std::vector<HitField>& fields,
                  Json& object) {
  for (const HitField field : fields) {
    object[std::string(field_name(field))] = field_json(hit, field);
  }
}

Json hit_json(const Hit& hit, const std::vector<HitField>& fields) {
  Json object = Json::object();
  add_hit_json(hit, fields, object);
  return object;
}

std::string hit_cell(const Hit& hit, HitField field) {
  switch (field) {
    case HitField::kDate:
      return hit.published ? hit.published->to_iso() : std::string();
    case HitField::kAuthors: {
      std::string joined;
      for (const std::string& author : hit.authors) {
        if (!joined.empty()) joined += "; ";
        joined += author;
      }
      return joined;
    }
    case HitField::kScore: {
      std::ostringstream text;
      text.precision(6);
      text << hit.weight;
      return text.str();
    }
    case HitField::kHighlights:
      return highlights_json(hit.snippet).dump();
    default:
      break;
  }
  const Json value = field_json(hit, field);
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

Json provenance_json(const Provenance& provenance,
                     const std::string& stemmer_language) {
  Json index = Json::array();
  for (const DatabaseFingerprint& database : provenance.databases) {
    index.push_back({{"path", database.path},
                     {"documents", database.document_count},
                     {"last_modified", database.last_modified},
                     {"schema", database.schema_version},
                     {"uuid", database.uuid}});
  }
  return {{"tool", provenance.tool_version},
          {"index", std::move(index)},
          {"analyzer",
           {{"settings", provenance.analyzer_settings},
            {"main_language", provenance.main_language},
            {"stemmer_language", stemmer_language}}}};
}

Json facets_json(const std::vector<FacetGroup>& facets) {
  Json object = Json::object();
  for (const FacetGroup& group : facets) {
    Json counts = Json::array();
    for (const FacetCount& count : group.counts) {
      counts.push_back({{"value", count.value}, {"count", count.count}});
    }
    object[group.name] = std::move(counts);
  }
  return object;
}

Json batch_json(const BatchTag& tag) {
  return {{"line", tag.line}, {"id", tag.id}};
}

std::string error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage:
      return "usage";
    case ErrorCode::kQuerySyntax:
      return "query_syntax";
    case ErrorCode::kBadInput:
      return "bad_input";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kIndex:
      return "index";
    case ErrorCode::kInternal:
      break;
  }
  return "internal";
}

}  // namespace news::searcher
