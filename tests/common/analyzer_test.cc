#include "common/text/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace news::text {
namespace {

std::vector<std::string> terms_of(Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> terms;
  for (const Token& token : analyzer.tokenize(text)) {
    terms.push_back(token.term);
  }
  return terms;
}

TEST(Analyzer, NormalisesWordsToTerms) {
  struct Case {
    std::string text;
    std::vector<std::string> terms;
  };
  const Case cases[] = {
      {"Hello World", {"hello", "world"}},
      {"Hezbollah\u2019s alleged presence",
       {"hezbollah", "alleged", "presence"}},
      {"don't O'Brien", {"dont", "obrien"}},
      {"US-backed forces", {"us", "backed", "forces"}},
      {"the U.S. and the U.K.", {"the", "us", "and", "the", "uk"}},
      {"killed 4,013 members, 0.1 sorties",
       {"killed", "4013", "members", "01", "sorties"}},
      {"Caf\u00e9 cafe\u0301 CAF\u00c9", {"cafe", "cafe", "cafe"}},
      {"\uff21\uff22\uff23 \ufb01nance", {"abc", "finance"}},
      {"inter\u00adnational zero\u200bwidth", {"international", "zerowidth"}},
      {"Stra\u00dfe", {"strasse"}},
      {"example.com note:this", {"example", "com", "note", "this"}},
      {"\u041f\u0443\u0442\u0438\u043d \u0439\u043e\u0434",
       {"\u043f\u0443\u0442\u0438\u043d", "\u0439\u043e\u0434"}},
      {"   ,,, --- !!! ", {}},
      {"x@_ y __ a_b", {"x", "y", "a_b"}},
  };
  Analyzer analyzer("en");
  for (const Case& c : cases) {
    EXPECT_EQ(terms_of(analyzer, c.text), c.terms) << "text: " << c.text;
  }
}

TEST(Analyzer, GivesByteOffsetsIntoTheOriginalText) {
  Analyzer analyzer("en");
  const std::string text = "Caf\u00e9 inter\u00adnational!";
  const std::vector<Token> tokens = analyzer.tokenize(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(text.substr(tokens[0].byte_begin,
                        tokens[0].byte_end - tokens[0].byte_begin),
            "Caf\u00e9");
  EXPECT_EQ(text.substr(tokens[1].byte_begin,
                        tokens[1].byte_end - tokens[1].byte_begin),
            "inter\u00adnational");
}

TEST(Analyzer, ToleratesInvalidUtf8) {
  Analyzer analyzer("en");
  const std::string text = "caf\xe9 ok \xff\xfe end";
  const std::vector<std::string> terms = terms_of(analyzer, text);
  EXPECT_NE(std::find(terms.begin(), terms.end(), "ok"), terms.end());
  EXPECT_NE(std::find(terms.begin(), terms.end(), "end"), terms.end());
}

TEST(Analyzer, DropsOverlongTokens) {
  Analyzer analyzer("en");
  const std::string text = "short " + std::string(300, 'a') + " end";
  EXPECT_EQ(terms_of(analyzer, text),
            (std::vector<std::string>{"short", "end"}));
}

// The symmetry rule: a word as a user types it normalises to a term the
// indexed text produced.
TEST(Analyzer, TypedQueryWordsMatchIndexedTerms) {
  struct Case {
    std::string indexed_text;
    std::string typed_word;
  };
  const Case cases[] = {
      {"Luiz In\u00e1cio Lula", "Inacio"},
      {"Luiz Ina\u0301cio Lula", "in\u00e1cio"},
      {"the \ufb01nal word", "final"},
      {"\uff26\uff55\uff4c\uff4c width", "full"},
      {"Hezbollah\u2019s presence", "Hezbollah's"},
      {"Hezbollah's presence", "hezbollah"},
      {"it wasn\u2019t", "wasn't"},
      {"co\u00adoperation", "cooperation"},
      {"zero\u200bwidth", "zerowidth"},
      {"na\u00efve", "naive"},
      {"M\u00fcller", "MULLER"},
      {"the U.S. army", "US"},
      {"4,013 members", "4013"},
  };
  Analyzer analyzer("en");
  for (const Case& c : cases) {
    const std::vector<std::string> terms = terms_of(analyzer, c.indexed_text);
    const std::string typed = analyzer.normalize_word(c.typed_word);
    EXPECT_FALSE(typed.empty()) << "typed: " << c.typed_word;
    EXPECT_NE(std::find(terms.begin(), terms.end(), typed), terms.end())
        << "indexed: " << c.indexed_text << " typed: " << c.typed_word << " -> "
        << typed;
  }
}

TEST(Analyzer, StemsEnglishAndNotUnknownLanguages) {
  Analyzer english("en");
  EXPECT_EQ(english.stem("defeated"), "defeat");
  EXPECT_EQ(english.stem("convoys"), "convoy");
  Analyzer none("xx");
  EXPECT_EQ(none.stem("defeated"), "defeated");
}

TEST(Analyzer, ShouldStemOnlyTermsStartingWithALetter) {
  EXPECT_TRUE(Analyzer::should_stem("defeat"));
  EXPECT_TRUE(Analyzer::should_stem("\u043f\u0443\u0442\u0438\u043d"));
  EXPECT_FALSE(Analyzer::should_stem("2019"));
  EXPECT_FALSE(Analyzer::should_stem(""));
}

TEST(Analyzer, NormalizesQueryWordsAndKeepsSyntax) {
  struct Case {
    std::string query;
    std::string expected;
  };
  const Case cases[] = {
      {"Caliphate defeat", "caliphate defeat"},
      {"ISIS AND Syria", "isis AND syria"},
      {"ISIS OR NOT Syria", "isis OR NOT syria"},
      {"a NEAR/3 b ADJ c", "a NEAR/3 b ADJ c"},
      {"\"Oil Convoys\"", "\"oil convoys\""},
      {"-Turkey +Russia", "-turkey +russia"},
      {"title:Caliphate", "title:caliphate"},
      {"title:\"Who Really\"", "title:\"who really\""},
      {"outlet:SouthFront", "outlet:SouthFront"},
      {"outlet:\"Russia Today\" x", "outlet:\"Russia Today\" x"},
      {"Caliph*", "caliph*"},
      {"(A OR B) AND C\u00e9", "(a OR b) AND ce"},
      {"US-backed", "us-backed"},
      {"Hezbollah\u2019s", "hezbollah"},
      {"unknown:Field", "unknown:field"},
      {"\u4e2d\u56fd\u4eba\u6c11", "\u4e2d\u56fd-\u4eba\u6c11"},
  };
  Analyzer analyzer("en");
  for (const Case& c : cases) {
    EXPECT_EQ(
        analyzer.normalize_query(c.query, {"title", "outlet"}, {"outlet"}),
        c.expected)
        << "query: " << c.query;
  }
}

TEST(NormalizeKey, IsCaseAndSpacingInsensitiveAndIdempotent) {
  EXPECT_EQ(normalize_key("SouthFront"), "southfront");
  EXPECT_EQ(normalize_key("Russia  Today"), "russia today");
  EXPECT_EQ(normalize_key(" russia-today "), "russia today");
  EXPECT_EQ(normalize_key(normalize_key("Le Monde\u0301")),
            normalize_key("Le Monde\u0301"));
}

TEST(StemmerName, MapsLanguageCodes) {
  EXPECT_EQ(stemmer_name_for_language("en"), "english");
  EXPECT_EQ(stemmer_name_for_language("ru"), "russian");
  EXPECT_EQ(stemmer_name_for_language("zz"), "");
}

// The stemmable words of the files under folder, read in path order up to
// max_bytes in all.
std::set<std::string> words_under(const std::filesystem::path& folder,
                                  std::size_t max_bytes) {
  Analyzer analyzer("en");
  std::set<std::string> words;
  std::size_t read = 0;
  for (auto& file : ::news::testing::read_files_under(folder, max_bytes)) {
    file.text.resize(std::min(file.text.size(), max_bytes - read));
    read += file.text.size();
    for (const Token& token : analyzer.tokenize(file.text)) {
      if (Analyzer::should_stem(token.term)) words.insert(token.term);
    }
  }
  return words;
}

// The words of a stem must start with its stem_word_start, or callers that
// skip the other words would miss forms.
void expect_stem_word_start_holds(const std::string& language,
                                  const std::set<std::string>& words) {
  const Xapian::Stem stemmer(stemmer_name_for_language(language));
  std::size_t wrong = 0;
  for (const std::string& word : words) {
    const std::string stem = stemmer(word);
    const std::optional<std::string> start = stem_word_start(language, stem);
    ASSERT_TRUE(start.has_value()) << language;
    if (word.compare(0, start->size(), *start) != 0) {
      if (++wrong <= 10) {
        ADD_FAILURE() << language << ": " << word << " -> " << stem
                      << " does not start with " << *start;
      }
    }
  }
  EXPECT_EQ(wrong, 0u) << language << ", of " << words.size() << " words";
}

TEST(Analyzer, StemWordStartHoldsForTheCorporaWords) {
  NEWS_REQUIRE_CORPORA();
  const std::filesystem::path corpora = ::news::testing::corpora_dir();
  std::set<std::string> english;
  for (const char* folder :
       {"seed", "fakenewscorpus-sample", "ptc-propaganda", "trafilatura-eval",
        "wikinews-en-2004", "wikinewssum-sources"}) {
    const std::set<std::string> words = words_under(corpora / folder, 2 << 20);
    english.insert(words.begin(), words.end());
  }
  ASSERT_GT(english.size(), 50000u);
  expect_stem_word_start_holds("en", english);
  // The exceptions of the English stemmer, whatever the corpora hold.
  expect_stem_word_start_holds("en", {"dying", "lying", "tying", "skies",
                                      "idly", "gently", "early", "news"});
  const std::set<std::string> russian =
      words_under(corpora / "ru-news-samples", 4 << 20);
  ASSERT_GT(russian.size(), 10000u);
  expect_stem_word_start_holds("ru", russian);
}

// tokenize() segments ASCII and common punctuation itself and leaves the
// rest to ICU; tokenize_with_icu_only() gives ICU everything. Their tokens
// (terms and byte offsets) must be the same for any text.
void expect_same_tokens(Analyzer& analyzer, const std::string& text,
                        const std::string& where) {
  const std::vector<Token> simple = analyzer.tokenize(text);
  const std::vector<Token> icu = analyzer.tokenize_with_icu_only(text);
  const std::size_t common = std::min(simple.size(), icu.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (simple[i].term != icu[i].term ||
        simple[i].byte_begin != icu[i].byte_begin ||
        simple[i].byte_end != icu[i].byte_end) {
      const std::size_t from =
          std::min(simple[i].byte_begin, icu[i].byte_begin);
      ADD_FAILURE() << where << ": token " << i << " is \"" << simple[i].term
                    << "\" [" << simple[i].byte_begin << ", "
                    << simple[i].byte_end << ") instead of ICU's \""
                    << icu[i].term << "\" [" << icu[i].byte_begin << ", "
                    << icu[i].byte_end << ") in \""
                    << text.substr(from >= 20 ? from - 20 : 0, 60) << "\"";
      return;
    }
  }
  EXPECT_EQ(simple.size(), icu.size()) << where;
}

TEST(Analyzer, SimpleSegmentationAgreesWithIcuOnRandomText) {
  // Every class the simple path knows, characters next to which it must
  // hand over to ICU (accents, combining marks, ignorables, other scripts,
  // emoji, other punctuation) and invalid UTF-8.
  const std::vector<std::string> alphabet = {"a",
                                             "B",
                                             "z",
                                             "7",
                                             "0",
                                             "_",
                                             "@",
                                             ".",
                                             "'",
                                             ",",
                                             ";",
                                             ":",
                                             "-",
                                             "/",
                                             " ",
                                             "  ",
                                             "\n",
                                             "\r\n",
                                             "\t",
                                             "\x01",
                                             "$",
                                             "%",
                                             "&",
                                             "#",
                                             "\"",
                                             "(",
                                             "!",
                                             "?",
                                             "*",
                                             "\u2019",
                                             "\u2018",
                                             "\u201c",
                                             "\u201d",
                                             "\u2013",
                                             "\u2014",
                                             "\u2026",
                                             "\u00a0",
                                             "\u00ab",
                                             "\u00bb",
                                             "\u00e9",
                                             "\u0301",
                                             "\u00ad",
                                             "\u200b",
                                             "\u200d",
                                             "\ufeff",
                                             "\u00b7",
                                             "\u2024",
                                             "\uff0e",
                                             "\u0436",
                                             "\u0e01\u0e32\u0e23",
                                             "\u4e2d\u6587",
                                             "\u30ab",
                                             "\u05d0",
                                             "\U0001f600",
                                             "\U0001f1eb",
                                             "\u00a9",
                                             "\u2022",
                                             "\u037e",
                                             "\xff",
                                             "\xe2\x80"};
  std::mt19937 random(20261206);
  Analyzer analyzer("en");
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 24);
    for (int i = 0; i < length; ++i) {
      // Letters and digits most of the time, so words form.
      const std::size_t pick = random() % (alphabet.size() + 12);
      text += pick < alphabet.size() ? alphabet[pick] : alphabet[pick % 5];
    }
    expect_same_tokens(analyzer, text, "random text " + std::to_string(round));
    if (::testing::Test::HasFailure()) return;
  }
}

TEST(Analyzer, SimpleSegmentationAgreesWithIcuOnTheCorpora) {
  NEWS_REQUIRE_CORPORA();
  Analyzer analyzer("en");
  std::size_t files_read = 0;
  for (const auto& folder :
       std::filesystem::directory_iterator(::news::testing::corpora_dir())) {
    if (!folder.is_directory()) continue;
    // About 3 MB of every corpus, raw bytes (HTML, JSON, CSV as they are).
    for (const auto& file :
         ::news::testing::read_files_under(folder.path(), 3u << 20)) {
      ++files_read;
      expect_same_tokens(analyzer, file.text, file.path.string());
      if (::testing::Test::HasFailure()) return;
    }
  }
  EXPECT_GT(files_read, 100u);
}

TEST(Analyzer, StemWordStartOnlyForStemmersThatKeepTheWordStart) {
  EXPECT_EQ(stem_word_start("en", "happi"), "happ");
  EXPECT_EQ(stem_word_start("en", "die"), "d");
  EXPECT_EQ(stem_word_start("ru", "\u0432\u044b\u0431\u043e\u0440"),
            "\u0432\u044b\u0431\u043e");
  EXPECT_EQ(stem_word_start("en", "a"), "");
  EXPECT_FALSE(stem_word_start("de", "strass").has_value());
  EXPECT_FALSE(stem_word_start("id", "janji").has_value());
  EXPECT_FALSE(stem_word_start("", "x").has_value());
}

}  // namespace
}  // namespace news::text
