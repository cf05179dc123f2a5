// The line helpers the extractors share (corpus/extract/line_text.h): how a
// line is folded for comparison across files and how its words are counted,
// checked on crafted lines and against a plain ICU rendering of the same
// rules on the real corpora.
#include "corpus/extract/line_text.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/text/utf8.h"
#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

TEST(FoldLine, FoldsCaseSpacesAndNumbers) {
  EXPECT_EQ(fold_line("  Hello   World \t"), "hello world");
  EXPECT_EQ(fold_line("21 Comments"), "0 comments");
  EXPECT_EQ(fold_line("5 comments"), "0 comments");
  EXPECT_EQ(fold_line("2,500.75 views"), "0 views");
  EXPECT_EQ(fold_line("v1.2.3 and A1B2"), "v0 and a0b0");
  EXPECT_EQ(fold_line("1, 2. 3"), "0, 0. 0");
  EXPECT_EQ(fold_line("Page 1/12"), "page 0/0");
  // Unicode spaces collapse like ASCII ones; full case folding.
  EXPECT_EQ(fold_line("\xC2\xA0 \xC3\x89"
                      "COLE\xE2\x80\x83Stra\xC3\x9F"
                      "e"),
            "\xC3\xA9"
            "cole strasse");
  EXPECT_EQ(
      fold_line("\xCE\xA3\xCE\x8A\xCE\xA3\xCE\xA5\xCE\xA6\xCE\x9F\xCE\xA3"),
      "\xCF\x83\xCE\xAF\xCF\x83\xCF\x85\xCF\x86\xCE\xBF\xCF\x83");
  EXPECT_EQ(fold_line("\xE2\x84\xAA"), "k");  // KELVIN SIGN
  // A bad byte becomes U+FFFD; digits beyond ASCII are kept.
  EXPECT_EQ(fold_line("a\xFF"
                      "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(fold_line("\xD9\xA3 x"), "\xD9\xA3 x");
  EXPECT_EQ(fold_line(""), "");
  EXPECT_EQ(fold_line(" \t "), "");
}

TEST(FoldLine, StopsPastTheLimit) {
  const std::string line = "Alpha Beta Gamma Delta 123 Epsilon";
  const std::string whole = fold_line(line);
  EXPECT_EQ(fold_line_up_to(line, whole.size()), whole);
  EXPECT_EQ(fold_line_up_to(line, 1000), whole);
  for (std::size_t limit = 0; limit < whole.size(); ++limit) {
    const std::string part = fold_line_up_to(line, limit);
    EXPECT_GT(part.size(), limit);
    EXPECT_EQ(whole.compare(0, part.size(), part), 0) << limit;
  }
}

// fold_line's rules in plain ICU, one code point at a time: white space
// (Unicode's) collapsed and trimmed, runs of ASCII digits with "," or "."
// between them as one "0", everything else case folded (full folding).
std::string folded_by_icu(std::string_view line) {
  std::string out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(line.data());
  const auto length = static_cast<std::int32_t>(line.size());
  bool pending_space = false;
  bool in_number = false;
  std::int32_t offset = 0;
  const auto is_digit_at = [&](std::int32_t at) {
    return at < length && bytes[at] >= '0' && bytes[at] <= '9';
  };
  while (offset < length) {
    const std::int32_t begin = offset;
    UChar32 c = 0;
    U8_NEXT(bytes, offset, length, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      pending_space = true;
      in_number = false;
      continue;
    }
    const bool is_digit = is_digit_at(begin) && offset == begin + 1;
    if (in_number && !pending_space &&
        (is_digit || ((c == ',' || c == '.') && is_digit_at(offset)))) {
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    in_number = is_digit;
    if (is_digit) {
      out += '0';
      continue;
    }
    icu::UnicodeString folded(c < 0 ? 0xFFFD : c);
    folded.foldCase();
    folded.toUTF8String(out);
  }
  return out;
}

TEST(FoldLine, AgreesWithIcuOnTheCorpora) {
  NEWS_REQUIRE_CORPORA();
  std::size_t lines = 0;
  std::size_t beyond_ascii = 0;
  for (const auto& file : ::news::testing::read_files_under(
           ::news::testing::corpora_dir(), 8u << 20)) {
    for (const std::string_view line : split_lines(file.text)) {
      ASSERT_EQ(fold_line(line), folded_by_icu(line))
          << file.path << ": " << line;
      ++lines;
      beyond_ascii += text::is_valid_utf8(line) &&
                              std::any_of(line.begin(), line.end(),
                                          [](char c) { return c & 0x80; })
                          ? 1
                          : 0;
    }
  }
  EXPECT_GT(lines, 50'000u);
  EXPECT_GT(beyond_ascii, 5'000u);
}

// count_words_up_to's rule in plain ICU, one code point at a time: a word
// is a run of code points that are not white space (Unicode's) with a
// letter or digit (u_isalnum) in it; ill-formed bytes are neither.
std::size_t words_by_icu(std::string_view line) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(line.data());
  const auto length = static_cast<std::int32_t>(line.size());
  std::size_t words = 0;
  bool in_token = false;
  bool counted = false;
  for (std::int32_t offset = 0; offset < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, offset, length, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      in_token = false;
      continue;
    }
    if (!in_token) counted = false;
    in_token = true;
    if (!counted && c >= 0 && u_isalnum(c)) {
      ++words;
      counted = true;
    }
  }
  return words;
}

TEST(CountWords, CountsRunsWithALetterOrDigit) {
  EXPECT_EQ(count_words("  Hello,   world! \t"), 2u);
  EXPECT_EQ(count_words("-- | -- 42 ..."), 1u);
  EXPECT_EQ(count_words("e-mail\xC2\xA0"
                        "address"),
            2u);  // NO-BREAK SPACE
  EXPECT_EQ(count_words("\xD0\x9C\xD0\xB8\xD1\x80 \xE2\x80\x94 x"), 2u);
  EXPECT_EQ(count_words("a\xFF b \xFF"), 2u);
  EXPECT_EQ(count_words(""), 0u);
  // Past the limit it stops, one word over.
  EXPECT_EQ(count_words_up_to("one two three four", 2), 3u);
  EXPECT_EQ(count_words_up_to("one two three four", 0), 1u);
  EXPECT_EQ(count_words_up_to("one two", 5), 2u);
}

TEST(CountWords, AgreesWithIcuOnTheCorpora) {
  NEWS_REQUIRE_CORPORA();
  std::size_t lines = 0;
  for (const auto& file : ::news::testing::read_files_under(
           ::news::testing::corpora_dir(), 8u << 20)) {
    for (const std::string_view line : split_lines(file.text)) {
      const std::size_t expected = words_by_icu(line);
      ASSERT_EQ(count_words(line), expected) << file.path << ": " << line;
      for (const std::size_t limit : {0, 3, 40}) {
        ASSERT_EQ(count_words_up_to(line, limit), std::min(expected, limit + 1))
            << file.path << ": " << line;
      }
      ++lines;
    }
  }
  EXPECT_GT(lines, 50'000u);
}

}  // namespace
}  // namespace news::corpus
