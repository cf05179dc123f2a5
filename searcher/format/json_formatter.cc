#include "searcher/format/json_formatter.h"

namespace news::searcher {
namespace {

constexpr char kMarker[] = "**";

}  // namespace

void JsonFormatter::begin(const SearchSummary& summary) {
  document_ = {
      {"format", kJsonFormatVersion},
      {"query", summary.query},
      {"parsed_query", summary.parsed_query},
      {"database", summary.database_paths},
      {"total", summary.total_matches},
      {"offset", summary.offset},
      {"limit", summary.limit},
      {"hits", nlohmann::ordered_json::array()},
      {"facets", nlohmann::ordered_json::object()},
  };
}

void JsonFormatter::hit(const Hit& hit) {
  nlohmann::ordered_json highlights = nlohmann::ordered_json::array();
  for (const Highlight& highlight : hit.snippet.highlights) {
    highlights.push_back({highlight.byte_begin, highlight.byte_end});
  }
  document_["hits"].push_back({
      {"rank", hit.rank},
      {"docid", hit.docid},
      {"score", hit.weight},
      {"percent", hit.percent},
      {"id", hit.id},
      {"title", hit.title},
      {"outlet", hit.outlet},
      {"date", hit.published ? nlohmann::ordered_json(hit.published->to_iso())
                             : nlohmann::ordered_json(nullptr)},
      {"path", hit.path},
      {"url", hit.url},
      {"snippet", mark_highlights(hit.snippet, kMarker, kMarker)},
      {"snippet_text", hit.snippet.text},
      {"highlights", std::move(highlights)},
  });
}

void JsonFormatter::facets(const std::vector<FacetGroup>& facets) {
  for (const FacetGroup& group : facets) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::array();
    for (const FacetCount& count : group.counts) {
      counts.push_back({{"value", count.value}, {"count", count.count}});
    }
    document_["facets"][group.name] = std::move(counts);
  }
}

void JsonFormatter::end() {
  // Scraped text may hold stray bytes that are not UTF-8: replace them
  // rather than fail the whole output.
  out_ << document_.dump(2, ' ', false,
                         nlohmann::ordered_json::error_handler_t::replace)
       << "\n";
  out_.flush();
}

}  // namespace news::searcher
