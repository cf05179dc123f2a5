#include "corpus/readers/text_reader.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <system_error>

#include "common/text/utf8.h"

namespace news::corpus {
namespace {

constexpr std::size_t kBinarySniffBytes = 64 * 1024;

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
}

// Line endings to "\n" and every U+FEFF (a BOM left mid-file by
// concatenation) dropped, in one pass.
std::string normalise_line_endings(std::string_view text) {
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      result += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == kBom[0] && text.substr(i, kBom.size()) == kBom) {
      i += kBom.size() - 1;
    } else {
      result += c;
    }
  }
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
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  if (nfc->isNormalized(utf16, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
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

Result<DecodedText> decode_text(std::string_view bytes) {
  if (looks_binary(bytes)) {
    return Error(ErrorCode::kBadInput, "binary file");
  }
  text::RepairedText repaired = text::repair_utf8(bytes);
  if (repaired.replaced_count * 4 > bytes.size()) {
    return Error(ErrorCode::kBadInput, "binary file");
  }
  Result<std::string> normalised =
      to_nfc(normalise_line_endings(repaired.text));
  if (!normalised.ok()) return normalised.error();
  return DecodedText{std::move(normalised).value(), repaired.replaced_count};
}

TextReader::TextReader(TextReaderOptions options) : options_(options) {}

std::vector<RawDocument> TextReader::read(const InputFile& file,
                                          ErrorSink& sink) const {
  const SourceRef source{file.path, 0, 0};
  std::ifstream stream(file.path, std::ios::binary);
  if (!stream) {
    sink.report(Error::io("cannot read file (" +
                              std::generic_category().message(errno) +
                              "); skipped",
                          source));
    return {};
  }
  // Chunked so that small files do not cost a max_bytes buffer.
  std::string bytes;
  char chunk[64 * 1024];
  while (bytes.size() < options_.max_bytes && stream) {
    const std::size_t wanted = static_cast<std::size_t>(std::min<std::uint64_t>(
        sizeof chunk, options_.max_bytes - bytes.size()));
    stream.read(chunk, static_cast<std::streamsize>(wanted));
    bytes.append(chunk, static_cast<std::size_t>(stream.gcount()));
  }
  if (stream.bad()) {
    sink.report(Error::io("read error; skipped", source));
    return {};
  }
  if (bytes.size() >= options_.max_bytes && stream &&
      stream.peek() != std::ifstream::traits_type::eof()) {
    sink.report(Error::bad_input(
        source, "file is larger than " + format_size(options_.max_bytes) +
                    "; only the first " + format_size(options_.max_bytes) +
                    " were read"));
  }
  Result<DecodedText> decoded = decode_text(bytes);
  if (!decoded.ok()) {
    sink.report(Error(decoded.error().code(),
                      decoded.error().message() + "; skipped", source));
    return {};
  }
  RawDocument document;
  document.source = source;
  document.format = Format::kText;
  document.bytes = std::move(decoded.value().text);
  document.declared_charset = "utf-8";
  document.size_bytes = file.size_bytes;
  document.mtime_seconds = file.mtime_seconds;
  std::vector<RawDocument> documents;
  documents.push_back(std::move(document));
  return documents;
}

}  // namespace news::corpus
