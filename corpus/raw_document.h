// RawDocument: what one file (or one record of a multi-record file) holds
// before interpretation, as produced by a Reader.
#pragma once

#include <cstdint>
#include <string>

#include "common/error.h"
#include "corpus/input_file.h"

namespace news::corpus {

struct RawDocument {
  SourceRef source;
  Format format = Format::kText;
  // The record's content. Text readers deliver it decoded: well-formed
  // UTF-8 in NFC with "\n" line endings and no byte-order marks.
  std::string bytes;
  std::string declared_charset;  // "utf-8" for text dumps
  std::uint64_t size_bytes = 0;  // of the whole file
  std::int64_t mtime_seconds = 0;
};

}  // namespace news::corpus
