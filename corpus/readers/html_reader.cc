#include "corpus/readers/html_reader.h"

#include <algorithm>
#include <string>

#include "corpus/readers/input_stream.h"

namespace news::corpus {
namespace {

constexpr std::size_t kChunkBytes = 1 << 20;
constexpr std::size_t kBinarySniffBytes = 64 * 1024;

std::string format_size(const std::uint64_t bytes) {
  if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  return std::to_string(bytes) + " bytes";
}

}  // namespace

HtmlReader::HtmlReader(HtmlReaderOptions options) : options_(options) {}

void HtmlReader::read_each(const InputFile& file, ErrorSink& sink,
                           const DocumentConsumer& consume) const {
  const SourceRef source{file.path, 0, 0};
  Result<InputStream> opened = InputStream::open(file.path, file.compression);
  if (!opened.ok()) {
    sink.report(opened.error());
    return;
  }
  InputStream& stream = opened.value();
  const auto max_bytes = static_cast<std::size_t>(options_.max_bytes);
  std::string bytes;
  std::string partial_reason;
  while (bytes.size() < max_bytes) {
    const Result<std::size_t> count =
        stream.read(bytes, std::min(kChunkBytes, max_bytes - bytes.size()));
    if (!count.ok()) {
      if (count.error().code() != ErrorCode::kBadInput) {
        sink.report(Error(count.error().code(),
                          count.error().message() + "; skipped", source));
        return;
      }
      partial_reason = count.error().message();
      break;
    }
    if (count.value() == 0) break;
  }
  if (partial_reason.empty() && bytes.size() >= max_bytes) {
    std::string probe;
    const Result<std::size_t> more = stream.read(probe, 1);
    if (!more.ok() || more.value() > 0) {
      partial_reason = "file is larger than " + format_size(max_bytes) +
                       "; only the first " + format_size(max_bytes) +
                       " were read";
    }
  }
  if (bytes.empty() && !partial_reason.empty()) {
    sink.report(Error::bad_input(source, partial_reason + "; skipped"));
    return;
  }
  // UTF-16 pages have NUL bytes but start with a byte-order mark.
  const bool is_utf16 =
      bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  // Saved pages sometimes carry a few stray NUL bytes; an image or archive
  // has many.
  const std::string_view head =
      std::string_view(bytes).substr(0, kBinarySniffBytes);
  const auto nul_count = std::count(head.begin(), head.end(), '\0');
  if (!is_utf16 && static_cast<std::size_t>(nul_count) * 100 > head.size()) {
    sink.report(Error::bad_input(source, "binary file; skipped"));
    return;
  }
  RawDocument document;
  document.source = source;
  document.format = Format::kHtml;
  document.bytes = std::move(bytes);
  document.size_bytes = file.size_bytes;
  document.mtime_seconds = file.mtime_seconds;
  document.partial_reason = std::move(partial_reason);
  consume(std::move(document));
}

}  // namespace news::corpus
