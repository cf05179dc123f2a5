#include "common/text/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <xapian/unicode.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include "common/schema.h"

namespace news::text {
namespace {

// Characters that never separate or form words: a soft hyphen inside a word
// or a zero-width space pasted from a web page must not change its terms.
bool is_ignorable(UChar32 c) {
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // byte-order mark / zero-width no-break space
      return true;
    default:
      return false;
  }
}

bool is_apostrophe(UChar32 c) {
  return c == 0x0027 || c == 0x2019 || c == 0x2018 || c == 0x02BC ||
         c == 0xFF07;
}

bool is_word_char(UChar32 c) {
  // ASCII without ICU's property lookup: its letters, digits and "_" (the
  // only connector punctuation) are ICU's answer for those code points.
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
  }
  const int8_t type = u_charType(c);
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
    case U_CONNECTOR_PUNCTUATION:
      return true;
    default:
      return false;
  }
}

bool is_digit(UChar32 c) { return u_charType(c) == U_DECIMAL_DIGIT_NUMBER; }

// The UTF-16 text handed to ICU, with the UTF-8 byte offset of each code
// unit in the original text (plus one past the end), so tokens can be mapped
// back for highlighting.
struct MappedText {
  icu::UnicodeString text;
  std::vector<std::size_t> byte_offsets;
};

MappedText map_text(std::string_view utf8) {
  MappedText mapped;
  mapped.byte_offsets.reserve(utf8.size() + 1);
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  // Written straight into the string's buffer: UTF-16 never needs more code
  // units than UTF-8 has bytes (a bad byte becomes one U+FFFD).
  char16_t* units = mapped.text.getBuffer(std::max(length, 1));
  int32_t written = 0;
  int32_t i = 0;
  while (i < length) {
    const int32_t begin = i;
    UChar32 c = bytes[i];
    if (c < 0x80) {
      ++i;
    } else {
      U8_NEXT(bytes, i, length, c);
      if (c < 0) c = 0xFFFD;
      if (is_ignorable(c)) continue;
    }
    mapped.byte_offsets.push_back(static_cast<std::size_t>(begin));
    if (U_IS_SUPPLEMENTARY(c)) {
      units[written++] = U16_LEAD(c);
      units[written++] = U16_TRAIL(c);
      mapped.byte_offsets.push_back(static_cast<std::size_t>(begin));
    } else {
      units[written++] = static_cast<char16_t>(c);
    }
  }
  mapped.text.releaseBuffer(written);
  mapped.byte_offsets.push_back(utf8.size());
  return mapped;
}

// A piece of a word token, in UTF-16 indices [begin, end).
struct Piece {
  int32_t begin;
  int32_t end;
};

// The word-break classes (Unicode's UAX #29 as ICU's root rules tailor it)
// of the characters that tokenize() segments without ICU: ASCII and the
// punctuation of most news text (curly quotes, dashes, the ellipsis, the
// no-break space). Every other code unit is kComplex: its stretch of text
// goes to ICU's word break iterator. Checked against ICU on the shared
// corpora and on random text (Analyzer.SimpleSegmentationAgreesWithIcu*).
enum class Simple : uint8_t {
  kComplex,
  kOther,      // breaks on both sides: spaces, most punctuation, symbols
  kLetter,     // ALetter: ASCII letters, and "@" in ICU's tailoring
  kDigit,      // Numeric
  kConnector,  // ExtendNumLet: "_"
  kMidNumLet,  // MidNumLet and Single_Quote: "." "'" U+2018 U+2019
  kMidNum,     // MidNum: "," ";" (ICU's tailoring drops ":" from MidLetter)
};

constexpr std::array<Simple, 128> make_ascii_classes() {
  std::array<Simple, 128> classes{};
  for (auto& c : classes) c = Simple::kOther;
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = Simple::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = Simple::kLetter;
  for (int c = '0'; c <= '9'; ++c) classes[c] = Simple::kDigit;
  classes['@'] = Simple::kLetter;
  classes['_'] = Simple::kConnector;
  classes['.'] = Simple::kMidNumLet;
  classes['\''] = Simple::kMidNumLet;
  classes[','] = Simple::kMidNum;
  classes[';'] = Simple::kMidNum;
  return classes;
}

constexpr std::array<Simple, 128> kAsciiClasses = make_ascii_classes();

Simple simple_class(char16_t unit) {
  if (unit < 0x80) return kAsciiClasses[unit];
  switch (unit) {
    case 0x2018:  // left single quotation mark
    case 0x2019:  // right single quotation mark, the curly apostrophe
      return Simple::kMidNumLet;
    case 0x00A0:  // no-break space
    case 0x00AB:  // left-pointing double angle quotation mark
    case 0x00BB:  // right-pointing double angle quotation mark
    case 0x2013:  // en dash
    case 0x2014:  // em dash
    case 0x201C:  // left double quotation mark
    case 0x201D:  // right double quotation mark
    case 0x2026:  // horizontal ellipsis
      return Simple::kOther;
    default:
      return Simple::kComplex;
  }
}

// For each ASCII character: itself lower-cased if it is a word character
// (letter, digit, "_"), else 0.
constexpr std::array<char, 128> make_ascii_word_chars() {
  std::array<char, 128> chars{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
      chars[c] = static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      chars[c] = static_cast<char>(c - 'A' + 'a');
    }
  }
  return chars;
}

constexpr std::array<char, 128> kAsciiWordChars = make_ascii_word_chars();

bool is_word_part(Simple c) {
  return c == Simple::kLetter || c == Simple::kDigit || c == Simple::kConnector;
}

// The end of the word segment that starts at `begin` (a letter, digit or
// "_") in a stretch of simple characters ending at `end`: letters, digits
// and "_" always join (WB5, WB8-10, WB13a-b); "." and apostrophes join two
// letters (WB6-7) or two digits (WB11-12); "," and ";" join two digits.
int32_t simple_word_end(const char16_t* units, int32_t begin, int32_t end) {
  Simple last = simple_class(units[begin]);
  int32_t i = begin + 1;
  while (i < end) {
    const Simple next = simple_class(units[i]);
    if (is_word_part(next)) {
      last = next;
      ++i;
      continue;
    }
    if ((next == Simple::kMidNumLet || next == Simple::kMidNum) &&
        i + 1 < end) {
      const Simple after = simple_class(units[i + 1]);
      const bool joins = (last == Simple::kDigit && after == Simple::kDigit) ||
                         (next == Simple::kMidNumLet &&
                          last == Simple::kLetter && after == Simple::kLetter);
      if (joins) {
        last = after;
        i += 2;
        continue;
      }
    }
    break;
  }
  return i;
}

}  // namespace

class Analyzer::Impl {
 public:
  Impl() = default;
  ~Impl() { utext_close(&span_text_); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // The word tokens of utf8. Stretches of simple characters (simple_class)
  // are segmented here, by the word-break rules ICU applies to them; the
  // rest by ICU's word break iterator, created on first need. A stretch
  // starts after a simple character that breaks on both sides and at a
  // simple character, where ICU always breaks and what follows segments as
  // it would in the whole text. icu_only: ICU for everything (the reference
  // that the simple path is tested against).
  std::vector<Token> tokenize(std::string_view utf8, bool icu_only) {
    std::vector<Token> tokens;
    // About one word per 6 bytes of news text.
    tokens.reserve(utf8.size() / 6);
    const MappedText mapped = map_text(utf8);
    const char16_t* units = mapped.text.getBuffer();
    const int32_t length = mapped.text.length();
    if (icu_only) {
      is_reference_ = true;
      icu_words(mapped, 0, length, tokens);
      is_reference_ = false;
      return tokens;
    }
    // [complex_begin, complex_end): stretches waiting for ICU, which takes
    // neighbouring ones in one call.
    int32_t complex_begin = 0;
    int32_t complex_end = 0;
    const auto flush_complex = [&] {
      if (complex_end > complex_begin) {
        icu_words(mapped, complex_begin, complex_end, tokens);
      }
      complex_begin = complex_end = 0;
    };
    int32_t stretch_begin = 0;
    bool stretch_is_simple = true;
    const auto end_stretch = [&](int32_t stretch_end) {
      if (!stretch_is_simple) {
        if (complex_end != stretch_begin) {
          flush_complex();
          complex_begin = stretch_begin;
        }
        complex_end = stretch_end;
        return;
      }
      for (int32_t i = stretch_begin; i < stretch_end;) {
        if (!is_word_part(simple_class(units[i]))) {
          ++i;
          continue;
        }
        flush_complex();
        const int32_t word_end = simple_word_end(units, i, stretch_end);
        add_word(mapped, i, word_end, tokens);
        i = word_end;
      }
    };
    Simple previous = Simple::kComplex;
    for (int32_t i = 0; i < length; ++i) {
      const Simple c = simple_class(units[i]);
      if (previous == Simple::kOther && c != Simple::kComplex) {
        end_stretch(i);
        stretch_begin = i;
        stretch_is_simple = true;
      }
      if (c == Simple::kComplex) stretch_is_simple = false;
      previous = c;
    }
    end_stretch(length);
    flush_complex();
    return tokens;
  }

 private:
  // The words ICU's word break iterator finds in mapped.text[begin, end).
  void icu_words(const MappedText& mapped, int32_t begin, int32_t end,
                 std::vector<Token>& tokens) {
    if (begin >= end) return;
    icu::BreakIterator& breaker = word_breaker();
    UErrorCode status = U_ZERO_ERROR;
    utext_openUChars(&span_text_, mapped.text.getBuffer() + begin, end - begin,
                     &status);
    breaker.setText(&span_text_, status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU word break failed: ") +
                               u_errorName(status));
    }
    int32_t word_begin = breaker.first();
    for (int32_t word_end = breaker.next();
         word_end != icu::BreakIterator::DONE;
         word_begin = word_end, word_end = breaker.next()) {
      if (breaker.getRuleStatus() == UBRK_WORD_NONE) continue;
      add_word(mapped, begin + word_begin, begin + word_end, tokens);
    }
  }

  // The tokens of one word segment, mapped.text[begin, end).
  void add_word(const MappedText& mapped, int32_t begin, int32_t end,
                std::vector<Token>& tokens) {
    // Most words are ASCII letters and digits: one piece, lower-cased, with
    // no splitting, apostrophe or normalisation to do.
    if (!is_reference_ &&
        end - begin <= static_cast<int32_t>(schema::kMaxTermBytes)) {
      const char16_t* units = mapped.text.getBuffer();
      char lowered[schema::kMaxTermBytes];
      bool is_plain = true;
      bool has_alnum = false;
      for (int32_t i = begin; i < end; ++i) {
        const char16_t unit = units[i];
        if (unit >= 0x80 || kAsciiWordChars[unit] == 0) {
          is_plain = false;
          break;
        }
        lowered[i - begin] = kAsciiWordChars[unit];
        has_alnum = has_alnum || unit != '_';
      }
      if (is_plain) {
        // "_" alone (or "__") is punctuation, not a word.
        if (has_alnum) {
          tokens.push_back(
              Token{std::string(lowered, static_cast<std::size_t>(end - begin)),
                    mapped.byte_offsets[static_cast<std::size_t>(begin)],
                    mapped.byte_offsets[static_cast<std::size_t>(end)]});
        }
        return;
      }
    }
    split_word(mapped.text, begin, end);
    for (const Piece& piece : pieces_) {
      std::string term = normalize_piece(mapped.text, piece);
      if (term.empty() || term.size() > schema::kMaxTermBytes) continue;
      tokens.push_back(Token{std::move(term), mapped.byte_offsets[piece.begin],
                             mapped.byte_offsets[piece.end]});
    }
  }

  icu::BreakIterator& word_breaker() {
    if (!breaker_) {
      UErrorCode status = U_ZERO_ERROR;
      breaker_.reset(icu::BreakIterator::createWordInstance(
          icu::Locale::getRoot(), status));
      if (U_FAILURE(status) || !breaker_) {
        breaker_.reset();
        throw std::runtime_error(std::string("ICU initialisation failed: ") +
                                 u_errorName(status));
      }
    }
    return *breaker_;
  }

  // ICU's normalisers, loaded for the first word that is not plain ASCII.
  void load_normalizers() const {
    if (nfc_ != nullptr) return;
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    nfd_ = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || nfc == nullptr) {
      throw std::runtime_error(std::string("ICU initialisation failed: ") +
                               u_errorName(status));
    }
    nfc_ = nfc;
  }

  // Splits one ICU word at inner punctuation. Apostrophes are kept inside
  // the piece (normalize_piece drops them, and a possessive "'s"); dots of
  // acronyms ("U.S.A") and separators between digits ("4,013", "0.5") join;
  // anything else (":" in "foo:bar", "." in "example.com") separates.
  // The pieces go to pieces_ (reused from word to word).
  void split_word(const icu::UnicodeString& text, int32_t begin, int32_t end) {
    std::vector<Piece>& pieces = pieces_;
    std::vector<UChar32>& separators = separators_;  // before pieces[i > 0]
    pieces.clear();
    separators.clear();
    // Most words are letters and digits only: one piece.
    const char16_t* units = text.getBuffer();
    int32_t plain = begin;
    while (plain < end && units[plain] < 0x80 && is_word_char(units[plain])) {
      ++plain;
    }
    if (plain == end) {
      pieces.push_back(Piece{begin, end});
      return;
    }
    int32_t piece_begin = begin;
    for (int32_t i = begin; i < end;) {
      const UChar32 c = text.char32At(i);
      const int32_t next = i + U16_LENGTH(c);
      if (!is_word_char(c) && !is_apostrophe(c)) {
        if (i > piece_begin) pieces.push_back(Piece{piece_begin, i});
        if (!pieces.empty() && pieces.back().end == i) separators.push_back(c);
        piece_begin = next;
      }
      i = next;
    }
    if (end > piece_begin) pieces.push_back(Piece{piece_begin, end});
    if (pieces.size() <= 1) return;
    separators.resize(pieces.size() - 1, 0);

    const auto single_letter = [&](const Piece& p) {
      const UChar32 c = text.char32At(p.begin);
      return p.begin + U16_LENGTH(c) == p.end && u_isalpha(c);
    };
    const bool is_acronym =
        std::all_of(pieces.begin(), pieces.end(), single_letter) &&
        std::all_of(separators.begin(), separators.end(),
                    [](UChar32 s) { return s == '.'; });
    if (is_acronym) {
      const Piece whole{pieces.front().begin, pieces.back().end};
      pieces.assign(1, whole);
      return;
    }

    std::vector<Piece>& joined = joined_;
    joined.assign(1, pieces.front());
    for (std::size_t k = 1; k < pieces.size(); ++k) {
      const UChar32 left =
          text.char32At(text.moveIndex32(joined.back().end, -1));
      const UChar32 right = text.char32At(pieces[k].begin);
      const bool is_number_separator =
          (separators[k - 1] == '.' || separators[k - 1] == ',') &&
          is_digit(left) && is_digit(right);
      if (is_number_separator) {
        joined.back().end = pieces[k].end;
      } else {
        joined.push_back(pieces[k]);
      }
    }
    pieces.swap(joined);
  }

  // The term for one piece: possessive and apostrophes dropped, NFKC case
  // folded, Latin diacritics removed, only word characters kept.
  std::string normalize_piece(const icu::UnicodeString& text,
                              const Piece& piece) const {
    int32_t end = piece.end;
    if (end - piece.begin > 2) {
      const UChar32 last = text.char32At(end - 1);
      const UChar32 before = text.char32At(end - 2);
      if ((last == 's' || last == 'S') && is_apostrophe(before)) end -= 2;
    }
    // Fast path for plain ASCII letters and digits, by far the most common.
    std::string ascii;
    ascii.reserve(static_cast<std::size_t>(end - piece.begin));
    bool is_ascii = true;
    for (int32_t i = piece.begin; i < end; ++i) {
      const char16_t unit = text.charAt(i);
      if (unit < 0x80 && is_word_char(unit)) {
        ascii.push_back(static_cast<char>(
            unit >= 'A' && unit <= 'Z' ? unit - 'A' + 'a' : unit));
      } else if (!is_apostrophe(unit)) {
        is_ascii = false;
        break;
      }
    }
    if (is_ascii) {
      // "_" alone (or "__") is punctuation, not a word.
      const bool has_alnum = std::any_of(ascii.begin(), ascii.end(),
                                         [](char c) { return c != '_'; });
      return has_alnum ? ascii : std::string();
    }

    load_normalizers();
    icu::UnicodeString word;
    for (int32_t i = piece.begin; i < end;) {
      const UChar32 c = text.char32At(i);
      if (!is_apostrophe(c)) word.append(c);
      i += U16_LENGTH(c);
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded = nfkc_casefold_->normalize(word, status);
    const icu::UnicodeString decomposed = nfd_->normalize(folded, status);
    icu::UnicodeString stripped;
    UScriptCode base_script = USCRIPT_COMMON;
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 c = decomposed.char32At(i);
      i += U16_LENGTH(c);
      const int8_t type = u_charType(c);
      const bool is_mark = type == U_NON_SPACING_MARK ||
                           type == U_COMBINING_SPACING_MARK ||
                           type == U_ENCLOSING_MARK;
      if (is_mark && base_script == USCRIPT_LATIN) continue;
      // A term never starts with a mark: NFKC can split a letter into a mark
      // and a letter (Thai SARA AM), and the mark would attach to whatever
      // precedes it in another text, so the same word would give two terms.
      if (is_mark && stripped.isEmpty()) continue;
      if (!is_word_char(c)) continue;
      if (!is_mark) base_script = uscript_getScript(c, &status);
      stripped.append(c);
    }
    const icu::UnicodeString composed = nfc_->normalize(stripped, status);
    if (U_FAILURE(status)) return {};
    std::string term;
    // A term needs a letter or a digit: marks or "_" alone are not words.
    bool has_letter_or_digit = false;
    for (int32_t i = 0; i < composed.length() && !has_letter_or_digit;) {
      const UChar32 c = composed.char32At(i);
      i += U16_LENGTH(c);
      has_letter_or_digit = u_isalnum(c) || u_charType(c) == U_LETTER_NUMBER ||
                            u_charType(c) == U_OTHER_NUMBER;
    }
    if (!has_letter_or_digit) return {};
    composed.toUTF8String(term);
    return term;
  }

  std::unique_ptr<icu::BreakIterator> breaker_;
  // The stretch of text handed to breaker_ (reused).
  UText span_text_ = UTEXT_INITIALIZER;
  // split_word's buffers, kept to spare an allocation per word.
  std::vector<Piece> pieces_;
  std::vector<UChar32> separators_;
  std::vector<Piece> joined_;
  // While tokenizing with ICU only: every word takes the general path
  // (split_word, normalize_piece), not add_word's plain ASCII one.
  bool is_reference_ = false;
  mutable const icu::Normalizer2* nfkc_casefold_ = nullptr;
  mutable const icu::Normalizer2* nfd_ = nullptr;
  mutable const icu::Normalizer2* nfc_ = nullptr;
};

Analyzer::Analyzer(std::string_view language)
    : impl_(std::make_unique<Impl>()), language_(language) {
  const std::string name = stemmer_name_for_language(language);
  if (!name.empty()) stemmer_ = Xapian::Stem(name);
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::tokenize(std::string_view text) {
  return impl_->tokenize(text, false);
}

std::vector<Token> Analyzer::tokenize_with_icu_only(std::string_view text) {
  return impl_->tokenize(text, true);
}

std::string Analyzer::normalize_word(std::string_view word) {
  std::vector<Token> tokens = impl_->tokenize(word, false);
  if (tokens.size() != 1) return {};
  return std::move(tokens.front().term);
}

std::string Analyzer::stem(const std::string& term) const {
  // Bounded: a run over millions of articles meets millions of forms.
  constexpr std::size_t kMaxRemembered = 1 << 16;
  const auto known = stems_.find(term);
  if (known != stems_.end()) return known->second;
  if (stems_.size() >= kMaxRemembered) stems_.clear();
  return stems_.emplace(term, stemmer_(term)).first->second;
}

bool Analyzer::should_stem(std::string_view term) {
  if (term.empty()) return false;
  // The same test as Xapian's TermGenerator and QueryParser use for
  // STEM_SOME, so index and query agree on which terms have a Z form.
  const Xapian::Utf8Iterator it(term.data(), term.size());
  switch (Xapian::Unicode::get_category(*it)) {
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool is_query_delimiter(char c) {
  return is_space(c) || c == '"' || c == '(' || c == ')';
}

bool is_operator(std::string_view run) {
  static constexpr std::array<std::string_view, 4> kOperators = {"AND", "OR",
                                                                 "NOT", "XOR"};
  if (std::find(kOperators.begin(), kOperators.end(), run) != kOperators.end())
    return true;
  for (const std::string_view near : {"NEAR", "ADJ"}) {
    if (run.substr(0, near.size()) != near) continue;
    std::string_view rest = run.substr(near.size());
    if (rest.empty()) return true;
    if (rest.front() != '/' || rest.size() < 2) return false;
    rest.remove_prefix(1);
    return std::all_of(rest.begin(), rest.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  }
  return false;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string Analyzer::normalize_query(
    std::string_view query, const std::vector<std::string>& field_names,
    const std::vector<std::string>& raw_value_fields) {
  std::string out;
  out.reserve(query.size());
  // Appends a run of free text: its words become terms, the characters
  // between them (hyphens, dots, "*", leading "+" or "-") stay as written.
  const auto append_words = [&](std::string_view run) {
    const std::vector<Token> tokens = impl_->tokenize(run, false);
    std::size_t copied = 0;
    for (const Token& token : tokens) {
      const bool is_adjacent = copied > 0 && token.byte_begin == copied &&
                               !out.empty() && out.back() != '-';
      if (is_adjacent) out.push_back('-');
      out.append(run.substr(copied, token.byte_begin - copied));
      out.append(token.term);
      copied = token.byte_end;
    }
    out.append(run.substr(copied));
  };

  std::size_t i = 0;
  bool is_raw_quote = false;
  while (i < query.size()) {
    const char c = query[i];
    if (is_query_delimiter(c)) {
      out.push_back(c);
      ++i;
      if (c == '"' && is_raw_quote) {
        // The quoted value of a raw field: copy it up to the closing quote.
        const std::size_t close = query.find('"', i);
        const std::size_t stop =
            close == std::string_view::npos ? query.size() : close + 1;
        out.append(query.substr(i, stop - i));
        i = stop;
        is_raw_quote = false;
      }
      continue;
    }
    is_raw_quote = false;
    std::size_t run_end = i;
    while (run_end < query.size() && !is_query_delimiter(query[run_end])) {
      ++run_end;
    }
    std::string_view run = query.substr(i, run_end - i);
    i = run_end;
    if (is_operator(run)) {
      out.append(run);
      continue;
    }
    // A leading "+" or "-" is QueryParser syntax, kept before a field name.
    std::size_t signs = 0;
    while (signs < run.size() && (run[signs] == '+' || run[signs] == '-')) {
      ++signs;
    }
    const std::size_t colon = run.find(':');
    if (colon != std::string_view::npos && colon > signs) {
      const std::string_view name = run.substr(signs, colon - signs);
      if (contains(field_names, name)) {
        out.append(run.substr(0, colon + 1));
        const std::string_view value = run.substr(colon + 1);
        if (contains(raw_value_fields, name)) {
          out.append(value);
          is_raw_quote = value.empty();
        } else {
          append_words(value);
        }
        continue;
      }
    }
    append_words(run);
  }
  return out;
}

std::string Analyzer::settings_description() {
  return "analyzer=1;break=icu-word;norm=nfkc-casefold;fold=latin-marks;"
         "apostrophe=drop,possessive;acronym=join;number-separators=join;"
         "ignorable=soft-hyphen,zero-width;max-term-bytes=" +
         std::to_string(schema::kMaxTermBytes);
}

std::string Analyzer::normalize_key(std::string_view value) {
  const auto joined_terms = [this](std::string_view text) {
    std::string joined;
    for (const Token& token : impl_->tokenize(text, false)) {
      if (!joined.empty()) joined.push_back(' ');
      joined.append(token.term);
    }
    return joined;
  };
  // Words are found before they are normalised, and a dictionary-based
  // break (Thai, Lao, Khmer...) may cut the normalised letters elsewhere
  // (NFKC splits Thai SARA AM in two): the key is read again until it
  // stays the same, so that a key's key is itself. Two readings suffice
  // for every case met; the bound keeps a pathological text cheap.
  std::string key = joined_terms(value);
  for (int reading = 0; reading < 4; ++reading) {
    std::string again = joined_terms(key);
    if (again == key) break;
    key = std::move(again);
  }
  return key;
}

std::string normalize_key(std::string_view value) {
  return Analyzer("").normalize_key(value);
}

std::optional<std::string> stem_word_start(std::string_view language,
                                           std::string_view stem) {
  // Checked on every word of ../shared/corpora
  // (Analyzer.StemWordStartHoldsForTheCorporaWords).
  std::size_t cut_letters = 0;
  if (language == "en") {
    cut_letters =
        stem.size() >= 2 && stem.substr(stem.size() - 2) == "ie" ? 2 : 1;
  } else if (language == "ru") {
    cut_letters = 1;
  } else {
    return std::nullopt;
  }
  std::size_t cut = stem.size();
  for (std::size_t letter = 0; letter < cut_letters && cut > 0; ++letter) {
    do {
      --cut;
    } while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80);
  }
  return std::string(stem.substr(0, cut));
}

std::string stemmer_name_for_language(std::string_view language) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24>
      kStemmers = {
          {{"ar", "arabic"},     {"da", "danish"},    {"de", "german"},
           {"el", "greek"},      {"en", "english"},   {"es", "spanish"},
           {"eu", "basque"},     {"fi", "finnish"},   {"fr", "french"},
           {"ga", "irish"},      {"hu", "hungarian"}, {"hy", "armenian"},
           {"id", "indonesian"}, {"it", "italian"},   {"lt", "lithuanian"},
           {"ne", "nepali"},     {"nl", "dutch"},     {"no", "norwegian"},
           {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},
           {"sv", "swedish"},    {"ta", "tamil"},     {"tr", "turkish"}}};
  for (const auto& [code, name] : kStemmers) {
    if (code == language) return std::string(name);
  }
  return {};
}

}  // namespace news::text
