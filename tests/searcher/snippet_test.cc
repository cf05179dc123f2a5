#include "searcher/snippet.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/text/analyzer.h"

namespace news::searcher {
namespace {

// The highlighted words of a snippet, in order.
std::vector<std::string> highlighted_words(const Snippet& snippet) {
  std::vector<std::string> words;
  for (const Highlight& highlight : snippet.highlights) {
    words.push_back(snippet.text.substr(
        highlight.byte_begin, highlight.byte_end - highlight.byte_begin));
  }
  return words;
}

TEST(ClassifyMatchedTerms, SortsIndexTermsByPrefix) {
  const MatchedTerms matched = classify_matched_terms(
      {"army", "Zdefeat", "ZSwar", "Stroop", "XOsouthfront", "Len", "Q42",
       "D20190323", "2019"});
  EXPECT_EQ(matched.terms, (std::set<std::string>{"army", "troop", "2019"}));
  EXPECT_EQ(matched.stems, (std::set<std::string>{"defeat", "war"}));
}

TEST(MakeSnippet, HighlightsStemmedFormsOfAQueryWord) {
  text::Analyzer analyzer("en");
  const Snippet snippet = make_snippet(
      "The rebels were defeated on Monday. Defeating them took a week.",
      classify_matched_terms({"Zdefeat"}), analyzer);
  EXPECT_EQ(highlighted_words(snippet),
            (std::vector<std::string>{"defeated", "Defeating"}));
  EXPECT_EQ(mark_highlights(snippet, "**", "**"),
            "The rebels were **defeated** on Monday. **Defeating** them took "
            "a week.");
}

TEST(MakeSnippet, HighlightsExactTermsOnlyForUnstemmedMatches) {
  text::Analyzer analyzer("en");
  // A phrase query matches unstemmed terms: "defeated" only.
  const Snippet snippet =
      make_snippet("defeat, defeated, defeating",
                   classify_matched_terms({"defeated"}), analyzer);
  EXPECT_EQ(highlighted_words(snippet), (std::vector<std::string>{"defeated"}));
}

TEST(MakeSnippet, MatchesAccentsAndCaseAsTheIndexDoes) {
  text::Analyzer analyzer("en");
  const Snippet snippet =
      make_snippet("Meeting at the Café in Zürich.",
                   classify_matched_terms({"cafe", "Zzurich"}), analyzer);
  EXPECT_EQ(highlighted_words(snippet),
            (std::vector<std::string>{"Café", "Zürich"}));
}

TEST(MakeSnippet, CutsALongBodyOnWordsWithEllipses) {
  text::Analyzer analyzer("en");
  std::string body;
  for (int i = 0; i < 60; ++i) body += "filler words here. ";
  body += "The treaty was signed in Minsk. ";
  for (int i = 0; i < 60; ++i) body += "more filler text. ";
  const Snippet snippet =
      make_snippet(body, classify_matched_terms({"Ztreati", "minsk"}), analyzer,
                   SnippetOptions{120});

  const std::string ellipsis = "\u2026";
  ASSERT_GE(snippet.text.size(), 2 * ellipsis.size());
  EXPECT_EQ(snippet.text.substr(0, ellipsis.size()), ellipsis) << snippet.text;
  EXPECT_EQ(snippet.text.substr(snippet.text.size() - ellipsis.size()),
            ellipsis)
      << snippet.text;
  EXPECT_LE(snippet.text.size(), 120 + 2 * ellipsis.size()) << snippet.text;
  EXPECT_EQ(highlighted_words(snippet),
            (std::vector<std::string>{"treaty", "Minsk"}))
      << snippet.text;
  // Cut on word boundaries: every word is whole.
  EXPECT_EQ(snippet.text.find("iller"), snippet.text.find("filler") + 1)
      << snippet.text;
}

TEST(MakeSnippet, PrefersTheWindowWithMostDistinctTerms) {
  text::Analyzer analyzer("en");
  std::string body = "Minsk Minsk Minsk Minsk. ";
  for (int i = 0; i < 40; ++i) body += "unrelated words here. ";
  body += "The treaty of Minsk was signed. ";
  for (int i = 0; i < 40; ++i) body += "unrelated words here. ";
  const Snippet snippet =
      make_snippet(body, classify_matched_terms({"Ztreati", "Zminsk"}),
                   analyzer, SnippetOptions{100});
  EXPECT_EQ(highlighted_words(snippet),
            (std::vector<std::string>{"treaty", "Minsk"}))
      << snippet.text;
}

// Bodies longer than the pieces the snippet tokenizes at a time (512 bytes
// up to a line break or full stop): the window may lie in any piece, or across
// two.
std::string filler_lines(int count) {
  std::string lines;
  for (int i = 0; i < count; ++i) lines += "Unrelated words fill this line.\n";
  return lines;
}

TEST(MakeSnippet, FindsTheWordsOfAQueryFarIntoALongBody) {
  text::Analyzer analyzer("en");
  // The two words together only in the last piece, 13 KB in; one alone
  // earlier.
  const std::string body = "Minsk lies east.\n" + filler_lines(200) +
                           "The treaty was signed in Minsk.\n" +
                           filler_lines(200) + "Closing line.";
  const Snippet snippet =
      make_snippet(body, classify_matched_terms({"Ztreati", "Zminsk"}),
                   analyzer, SnippetOptions{120});
  EXPECT_EQ(highlighted_words(snippet),
            (std::vector<std::string>{"treaty", "Minsk"}))
      << snippet.text;
  const std::string ellipsis = "\u2026";
  EXPECT_EQ(snippet.text.substr(0, ellipsis.size()), ellipsis) << snippet.text;
  EXPECT_EQ(snippet.text.substr(snippet.text.size() - ellipsis.size()),
            ellipsis)
      << snippet.text;
}

TEST(MakeSnippet, AWindowAcrossTwoPiecesAndAtTheEndOfTheBody) {
  text::Analyzer analyzer("en");
  // Two words astride the first piece boundary (~2 KB).
  const std::string across =
      filler_lines(64) + "The treaty\nof Minsk.\n" + filler_lines(100);
  EXPECT_EQ(highlighted_words(make_snippet(
                across, classify_matched_terms({"Ztreati", "Zminsk"}), analyzer,
                SnippetOptions{120})),
            (std::vector<std::string>{"treaty", "Minsk"}));
  // The last word of a long body: no ellipsis after it.
  const std::string at_end = filler_lines(150) + "Signed in Minsk";
  const Snippet snippet = make_snippet(
      at_end, classify_matched_terms({"Zminsk"}), analyzer, SnippetOptions{80});
  EXPECT_EQ(highlighted_words(snippet), (std::vector<std::string>{"Minsk"}));
  EXPECT_EQ(snippet.text.substr(snippet.text.size() - 5), "Minsk")
      << snippet.text;
  // A body with no match (a title-only hit) shows its start, cut.
  const Snippet start =
      make_snippet(at_end, classify_matched_terms({"Zbelarus"}), analyzer,
                   SnippetOptions{80});
  EXPECT_EQ(start.text.substr(0, 9), "Unrelated") << start.text;
  EXPECT_TRUE(start.highlights.empty());
}

TEST(MakeSnippet, ShowsTheStartOfTheBodyForATitleOnlyHit) {
  text::Analyzer analyzer("en");
  std::string body = "First sentence of the body. ";
  for (int i = 0; i < 50; ++i) body += "and then more. ";
  const Snippet snippet = make_snippet(body, classify_matched_terms({"Szebra"}),
                                       analyzer, SnippetOptions{80});
  EXPECT_EQ(snippet.text.rfind("First sentence of the body.", 0), 0u)
      << snippet.text;
  EXPECT_TRUE(snippet.highlights.empty());
}

TEST(MakeSnippet, CollapsesLineBreaksAndKeepsHighlightOffsets) {
  text::Analyzer analyzer("en");
  const Snippet snippet =
      make_snippet("Army  moves.\n\n  The army\twaits.",
                   classify_matched_terms({"Zarmi"}), analyzer);
  EXPECT_EQ(snippet.text, "Army moves. The army waits.");
  EXPECT_EQ(highlighted_words(snippet),
            (std::vector<std::string>{"Army", "army"}));
}

TEST(MakeSnippet, GivesAnEmptySnippetForAnEmptyBody) {
  text::Analyzer analyzer("en");
  const Snippet snippet =
      make_snippet("", classify_matched_terms({"army"}), analyzer);
  EXPECT_TRUE(snippet.text.empty());
  EXPECT_TRUE(snippet.highlights.empty());
}

std::string filler(std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += "and then more. ";
  return text;
}

// The 1-based body positions of `term`, as the indexer numbers tokens.
std::vector<std::uint32_t> positions_of(std::string_view body,
                                        const std::string& term,
                                        text::Analyzer& analyzer) {
  std::vector<std::uint32_t> positions;
  const std::vector<text::Token> tokens = analyzer.tokenize(body);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].term == term) {
      positions.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
  return positions;
}

TEST(MakeSnippet, SkipsToTheWindowThePositionsPointAt) {
  text::Analyzer analyzer("en");
  const std::string body = "Alpha opens. " + filler(1500) +
                           "Alpha and beta meet here. " + filler(1500) +
                           "Then ALPHA and beta meet again. " + filler(300);
  const std::vector<std::uint32_t> alphas =
      positions_of(body, "alpha", analyzer);
  ASSERT_EQ(alphas.size(), 3u);
  int calls = 0;
  SnippetOptions options;
  options.locate = [&](std::size_t window_tokens) {
    ++calls;
    EXPECT_GT(window_tokens, 10u);
    BodyPositions located;
    located.reachable_keys = 2;
    located.first_position = alphas[2];  // the index ranks the last best
    located.word = "alpha";
    located.word_positions = alphas;
    return located;
  };
  const Snippet snippet = make_snippet(
      body, classify_matched_terms({"alpha", "beta"}), analyzer, options);
  EXPECT_EQ(calls, 1);
  EXPECT_NE(snippet.text.find("meet again."), std::string::npos)
      << snippet.text;
  EXPECT_EQ(snippet.text.rfind("\u2026", 0), 0u) << snippet.text;
  EXPECT_EQ(highlighted_words(snippet),
            (std::vector<std::string>{"ALPHA", "beta"}));
}

TEST(MakeSnippet, StopsOnceAWindowHoldsAsManyKeysAsThePositionsAllow) {
  text::Analyzer analyzer("en");
  // The two words never stand together; the later window has more matches
  // but no more distinct words, so the first one is enough.
  const std::string body = "Alpha opens. " + filler(2000) +
                           "alpha, alpha again. " + filler(600) +
                           "Beta closes.";
  SnippetOptions options{80};
  options.locate = [&](std::size_t) {
    BodyPositions located;
    located.reachable_keys = 1;
    located.first_position = 1;
    located.word = "alpha";
    located.word_positions = positions_of(body, "alpha", analyzer);
    return located;
  };
  const Snippet snippet = make_snippet(
      body, classify_matched_terms({"Zalpha", "Zbeta"}), analyzer, options);
  EXPECT_EQ(snippet.text.rfind("Alpha opens.", 0), 0u) << snippet.text;
  EXPECT_EQ(highlighted_words(snippet), (std::vector<std::string>{"Alpha"}));
}

TEST(MakeSnippet, KeepsTokenizingWhenThePositionsKnowNothing) {
  text::Analyzer analyzer("en");
  const std::string body = "Alpha opens. " + filler(2000) + "Alpha and beta.";
  SnippetOptions options;
  options.locate = [](std::size_t) { return BodyPositions{}; };
  const Snippet snippet = make_snippet(
      body, classify_matched_terms({"alpha", "beta"}), analyzer, options);
  EXPECT_EQ(highlighted_words(snippet),
            (std::vector<std::string>{"Alpha", "beta"}));
}

TEST(ClassifyMatchedTerms, KeepsApartTheTermsTheBodyHolds) {
  const MatchedTerms matched =
      classify_matched_terms({"army", "Zdefeat", "ZSwar", "Stroop"});
  EXPECT_EQ(matched.body_terms, (std::set<std::string>{"army"}));
  EXPECT_EQ(matched.body_stems, (std::set<std::string>{"defeat"}));
}

}  // namespace
}  // namespace news::searcher
