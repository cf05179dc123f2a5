// SearchRequest: the validated meaning of a news-search command line (or of
// one line of a batch), the one input of the search pipeline (query builder,
// searcher, formatter).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"

namespace news::searcher {

enum class OutputFormat { kText, kJson, kJsonl, kCsv, kTsv };

// When the text format marks matched words with ANSI bold instead of
// "**" markers: kAuto does so only when stdout is a terminal.
enum class ColorMode { kAuto, kAlways, kNever };

// kRelevance: BM25 weight; kDateAscending/kDateDescending: publication date
// (undated articles last). Ties are always broken by the article id.
enum class SortOrder { kRelevance, kDateAscending, kDateDescending };

// A facet: a field whose values are counted over all matches.
enum class Facet { kOutlet, kLanguage, kYear, kMonth, kAuthor, kSite };

// A member of a hit that --fields can ask for (csv/tsv columns, json and
// jsonl hit members).
enum class HitField {
  kRank,
  kDocid,
  kScore,
  kPercent,
  kId,
  kTitle,
  kOutlet,
  kDate,
  kUrl,
  kSite,
  kPath,
  kLanguage,
  kAuthors,
  kSnippet,
  kSnippetText,
  kHighlights,
  kBody,
};

struct SearchRequest {
  std::vector<std::string> database_paths;  // at least one
  std::string query;                        // non-blank, as typed
  // Outlet filters (display names or keys, any case): a hit must come from
  // one of `outlets` and from none of `excluded_outlets`. Empty: no filter.
  std::vector<std::string> outlets;
  std::vector<std::string> excluded_outlets;
  // URL hosts ("rt.com", any case, "www." ignored): a hit must come from one.
  std::vector<std::string> sites;
  // Inclusive publication-date range; an open end is nullopt. A bound makes
  // undated articles drop out.
  std::optional<Date> from;
  std::optional<Date> to;
  // ISO 639-1 code: only articles in this language, and the stemmer for
  // query words. Empty: no filter, the index's main language's stemmer.
  std::string language;
  bool is_any = false;  // default operator OR instead of AND (--any)
  std::size_t offset = 0;
  std::size_t limit = 10;
  SortOrder sort = SortOrder::kRelevance;
  // Facets to count exactly over all matches, in this order. With no facet
  // (and no is_count_only) the total is Xapian's estimate, which is faster.
  std::vector<Facet> facets = {Facet::kOutlet};
  std::size_t facet_limit = 0;  // values per facet; 0: all
  bool is_count_only = false;   // --count: no hits, exact total and facets
  OutputFormat format = OutputFormat::kText;
  ColorMode color = ColorMode::kAuto;
  // Hit members for json/jsonl/csv/tsv; empty: the format's default.
  std::vector<HitField> fields;
};

}  // namespace news::searcher
