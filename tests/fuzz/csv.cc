#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/readers/csv_reader.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"
#include "tests/fuzz/reader_checks.h"

namespace news::fuzz {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kMoreLines = " more lines after it could not be";

std::vector<std::string_view> split_lines(std::string_view content) {
  std::vector<std::string_view> lines;
  while (!content.empty()) {
    const std::size_t newline = content.find('\n');
    lines.push_back(content.substr(0, newline));
    content.remove_prefix(newline == std::string_view::npos ? content.size()
                                                            : newline + 1);
  }
  return lines;
}

// A row of only delimiters and white space.
bool is_blank(const std::string_view line, const char delimiter) {
  return std::all_of(line.begin(), line.end(), [&](const char c) {
    return c == delimiter || c == ' ' || c == '\t' || c == '\r';
  });
}

// The delimiter a .csv is read with once its header line is seen.
char sniffed(const std::string_view line) {
  if (line.find(',') != std::string_view::npos) return ',';
  if (line.find('\t') != std::string_view::npos) return '\t';
  if (line.find(';') != std::string_view::npos) return ';';
  return ',';
}

// Without any quote every line is a row: after the header, each row with
// text gives a document or a problem (or is counted in the "N more lines"
// after one), with its line number.
void check_plain_rows(const corpus::InputFile& file, std::string_view content,
                      const ReadOutcome& read) {
  const std::vector<std::string_view> lines = split_lines(content);
  char delimiter = file.format == corpus::Format::kTsv ? '\t' : ',';
  std::size_t header = lines.size();  // index
  for (std::size_t i = 0; i < lines.size() && header == lines.size(); ++i) {
    if (is_blank(lines[i], delimiter)) continue;
    if (file.format == corpus::Format::kCsv) {
      delimiter = sniffed(lines[i]);
      if (is_blank(lines[i], delimiter)) continue;
    }
    header = i;
  }
  std::set<std::uint64_t> rows;  // 1-based line numbers
  for (std::size_t i = header + 1; i < lines.size(); ++i) {
    if (!is_blank(lines[i], delimiter)) rows.insert(i + 1);
  }
  std::uint64_t accounted = read.documents.size();
  for (const corpus::RawDocument& document : read.documents) {
    check(rows.count(document.source.record) == 1,
          "a CSV document starts on a row after the header");
  }
  for (const Error& error : read.errors) {
    const std::uint64_t record = error.source()->record;
    if (record == 0) continue;
    const std::size_t more = error.message().find(kMoreLines);
    if (more != std::string::npos) {
      accounted += std::strtoull(error.message().c_str(), nullptr, 10);
      continue;
    }
    if (header < lines.size() && record == header + 1) continue;
    check(rows.count(record) == 1,
          "a CSV problem names a row after the header");
    ++accounted;
  }
  check(accounted == rows.size(),
        "every CSV row gives a document or a problem");
}

void check_csv_read(const corpus::InputFile& file, std::string_view content,
                    const ReadOutcome& read) {
  check_read(file, read, file.format, true);
  if (content.substr(0, kBom.size()) == kBom)
    content.remove_prefix(kBom.size());
  // One header for all rows: the same names, in the same order.
  std::uint64_t value_bytes = 0;
  for (const corpus::RawDocument& document : read.documents) {
    const std::vector<corpus::RecordField>& first = read.documents[0].fields;
    check(document.fields.size() == first.size() && !first.empty(),
          "every row has the header's columns");
    for (std::size_t i = 0; i < first.size(); ++i) {
      check(document.fields[i].name == first[i].name,
            "every row has the header's names");
      value_bytes += document.fields[i].value.size();
    }
  }
  check(value_bytes <= 4 * content.size() + 1024, "cell text stays bounded");
  if (content.find('"') == std::string_view::npos) {
    check_plain_rows(file, content, read);
  }
}

}  // namespace

void fuzz_csv(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The last byte picks CSV or TSV and a record cap (the content stays as
  // it is: a real table read as CSV with the default cap ends in '\n').
  const std::uint8_t last = size == 0 ? 0 : data[size - 1];
  const bool is_tsv = (last & 0x10) != 0;
  const char* name = is_tsv ? "input.tsv" : "input.csv";
  const corpus::Format format =
      is_tsv ? corpus::Format::kTsv : corpus::Format::kCsv;
  const corpus::InputFile file =
      write_input(name, bytes, format, corpus::Compression::kNone);
  static const corpus::CsvReader reader;
  const ReadOutcome read = read_all(reader, file);
  check_csv_read(file, bytes, read);

  if ((last & 3) == 0 && size > 0) {
    corpus::RecordReaderOptions options;
    options.max_record_bytes = 8 + (last >> 2);
    check_csv_read(file, bytes, read_all(corpus::CsvReader(options), file));
  }

  check_gzip_is_transparent(reader, bytes, name, format, read);
  check_articles(file, read);
}

}  // namespace news::fuzz
