// The plain values a search produces, handed to the formatters. Nothing here
// refers to Xapian, so formatters and their tests never see Xapian types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "searcher/search_request.h"
#include "searcher/snippet.h"

namespace news::searcher {

// One matching article on the requested page.
struct Hit {
  std::size_t rank = 0;     // 1-based, counting from the first match
                            // (offset included)
  std::uint32_t docid = 0;  // Xapian document id (combined over -d dbs)
  double weight = 0.0;      // BM25 weight (0 when sorted by date)
  int percent = 0;          // weight scaled to 0..100 by Xapian
  std::string id;           // the article's stable id (Q term)
  std::string title;        // may be empty
  std::string outlet;       // display name, "unknown" when not known
  std::optional<Date> published;
  std::string path;      // source file of the article
  std::string url;       // empty when unknown
  std::string site;      // URL host without "www.", empty when unknown
  std::string language;  // ISO 639-1
  std::vector<std::string> authors;
  Snippet snippet;   // body excerpt with the query words marked
  std::string body;  // the full clean text, only when --fields asks for it
};

// How many matches (over all matches, not just the page) have one value.
struct FacetCount {
  std::string value;
  std::uint64_t count = 0;
};

// Counts for one facet ("outlet"), ordered by count descending, then value,
// cut to the facet limit.
struct FacetGroup {
  std::string name;
  std::vector<FacetCount> counts;
  // Distinct values before the cut to the facet limit.
  std::uint64_t value_count = 0;
};

// Where results come from: enough to tell two runs on different indexes
// apart and to reproduce a run (docs/output-format.md, "provenance").
struct DatabaseFingerprint {
  std::string path;  // as given with -d
  std::uint64_t document_count = 0;
  std::string last_modified;   // UTC "2024-05-01T12:00:00Z", "" unknown
  std::string schema_version;  // metadata news-search:schema
  std::string uuid;            // Xapian's database UUID
};

struct Provenance {
  std::string tool_version;  // "news-search 0.1.0"
  std::vector<DatabaseFingerprint> databases;
  std::string analyzer_settings;  // Analyzer::settings_description()
  std::string main_language;      // the index's main language
};

// Identifies one query of a batch: its 1-based line, and the "id" of a
// JSON request (empty otherwise).
struct BatchTag {
  std::size_t line = 0;
  std::string id;
};

// What the formatters print before the hits.
struct SearchSummary {
  std::string query;             // as the user typed it
  std::string parsed_query;      // Xapian's description of the parsed query
  std::string stemmer_language;  // language whose stemmer parsed the words
  Provenance provenance;
  std::optional<BatchTag> batch_tag;  // set in batch mode
  // The number of matches: exact when is_total_exact (facets asked for, or
  // --count), else Xapian's estimate between total_min and total_max.
  std::uint64_t total_matches = 0;
  std::uint64_t total_min = 0;
  std::uint64_t total_max = 0;
  bool is_total_exact = true;
  std::size_t offset = 0;
  std::size_t limit = 0;
  SortOrder sort = SortOrder::kRelevance;
};

struct SearchResults {
  SearchSummary summary;
  std::vector<Hit> hits;  // the page: at most `limit` hits from `offset`
  std::vector<FacetGroup> facets;
};

// news-search --stats: what an index holds.
struct IndexStats {
  Provenance provenance;
  std::uint64_t document_count = 0;
  std::vector<FacetCount> outlets;    // by count descending, then name
  std::vector<FacetCount> languages;  // likewise
  std::uint64_t dated_count = 0;      // articles with a publication date
  std::optional<Date> first_date;
  std::optional<Date> last_date;
  std::uint64_t size_bytes = 0;  // files of the database folders
  std::string build_info;        // metadata news-search:build (first db)
  // The facet tables news-index stores (common/slot_table.h): "current"
  // when every index has them for its present state, "stale" when some are
  // there but out of date, "none" when no index has any.
  std::string facet_tables;
};

// news-search --show: one article as stored.
struct StoredArticle {
  std::uint32_t docid = 0;
  Hit fields;  // every field filled, body included; no rank, score, snippet
  std::string title_rule;
  std::string outlet_rule;
  std::string date_rule;
  std::uint64_t record = 0;
};

}  // namespace news::searcher
