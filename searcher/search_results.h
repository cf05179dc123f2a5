// The plain values a search produces, handed to the formatters. Nothing here
// refers to Xapian, so formatters and their tests never see Xapian types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "searcher/snippet.h"

namespace news::searcher {

// One matching article on the requested page.
struct Hit {
  std::size_t rank = 0;     // 1-based, counting from the first match
                            // (offset included)
  std::uint32_t docid = 0;  // Xapian document id (combined over -d dbs)
  double weight = 0.0;      // BM25 weight
  int percent = 0;          // weight scaled to 0..100 by Xapian
  std::string id;           // the article's stable id (Q term)
  std::string title;        // may be empty
  std::string outlet;       // display name, "unknown" when not known
  std::optional<Date> published;
  std::string path;  // source file of the article
  std::string url;   // empty when unknown
  Snippet snippet;   // body excerpt with the query words marked
};

// How many matches (over all matches, not just the page) have one value.
struct FacetCount {
  std::string value;
  std::uint64_t count = 0;
};

// Counts for one facet ("outlet"), ordered by count descending, then value.
struct FacetGroup {
  std::string name;
  std::vector<FacetCount> counts;
};

// What the formatters print before the hits.
struct SearchSummary {
  std::string query;         // as the user typed it
  std::string parsed_query;  // Xapian's description of the parsed query
  std::vector<std::string> database_paths;
  std::uint64_t total_matches = 0;  // exact (every match is counted)
  std::size_t offset = 0;
  std::size_t limit = 0;
};

struct SearchResults {
  SearchSummary summary;
  std::vector<Hit> hits;  // the page: at most `limit` hits from `offset`
  std::vector<FacetGroup> facets;
};

}  // namespace news::searcher
