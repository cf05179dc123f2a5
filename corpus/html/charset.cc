#include "corpus/html/charset.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>

#include "common/text/utf8.h"

namespace news::corpus::html {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// A label as written in a page, cleaned: quotes, spaces and case.
std::string clean_label(std::string_view label) {
  std::string cleaned;
  for (const char c : label) {
    if (is_space(c) || c == '"' || c == '\'') continue;
    cleaned.push_back(ascii_lower(c));
  }
  return cleaned;
}

// The value after "charset=" (or "encoding=") at position, up to a
// delimiter.
std::string label_after(std::string_view text, std::size_t position) {
  while (position < text.size() &&
         (is_space(text[position]) || text[position] == '"' ||
          text[position] == '\'')) {
    ++position;
  }
  std::size_t end = position;
  while (end < text.size() && !is_space(text[end]) && text[end] != '"' &&
         text[end] != '\'' && text[end] != ';' && text[end] != '>' &&
         text[end] != '/' && text[end] != ',') {
    ++end;
  }
  return clean_label(text.substr(position, end - position));
}

std::string sniff_meta_charset(std::string_view head_bytes) {
  std::string head(head_bytes);
  std::transform(head.begin(), head.end(), head.begin(), ascii_lower);
  const std::string_view text(head);
  if (starts_with(text, "<?xml")) {
    const std::size_t end = text.find("?>");
    const std::size_t encoding = text.substr(0, end).find("encoding=");
    if (encoding != std::string_view::npos) {
      std::string label = label_after(text, encoding + 9);
      if (!label.empty()) return label;
    }
  }
  std::size_t position = 0;
  while ((position = text.find("<meta", position)) != std::string_view::npos) {
    const std::size_t end = text.find('>', position);
    const std::string_view tag = text.substr(
        position, end == std::string_view::npos ? end : end - position);
    const std::size_t charset = tag.find("charset");
    if (charset != std::string_view::npos) {
      std::size_t equals = charset + 7;
      while (equals < tag.size() && is_space(tag[equals])) ++equals;
      if (equals < tag.size() && tag[equals] == '=') {
        std::string label = label_after(tag, equals + 1);
        if (!label.empty()) return label;
      }
    }
    if (end == std::string_view::npos) break;
    position = end;
  }
  return "";
}

bool is_latin1_label(std::string_view label) {
  constexpr std::array<std::string_view, 14> kLabels = {
      "iso-8859-1", "iso8859-1",   "iso_8859-1", "latin1", "latin-1",
      "l1",         "us-ascii",    "ascii",      "cp1252", "8859-1",
      "iso-ir-100", "csisolatin1", "cp819",      "ibm819"};
  return std::find(kLabels.begin(), kLabels.end(), label) != kLabels.end();
}

bool is_utf8_label(std::string_view label) {
  return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8" ||
         label == "x-unicode20utf8";
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

DecodedPage decode_utf8(std::string_view bytes) {
  text::RepairedText repaired = text::repair_utf8(bytes);
  return {std::move(repaired.text), "utf-8", repaired.replaced_count};
}

}  // namespace

std::string sniff_charset(std::string_view bytes,
                          std::string_view declared_charset) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) return "utf-8";
  if (starts_with(bytes, "\xFF\xFE")) return "utf-16le";
  if (starts_with(bytes, "\xFE\xFF")) return "utf-16be";
  std::string declared = clean_label(declared_charset);
  if (!declared.empty()) return declared;
  return sniff_meta_charset(bytes.substr(0, kCharsetSniffBytes));
}

DecodedPage decode_page(std::string_view bytes, std::string_view charset) {
  std::string label = clean_label(charset);
  const bool has_utf16_bom =
      starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF");
  if (starts_with(label, "utf-16") || starts_with(label, "utf16") ||
      label == "unicode") {
    if (!has_utf16_bom) return decode_utf8(bytes);
    label = starts_with(bytes, "\xFF\xFE") ? "utf-16le" : "utf-16be";
    bytes.remove_prefix(2);
  }
  if (label.empty()) {
    if (text::is_valid_utf8(bytes)) return decode_utf8(bytes);
    label = "windows-1252";
  }
  if (is_utf8_label(label)) return decode_utf8(bytes);
  if (is_latin1_label(label)) label = "windows-1252";

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(
      ucnv_open(label.c_str(), &status));
  if (U_FAILURE(status) || converter == nullptr) {
    // A label ICU does not know ("x-mac-foo", junk): guess as for none.
    if (text::is_valid_utf8(bytes)) return decode_utf8(bytes);
    label = "windows-1252";
    status = U_ZERO_ERROR;
    converter.reset(ucnv_open(label.c_str(), &status));
    if (U_FAILURE(status) || converter == nullptr) return decode_utf8(bytes);
  }
  constexpr std::size_t kMaxBytes = 1U << 30;
  const std::string_view input = bytes.substr(0, kMaxBytes);
  const icu::UnicodeString unicode(input.data(),
                                   static_cast<int32_t>(input.size()),
                                   converter.get(), status);
  if (U_FAILURE(status)) return decode_utf8(bytes);
  std::string utf8;
  unicode.toUTF8String(utf8);
  DecodedPage page = decode_utf8(utf8);
  page.charset = label;
  return page;
}

}  // namespace news::corpus::html
