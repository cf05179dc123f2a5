// HtmlReader: a saved web page (.html, .htm, or sniffed), one RawDocument
// per file, its bytes as found: the HTML extractor decodes the charset.
#pragma once

#include <cstdint>

#include "corpus/readers/reader.h"

namespace news::corpus {

struct HtmlReaderOptions {
  // Pages longer than this are read only up to this many bytes.
  std::uint64_t max_bytes = std::uint64_t{64} << 20;
};

class HtmlReader final : public Reader {
 public:
  explicit HtmlReader(HtmlReaderOptions options = {});

  // Passes one RawDocument (format kHtml, declared_charset "") with the
  // file's content (decompressed), at most max_bytes of it. Reported, with
  // nothing passed: the errors of InputStream::open; kIo "read error (...);
  // skipped"; kBadInput "binary file; skipped" (more than 1% NUL bytes in
  // the first 64 KiB; a UTF-16 page with its byte-order mark is no binary). Not
  // reported but set in partial_reason, with what was read: "file is larger
  // than N MiB; only the first N MiB were read", "truncated gzip (N bytes
  // decompressed)", "corrupt gzip (...)"; when nothing was read before the
  // damage it is reported with "; skipped".
  void read_each(const InputFile& file, ErrorSink& sink,
                 const DocumentConsumer& consume) const override;

 private:
  HtmlReaderOptions options_;
};

}  // namespace news::corpus
