// ResultFormatter: the one interface every output format implements. A
// search's results are written as begin(summary), hit() per hit in rank
// order, facets(), end(). Formatters write to the stream they were given and
// see only the plain values of search_results.h, never Xapian types.
#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include "searcher/search_request.h"
#include "searcher/search_results.h"

namespace news::searcher {

class ResultFormatter {
 public:
  virtual ~ResultFormatter() = default;
  virtual void begin(const SearchSummary& summary) = 0;
  virtual void hit(const Hit& hit) = 0;
  virtual void facets(const std::vector<FacetGroup>& facets) = 0;
  // Finishes the output (JSON writes its single document here) and flushes.
  virtual void end() = 0;
};

// The formatter for `format`, writing to `out`, which must outlive it.
// is_color: mark highlights with ANSI bold instead of "**" (text only).
std::unique_ptr<ResultFormatter> make_formatter(OutputFormat format,
                                                bool is_color,
                                                std::ostream& out);

// Whether --color=`mode` means ANSI bold, given whether stdout is a terminal.
bool use_color(ColorMode mode, bool is_terminal);

// Drives `formatter` through all of `results`.
void write_results(const SearchResults& results, ResultFormatter& formatter);

}  // namespace news::searcher
