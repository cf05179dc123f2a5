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
  // Empty when the whole input was read; else why only part of it was
  // ("truncated gzip (812 bytes decompressed)", "file is larger than 64
  // MiB; only the first 64 MiB were read"). Readers do not report it: the
  // caller reports it once, with what it made of the part it got.
  std::string partial_reason;
};

}  // namespace news::corpus
