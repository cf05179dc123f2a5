#include "corpus/extract/language.h"

// compact_lang_det.h uses FILE without including <cstdio>, so the order
// matters here.
// clang-format off
#include <cstdio>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
// clang-format on

#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace news::corpus {
namespace {

// The ISO code of a CLD2 language: CLD2 names Chinese "zh" and "zh-Hant",
// and keeps a few withdrawn ISO 639-1 codes ("iw" for Hebrew); its
// script-only pseudo languages ("xx-Latn") and "un" are unknown.
std::string iso_code(CLD2::Language language) {
  if (language == CLD2::UNKNOWN_LANGUAGE) return {};
  std::string_view code = CLD2::LanguageCode(language);
  if (code.empty() || code.substr(0, 3) == "xx-" || code == "un" ||
      code == "xxx") {
    return {};
  }
  code = code.substr(0, code.find('-'));
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  if (code == "mo") return "ro";
  return std::string(code);
}

// "pt-BR" -> "pt", "RU" -> "ru", "" -> "".
std::string normalize_hint(std::string_view hint) {
  std::string code;
  for (const char c : hint) {
    if (c == '-' || c == '_') break;
    code += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return code;
}

// The start of text (at most max_bytes) as CLD2 accepts it: it stops at
// the first character that is not "interchange valid" UTF-8, and scraped
// text is full of those (U+0095, a cp1252 bullet decoded as Latin-1; stray
// bytes), so each becomes a space.
std::string interchange_valid_sample(std::string_view text,
                                     std::size_t max_bytes) {
  std::string sample;
  sample.reserve(std::min(text.size(), max_bytes));
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(
      std::min<std::size_t>(text.size(), static_cast<std::size_t>(INT32_MAX)));
  int32_t i = 0;
  while (i < length) {
    const int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    const bool is_control = c < 0 ||
                            (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
                            (c >= 0x7F && c <= 0x9F) ||
                            U_IS_UNICODE_NONCHAR(c) || U_IS_SURROGATE(c);
    const auto size = static_cast<std::size_t>(i - begin);
    if (sample.size() + size > max_bytes) break;
    if (is_control) {
      sample += ' ';
    } else {
      sample.append(text.data() + begin, size);
    }
  }
  return sample;
}

struct Detection {
  CLD2::Language language = CLD2::UNKNOWN_LANGUAGE;
  int percent = 0;
  bool is_reliable = false;
};

Detection run_cld2(std::string_view text, CLD2::Language hint) {
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, hint};
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3];
  int text_bytes = 0;
  Detection detection;
  int valid_prefix_bytes = 0;
  detection.language = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
      &hints, /*flags=*/0, top3, percent3, normalized_score3,
      /*resultchunkvector=*/nullptr, &text_bytes, &detection.is_reliable,
      &valid_prefix_bytes);
  detection.percent = percent3[0];
  return detection;
}

}  // namespace

LanguageGuess detect_language(std::string_view utf8_text,
                              std::string_view hint) {
  const std::string hint_code = normalize_hint(hint);
  const CLD2::Language hint_language =
      hint_code.empty() ? CLD2::UNKNOWN_LANGUAGE
                        : CLD2::GetLanguageFromName(hint_code.c_str());
  const std::string sample =
      interchange_valid_sample(utf8_text, kLanguageSampleBytes);
  const Detection detection = run_cld2(sample, hint_language);
  LanguageGuess guess;
  guess.confidence = detection.percent / 100.0;
  guess.code = iso_code(detection.language);
  guess.is_reliable = detection.is_reliable && !guess.code.empty();
  if (!guess.is_reliable) guess.code = hint_code;
  return guess;
}

}  // namespace news::corpus
