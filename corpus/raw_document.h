// RawDocument: what one file (or one record of a multi-record file) holds
// before interpretation, as produced by a Reader.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "corpus/input_file.h"

namespace news::corpus {

// One field of a record (JSON member, CSV column), as text.
struct RecordField {
  std::string name;   // JSON key or CSV header cell, as written
  std::string value;  // UTF-8, NFC, "\n" line endings; see the readers
};

struct RawDocument {
  SourceRef source;
  // kText: decoded text dump; kHtml: one HTML page (a file or a WARC
  // response); kJsonl, kCsv, kTsv: one record, in fields.
  Format format = Format::kText;
  // The document's content. Text readers deliver it decoded: well-formed
  // UTF-8 in NFC with "\n" line endings and no byte-order marks. HTML is
  // delivered as found (any charset; see declared_charset). Empty for
  // records.
  std::string bytes;
  std::string declared_charset;  // "utf-8" for text dumps; "" if unknown
  std::uint64_t size_bytes = 0;  // of the whole file
  std::int64_t mtime_seconds = 0;
  // Empty when the whole input was read; else why only part of it was
  // ("truncated gzip (812 bytes decompressed)", "file is larger than 64
  // MiB; only the first 64 MiB were read"). Readers do not report it: the
  // caller reports it once, with what it made of the part it got.
  std::string partial_reason;
  // Records (kJsonl, kCsv, kTsv): the fields in record order.
  std::vector<RecordField> fields;
  // WARC response records: the WARC-Target-URI and the WARC-Date (capture
  // time as written, e.g. "2019-03-23T10:00:00Z"): a crawl date, never a
  // publication date.
  std::string target_url;
  std::string capture_date;
};

}  // namespace news::corpus
