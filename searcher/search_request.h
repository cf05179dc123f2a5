// SearchRequest: the validated meaning of a news-search command line, the one
// input of the search pipeline (query builder, searcher, formatter).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace news::searcher {

enum class OutputFormat { kText, kJson };

// When the text format marks matched words with ANSI bold instead of
// "**" markers: kAuto does so only when stdout is a terminal.
enum class ColorMode { kAuto, kAlways, kNever };

struct SearchRequest {
  std::vector<std::string> database_paths;  // at least one
  std::string query;                        // non-blank, as typed
  // Outlet filters (display names or keys, any case): a hit must come from
  // one of them. Empty: no filter.
  std::vector<std::string> outlets;
  std::size_t offset = 0;
  std::size_t limit = 10;
  OutputFormat format = OutputFormat::kText;
  ColorMode color = ColorMode::kAuto;
  // ISO 639-1 code of the stemmer for query words; empty: the index's main
  // language (metadata news-search:language).
  std::string language;
};

}  // namespace news::searcher
