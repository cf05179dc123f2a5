#include "corpus/readers/warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>
#include <vector>

#include "common/text/utf8.h"
#include "corpus/readers/buffered_input.h"

namespace news::corpus {
namespace {

constexpr std::size_t kMaxHeaderBytes = 1 << 20;

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return result;
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' ||
                           text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

std::string mib(const std::uint64_t bytes) {
  return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB";
}

struct HeaderBlock {
  std::string first_line;
  // Names lower case.
  std::vector<std::pair<std::string, std::string>> fields;

  std::string get(std::string_view name) const {
    for (const auto& [field_name, value] : fields) {
      if (field_name == name) return value;
    }
    return "";
  }
};

// The end of a header block at the front of text: the offset just past the
// blank line ("\r\n\r\n", or "\n\n" from tools that write bare newlines).
std::optional<std::size_t> header_end(std::string_view text) {
  const std::size_t crlf = text.find("\r\n\r\n");
  const std::size_t lf = text.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) {
    return std::nullopt;
  }
  if (lf != std::string_view::npos &&
      (crlf == std::string_view::npos || lf < crlf)) {
    return lf + 2;
  }
  return crlf + 4;
}

HeaderBlock parse_headers(std::string_view text) {
  HeaderBlock block;
  bool is_first = true;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = trim_spaces(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size()
                                                         : newline + 1);
    if (is_first) {
      block.first_line = std::string(line);
      is_first = false;
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    block.fields.emplace_back(lower(trim_spaces(line.substr(0, colon))),
                              std::string(trim_spaces(line.substr(colon + 1))));
  }
  return block;
}

std::optional<std::uint64_t> parse_length(std::string_view text) {
  text = trim_spaces(text);
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

// "text/html; charset=UTF-8" -> type "text/html", charset "utf-8".
void split_content_type(std::string_view value, std::string& type,
                        std::string& charset) {
  const std::size_t semicolon = value.find(';');
  type = lower(trim_spaces(value.substr(0, semicolon)));
  charset.clear();
  if (semicolon == std::string_view::npos) return;
  const std::string parameters = lower(value.substr(semicolon + 1));
  const std::size_t at = parameters.find("charset=");
  if (at == std::string::npos) return;
  std::string_view rest = std::string_view(parameters).substr(at + 8);
  rest = rest.substr(0, rest.find(';'));
  rest = trim_spaces(rest);
  if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
    rest.remove_prefix(1);
  }
  if (!rest.empty() && (rest.back() == '"' || rest.back() == '\'')) {
    rest.remove_suffix(1);
  }
  charset = std::string(rest);
}

Result<std::string> undo_chunked(std::string_view body) {
  std::string result;
  while (true) {
    const std::size_t newline = body.find('\n');
    if (newline == std::string_view::npos) break;  // lenient: end reached
    std::string_view size_text = trim_spaces(body.substr(0, newline));
    size_text = size_text.substr(0, size_text.find(';'));
    std::size_t size = 0;
    if (size_text.empty() || size_text.size() > 15) {
      return Error(ErrorCode::kBadInput, "bad HTTP chunk size");
    }
    for (const char c : size_text) {
      const int digit = std::isxdigit(static_cast<unsigned char>(c))
                            ? (std::isdigit(static_cast<unsigned char>(c))
                                   ? c - '0'
                                   : std::tolower(c) - 'a' + 10)
                            : -1;
      if (digit < 0) {
        return Error(ErrorCode::kBadInput, "bad HTTP chunk size");
      }
      size = size * 16 + static_cast<std::size_t>(digit);
    }
    body.remove_prefix(newline + 1);
    if (size == 0) break;
    result.append(body.substr(0, size));
    if (size >= body.size()) break;  // lenient: a cut last chunk is kept
    body.remove_prefix(size);
    if (body.substr(0, 2) == "\r\n")
      body.remove_prefix(2);
    else if (body.substr(0, 1) == "\n")
      body.remove_prefix(1);
  }
  return result;
}

struct InflateEnd {
  void operator()(z_stream* stream) const {
    inflateEnd(stream);
    delete stream;
  }
};

// gzip, zlib or raw deflate data, inflated up to max_bytes.
Result<std::string> inflate_body(std::string_view data,
                                 const std::uint64_t max_bytes) {
  for (const int window_bits : {32 + MAX_WBITS, -MAX_WBITS}) {
    std::unique_ptr<z_stream, InflateEnd> stream(new z_stream{});
    if (inflateInit2(stream.get(), window_bits) != Z_OK) {
      return Error::internal("zlib inflateInit2 failed");
    }
    stream->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream->avail_in = static_cast<uInt>(data.size());
    std::string out;
    int status = Z_OK;
    while (status == Z_OK && out.size() < max_bytes) {
      const std::size_t old_size = out.size();
      out.resize(old_size + 256 * 1024);
      stream->next_out = reinterpret_cast<Bytef*>(out.data() + old_size);
      stream->avail_out = 256 * 1024;
      status = inflate(stream.get(), Z_NO_FLUSH);
      out.resize(out.size() - stream->avail_out);
      if (status == Z_BUF_ERROR && stream->avail_in == 0) break;
    }
    if (status == Z_STREAM_END || (status == Z_BUF_ERROR && !out.empty()) ||
        (status == Z_OK && !out.empty())) {
      return out;
    }
  }
  return Error(ErrorCode::kBadInput, "cannot undo the gzip content coding");
}

bool is_html_type(const std::string& type) {
  return type == "text/html" || type == "application/xhtml+xml";
}

bool starts_like_html(std::string_view body) {
  while (!body.empty() && (body.front() == ' ' || body.front() == '\t' ||
                           body.front() == '\r' || body.front() == '\n')) {
    body.remove_prefix(1);
  }
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  return !body.empty() && body.front() == '<';
}

class WarcRun {
 public:
  WarcRun(const InputFile& file, ErrorSink& sink,
          const DocumentConsumer& consume, const WarcReaderOptions& options)
      : file_(file), sink_(sink), consume_(consume), options_(options) {}

  void run(BufferedInput& input) {
    while (skip_blank_lines(input)) {
      ++record_;
      const SourceRef source{file_.path, record_, input.offset()};
      const std::optional<std::size_t> header_length = read_header(input);
      if (!header_length) {
        if (input.problem()) break;
        if (input.view().size() > kMaxHeaderBytes) {
          report(source,
                 "not a WARC record (no header end in the first "
                 "MiB); skipped to the next record");
          resync(input);
          continue;
        }
        report(source, "record truncated in its header; record skipped");
        break;
      }
      const HeaderBlock header =
          parse_headers(input.view().substr(0, *header_length));
      if (header.first_line.compare(0, 5, "WARC/") != 0) {
        report(source,
               "not a WARC record (no 'WARC/1.x' line); skipped to the next "
               "record");
        resync(input);
        continue;
      }
      const std::optional<std::uint64_t> length =
          parse_length(header.get("content-length"));
      if (!length) {
        report(source,
               "WARC record without a valid Content-Length; skipped to the "
               "next record");
        resync(input);
        continue;
      }
      input.consume(*header_length);
      const std::string type = lower(header.get("warc-type"));
      std::string content_type;
      std::string charset;
      split_content_type(header.get("content-type"), content_type, charset);
      const bool is_response =
          type == "response" && content_type == "application/http";
      const bool is_resource = type == "resource" && is_html_type(content_type);
      const bool is_wanted =
          (is_response || is_resource) && *length <= options_.max_block_bytes;
      std::string block;
      const std::uint64_t present =
          take_block(input, *length, is_wanted ? &block : nullptr);
      if (present < *length) {
        if (!input.problem()) {
          report(source, "record truncated (Content-Length " +
                             std::to_string(*length) + ", " +
                             std::to_string(present) +
                             " bytes present); record skipped");
        }
        break;
      }
      // Only a whole record is reported as too large: a truncated one is
      // reported once, as truncated.
      if ((is_response || is_resource) && !is_wanted) {
        report(source,
               "HTML response of " + mib(*length) + " is larger than the " +
                   mib(options_.max_block_bytes) + " read; record skipped");
      }
      if (!is_wanted) continue;
      RawDocument document;
      document.source = source;
      document.format = Format::kHtml;
      document.size_bytes = file_.size_bytes;
      document.mtime_seconds = file_.mtime_seconds;
      document.target_url = header.get("warc-target-uri");
      // Some writers put the URI in angle brackets (WARC/0.x style).
      if (document.target_url.size() >= 2 &&
          document.target_url.front() == '<' &&
          document.target_url.back() == '>') {
        document.target_url =
            document.target_url.substr(1, document.target_url.size() - 2);
      }
      // It becomes the article's URL and id: well-formed UTF-8 like all
      // article text (a stray Latin-1 byte becomes U+FFFD).
      if (!text::is_valid_utf8(document.target_url)) {
        document.target_url = text::repair_utf8(document.target_url).text;
      }
      document.capture_date = header.get("warc-date");
      if (is_resource) {
        document.bytes = std::move(block);
        document.declared_charset = charset;
      } else {
        Result<HttpResponse> response = parse_http_response(block);
        if (!response.ok()) {
          report(source, response.error().message() + "; record skipped");
          continue;
        }
        HttpResponse& http = response.value();
        if (http.status < 200 || http.status > 299) continue;
        if (http.content_type.empty() ? !starts_like_html(http.body)
                                      : !is_html_type(http.content_type)) {
          continue;
        }
        document.bytes = std::move(http.body);
        document.declared_charset = http.charset;
      }
      consume_(std::move(document));
    }
    if (input.problem()) {
      const Error& problem = *input.problem();
      sink_.report(Error(problem.code(),
                         problem.message() + " in record " +
                             std::to_string(record_) +
                             "; the records before it were read",
                         SourceRef{file_.path, 0, 0}));
    }
  }

 private:
  void report(const SourceRef& source, const std::string& message) {
    sink_.report(Error::bad_input(source, message));
  }

  // Skips the blank lines between records; false at the end of the
  // content.
  bool skip_blank_lines(BufferedInput& input) {
    while (true) {
      const std::string_view view = input.view();
      std::size_t blank = 0;
      while (blank < view.size() &&
             (view[blank] == '\r' || view[blank] == '\n')) {
        ++blank;
      }
      input.consume(blank);
      if (!input.view().empty()) return true;
      if (!input.fill()) return false;
    }
  }

  std::optional<std::size_t> read_header(BufferedInput& input) {
    while (true) {
      const std::optional<std::size_t> end =
          header_end(input.view().substr(0, kMaxHeaderBytes + 4));
      if (end) return end;
      if (input.view().size() > kMaxHeaderBytes || !input.fill()) {
        return std::nullopt;
      }
    }
  }

  // Drops input up to the next line that starts a WARC record.
  void resync(BufferedInput& input) {
    input.consume(std::min<std::size_t>(1, input.view().size()));
    while (true) {
      const std::string_view view = input.view();
      const std::size_t next = view.find("\nWARC/");
      if (next != std::string_view::npos) {
        input.consume(next + 1);
        return;
      }
      // Keep a tail in case the marker straddles two pieces.
      if (view.size() > 8) input.consume(view.size() - 8);
      if (!input.fill()) {
        input.consume(input.view().size());
        return;
      }
    }
  }

  // Consumes length bytes of block, appending them to out when given;
  // returns how many were present.
  std::uint64_t take_block(BufferedInput& input, const std::uint64_t length,
                           std::string* out) {
    std::uint64_t taken = 0;
    while (taken < length) {
      if (input.view().empty() && !input.fill()) break;
      const std::size_t count = static_cast<std::size_t>(
          std::min<std::uint64_t>(length - taken, input.view().size()));
      if (out != nullptr) out->append(input.view().substr(0, count));
      input.consume(count);
      taken += count;
    }
    return taken;
  }

  const InputFile& file_;
  ErrorSink& sink_;
  const DocumentConsumer& consume_;
  const WarcReaderOptions& options_;
  std::uint64_t record_ = 0;
};

}  // namespace

Result<HttpResponse> parse_http_response(std::string_view block) {
  const std::optional<std::size_t> end = header_end(block);
  if (block.compare(0, 5, "HTTP/") != 0 || !end) {
    return Error(ErrorCode::kBadInput,
                 "response block is not an HTTP response");
  }
  const HeaderBlock header = parse_headers(block.substr(0, *end));
  HttpResponse response;
  const std::size_t space = header.first_line.find(' ');
  if (space != std::string::npos) {
    response.status = std::atoi(header.first_line.c_str() + space + 1);
  }
  split_content_type(header.get("content-type"), response.content_type,
                     response.charset);
  std::string_view body = block.substr(*end);
  std::string decoded;
  if (lower(header.get("transfer-encoding")).find("chunked") !=
      std::string::npos) {
    Result<std::string> unchunked = undo_chunked(body);
    if (!unchunked.ok()) return unchunked.error();
    decoded = std::move(unchunked).value();
    body = decoded;
  }
  const std::string coding = lower(header.get("content-encoding"));
  if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
    Result<std::string> inflated = inflate_body(body, 64 << 20);
    if (!inflated.ok()) return inflated.error();
    response.body = std::move(inflated).value();
  } else {
    response.body = std::string(body);
  }
  return response;
}

WarcReader::WarcReader(WarcReaderOptions options) : options_(options) {}

void WarcReader::read_each(const InputFile& file, ErrorSink& sink,
                           const DocumentConsumer& consume) const {
  Result<InputStream> opened = InputStream::open(file.path, file.compression);
  if (!opened.ok()) {
    sink.report(opened.error());
    return;
  }
  BufferedInput input(std::move(opened).value());
  WarcRun(file, sink, consume, options_).run(input);
}

}  // namespace news::corpus
