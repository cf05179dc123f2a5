#include "searcher/format/delimited_formatter.h"

#include "common/text/utf8.h"
#include "searcher/format/hit_values.h"
#include "searcher/request_values.h"

namespace news::searcher {
namespace {

std::string delimited_cell(std::string_view text, bool is_csv) {
  const std::string valid = text::is_valid_utf8(text)
                                ? std::string(text)
                                : text::repair_utf8(text).text;
  if (is_csv) {
    if (valid.find_first_of(",\"\r\n") == std::string::npos) return valid;
    std::string quoted = "\"";
    for (const char c : valid) {
      if (c == '"') quoted.push_back('"');
      quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
  }
  std::string escaped;
  for (const char c : valid) {
    switch (c) {
      case '\\':
        escaped += "\\\\";
        break;
      case '\t':
        escaped += "\\t";
        break;
      case '\n':
        escaped += "\\n";
        break;
      case '\r':
        escaped += "\\r";
        break;
      default:
        escaped.push_back(c);
    }
  }
  return escaped;
}

}  // namespace

void write_delimited_row(const std::vector<std::string>& cells, bool is_csv,
                         std::ostream& out) {
  bool is_first = true;
  for (const std::string& text : cells) {
    if (!is_first) out << (is_csv ? ',' : '\t');
    is_first = false;
    out << delimited_cell(text, is_csv);
  }
  out << (is_csv ? "\r\n" : "\n");
}

DelimitedFormatter::DelimitedFormatter(std::ostream& out,
                                       const FormatOptions& options)
    : out_(out),
      is_csv_(options.format != OutputFormat::kTsv),
      is_batch_(options.is_batch),
      fields_(options.fields.empty() ? default_fields(options.format)
                                     : options.fields) {}

void DelimitedFormatter::write_header() {
  if (has_header_) return;
  has_header_ = true;
  std::vector<std::string> names;
  if (is_batch_) names = {"batch_line", "batch_id"};
  for (const HitField field : fields_) names.emplace_back(field_name(field));
  write_row(names);
}

void DelimitedFormatter::begin(const SearchSummary& summary) {
  write_header();
  batch_tag_ = summary.batch_tag.value_or(BatchTag{});
}

void DelimitedFormatter::hit(const Hit& hit) {
  std::vector<std::string> cells;
  if (is_batch_) {
    cells = {std::to_string(batch_tag_.line), batch_tag_.id};
  }
  for (const HitField field : fields_) cells.push_back(hit_cell(hit, field));
  write_row(cells);
}

void DelimitedFormatter::facets(const std::vector<FacetGroup>& /*facets*/) {}

void DelimitedFormatter::end() { out_.flush(); }

void DelimitedFormatter::error(const BatchTag& /*tag*/,
                               const std::string& /*query*/,
                               const Error& /*error*/) {
  // The header still comes first, so that an all-failed batch is a table.
  write_header();
}

void DelimitedFormatter::finish() {
  write_header();
  out_.flush();
}

void DelimitedFormatter::write_row(const std::vector<std::string>& cells) {
  write_delimited_row(cells, is_csv_, out_);
}

}  // namespace news::searcher
