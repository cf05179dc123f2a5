// Batch requests (news-search --batch): each line of the input is one
// query, either plain query text or a JSON object with the query and
// per-query options (see --help, docs/query-language.md). Lines that are
// blank or start with "#" are skipped.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "searcher/search_request.h"
#include "searcher/search_results.h"

namespace news::searcher {

struct BatchEntry {
  BatchTag tag;       // line number and the request's "id"
  std::string query;  // the query text (or the raw line when unreadable)
  // The request: `defaults` with the line's query and options. Errors
  // (kUsage for a bad request, kQuerySyntax for a blank query) say what is
  // wrong with the line.
  Result<SearchRequest> request;
};

// The entry for one line (1-based line_number), or nullopt for a blank or
// comment line. A line starting with "{" is read as a JSON request with the
// members id (string or number), query (string, required), limit, offset,
// facet_limit (numbers >= 0), outlet, exclude_outlet, site (string or array
// of strings), from, to, lang, sort, facets (string, facets also an array),
// count, any (booleans); an unknown member is an error.
std::optional<BatchEntry> parse_batch_line(std::string_view line,
                                           std::size_t line_number,
                                           const SearchRequest& defaults);

}  // namespace news::searcher
