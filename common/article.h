// Article: one clean, typed, validated news article, the value that flows
// from the extractors (corpus/) to the index writer (indexer/).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/error.h"

namespace news {

// Which rule gave each metadata field, so a user can audit the extraction
// (e.g. "first-line", "text:support-banner", "flag:--outlet", "none").
struct ExtractionFacts {
  std::string title_rule;
  std::string outlet_rule;
  std::string date_rule;
};

struct Article {
  // Stable identity used for the unique-id term: the URL when known, else
  // the canonical source path plus record number.
  std::string id;
  std::string url;     // empty when unknown
  std::string outlet;  // display name; "unknown" when no rule gave one
  std::string title;
  std::vector<std::string> authors;
  std::optional<Date> published;  // never invented
  // When a web archive captured the page (WARC-Date): a crawl date, never
  // taken for the publication date. Empty for other inputs.
  std::optional<Date> crawled;
  std::string language;  // ISO 639-1, e.g. "en"
  std::string body;      // clean UTF-8, NFC, paragraphs split by \n\n
  SourceRef source;
  ExtractionFacts facts;
};

inline constexpr char kUnknownOutlet[] = "unknown";

}  // namespace news
