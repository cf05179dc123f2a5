// JsonlReader: JSON Lines (.jsonl, .ndjson, .json), JSON arrays of records
// (content starting with '['), and objects one after the other on any
// number of lines (a pretty-printed article per file; an API response
// wrapping its records, {"status": "ok", "articles": [...]}, gives the
// records it wraps). One RawDocument per record, streamed in bounded memory
// (one record at a time).
#pragma once

#include <cstdint>

#include "corpus/readers/reader.h"

namespace news::corpus {

struct RecordReaderOptions {
  // A record (a line, an array element, a CSV row) longer than this is
  // reported and skipped.
  std::uint64_t max_record_bytes = std::uint64_t{64} << 20;
};

class JsonlReader final : public Reader {
 public:
  explicit JsonlReader(RecordReaderOptions options = {});

  // One RawDocument (format kJsonl) per JSON object: fields are its
  // members in order, as text cleaned with clean_field_text(): strings as
  // they are, numbers and booleans as written, arrays as their elements'
  // texts one per line, an object as its "name" member (JSON-LD authors and
  // publishers) or else its JSON text; null members are left out. JSON Lines:
  // source.record is the 1-based line number; blank lines are skipped. JSON
  // arrays: source.record is the 1-based index of the element. Objects on
  // several lines, or wrapping records: the 1-based count of records (the
  // byte_offset of a wrapped record is its wrapper's plus its index).
  // byte_offset: where the record starts in the (decompressed) content. A
  // leading UTF-8 BOM is ignored. Reported, with the record skipped and reading
  // going on (kBadInput, source = file and record):
  //   "not valid JSON (<parser's reason>); record skipped"
  //   "a JSON <type>, not an object; record skipped"
  //   "record longer than N MiB; record skipped"
  // and for the file: the errors of InputStream::open (nothing read), "JSON
  // array not closed; the last record is incomplete and skipped", "text
  // after the end of the JSON array (line 12); the rest of the file
  // ignored" (a stray ']' in a broken element ends the array too), and an
  // early end of the content ("truncated gzip (N bytes decompressed) after
  // line 812; the records before it were read").
  void read_each(const InputFile& file, ErrorSink& sink,
                 const DocumentConsumer& consume) const override;

 private:
  RecordReaderOptions options_;
};

}  // namespace news::corpus
