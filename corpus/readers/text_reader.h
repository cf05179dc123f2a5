// TextReader: reads a scraped plain-text dump (one document per file) and
// decodes it into clean text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/readers/reader.h"

namespace news::corpus {

struct TextReaderOptions {
  // Files longer than this are read only up to this many bytes (reported).
  std::uint64_t max_bytes = std::uint64_t{64} << 20;
};

struct DecodedText {
  std::string text;                    // UTF-8, NFC, "\n" line endings
  std::size_t replaced_sequences = 0;  // ill-formed UTF-8 replaced by U+FFFD
};

// Whether bytes look like a binary file rather than text: a NUL byte, or
// more than 10% control characters (other than tab, line feed, carriage
// return, form feed, vertical tab) in the first 64 KiB.
bool looks_binary(std::string_view bytes);

// bytes as clean text: ill-formed UTF-8 replaced by U+FFFD, byte-order
// marks (U+FEFF) removed, "\r\n" and lone "\r" turned into "\n", then NFC.
// Error kBadInput "binary file" when bytes look binary, or when more than a
// quarter of them are ill-formed UTF-8; kInternal when ICU fails.
// With decode_references (for text that is not markup: text dumps, record
// fields that hold no HTML), HTML character references are decoded too
// (text::decode_entities), before NFC.
Result<DecodedText> decode_text(std::string_view bytes,
                                bool decode_references = false);

class TextReader final : public Reader {
 public:
  explicit TextReader(TextReaderOptions options = {});

  // Passes one RawDocument whose bytes are decode_text() of the file's content
  // (decompressed, see InputStream), at most max_bytes of it. Reported, with
  // nothing returned: the errors of InputStream::open; kIo "read error
  // (...); skipped"; kBadInput "binary file; skipped" (judged on the first
  // 64 KiB, so a binary file of any size costs one block). Not reported but
  // returned in RawDocument::partial_reason, with the document of what was
  // read: "file is larger than N MiB; only the first N MiB were read" (or
  // "decompressed content is larger than ..."), "truncated gzip (N bytes
  // decompressed)", "corrupt gzip (N bytes decompressed: ...)". When
  // nothing usable was read before the damage, or what was read is binary,
  // it is reported with "; skipped" instead.
  void read_each(const InputFile& file, ErrorSink& sink,
                 const DocumentConsumer& consume) const override;

 private:
  TextReaderOptions options_;
};

}  // namespace news::corpus
