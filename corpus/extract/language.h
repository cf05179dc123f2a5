// Language of an article's text, detected with Google's Compact Language
// Detector 2 (Debian's libcld2), so that each article is stemmed, stop-worded
// and filtered (lang:) in its own language rather than in one language for
// the whole corpus.
#pragma once

#include <string>
#include <string_view>

namespace news::corpus {

struct LanguageGuess {
  // ISO 639-1 code, lower case ("en", "ru", "pt", "zh" for simplified and
  // traditional Chinese, "he" for Hebrew); an ISO 639-2/3 code for the few
  // languages that have no two-letter one ("haw"); "" when unknown.
  std::string code;
  // Share of the text's letters in that language, 0..1 (CLD2's percentage
  // of the top language); 0 when nothing was detected.
  double confidence = 0.0;
  // CLD2 found the language clearly ahead of the others on enough text.
  bool is_reliable = false;
};

// Bytes of text that detection looks at: the first 64 KiB (cut at a UTF-8
// character boundary) say what language an article is in.
inline constexpr std::size_t kLanguageSampleBytes = 64 * 1024;

// The language of utf8_text, plain text (not HTML). hint is a language the
// caller already believes (an ISO 639-1 code from <html lang>, a record's
// field or --lang, case-insensitive, region ignored: "pt-BR"); it nudges
// detection on short texts. When detection is unreliable (short, mixed or
// unknown text) the result is the hint, lower case without region, or ""
// when there is no hint; confidence then is the detector's, is_reliable
// false. Ill-formed UTF-8 is tolerated: the text is judged on its valid
// prefix. Never throws; thread-safe.
LanguageGuess detect_language(std::string_view utf8_text,
                              std::string_view hint = "");

}  // namespace news::corpus
