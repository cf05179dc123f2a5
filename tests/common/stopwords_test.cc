// Stop-words per language and the query parser's stopper made from them.
#include "common/text/stopwords.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "common/text/analyzer.h"

namespace news::text {
namespace {

constexpr const char* kLanguages[] = {"en", "de", "fr", "es", "pt",
                                      "ru", "it", "nl", "sv", "no"};

TEST(Stopwords, EachLanguageHasAShortListOfSingleWords) {
  for (const char* code : kLanguages) {
    const auto& words = stopwords_for_language(code);
    EXPECT_GE(words.size(), 90u) << code;
    EXPECT_LE(words.size(), 250u) << code;
    std::set<std::string_view> seen;
    Analyzer analyzer(code);
    for (const std::string_view word : words) {
      EXPECT_TRUE(seen.insert(word).second) << code << ": twice: " << word;
      // Each is one word the analyzer keeps as one term.
      EXPECT_FALSE(analyzer.normalize_word(word).empty())
          << code << ": " << word;
    }
  }
  EXPECT_TRUE(stopwords_for_language("zh").empty());
  EXPECT_TRUE(stopwords_for_language("").empty());
  EXPECT_EQ(make_stopper("zh"), nullptr);
}

TEST(Stopwords, StopperHoldsTheAnalyzerTermOfEveryWord) {
  for (const char* code : kLanguages) {
    const auto stopper = make_stopper(code);
    ASSERT_NE(stopper, nullptr) << code;
    // make_stopper skips the analyzer for plain ASCII words; the terms
    // must be the analyzer's all the same.
    std::set<std::string> expected;
    Analyzer analyzer(code);
    for (const std::string_view word : stopwords_for_language(code)) {
      expected.insert(analyzer.normalize_word(word));
    }
    const std::vector<std::string> held(stopper->terms().begin(),
                                        stopper->terms().end());
    EXPECT_EQ(held, std::vector<std::string>(expected.begin(), expected.end()))
        << code;
    for (const std::string& term : expected) {
      EXPECT_TRUE((*stopper)(term)) << code << ": " << term;
      EXPECT_FALSE((*stopper)(term + "q")) << code << ": " << term;
    }
  }
}

TEST(Stopwords, StopperHoldsFunctionWordsAsQueryTermsOnly) {
  struct Case {
    const char* code;
    const char* word;  // as a user types it
    bool is_stopword;
  };
  const Case kCases[] = {
      {"en", "the", true},
      {"en", "The", true},
      {"en", "election", false},
      {"de", "und", true},
      {"de", "f\u00fcr", true},
      {"de", "Wahl", false},
      {"fr", "\u00e0", true},
      {"fr", "les", true},
      {"fr", "\u00e9lection", false},
      {"es", "del", true},
      {"es", "elecci\u00f3n", false},
      {"pt", "n\u00e3o", true},
      {"pt", "elei\u00e7\u00e3o", false},
      {"ru", "\u0438", true},                                 // и
      {"ru", "\u0435\u0451", true},                           // её
      {"ru", "\u0432\u044b\u0431\u043e\u0440\u044b", false},  // выборы
      {"it", "della", true},
      {"nl", "het", true},
      {"sv", "och", true},
      {"no", "ikke", true},
      {"no", "valg", false},
  };
  for (const Case& test : kCases) {
    const auto stopper = make_stopper(test.code);
    ASSERT_NE(stopper, nullptr) << test.code;
    Analyzer analyzer(test.code);
    const std::string term = analyzer.normalize_word(test.word);
    EXPECT_EQ((*stopper)(term), test.is_stopword)
        << test.code << ": " << test.word << " (" << term << ")";
  }
}

TEST(Stopwords, QueryParserDropsStopwordsOfTheQueryLanguage) {
  struct Case {
    const char* code;
    const char* query;  // normalised query words
    const char* kept;
    const char* dropped;
  };
  const Case kCases[] = {
      {"en", "the election of the mayor", "election", "the"},
      {"ru",
       "\u0432\u044b\u0431\u043e\u0440\u044b \u0432 "
       "\u043c\u043e\u0441\u043a\u0432\u0435",
       "\u043c\u043e\u0441\u043a\u0432\u0435", "\u0432@"},
      {"de", "die wahl in berlin", "berlin", "die"},
  };
  for (const Case& test : kCases) {
    const auto stopper = make_stopper(test.code);
    Xapian::QueryParser parser;
    parser.set_stopper(stopper.get());
    parser.set_default_op(Xapian::Query::OP_AND);
    const std::string description =
        parser.parse_query(test.query).get_description();
    EXPECT_NE(description.find(test.kept), std::string::npos)
        << test.query << " -> " << description;
    EXPECT_EQ(description.find(test.dropped), std::string::npos)
        << test.query << " -> " << description;
  }
}

}  // namespace
}  // namespace news::text
