// The csv and tsv formats (docs/output-format.md): a header row naming the
// --fields columns, then one row per hit. csv quotes as RFC 4180 says
// (fields holding a comma, quote, CR or LF are quoted, quotes doubled; rows
// end with CRLF); tsv writes no quotes and escapes backslash, tab, CR and
// LF as \\ \t \r \n. In batch mode two columns come first, batch_line and
// batch_id, and the header is written once; a failed query writes no row
// (its error goes to stderr). Ill-formed UTF-8 is written as U+FFFD.
// Summaries and facets are not written: use json or jsonl for those.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/format/result_formatter.h"

namespace news::searcher {

class DelimitedFormatter : public ResultFormatter {
 public:
  DelimitedFormatter(std::ostream& out, const FormatOptions& options);

  void begin(const SearchSummary& summary) override;
  void hit(const Hit& hit) override;
  void facets(const std::vector<FacetGroup>& facets) override;
  void end() override;
  void error(const BatchTag& tag, const std::string& query,
             const Error& error) override;
  void finish() override;

 private:
  void write_header();
  void write_row(const std::vector<std::string>& cells);

  std::ostream& out_;
  bool is_csv_;
  bool is_batch_;
  std::vector<HitField> fields_;
  bool has_header_ = false;
  BatchTag batch_tag_;
};

// One row: cells quoted (csv) or escaped (tsv) as above, then the row end.
void write_delimited_row(const std::vector<std::string>& cells, bool is_csv,
                         std::ostream& out);

}  // namespace news::searcher
