// ResultFormatter: the one interface every output format implements. A
// search's results are written as begin(summary), hit() per hit in rank
// order, facets(), end(); a batch repeats that per query (or error() for a
// query that failed) and calls finish() once at the very end. Formatters
// write to the stream they were given and see only the plain values of
// search_results.h, never Xapian types. The formats are specified in
// docs/output-format.md.
#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include "common/error.h"
#include "searcher/search_request.h"
#include "searcher/search_results.h"

namespace news::searcher {

// The value of the "format" member of json and jsonl output; changes when
// the json, jsonl, csv or tsv contract changes incompatibly.
inline constexpr char kFormatVersion[] = "news-search/2";

class ResultFormatter {
 public:
  virtual ~ResultFormatter() = default;
  virtual void begin(const SearchSummary& summary) = 0;
  virtual void hit(const Hit& hit) = 0;
  virtual void facets(const std::vector<FacetGroup>& facets) = 0;
  // Finishes one result (JSON writes its document here) and flushes.
  virtual void end() = 0;
  // A batch query that failed (bad request or query syntax), in place of
  // its begin..end block.
  virtual void error(const BatchTag& tag, const std::string& query,
                     const Error& error) = 0;
  // After the last result of a run.
  virtual void finish() {}
};

struct FormatOptions {
  OutputFormat format = OutputFormat::kText;
  bool is_color = false;  // text: ANSI bold instead of "**" markers
  // Hit members for json/jsonl/csv/tsv; empty: default_fields(format).
  std::vector<HitField> fields;
  bool is_batch = false;  // blocks tagged with the batch line and id
};

// The members of a hit each format writes when --fields is not given.
std::vector<HitField> default_fields(OutputFormat format);

// The formatter for `options`, writing to `out`, which must outlive it.
std::unique_ptr<ResultFormatter> make_formatter(const FormatOptions& options,
                                                std::ostream& out);

// Whether --color=`mode` means ANSI bold, given whether stdout is a terminal.
bool use_color(ColorMode mode, bool is_terminal);

// Drives `formatter` through all of `results` (begin, hits, facets, end).
void write_results(const SearchResults& results, ResultFormatter& formatter);

}  // namespace news::searcher
