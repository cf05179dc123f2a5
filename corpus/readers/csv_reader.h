// CsvReader: CSV (.csv) and TSV (.tsv) files with a header row, one
// RawDocument per row, streamed in bounded memory. Quoting follows RFC 4180
// (fields in double quotes may hold delimiters, line breaks and doubled
// quotes), in both formats.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/readers/jsonl_reader.h"
#include "corpus/readers/reader.h"

namespace news::corpus {

// One record parsed from the front of some CSV text.
struct CsvRecord {
  std::vector<std::string> cells;  // raw cell text (quotes undone)
  std::size_t length = 0;          // bytes of text it took, newline included
  std::size_t line_count = 0;      // lines it spans (1 for a plain row)
};

enum class CsvParse {
  kRecord,          // a whole record was parsed
  kNeedMore,        // text ends inside the record and is_final was false
  kUnclosedQuote,   // a quoted field never closes (and is_final)
  kTextAfterQuote,  // a closing quote is followed by more text ("a"b)
};

// Parses the record at the front of text, cells separated by delimiter and
// ended by "\n" or "\r\n" outside quotes (or by the end of text when
// is_final). With kUnclosedQuote and kTextAfterQuote, record.length is the
// length of its first line (where a reader resumes).
CsvParse parse_csv_record(std::string_view text, char delimiter, bool is_final,
                          CsvRecord& record);

class CsvReader final : public Reader {
 public:
  explicit CsvReader(RecordReaderOptions options = {});

  // One RawDocument (format kCsv or kTsv, as file.format) per row after the
  // header: fields are (header cell, row cell) pairs in column order,
  // values cleaned with clean_field_text(). The delimiter is ',' for CSV,
  // tab for TSV; a .csv whose header line has tabs (or semicolons) and no
  // commas is read with that delimiter. source.record is the 1-based line
  // on which the row starts; byte_offset where it starts. Blank lines are
  // skipped. Reported, with the row skipped and reading going on at the
  // next line (kBadInput, source = file and line):
  //   "unbalanced quote (a quoted field opened on this line never closes);
  //   record skipped", "unbalanced quote (text after a closing quote);
  //   record skipped", "has 3 fields where the header has 16; record skipped",
  //   "record longer than N MiB; record skipped";
  // further unparsable lines right after a bad row are counted into one
  // message ("N more lines after it could not be parsed; skipped") rather
  // than one each. For the file: the errors of InputStream::open, "empty
  // file (no header row)", and an early end of the content (as JsonlReader).
  void read_each(const InputFile& file, ErrorSink& sink,
                 const DocumentConsumer& consume) const override;

 private:
  RecordReaderOptions options_;
};

}  // namespace news::corpus
