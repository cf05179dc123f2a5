// WarcReader: web archives (.warc, and .warc.gz with one gzip member per
// record or one for the whole file), one RawDocument per HTML page in it,
// streamed in bounded memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/readers/reader.h"

namespace news::corpus {

struct WarcReaderOptions {
  // A record block longer than this is skipped (reported when it is an
  // HTML response).
  std::uint64_t max_block_bytes = std::uint64_t{64} << 20;
};

// The payload of an HTTP response as archived in a WARC response block:
// status, content type and the body with chunked transfer coding and
// gzip/deflate content coding undone.
struct HttpResponse {
  int status = 0;            // 200; 0 when there is no status line
  std::string content_type;  // "text/html" (lower case, no parameters)
  std::string charset;       // from "; charset=...", lower case; "" if none
  std::string body;
};

// Parses block (a WARC response record's block: "HTTP/1.1 200 OK\r\n",
// headers, a blank line, the body). kBadInput with the problem when the
// block is not an HTTP response or its coding cannot be undone.
Result<HttpResponse> parse_http_response(std::string_view block);

class WarcReader final : public Reader {
 public:
  explicit WarcReader(WarcReaderOptions options = {});

  // One RawDocument (format kHtml) per "response" record holding an HTML
  // page (Content-Type text/html or application/xhtml+xml, or none and a
  // body that starts with '<') with a 2xx status, and per "resource" record
  // of an HTML content type: bytes is the page, declared_charset the HTTP
  // charset, target_url the WARC-Target-URI (ill-formed UTF-8 repaired, as
  // record fields are), capture_date the WARC-Date.
  // source.record is the 1-based index of the record among all records of
  // the file (warcinfo, request and metadata records count too);
  // byte_offset where it starts in the decompressed content. Other records
  // (requests, redirects, images, scripts) are passed over silently.
  // Reported (kBadInput, source = file and record), reading going on with
  // the next record:
  //   "not a WARC record (no 'WARC/1.x' line); skipped to the next record"
  //   "WARC record without a valid Content-Length; skipped to the next
  //   record"
  //   "HTML response of N MiB is larger than the M MiB read; record skipped"
  //   "<HTTP problem>; record skipped"
  //   "record truncated (Content-Length 5000, 1200 bytes present); record
  //   skipped"
  // and for the file: the errors of InputStream::open, and an early end of
  // the content ("truncated gzip (N bytes decompressed) in record 5; the
  // records before it were read").
  void read_each(const InputFile& file, ErrorSink& sink,
                 const DocumentConsumer& consume) const override;

 private:
  WarcReaderOptions options_;
};

}  // namespace news::corpus
