#include "common/document_data.h"

#include <gtest/gtest.h>

namespace news {
namespace {

TEST(DocumentData, RoundTripsEveryField) {
  Article article;
  article.id = "path:/x/a.txt";
  article.url = "https://example.org/a";
  article.outlet = "SouthFront";
  article.title = "Title \u00e9";
  article.authors = {"A. Writer"};
  article.published = Date{2019, 3, 23};
  article.language = "en";
  article.body = "First.\n\nSecond \"quoted\".";
  article.source = SourceRef{"/x/a.txt", 3, 0};
  article.facts = {"first-line", "text:support-banner", "none"};

  const Result<Article> decoded =
      decode_document_data(encode_document_data(article));
  ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
  const Article& back = decoded.value();
  EXPECT_EQ(back.id, article.id);
  EXPECT_EQ(back.url, article.url);
  EXPECT_EQ(back.outlet, article.outlet);
  EXPECT_EQ(back.title, article.title);
  EXPECT_EQ(back.authors, article.authors);
  EXPECT_EQ(back.published, article.published);
  EXPECT_EQ(back.body, article.body);
  EXPECT_EQ(back.source.record, 3u);
  EXPECT_EQ(back.facts.outlet_rule, "text:support-banner");
}

TEST(DocumentData, RejectsForeignData) {
  EXPECT_FALSE(decode_document_data("not json").ok());
  EXPECT_FALSE(decode_document_data("{\"title\":\"x\"}").ok());
  EXPECT_EQ(decode_document_data("[1,2]").error().code(), ErrorCode::kIndex);
}

}  // namespace
}  // namespace news
