#include "indexer/article_to_document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/document_data.h"
#include "common/schema.h"

namespace news::indexer {
namespace {

Article sample_article() {
  Article article;
  article.id = "path:/data/a.txt";
  article.url = "https://www.SouthFront.org/isis-defeater/";
  article.outlet = "SouthFront";
  article.title = "Who Defeated The Caliphate";
  article.body = "The coalition defeated ISIS.\n\nOil convoys burned.";
  article.language = "en";
  article.published = Date{2019, 3, 23};
  article.authors = {"Jane Doe"};
  article.source.path = "/data/a.txt";
  return article;
}

std::vector<Xapian::termpos> positions_of(const Xapian::Document& document,
                                          const std::string& term) {
  std::vector<Xapian::termpos> positions;
  for (auto it = document.termlist_begin(); it != document.termlist_end();
       ++it) {
    if (*it != term) continue;
    for (auto pos = it.positionlist_begin(); pos != it.positionlist_end();
         ++pos) {
      positions.push_back(*pos);
    }
  }
  return positions;
}

bool has_term(const Xapian::Document& document, const std::string& term) {
  auto it = document.termlist_begin();
  it.skip_to(term);
  return it != document.termlist_end() && *it == term;
}

TEST(ArticleToDocument, WritesTermsOfTheSchema) {
  text::Analyzer analyzer("en");
  ArticleToDocument converter(analyzer);
  const Xapian::Document document = converter.convert(sample_article());
  const std::vector<std::string> expected_terms = {
      "Qpath:/data/a.txt",
      "Scaliphate",
      "ZSdefeat",
      "Zdefeat",
      "coalition",
      "Zconvoy",
      "XOsouthfront",
      "Len",
      "D20190323",
      "M201903",
      "Y2019",
      "Hsouthfront.org",
      "Ajane doe",
      "Uhttps://www.SouthFront.org/isis-defeater/"};
  for (const std::string& term : expected_terms) {
    EXPECT_TRUE(has_term(document, term)) << "term: " << term;
  }
  EXPECT_FALSE(has_term(document, "Scoalition"));  // body words: no S
  EXPECT_FALSE(has_term(document, "caliphate"));   // title words: only S
  EXPECT_FALSE(has_term(document, "Z2019"));       // numbers are not stemmed
}

TEST(ArticleToDocument, NumbersTitleAndBodyPositionsSeparately) {
  text::Analyzer analyzer("en");
  ArticleToDocument converter(analyzer);
  const Xapian::Document document = converter.convert(sample_article());
  EXPECT_EQ(positions_of(document, "Swho"), std::vector<Xapian::termpos>{1});
  EXPECT_EQ(positions_of(document, "Scaliphate"),
            std::vector<Xapian::termpos>{4});
  EXPECT_EQ(positions_of(document, "coalition"),
            std::vector<Xapian::termpos>{2});
  EXPECT_EQ(positions_of(document, "oil"), std::vector<Xapian::termpos>{5});
  EXPECT_EQ(positions_of(document, "convoys"), std::vector<Xapian::termpos>{6});
  // Title words are not body terms.
  EXPECT_TRUE(positions_of(document, "who").empty());
}

TEST(ArticleToDocument, StemsInTheArticlesLanguage) {
  text::Analyzer analyzer("en");
  ArticleToDocument converter(analyzer);
  Article article = sample_article();
  article.language = "ru";
  article.title = "\u0412\u044b\u0431\u043e\u0440\u044b";
  article.body = "\u0432\u044b\u0431\u043e\u0440\u0430\u0445";
  const Xapian::Document document = converter.convert(article);
  const std::string stem =
      Xapian::Stem("russian")("\u0432\u044b\u0431\u043e\u0440\u0430\u0445");
  EXPECT_TRUE(has_term(document, "Z" + stem)) << stem;
}

Xapian::termcount wdf_of(const Xapian::Document& document,
                         const std::string& term) {
  auto it = document.termlist_begin();
  it.skip_to(term);
  if (it == document.termlist_end() || *it != term) return 0;
  return it.get_wdf();
}

TEST(ArticleToDocument, CountsEveryFormOfAStem) {
  text::Analyzer analyzer("en");
  ArticleToDocument converter(analyzer);
  Article article = sample_article();
  article.title = "Runs and running";
  article.body = "He runs. Running, they ran; runs run running 2019 2019.";
  const Xapian::Document document = converter.convert(article);
  // runs, running, runs, running: four words with the stem "run" that are
  // not "run" itself; "run" (its own stem) has only its unprefixed term.
  EXPECT_EQ(wdf_of(document, "Zrun"), 4U);
  EXPECT_EQ(wdf_of(document, "run"), 1U);
  EXPECT_EQ(wdf_of(document, "runs"), 2U);
  EXPECT_EQ(wdf_of(document, "Zran"), 0U);
  EXPECT_EQ(wdf_of(document, "ran"), 1U);
  EXPECT_EQ(wdf_of(document, "ZSrun"), 2U);
  EXPECT_EQ(wdf_of(document, "ZSand"), 0U);
  EXPECT_EQ(wdf_of(document, "Sand"), 1U);
  EXPECT_EQ(wdf_of(document, "2019"), 2U);
  EXPECT_EQ(wdf_of(document, "Z2019"), 0U);
}

TEST(ArticleToDocument, GivesEachWordThatIsItsOwnStemOnceForASynonym) {
  text::Analyzer analyzer("en");
  ArticleToDocument converter(analyzer);
  Article article = sample_article();
  article.title = "Runs and running";
  article.body = "He runs. Running, they ran; runs run running 2019.";
  converter.convert(article);
  std::vector<std::string> first = converter.take_new_own_stems();
  std::sort(first.begin(), first.end());
  // Words without a Z term; "2019" is not stemmed at all.
  EXPECT_EQ(first,
            (std::vector<std::string>{"Sand", "he", "ran", "run", "they"}));
  EXPECT_TRUE(converter.take_new_own_stems().empty());
  article.body = "They run and walk.";
  converter.convert(article);
  // Only the words not given before.
  std::vector<std::string> second = converter.take_new_own_stems();
  std::sort(second.begin(), second.end());
  EXPECT_EQ(second, (std::vector<std::string>{"and", "walk"}));
}

TEST(ArticleToDocument, KeepsEachLanguagesStemsApart) {
  const std::string word = "nationalities";
  const std::string english = Xapian::Stem("english")(word);
  const std::string french = Xapian::Stem("french")(word);
  ASSERT_NE(english, french);
  text::Analyzer analyzer("en");
  ArticleToDocument converter(analyzer);
  Article article = sample_article();
  article.body = word + " " + word;
  for (int round = 0; round < 2; ++round) {
    article.language = "en";
    const Xapian::Document in_english = converter.convert(article);
    EXPECT_EQ(wdf_of(in_english, "Z" + english), 2U);
    EXPECT_EQ(wdf_of(in_english, "Z" + french), 0U);
    article.language = "fr";
    const Xapian::Document in_french = converter.convert(article);
    EXPECT_EQ(wdf_of(in_french, "Z" + french), 2U);
    EXPECT_EQ(wdf_of(in_french, "Z" + english), 0U);
  }
}

TEST(ArticleToDocument, FillsValueSlotsAndData) {
  text::Analyzer analyzer("en");
  ArticleToDocument converter(analyzer);
  const Xapian::Document document = converter.convert(sample_article());
  EXPECT_EQ(document.get_value(schema::kSlotPublished), "20190323");
  EXPECT_EQ(document.get_value(schema::kSlotOutlet), "SouthFront");
  EXPECT_EQ(document.get_value(schema::kSlotLanguage), "en");
  EXPECT_EQ(document.get_value(schema::kSlotYearMonth), "201903");
  EXPECT_EQ(document.get_value(schema::kSlotYear), "2019");
  EXPECT_EQ(document.get_value(schema::kSlotHost), "southfront.org");
  EXPECT_EQ(document.get_value(schema::kSlotAuthors), "Jane Doe");
  EXPECT_EQ(document.get_value(schema::kSlotId), "path:/data/a.txt");
  const Result<Article> data = decode_document_data(document.get_data());
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value().title, "Who Defeated The Caliphate");
  const std::optional<Article> display =
      decode_display_value(document.get_value(schema::kSlotDisplay));
  ASSERT_TRUE(display.has_value());
  EXPECT_EQ(display->title, "Who Defeated The Caliphate");
  EXPECT_EQ(display->id, "path:/data/a.txt");
  EXPECT_EQ(display->authors, std::vector<std::string>{"Jane Doe"});
}

TEST(ArticleToDocument, LeavesDateSlotsEmptyWhenUndated) {
  text::Analyzer analyzer("en");
  ArticleToDocument converter(analyzer);
  Article article = sample_article();
  article.published.reset();
  const Xapian::Document document = converter.convert(article);
  EXPECT_EQ(document.get_value(schema::kSlotPublished), "");
  EXPECT_FALSE(has_term(document, "Y2019"));
}

TEST(ArticleToDocument, HashesOverlongIds) {
  const std::string short_id = "path:/a.txt";
  EXPECT_EQ(ArticleToDocument::id_term(short_id), "Qpath:/a.txt");
  const std::string long_a = "path:/" + std::string(400, 'a') + "1";
  const std::string long_b = "path:/" + std::string(400, 'a') + "2";
  const std::string term_a = ArticleToDocument::id_term(long_a);
  EXPECT_LE(term_a.size(), schema::kMaxIdBytes + 1);
  EXPECT_NE(term_a, ArticleToDocument::id_term(long_b));
  EXPECT_EQ(term_a, ArticleToDocument::id_term(long_a));
}

}  // namespace
}  // namespace news::indexer
