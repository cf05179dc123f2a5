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
      "Qpath:/data/a.txt", "caliphate",    "Scaliphate",
      "Zdefeat",           "ZSdefeat",     "coalition",
      "Zconvoy",           "XOsouthfront", "Len",
      "D20190323",         "M201903",      "Y2019",
      "Hsouthfront.org",   "Ajane doe"};
  for (const std::string& term : expected_terms) {
    EXPECT_TRUE(has_term(document, term)) << "term: " << term;
  }
  EXPECT_FALSE(has_term(document, "Scoalition"));  // body words: no S
  EXPECT_FALSE(has_term(document, "Z2019"));       // numbers are not stemmed
}

TEST(ArticleToDocument, PutsTitleFirstAndBodyAfterAGap) {
  text::Analyzer analyzer("en");
  ArticleToDocument converter(analyzer);
  const Xapian::Document document = converter.convert(sample_article());
  EXPECT_EQ(positions_of(document, "who"), std::vector<Xapian::termpos>{1});
  EXPECT_EQ(positions_of(document, "Scaliphate"),
            std::vector<Xapian::termpos>{4});
  // Title has 4 words: body starts at 5 + gap.
  const Xapian::termpos body_start = 5 + schema::kTitleBodyGap;
  EXPECT_EQ(positions_of(document, "coalition"),
            std::vector<Xapian::termpos>{body_start + 1});
  EXPECT_EQ(positions_of(document, "oil"),
            std::vector<Xapian::termpos>{body_start + 4});
  EXPECT_EQ(positions_of(document, "convoys"),
            std::vector<Xapian::termpos>{body_start + 5});
}

TEST(ArticleToDocument, FillsValueSlotsAndData) {
  text::Analyzer analyzer("en");
  ArticleToDocument converter(analyzer);
  const Xapian::Document document = converter.convert(sample_article());
  EXPECT_EQ(document.get_value(schema::kSlotPublished), "20190323");
  EXPECT_EQ(document.get_value(schema::kSlotOutlet), "SouthFront");
  EXPECT_EQ(document.get_value(schema::kSlotLanguage), "en");
  EXPECT_EQ(document.get_value(schema::kSlotYearMonth), "201903");
  const Result<Article> data = decode_document_data(document.get_data());
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data.value().title, "Who Defeated The Caliphate");
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
