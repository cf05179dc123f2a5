#include "corpus/readers/text_reader.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "common/text/entities.h"
#include "common/text/utf8.h"
#include "corpus/readers/input_stream.h"

namespace news::corpus {
namespace {

constexpr std::size_t kBinarySniffBytes = 64 * 1024;
constexpr std::size_t kReadChunkBytes = 1 << 20;

bool is_ascii(std::string_view text) {
  // Eight bytes at a time: this runs over every file read.
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, 8);
    if ((word & kHighBits) != 0) return false;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

// Line endings to "\n" and every U+FEFF (a BOM left mid-file by
// concatenation) dropped, in one pass.
std::string normalise_line_endings(std::string_view text) {
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  std::string result;
  result.reserve(text.size());
  // The text between the changes is appended a span at a time.
  std::size_t kept_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      result.append(text.substr(kept_from, i - kept_from));
      result += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      kept_from = i + 1;
    } else if (c == kBom[0] && text.substr(i, kBom.size()) == kBom) {
      result.append(text.substr(kept_from, i - kept_from));
      i += kBom.size() - 1;
      kept_from = i + 1;
    }
  }
  result.append(text.substr(kept_from));
  return result;
}

Result<std::string> to_nfc(std::string text) {
  if (is_ascii(text)) return text;  // ASCII is always NFC
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    return Error::internal(std::string("ICU NFC normaliser unavailable: ") +
                           u_errorName(status));
  }
  // Checked on the UTF-8 itself (ICU 60+): most text is already NFC, and
  // only the rest is converted to UTF-16 and normalised.
  const icu::StringPiece utf8(text.data(),
                              static_cast<std::int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(utf8, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(utf8);
  const icu::UnicodeString normalised = nfc->normalize(utf16, status);
  if (U_FAILURE(status)) {
    return Error::internal(std::string("ICU NFC normalisation failed: ") +
                           u_errorName(status));
  }
  std::string result;
  normalised.toUTF8String(result);
  return result;
}

std::string format_size(std::uint64_t bytes) {
  if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  return std::to_string(bytes) + " bytes";
}

}  // namespace

bool looks_binary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kBinarySniffBytes);
  if (head.find('\0') != std::string_view::npos) return true;
  const auto control_count =
      std::count_if(head.begin(), head.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' &&
                byte != '\f' && byte != '\v') ||
               byte == 0x7F;
      });
  return static_cast<std::size_t>(control_count) * 10 > head.size();
}

Result<DecodedText> decode_text(std::string_view bytes,
                                bool decode_references) {
  if (looks_binary(bytes)) {
    return Error(ErrorCode::kBadInput, "binary file");
  }
  text::RepairedText repaired = text::repair_utf8(bytes);
  if (repaired.replaced_count * 4 > bytes.size()) {
    return Error(ErrorCode::kBadInput, "binary file");
  }
  if (decode_references) {
    repaired.text = text::decode_entities(repaired.text);
  }
  Result<std::string> normalised =
      to_nfc(normalise_line_endings(repaired.text));
  if (!normalised.ok()) return normalised.error();
  return DecodedText{std::move(normalised).value(), repaired.replaced_count};
}

TextReader::TextReader(TextReaderOptions options) : options_(options) {}

void TextReader::read_each(const InputFile& file, ErrorSink& sink,
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
  // Damage after which what was read is still worth extracting.
  std::string partial_reason;
  bool is_sniffed = false;
  while (bytes.size() < max_bytes) {
    const Result<std::size_t> count =
        stream.read(bytes, std::min(kReadChunkBytes, max_bytes - bytes.size()));
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
    // A binary file (an image, a sparse or zero-filled file of any size)
    // is recognised by its first block; the rest is never read.
    if (!is_sniffed && bytes.size() >= kBinarySniffBytes) {
      is_sniffed = true;
      if (looks_binary(bytes)) {
        sink.report(Error::bad_input(source, "binary file; skipped"));
        return;
      }
    }
  }
  if (partial_reason.empty() && bytes.size() >= max_bytes) {
    std::string probe;
    const Result<std::size_t> more = stream.read(probe, 1);
    if (!more.ok() || more.value() > 0) {
      partial_reason =
          std::string(stream.is_decompressing() ? "decompressed content"
                                                : "file") +
          " is larger than " + format_size(max_bytes) + "; only the first " +
          format_size(max_bytes) + " were read";
    }
  }
  if (bytes.empty() && !partial_reason.empty()) {
    sink.report(Error::bad_input(source, partial_reason + "; skipped"));
    return;
  }
  Result<DecodedText> decoded = decode_text(bytes, true);
  if (!decoded.ok()) {
    const std::string prefix =
        partial_reason.empty() ? "" : partial_reason + "; ";
    sink.report(Error(decoded.error().code(),
                      prefix + decoded.error().message() + "; skipped",
                      source));
    return;
  }
  RawDocument document;
  document.source = source;
  document.format = Format::kText;
  document.bytes = std::move(decoded.value().text);
  document.declared_charset = "utf-8";
  document.size_bytes = file.size_bytes;
  document.mtime_seconds = file.mtime_seconds;
  document.partial_reason = std::move(partial_reason);
  consume(std::move(document));
}

}  // namespace news::corpus
