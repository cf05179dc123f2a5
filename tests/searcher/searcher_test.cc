#include "searcher/searcher.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "common/document_data.h"
#include "common/schema.h"
#include "indexer/article_to_document.h"
#include "tests/searcher/test_index.h"
#include "tests/support/test_support.h"

namespace news::searcher {
namespace {

using testing::make_article;
using testing::write_index;

// The highlighted words of a snippet, in order.
std::vector<std::string> highlighted_words(const Snippet& snippet) {
  std::vector<std::string> words;
  for (const Highlight& h : snippet.highlights) {
    words.push_back(
        snippet.text.substr(h.byte_begin, h.byte_end - h.byte_begin));
  }
  return words;
}

// A small index of four articles from three outlets.
class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_index(
        path_,
        {
            make_article("war", "SouthFront", "Army defeated near Donetsk",
                         "The army was defeated near Donetsk on Monday. "
                         "Officials said the defeat was expected.",
                         Date{2019, 3, 23}),
            make_article("navy", "Russia Today", "Navy exercises",
                         "The navy held exercises. The army watched.",
                         Date{2019, 4, 1}),
            make_article("cafe", "unknown", "Café culture in Zürich",
                         "Coffee houses are defeating tea rooms in the city."),
            make_article("phrase", "SouthFront", "Word order",
                         "The defeated general blamed the army for it."),
            make_article("tricky", "unknown", "Odd characters",
                         "Putin’s co­operation with ＮＡＴＯ "
                         "in São Paulo."),
        });
  }

  SearchResults search(const std::string& query,
                       std::vector<std::string> outlets = {},
                       std::size_t limit = 10, std::size_t offset = 0) {
    Result<Searcher> searcher = Searcher::open({path_});
    EXPECT_TRUE(searcher.ok()) << searcher.error().message();
    SearchRequest request;
    request.database_paths = {path_};
    request.query = query;
    request.outlets = std::move(outlets);
    request.limit = limit;
    request.offset = offset;
    Result<SearchResults> results = searcher.value().search(request);
    EXPECT_TRUE(results.ok()) << query << ": " << results.error().message();
    return results.ok() ? results.value() : SearchResults{};
  }

  static std::set<std::string> ids(const SearchResults& results) {
    std::set<std::string> found;
    for (const Hit& hit : results.hits) found.insert(hit.id);
    return found;
  }

  ::news::testing::TempDir dir_;
  const std::string path_ = dir_.file("index");
};

TEST_F(SearcherTest, FindsTheArticlesEachQueryDescribes) {
  struct Case {
    std::string query;
    std::vector<std::string> outlets;
    std::set<std::string> expected_ids;
  };
  const std::vector<Case> cases = {
      {"army", {}, {"war", "navy", "phrase"}},
      {"army navy", {}, {"navy"}},
      {"army AND navy", {}, {"navy"}},
      {"navy OR coffee", {}, {"navy", "cafe"}},
      {"army NOT navy", {}, {"war", "phrase"}},
      {"army -navy", {}, {"war", "phrase"}},
      // Stemming: "defeat" finds "defeated" and "defeating".
      {"defeat", {}, {"war", "phrase", "cafe"}},
      // A phrase matches only the exact words in order.
      {"\"army was defeated\"", {}, {"war"}},
      {"\"defeated general\"", {}, {"phrase"}},
      {"\"general defeated\"", {}, {}},
      // title: searches the title only.
      {"title:army", {}, {"war"}},
      {"title:defeat", {}, {"war"}},
      // outlet: filters, in any case, quoted or not.
      {"army outlet:southfront", {}, {"war", "phrase"}},
      {"army outlet:SouthFront", {}, {"war", "phrase"}},
      {"army outlet:\"Russia Today\"", {}, {"navy"}},
      {"army outlet:\"russia today\"", {}, {"navy"}},
      // --outlet: OR-ed among themselves, AND-ed with the query.
      {"army", {"southfront"}, {"war", "phrase"}},
      {"army", {"SOUTHFRONT", "Russia Today"}, {"war", "navy", "phrase"}},
      {"army", {"Nobody"}, {}},
      // The index normalisation applies to query words.
      {"cafe zurich", {}, {"cafe"}},
      {"CAFÉ", {}, {"cafe"}},
      {"Zu\u0308rich", {}, {"cafe"}},  // decomposed umlaut
      {"defea*", {}, {"war", "phrase", "cafe"}},
      {"NOT army", {}, {"cafe", "tricky"}},
      // A phrase never spans the end of the title and the body.
      {"\"donetsk the army\"", {}, {}},
      // Index and query are normalised alike (curly apostrophes, soft
      // hyphens, full width, accents).
      {"putin's", {}, {"tricky"}},
      {"cooperation", {}, {"tricky"}},
      {"nato", {}, {"tricky"}},
      {"\"sao paulo\"", {}, {"tricky"}},
  };
  for (const Case& test : cases) {
    const SearchResults results = search(test.query, test.outlets);
    EXPECT_EQ(ids(results), test.expected_ids)
        << "query " << test.query << " parsed as "
        << results.summary.parsed_query;
    EXPECT_EQ(results.summary.total_matches, test.expected_ids.size())
        << test.query;
  }
}

TEST_F(SearcherTest, FillsEachHitFromTheDocumentData) {
  const SearchResults results = search("donetsk");
  ASSERT_EQ(results.hits.size(), 1u);
  const Hit& hit = results.hits[0];
  EXPECT_EQ(hit.rank, 1u);
  EXPECT_EQ(hit.id, "war");
  EXPECT_EQ(hit.title, "Army defeated near Donetsk");
  EXPECT_EQ(hit.outlet, "SouthFront");
  ASSERT_TRUE(hit.published.has_value());
  EXPECT_EQ(hit.published->to_iso(), "2019-03-23");
  EXPECT_EQ(hit.path, "corpus/war.txt");
  EXPECT_EQ(hit.url, "https://example.org/war");
  EXPECT_GT(hit.weight, 0.0);
  EXPECT_GT(hit.percent, 0);
  EXPECT_EQ(results.summary.parsed_query,
            "Query(((Zdonetsk@1 SYNONYM donetsk@1) OR "
            "(ZSdonetsk@1 SYNONYM Sdonetsk@1)))");
}

TEST_F(SearcherTest, HighlightsStemmedFormsInTheSnippet) {
  const SearchResults results = search("defeat");
  for (const Hit& hit : results.hits) {
    const std::vector<std::string> words = highlighted_words(hit.snippet);
    const std::vector<std::vector<std::string>> expected = {
        {"defeated", "defeat"}, {"defeated"}, {"defeating"}};
    const std::vector<std::string>& want =
        hit.id == "war" ? expected[0]
                        : (hit.id == "phrase" ? expected[1] : expected[2]);
    EXPECT_EQ(words, want) << hit.id << ": " << hit.snippet.text;
  }
}

TEST_F(SearcherTest, HighlightsWildcardExpansions) {
  const SearchResults results = search("donet*");
  ASSERT_EQ(results.hits.size(), 1u);
  const Snippet& snippet = results.hits[0].snippet;
  ASSERT_EQ(snippet.highlights.size(), 1u) << snippet.text;
  EXPECT_EQ(snippet.text.substr(snippet.highlights[0].byte_begin,
                                snippet.highlights[0].byte_end -
                                    snippet.highlights[0].byte_begin),
            "Donetsk");
}

TEST_F(SearcherTest, ShowsTheBodyStartForATitleOnlyHit) {
  const SearchResults results = search("title:exercises");
  ASSERT_EQ(results.hits.size(), 1u);
  EXPECT_EQ(results.hits[0].snippet.text,
            "The navy held exercises. The army watched.");
}

TEST_F(SearcherTest, ReportsNoHitsForAQueryWithoutWords) {
  const SearchResults results = search("!!!");
  EXPECT_EQ(results.summary.total_matches, 0u);
  EXPECT_TRUE(results.hits.empty());
}

TEST_F(SearcherTest, StemsQueryWordsInTheLanguageAsked) {
  Result<Searcher> searcher = Searcher::open({path_});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  EXPECT_EQ(searcher.value().main_language(), "en");
  SearchRequest request;
  request.query = "defeat";
  request.language = "xx";  // no stemmer, and only articles in "xx"
  const Result<SearchResults> results = searcher.value().search(request);
  ASSERT_TRUE(results.ok()) << results.error().message();
  EXPECT_TRUE(results.value().hits.empty());
  const std::string& parsed = results.value().summary.parsed_query;
  EXPECT_NE(parsed.find("defeat@1"), std::string::npos) << parsed;
  EXPECT_EQ(parsed.find("Zdefeat"), std::string::npos) << parsed;
  EXPECT_NE(parsed.find("FILTER Lxx"), std::string::npos) << parsed;
  EXPECT_EQ(results.value().summary.stemmer_language, "xx");
  // The articles' own language: stemmed, and all of them found.
  request.language = "en";
  const Result<SearchResults> english = searcher.value().search(request);
  ASSERT_TRUE(english.ok()) << english.error().message();
  EXPECT_EQ(ids(english.value()),
            (std::set<std::string>{"war", "cafe", "phrase"}))
      << english.value().summary.parsed_query;
}

TEST_F(SearcherTest, TurnsSyntaxErrorsIntoQuerySyntaxErrors) {
  Result<Searcher> searcher = Searcher::open({path_});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  SearchRequest request;
  request.query = "army AND";
  const Result<SearchResults> results = searcher.value().search(request);
  ASSERT_FALSE(results.ok());
  EXPECT_EQ(results.error().code(), ErrorCode::kQuerySyntax);
  EXPECT_EQ(results.error().message(),
            "query syntax error at column 6 of \"army AND\": \"AND\" needs "
            "a term on both sides");
}

TEST(Searcher, CountsFacetsAndTotalsOverAllMatchesNotJustThePage) {
  ::news::testing::TempDir dir;
  std::vector<Article> articles;
  const std::vector<std::pair<std::string, int>> outlets = {
      {"SouthFront", 17}, {"Russia Today", 9}, {"unknown", 4}};
  for (const auto& [outlet, count] : outlets) {
    for (int i = 0; i < count; ++i) {
      // Different weights let Xapian stop matching early; the counts must
      // not depend on that.
      std::string body;
      for (int repeat = 0; repeat <= i % 7; ++repeat) body += "ceasefire ";
      for (int pad = 0; pad < i % 13; ++pad)
        body += "talks" + std::to_string(pad) + " ";
      articles.push_back(make_article(outlet + std::to_string(i), outlet,
                                      "Report " + std::to_string(i), body));
    }
  }
  articles.push_back(
      make_article("other", "SouthFront", "Weather", "Rain is expected."));
  write_index(dir.file("index"), articles);

  Result<Searcher> searcher = Searcher::open({dir.file("index")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  SearchRequest request;
  request.query = "ceasefire";
  request.limit = 5;
  request.offset = 5;
  const Result<SearchResults> results = searcher.value().search(request);
  ASSERT_TRUE(results.ok()) << results.error().message();
  EXPECT_EQ(results.value().summary.total_matches, 30u);
  ASSERT_EQ(results.value().hits.size(), 5u);
  EXPECT_EQ(results.value().hits.front().rank, 6u);
  EXPECT_EQ(results.value().hits.back().rank, 10u);

  ASSERT_EQ(results.value().facets.size(), 1u);
  const FacetGroup& group = results.value().facets[0];
  EXPECT_EQ(group.name, "outlet");
  ASSERT_EQ(group.counts.size(), 3u);
  EXPECT_EQ(group.counts[0].value, "SouthFront");
  EXPECT_EQ(group.counts[0].count, 17u);
  EXPECT_EQ(group.counts[1].value, "Russia Today");
  EXPECT_EQ(group.counts[1].count, 9u);
  EXPECT_EQ(group.counts[2].value, "unknown");
  EXPECT_EQ(group.counts[2].count, 4u);
  const std::uint64_t sum = std::accumulate(
      group.counts.begin(), group.counts.end(), std::uint64_t{0},
      [](std::uint64_t total, const FacetCount& c) { return total + c.count; });
  EXPECT_EQ(sum, results.value().summary.total_matches);
}

TEST(Searcher, SearchesSeveralDatabasesAsOne) {
  ::news::testing::TempDir dir;
  write_index(dir.file("a"),
              {make_article("a1", "SouthFront", "Grain deal", "Grain ships.")});
  write_index(dir.file("b"), {make_article("b1", "Russia Today", "Grain",
                                           "Grain prices rose.")});
  Result<Searcher> searcher = Searcher::open({dir.file("a"), dir.file("b")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  SearchRequest request;
  request.query = "grain";
  const Result<SearchResults> results = searcher.value().search(request);
  ASSERT_TRUE(results.ok()) << results.error().message();
  EXPECT_EQ(results.value().summary.total_matches, 2u);
  const std::vector<DatabaseFingerprint>& databases =
      results.value().summary.provenance.databases;
  ASSERT_EQ(databases.size(), 2u);
  EXPECT_EQ(databases[0].path, dir.file("a"));
  EXPECT_EQ(databases[1].path, dir.file("b"));
  EXPECT_EQ(databases[0].document_count, 1u);
  EXPECT_EQ(databases[0].schema_version, std::to_string(schema::kVersion));
  EXPECT_FALSE(databases[0].last_modified.empty());
}

TEST(Searcher, PlacesSnippetsByTheIndexPositionsInEveryDatabase) {
  // The query's words never stand together in the long body: the index's
  // positions (of the stem's word forms, found through the term list) tell
  // the snippet so, and it keeps the first match instead of tokenizing the
  // whole body for a window with more of them. With two databases the
  // document's id in the combined one must be used.
  std::string filler;
  while (filler.size() < 2500) filler += "and then more. ";
  const std::string body = "Treaties opened the talks. " + filler +
                           "The treaty, the treaty again. " + filler +
                           "Minsk closes.";
  ::news::testing::TempDir dir;
  write_index(dir.file("a"),
              {make_article("a1", "SouthFront", "Grain deal",
                            "Grain ships. A treaty in Minsk."),
               make_article("a2", "SouthFront", "Grain", "Grain again.")});
  write_index(dir.file("b"),
              {make_article("b1", "Russia Today", "Talks", body)});
  Result<Searcher> searcher = Searcher::open({dir.file("a"), dir.file("b")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  SearchRequest request;
  request.query = "treaty minsk";
  const Result<SearchResults> results = searcher.value().search(request);
  ASSERT_TRUE(results.ok()) << results.error().message();
  ASSERT_EQ(results.value().hits.size(), 2u);
  for (const Hit& hit : results.value().hits) {
    const std::vector<std::string> words = highlighted_words(hit.snippet);
    if (hit.id == "b1") {
      EXPECT_EQ(hit.snippet.text.rfind("Treaties opened the talks.", 0), 0u)
          << hit.snippet.text;
      EXPECT_EQ(words, (std::vector<std::string>{"Treaties"}));
    } else {
      EXPECT_EQ(words, (std::vector<std::string>{"treaty", "Minsk"}));
    }
  }
}

TEST(Searcher, MarksAStemsFormsWhenTheHitHoldsOnlyTheStemItself) {
  // "elect" is its own stem: the hit matches title:election through its
  // title word (it has no ZS term for it), and the snippet still marks the
  // body's other forms of the stem, as a stem match does.
  ::news::testing::TempDir dir;
  write_index(dir.file("a"),
              {make_article("a1", "Wikinews", "Palestinians to elect a leader",
                            "The elections will be held on January 9, "
                            "officials said; the electing body agreed.")});
  Result<Searcher> searcher = Searcher::open({dir.file("a")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  for (const std::string query : {"title:election", "elect"}) {
    SearchRequest request;
    request.query = query;
    const Result<SearchResults> results = searcher.value().search(request);
    ASSERT_TRUE(results.ok()) << results.error().message();
    ASSERT_EQ(results.value().hits.size(), 1u) << query;
    const Snippet& snippet = results.value().hits[0].snippet;
    EXPECT_EQ(highlighted_words(snippet),
              (std::vector<std::string>{"elections", "electing"}))
        << query << ": " << snippet.text;
  }
}

TEST(Searcher, PlacesSnippetsByPositionsForAStemmerThatCutsPrefixesToo) {
  // Indonesian stems drop prefixes ("perjanjian": "janji"), so the words of
  // a stem come from the hit's own term list rather than the dictionary.
  std::string filler;
  while (filler.size() < 2500) filler += "dan kemudian lagi. ";
  Article article = make_article("id1", "Kompas", "Rapat",
                                 "Perjanjian dibuka. " + filler +
                                     "Perjanjian itu, perjanjian lagi. " +
                                     filler + "Minsk ditutup.");
  article.language = "id";
  ::news::testing::TempDir dir;
  write_index(dir.file("index"), {article});
  Result<Searcher> searcher = Searcher::open({dir.file("index")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  SearchRequest request;
  request.query = "perjanjian minsk";
  request.language = "id";
  const Result<SearchResults> results = searcher.value().search(request);
  ASSERT_TRUE(results.ok()) << results.error().message();
  ASSERT_EQ(results.value().hits.size(), 1u);
  const Snippet& snippet = results.value().hits[0].snippet;
  EXPECT_EQ(snippet.text.rfind("Perjanjian dibuka.", 0), 0u) << snippet.text;
  ASSERT_EQ(snippet.highlights.size(), 1u) << snippet.text;
}

TEST(Searcher, PlacesSnippetsByPositionsWhenAStemHasTooManyNeighbours) {
  // "happiness" stems to "happi"; the dictionary holds more words starting
  // "happ" than are worth stemming, so the forms of the stem ("happy") are
  // looked for in the stretch of the hit's term list that starts "happ".
  // Without them the positions would show only "Minsk", and the snippet
  // would open the body.
  std::string filler;
  while (filler.size() < 2500) filler += "and then more. ";
  std::string neighbours;
  for (int i = 0; i < 400; ++i) neighbours += "happx" + std::to_string(i) + " ";
  ::news::testing::TempDir dir;
  write_index(dir.file("index"),
              {make_article("far", "SouthFront", "Talks",
                            "Minsk opened. " + filler +
                                "They were happy in Minsk at last. " + filler +
                                "The end."),
               make_article("words", "SouthFront", "Words", neighbours)});
  Result<Searcher> searcher = Searcher::open({dir.file("index")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  SearchRequest request;
  request.query = "happiness minsk";
  const Result<SearchResults> results = searcher.value().search(request);
  ASSERT_TRUE(results.ok()) << results.error().message();
  ASSERT_EQ(results.value().hits.size(), 1u);
  const Snippet& snippet = results.value().hits[0].snippet;
  const std::vector<std::string> words = highlighted_words(snippet);
  EXPECT_NE(snippet.text.find("They were happy in Minsk"), std::string::npos)
      << snippet.text;
  EXPECT_EQ(words, (std::vector<std::string>{"happy", "Minsk"}))
      << snippet.text;
}

TEST(Searcher, ReopensAnIndexRewrittenUnderItAndSearchesAgain) {
  // A searcher keeps reading the revision it opened; once a writer has
  // committed over it twice, Xapian reports the blocks gone
  // (DatabaseModifiedError) and the search must reopen and retry.
  ::news::testing::TempDir dir;
  const std::string path = dir.file("index");
  std::string filler;
  while (filler.size() < 3000) filler += "grain ships sail on. ";
  std::vector<Article> first;
  for (int i = 0; i < 300; ++i) {
    first.push_back(make_article("a" + std::to_string(i), "SouthFront",
                                 "Grain " + std::to_string(i), filler));
  }
  write_index(path, first);
  Result<Searcher> searcher = Searcher::open({path});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  {
    Xapian::WritableDatabase writer(path, Xapian::DB_OPEN);
    for (int round = 0; round < 3; ++round) {
      for (Xapian::docid id = 1; id <= 300; ++id) {
        Xapian::Document document;
        document.add_posting("wheat" + std::to_string(round), 1);
        document.add_term("Zwheat" + std::to_string(round));
        for (Xapian::termpos k = 2; k < 200; ++k) {
          document.add_posting(
              "w" + std::to_string(round) + "x" + std::to_string(id * k), k);
        }
        writer.replace_document(id, document);
      }
      writer.commit();
    }
  }
  SearchRequest request;
  // Reading the old revision's "grain" postings meets reused blocks.
  request.query = "grain";
  request.facets = {};
  const Result<SearchResults> old_words = searcher.value().search(request);
  ASSERT_TRUE(old_words.ok()) << old_words.error().message();
  EXPECT_EQ(old_words.value().summary.total_matches, 0u);
  request.query = "wheat2";
  const Result<SearchResults> new_words = searcher.value().search(request);
  ASSERT_TRUE(new_words.ok()) << new_words.error().message();
  EXPECT_EQ(new_words.value().summary.total_matches, 300u);
}

std::set<std::string> hit_ids(const SearchResults& results) {
  std::set<std::string> found;
  for (const Hit& hit : results.hits) found.insert(hit.id);
  return found;
}

TEST(Searcher, StemsQueryWordsInEveryLanguageOfTheIndexWithoutLang) {
  // An English-led index with Russian and German articles: an inflected
  // Russian or German query word finds them without --lang, and their
  // snippets are stemmed as their own language.
  Article russian = make_article(
      "ru1", "RIA", "Переговоры",
      "Переговоры с Путиным прошли в Минске. Путин заявил о мире.");
  russian.language = "ru";
  Article german =
      make_article("de1", "Zeit", "Wohnen", "Die Häuser der Stadt sind alt.");
  german.language = "de";
  ::news::testing::TempDir dir;
  write_index(dir.file("index"),
              {make_article("en1", "BBC", "Talks", "Talks in Minsk went on."),
               make_article("en2", "BBC", "Houses", "Old houses stand here."),
               russian, german});
  Result<Searcher> searcher = Searcher::open({dir.file("index")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  const auto search = [&](const std::string& query,
                          const std::string& language = "") {
    SearchRequest request;
    request.query = query;
    request.language = language;
    Result<SearchResults> results = searcher.value().search(request);
    EXPECT_TRUE(results.ok()) << query << ": " << results.error().message();
    return results.ok() ? results.value() : SearchResults{};
  };
  const SearchResults putin = search("Путина");
  ASSERT_EQ(putin.hits.size(), 1u) << putin.summary.parsed_query;
  EXPECT_EQ(putin.hits[0].id, "ru1");
  const std::vector<std::string> words =
      highlighted_words(putin.hits[0].snippet);
  EXPECT_EQ(words, (std::vector<std::string>{"Путиным", "Путин"}));
  EXPECT_EQ(hit_ids(search("Haus")), (std::set<std::string>{"de1"}));
  // English words stay English, and --lang still limits to one language.
  EXPECT_EQ(hit_ids(search("house")), (std::set<std::string>{"en2"}));
  EXPECT_EQ(hit_ids(search("minsk")), (std::set<std::string>{"en1"}));
  EXPECT_EQ(hit_ids(search("Минск")), (std::set<std::string>{"ru1"}));
  EXPECT_EQ(hit_ids(search("minsk", "en")), (std::set<std::string>{"en1"}));
  EXPECT_TRUE(search("Путина", "en").hits.empty());
}

TEST(Searcher, FindsArticlesByIdTheWayTheIndexerStoresThem) {
  ::news::testing::TempDir dir;
  const std::string long_id = "path:/" + std::string(260, 'p') + ".txt";
  write_index(dir.file("index"),
              {make_article("short", "RT", "Short", "Body one."),
               make_article(long_id, "RT", "Long", "Body two.")});
  EXPECT_EQ(id_term_for(long_id), indexer::ArticleToDocument::id_term(long_id));
  Result<Searcher> searcher = Searcher::open({dir.file("index")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  const auto shown = searcher.value().show(long_id);
  ASSERT_TRUE(shown.ok() && shown.value().has_value());
  EXPECT_EQ(shown.value()->fields.title, "Long");
  EXPECT_EQ(shown.value()->fields.body, "Body two.");
  const auto by_docid = searcher.value().show("1");
  ASSERT_TRUE(by_docid.ok() && by_docid.value().has_value());
  EXPECT_EQ(by_docid.value()->fields.id, "short");
  EXPECT_FALSE(searcher.value().show("nothing").value().has_value());
  EXPECT_FALSE(searcher.value().show("99").value().has_value());
}

TEST(Searcher, SortsByDateFiltersAndCountsEveryFacet) {
  ::news::testing::TempDir dir;
  std::vector<Article> articles = {
      make_article("a", "RT", "A", "grain", Date{2019, 3, 1}),
      make_article("b", "RT", "B", "grain", Date{2018, 5, 2}),
      make_article("c", "TASS", "C", "grain"),
      make_article("d", "TASS", "D", "grain", Date{2019, 3, 1}),
      make_article("e", "Reuters", "E", "grain", Date{2020, 1, 9}),
  };
  articles[0].authors = {"Jane Doe", "Ivan Petrov"};
  articles[1].authors = {"Jane Doe"};
  articles[4].url = "https://www.reuters.com/e";
  write_index(dir.file("index"), articles);
  Result<Searcher> searcher = Searcher::open({dir.file("index")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  const auto ids_for = [&searcher](const SearchRequest& request) {
    const Result<SearchResults> results = searcher.value().search(request);
    EXPECT_TRUE(results.ok()) << results.error().message();
    std::string ids;
    for (const Hit& hit : results.value().hits) ids += hit.id;
    return ids;
  };
  SearchRequest request;
  request.query = "grain";
  request.sort = SortOrder::kDateAscending;
  EXPECT_EQ(ids_for(request), "badec");  // a and d tie: by id; undated last
  request.sort = SortOrder::kDateDescending;
  EXPECT_EQ(ids_for(request), "eadbc");
  request.from = Date{2019, 1, 1};
  EXPECT_EQ(ids_for(request), "ead");
  request.to = Date{2019, 12, 31};
  request.excluded_outlets = {"tass"};
  EXPECT_EQ(ids_for(request), "a");
  request = SearchRequest{};
  request.query = "grain";
  request.sites = {"reuters.com"};
  EXPECT_EQ(ids_for(request), "e");
  request.sites.clear();
  request.query = "grain author:\"jane doe\"";
  request.sort = SortOrder::kDateAscending;
  EXPECT_EQ(ids_for(request), "ba");

  request = SearchRequest{};
  request.query = "grain";
  request.facets = {Facet::kAuthor, Facet::kYear, Facet::kMonth, Facet::kSite,
                    Facet::kOutlet};
  request.facet_limit = 2;
  request.is_count_only = true;
  const Result<SearchResults> results = searcher.value().search(request);
  ASSERT_TRUE(results.ok()) << results.error().message();
  EXPECT_TRUE(results.value().hits.empty());
  EXPECT_EQ(results.value().summary.total_matches, 5u);
  const auto counts = [&results](std::size_t group) {
    std::string text;
    for (const FacetCount& count : results.value().facets[group].counts) {
      text += count.value + "=" + std::to_string(count.count) + " ";
    }
    return text;
  };
  ASSERT_EQ(results.value().facets.size(), 5u);
  EXPECT_EQ(counts(0), "Jane Doe=2 Ivan Petrov=1 ");
  EXPECT_EQ(counts(1), "2019=2 2018=1 ");
  EXPECT_EQ(results.value().facets[1].value_count, 3u);
  EXPECT_EQ(counts(2), "2019-03=2 2018-05=1 ");
  EXPECT_EQ(counts(3), "example.org=4 reuters.com=1 ");
  EXPECT_EQ(counts(4), "RT=2 TASS=2 ");
}

TEST(Searcher, RanksEqualWeightsByIdOnEveryPage) {
  // Six copies weigh the same; their document ids are not in id order. One
  // article weighs more and one less, so pages cut through the copies at
  // every place.
  ::news::testing::TempDir dir;
  std::vector<Article> articles;
  for (const char* id : {"f", "b", "d", "a", "e", "c"}) {
    articles.push_back(
        make_article(id, "RT", "Grain deal", "The grain deal holds.", {}));
  }
  articles.push_back(make_article("y", "RT", "Harvest",
                                  "Grain prices, the harvest, the weather, "
                                  "the ports and the ships that wait there.",
                                  {}));
  articles.push_back(make_article("x", "RT", "Grain grain",
                                  "Grain grain grain deal grain.", {}));
  write_index(dir.file("index"), articles);
  Result<Searcher> searcher = Searcher::open({dir.file("index")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  const auto page = [&searcher](std::size_t offset, std::size_t limit) {
    SearchRequest request;
    request.query = "grain";
    request.offset = offset;
    request.limit = limit;
    const Result<SearchResults> results = searcher.value().search(request);
    EXPECT_TRUE(results.ok()) << results.error().message();
    std::string ids;
    double last_weight = 1e300;
    for (const Hit& hit : results.value().hits) {
      ids += hit.id;
      EXPECT_LE(hit.weight, last_weight) << ids;
      last_weight = hit.weight;
    }
    return ids;
  };
  const std::string all = page(0, 20);
  ASSERT_EQ(all.size(), 8u);
  EXPECT_NE(all.find("abcdef"), std::string::npos) << all;
  for (std::size_t offset = 0; offset <= all.size(); ++offset) {
    for (std::size_t limit = 1; limit <= 4; ++limit) {
      EXPECT_EQ(page(offset, limit), all.substr(offset, limit))
          << "offset " << offset << ", limit " << limit;
    }
  }
}

// The hit members that come from the display value or the record.
std::vector<std::string> display_fields(const SearchResults& results) {
  std::vector<std::string> rows;
  for (const Hit& hit : results.hits) {
    std::string row = hit.id + "|" + hit.title + "|" + hit.outlet + "|" +
                      (hit.published ? hit.published->to_iso() : "-") + "|" +
                      hit.url + "|" + hit.site + "|" + hit.path + "|" +
                      hit.language;
    for (const std::string& author : hit.authors) row += "|" + author;
    rows.push_back(row);
  }
  return rows;
}

TEST(Searcher, ShowsTheSameHitFieldsWithAndWithoutTheRecord) {
  ::news::testing::TempDir dir;
  std::vector<Article> articles = {
      make_article("a", "RT", "Grain deal", "The grain deal holds.",
                   Date{2022, 7, 22}),
      make_article("b", "unknown", "", "Grain and more grain.", {}),
      make_article("c", "TASS", "Grain: \"ports\"", "Grain ships wait.",
                   Date{2023, 1, 2}),
  };
  articles[0].authors = {"Jane Doe", "John Roe"};
  articles[1].url.clear();
  articles[2].language = "ru";
  write_index(dir.file("index"), articles);

  const auto search = [&dir](std::vector<HitField> fields) {
    Result<Searcher> searcher = Searcher::open({dir.file("index")});
    EXPECT_TRUE(searcher.ok()) << searcher.error().message();
    SearchRequest request;
    request.query = "grain";
    request.fields = std::move(fields);
    const Result<SearchResults> results = searcher.value().search(request);
    EXPECT_TRUE(results.ok()) << results.error().message();
    return results.ok() ? display_fields(results.value())
                        : std::vector<std::string>{};
  };
  const std::vector<HitField> without_snippet = {
      HitField::kId,   HitField::kTitle,    HitField::kOutlet,
      HitField::kDate, HitField::kUrl,      HitField::kPath,
      HitField::kSite, HitField::kLanguage, HitField::kAuthors};
  std::vector<HitField> with_snippet = without_snippet;
  with_snippet.push_back(HitField::kSnippet);
  // Without snippet the hits come from the display value, with one from
  // the record.
  const std::vector<std::string> from_record = search(with_snippet);
  ASSERT_EQ(from_record.size(), 3u);
  EXPECT_EQ(search(without_snippet), from_record);
  EXPECT_NE(std::find(from_record.begin(), from_record.end(),
                      "a|Grain deal|RT|2022-07-22|https://example.org/a|"
                      "example.org|corpus/a.txt|en|Jane Doe|John Roe"),
            from_record.end());

  // The display value is what hits without snippet read.
  {
    Xapian::WritableDatabase database(dir.file("index"), Xapian::DB_OPEN);
    Article changed = articles[0];
    changed.title = "From the display value";
    Xapian::Document document = database.get_document(1);
    document.add_value(schema::kSlotDisplay,
                       encode_display_value(changed).value());
    database.replace_document(1, document);
    database.commit();
  }
  const std::vector<std::string> changed = search(without_snippet);
  EXPECT_NE(std::find_if(changed.begin(), changed.end(),
                         [](const std::string& row) {
                           return row.find("|From the display value|") !=
                                  std::string::npos;
                         }),
            changed.end());
  EXPECT_EQ(search(with_snippet), from_record);

  // An index written before the display value: hits come from the record.
  {
    Xapian::WritableDatabase database(dir.file("index"), Xapian::DB_OPEN);
    for (Xapian::docid docid = 1; docid <= 3; ++docid) {
      Xapian::Document document = database.get_document(docid);
      ASSERT_FALSE(document.get_value(schema::kSlotDisplay).empty());
      document.remove_value(schema::kSlotDisplay);
      database.replace_document(docid, document);
    }
    database.commit();
  }
  EXPECT_EQ(search(without_snippet), from_record);
}

TEST(SearcherOpen, RefusesIndexesItCannotRead) {
  ::news::testing::TempDir dir;
  testing::IndexMetadata old_version;
  old_version.schema_version = "0";
  write_index(dir.file("old"), {}, old_version);
  testing::IndexMetadata no_schema;
  no_schema.has_defaults = false;
  write_index(dir.file("plain"), {}, no_schema);
  testing::IndexMetadata other_analyzer;
  other_analyzer.analyzer = "analyzer=0";
  write_index(dir.file("analyzer"), {}, other_analyzer);
  std::filesystem::create_directory(dir.file("empty-folder"));

  struct Case {
    std::string path;
    std::string expected_message;
  };
  const std::vector<Case> cases = {
      {dir.file("missing"), dir.file("missing") + ": no such index"},
      {dir.file("empty-folder"),
       dir.file("empty-folder") + " is not a news-search index"},
      {dir.file("plain"), dir.file("plain") + " is not a news-search index"},
      {dir.file("old"),
       dir.file("old") +
           " was built with schema version 0; this news-search "
           "reads versions 1 to " +
           std::to_string(schema::kVersion) + ": re-index with news-index"},
      {dir.file("analyzer"),
       dir.file("analyzer") + " was built with other text analysis settings"},
  };
  for (const Case& test : cases) {
    const Result<Searcher> searcher = Searcher::open({test.path});
    ASSERT_FALSE(searcher.ok()) << test.path;
    EXPECT_EQ(searcher.error().code(), ErrorCode::kIndex) << test.path;
    EXPECT_EQ(searcher.error().message().rfind(test.expected_message, 0), 0u)
        << "got: " << searcher.error().message()
        << "\nexpected a start of: " << test.expected_message;
  }
}

TEST(SearcherOpen, ChecksEveryDatabaseNotJustTheFirst) {
  ::news::testing::TempDir dir;
  write_index(dir.file("good"), {});
  testing::IndexMetadata old_version;
  old_version.schema_version = "0";
  write_index(dir.file("old"), {}, old_version);
  const Result<Searcher> searcher =
      Searcher::open({dir.file("good"), dir.file("old")});
  ASSERT_FALSE(searcher.ok());
  EXPECT_NE(searcher.error().message().find(dir.file("old")), std::string::npos)
      << searcher.error().message();
}

TEST(SearcherOpen, SearchesAnIndexWithoutDocumentsOrSlotTables) {
  ::news::testing::TempDir dir;
  write_index(dir.file("empty"), {});
  Result<Searcher> searcher = Searcher::open({dir.file("empty")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  SearchRequest request;
  request.query = "war";
  const Result<SearchResults> results = searcher.value().search(request);
  ASSERT_TRUE(results.ok()) << results.error().message();
  EXPECT_EQ(results.value().summary.total_matches, 0u);
  EXPECT_TRUE(results.value().hits.empty());
}

TEST(SearcherOpen, ReadsAVersionOneIndexWithoutStemSynonyms) {
  // Version 1 gave every word a Z term: its queries stay plain stem terms.
  ::news::testing::TempDir dir;
  testing::IndexMetadata version_one;
  version_one.schema_version = "1";
  write_index(
      dir.file("v1"),
      {make_article("war", "SouthFront", "Army defeated near Donetsk",
                    "The army was defeated near Donetsk.", Date{2019, 3, 23})},
      version_one);
  Result<Searcher> searcher = Searcher::open({dir.file("v1")});
  ASSERT_TRUE(searcher.ok()) << searcher.error().message();
  SearchRequest request;
  request.query = "donetsk";
  const Result<SearchResults> results = searcher.value().search(request);
  ASSERT_TRUE(results.ok()) << results.error().message();
  EXPECT_EQ(results.value().summary.parsed_query,
            "Query((Zdonetsk@1 OR ZSdonetsk@1))");
}

TEST(SearcherOpen, RefusesIndexesOfDifferentSchemaVersionsTogether) {
  // A query rewritten for version 2 would count a version 1 document's word
  // twice (its Z term and its own term); each index alone is fine.
  ::news::testing::TempDir dir;
  testing::IndexMetadata version_one;
  version_one.schema_version = "1";
  const Article article =
      make_article("war", "SouthFront", "Army defeated near Donetsk",
                   "The army was defeated near Donetsk.", Date{2019, 3, 23});
  write_index(dir.file("v1"), {article}, version_one);
  write_index(dir.file("v2"), {article});
  for (const auto& paths :
       {std::vector<std::string>{dir.file("v2"), dir.file("v1")},
        std::vector<std::string>{dir.file("v1"), dir.file("v2")}}) {
    Result<Searcher> searcher = Searcher::open(paths);
    ASSERT_FALSE(searcher.ok());
    EXPECT_EQ(searcher.error().code(), ErrorCode::kIndex);
    EXPECT_NE(searcher.error().message().find(
                  "indexes of different versions cannot be searched together"),
              std::string::npos)
        << searcher.error().message();
    EXPECT_NE(searcher.error().message().find(paths[1]), std::string::npos);
  }
  EXPECT_TRUE(Searcher::open({dir.file("v1"), dir.file("v1")}).ok());
  EXPECT_TRUE(Searcher::open({dir.file("v2"), dir.file("v2")}).ok());
}

}  // namespace
}  // namespace news::searcher
