#include "corpus/readers/csv_reader.h"

#include <algorithm>
#include <utility>

#include "corpus/readers/buffered_input.h"
#include "corpus/readers/field_text.h"

namespace news::corpus {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string mib(const std::uint64_t bytes) {
  return std::to_string(bytes >> 20) + " MiB";
}

// Length of the first line of text, its newline included.
std::size_t first_line_length(const std::string_view text) {
  const std::size_t newline = text.find('\n');
  return newline == std::string_view::npos ? text.size() : newline + 1;
}

std::string trim_cell(std::string_view cell) {
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) {
    cell.remove_prefix(1);
  }
  while (!cell.empty() &&
         (cell.back() == ' ' || cell.back() == '\t' || cell.back() == '\r')) {
    cell.remove_suffix(1);
  }
  return std::string(cell);
}

// The delimiter of a .csv: ',' unless its header line has none but has tabs
// (a TSV named .csv) or semicolons (spreadsheets in many locales).
char sniff_delimiter(const std::string_view header_line) {
  if (header_line.find(',') != std::string_view::npos) return ',';
  if (header_line.find('\t') != std::string_view::npos) return '\t';
  if (header_line.find(';') != std::string_view::npos) return ';';
  return ',';
}

bool is_blank_record(const CsvRecord& record) {
  return std::all_of(
      record.cells.begin(), record.cells.end(), [](const std::string& cell) {
        return cell.find_first_not_of(" \t\r") == std::string::npos;
      });
}

class CsvRun {
 public:
  CsvRun(const InputFile& file, ErrorSink& sink,
         const DocumentConsumer& consume, const RecordReaderOptions& options)
      : file_(file), sink_(sink), consume_(consume), options_(options) {}

  void run(BufferedInput& input) {
    while (input.view().size() < kBom.size() && input.fill()) {
    }
    if (input.view().substr(0, kBom.size()) == kBom) input.consume(kBom.size());
    delimiter_ = file_.format == Format::kTsv ? '\t' : ',';
    bool has_header = false;
    while (true) {
      CsvRecord record;
      // Content cut by a read problem (truncated gzip) ends inside a row:
      // what is left is not a last row, and the problem is reported below.
      const bool is_final = input.is_at_end() && !input.problem();
      const CsvParse status =
          parse_csv_record(input.view(), delimiter_, is_final, record);
      if (status == CsvParse::kNeedMore) {
        if (input.problem()) break;
        if (input.view().size() > options_.max_record_bytes) {
          bad_record(input, record_length_cap(input),
                     "record longer than " + mib(options_.max_record_bytes) +
                         "; record skipped");
          continue;
        }
        // Each retry parses the record from its start: doubling what is
        // buffered keeps a long record linear in its length.
        const std::size_t target =
            std::max<std::size_t>(2 * input.view().size(), 64 * 1024);
        bool has_more = false;
        while (input.view().size() < target && input.fill()) has_more = true;
        if (!has_more && input.view().empty()) break;
        continue;
      }
      if (status == CsvParse::kRecord && record.length == 0) break;  // end
      if (!has_header) {
        if (status != CsvParse::kRecord) {
          sink_.report(Error::bad_input(
              SourceRef{file_.path, line_ + 1, input.offset()},
              "unbalanced quote in the header row; file skipped"));
          return;
        }
        if (!is_blank_record(record)) {
          if (file_.format != Format::kTsv) {
            const char sniffed = sniff_delimiter(
                input.view().substr(0, first_line_length(input.view())));
            if (sniffed != delimiter_) {
              delimiter_ = sniffed;
              continue;  // parse the header again with it
            }
          }
          for (const std::string& cell : record.cells) {
            header_.push_back(clean_field_text(trim_cell(cell)));
          }
          has_header = true;
        }
        advance(input, record.length, record.line_count);
        continue;
      }
      if (status == CsvParse::kUnclosedQuote && is_cut_short(input.view())) {
        // The file ends inside the last record's quoted field (a cut
        // sample, an interrupted export): keep what is there, say so.
        CsvRecord cut;
        std::string closed(input.view());
        closed += '"';
        if (parse_csv_record(closed, delimiter_, true, cut) ==
                CsvParse::kRecord &&
            cut.cells.size() <= header_.size()) {
          sink_.report(Error::bad_input(
              SourceRef{file_.path, line_ + 1, input.offset()},
              "the file ends inside a quoted field (cut short?); the record "
              "was kept as far as it goes"));
          cut.length = input.view().size();  // the added quote aside
          emit(input, std::move(cut));
          continue;
        }
      }
      if (status != CsvParse::kRecord) {
        // A stray quote would swallow the rows after it: give up on this
        // line only and resynchronise at the next.
        bad_record(input, record.length,
                   status == CsvParse::kUnclosedQuote
                       ? "unbalanced quote (a quoted field opened on this "
                         "line never closes); record skipped"
                       : "unbalanced quote (text after a closing quote); "
                         "record skipped");
        continue;
      }
      if (is_blank_record(record)) {
        advance(input, record.length, record.line_count);
        continue;
      }
      // A short single-line row is a table with empty trailing cells;
      // any other mismatch is damage (often a stray quote).
      if (record.cells.size() > header_.size() ||
          (record.cells.size() < header_.size() && record.line_count > 1)) {
        const std::size_t resume = record.line_count > 1
                                       ? first_line_length(input.view())
                                       : record.length;
        bad_record(
            input, resume,
            "has " + std::to_string(record.cells.size()) +
                " fields where the header has " +
                std::to_string(header_.size()) +
                (record.line_count > 1 ? " (an unbalanced quote?)" : "") +
                "; record skipped");
        continue;
      }
      emit(input, std::move(record));
    }
    finish_bad_run();
    if (!has_header && !input.problem()) {
      sink_.report(Error::bad_input(SourceRef{file_.path, 0, 0},
                                    "empty file (no header row); skipped"));
    }
    if (input.problem()) {
      const Error& problem = *input.problem();
      sink_.report(Error(problem.code(),
                         problem.message() + " after line " +
                             std::to_string(line_) +
                             "; the records before it were read",
                         SourceRef{file_.path, 0, 0}));
    }
  }

 private:
  // Passes the row record (at the front of input) on and moves past it.
  void emit(BufferedInput& input, CsvRecord record) {
    finish_bad_run();
    RawDocument document;
    document.source = SourceRef{file_.path, line_ + 1, input.offset()};
    document.format = file_.format;
    document.declared_charset = "utf-8";
    document.size_bytes = file_.size_bytes;
    document.mtime_seconds = file_.mtime_seconds;
    record.cells.resize(header_.size());
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
      document.fields.push_back(
          RecordField{header_[i], clean_field_text(record.cells[i])});
    }
    advance(input, record.length, record.line_count);
    consume_(std::move(document));
  }

  // Whether an unclosed quote at the front of text is the end of a cut
  // file rather than a stray quote: no line after the first starts a row
  // that parses into the header's number of fields.
  bool is_cut_short(const std::string_view text) const {
    std::string_view rest = text.substr(first_line_length(text));
    for (int tries = 0; tries < 1000 && !rest.empty(); ++tries) {
      CsvRecord row;
      const CsvParse status = parse_csv_record(rest, delimiter_, true, row);
      if (status == CsvParse::kRecord && row.cells.size() == header_.size()) {
        return false;
      }
      rest.remove_prefix(first_line_length(rest));
    }
    return true;
  }

  std::size_t record_length_cap(const BufferedInput& input) const {
    return first_line_length(input.view());
  }

  void advance(BufferedInput& input, const std::size_t length,
               const std::size_t line_count) {
    input.consume(length);
    line_ += line_count;
  }

  // Reports the row starting at the current line (or counts it into the
  // run of bad lines after a reported one) and moves past length bytes.
  void bad_record(BufferedInput& input, const std::size_t length,
                  const std::string& message) {
    const std::size_t lines = static_cast<std::size_t>(std::count(
        input.view().begin(),
        input.view().begin() + static_cast<std::ptrdiff_t>(length), '\n'));
    if (bad_run_line_ == 0) {
      sink_.report(Error::bad_input(
          SourceRef{file_.path, line_ + 1, input.offset()}, message));
      bad_run_line_ = line_ + 1;
    } else {
      bad_run_more_ += std::max<std::size_t>(lines, 1);
    }
    advance(input, length, lines);
  }

  void finish_bad_run() {
    if (bad_run_more_ > 0) {
      sink_.report(Error::bad_input(
          SourceRef{file_.path, bad_run_line_, 0},
          std::to_string(bad_run_more_) +
              " more lines after it could not be parsed; skipped"));
    }
    bad_run_line_ = 0;
    bad_run_more_ = 0;
  }

  const InputFile& file_;
  ErrorSink& sink_;
  const DocumentConsumer& consume_;
  const RecordReaderOptions& options_;
  char delimiter_ = ',';
  std::vector<std::string> header_;
  std::uint64_t line_ = 0;  // lines before the current position
  std::uint64_t bad_run_line_ = 0;
  std::uint64_t bad_run_more_ = 0;
};

}  // namespace

CsvParse parse_csv_record(const std::string_view text, const char delimiter,
                          const bool is_final, CsvRecord& record) {
  record = CsvRecord{};
  record.cells.emplace_back();
  std::size_t i = 0;
  std::size_t newlines = 0;
  bool is_field_start = true;
  const auto unbalanced = [&](const CsvParse status) {
    record.length = first_line_length(text);
    record.line_count = 1;
    return status;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (is_field_start && c == '"') {
      // Quoted field: up to the quote not doubled.
      std::size_t position = i + 1;
      while (true) {
        const std::size_t quote = text.find('"', position);
        if (quote == std::string_view::npos) {
          if (!is_final) return CsvParse::kNeedMore;
          return unbalanced(CsvParse::kUnclosedQuote);
        }
        const std::string_view part = text.substr(position, quote - position);
        newlines += static_cast<std::size_t>(
            std::count(part.begin(), part.end(), '\n'));
        record.cells.back().append(part);
        if (quote + 1 < text.size() && text[quote + 1] == '"') {
          record.cells.back() += '"';
          position = quote + 2;
          continue;
        }
        if (quote + 1 == text.size() && !is_final) return CsvParse::kNeedMore;
        i = quote + 1;
        break;
      }
      // After the closing quote: a delimiter, a line end, or the end.
      std::size_t next = i;
      if (next < text.size() && text[next] == '\r') ++next;
      if (next < text.size() && text[next] != delimiter && text[next] != '\n') {
        return unbalanced(CsvParse::kTextAfterQuote);
      }
      if (next == text.size() && !is_final && next > i) {
        return CsvParse::kNeedMore;
      }
      i = next;
      is_field_start = false;
      continue;
    }
    if (c == delimiter) {
      record.cells.emplace_back();
      is_field_start = true;
      ++i;
      continue;
    }
    if (c == '\n') {
      record.length = i + 1;
      record.line_count = newlines + 1;
      return CsvParse::kRecord;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      continue;
    }
    record.cells.back() += c;
    is_field_start = false;
    ++i;
  }
  if (!is_final) return CsvParse::kNeedMore;
  record.length = text.size();
  record.line_count = text.empty() ? 0 : newlines + 1;
  return CsvParse::kRecord;
}

CsvReader::CsvReader(RecordReaderOptions options) : options_(options) {}

void CsvReader::read_each(const InputFile& file, ErrorSink& sink,
                          const DocumentConsumer& consume) const {
  Result<InputStream> opened = InputStream::open(file.path, file.compression);
  if (!opened.ok()) {
    sink.report(opened.error());
    return;
  }
  BufferedInput input(std::move(opened).value());
  CsvRun(file, sink, consume, options_).run(input);
}

}  // namespace news::corpus
