#include "common/text/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace news::text
