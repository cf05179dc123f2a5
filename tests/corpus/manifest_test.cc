// The sidecar manifest (--manifest): metadata for text dumps by file path,
// on the Taiga corpus's own metadata table and on a table written for
// Wikinews dumps.
#include "corpus/manifest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/corpus/record_test_util.h"
#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

using testing::read_articles;
using testing::RecordingSink;
using testing::starts_with;
using testing::TempDir;
using testing::write_file;
namespace fs = std::filesystem;

TEST(Manifest, GivesTaigaTextsTheirTitlesDatesAndUrls) {
  NEWS_REQUIRE_CORPORA();
  const fs::path nplus1 =
      testing::corpora_dir() / "ru-news-samples" / "taiga" / "NPlus1";
  CorpusOptions options;
  options.roots = {(nplus1 / "texts").string()};
  options.manifest_path = (nplus1 / "newmetadata.csv").string();
  Result<FieldOverride> title = parse_field_override("title=textname");
  ASSERT_TRUE(title.ok());
  options.field_overrides.push_back(title.value());
  RecordingSink sink;
  const std::vector<Article> articles = read_articles(options, sink);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  ASSERT_EQ(articles.size(), 2u);
  const Article& autonomous = articles[0];
  EXPECT_EQ(autonomous.source.path,
            (nplus1 / "texts" / "20160915autonomous.txt").string());
  EXPECT_EQ(autonomous.title,
            "Американцы отказались от автономных боевых роботов");
  EXPECT_EQ(autonomous.facts.title_rule, "manifest:title");
  EXPECT_EQ(autonomous.url, "https://nplus1.ru/news/2016/09/15/autonomous");
  EXPECT_EQ(autonomous.id, autonomous.url);
  ASSERT_TRUE(autonomous.published.has_value());
  EXPECT_EQ(autonomous.published->to_iso(), "2016-09-15");
  EXPECT_EQ(autonomous.facts.date_rule, "manifest:date");
  EXPECT_EQ(autonomous.authors, std::vector<std::string>{"Василий Сычев"});
  // The text has no headline line: all of it is body.
  EXPECT_TRUE(starts_with(autonomous.body,
                          "Вооруженные силы США «никогда не будут "
                          "использовать по-настоящему автономные"))
      << autonomous.body.substr(0, 200);
}

TEST(Manifest, OutletFromTheManifestWinsOverFlagAndText) {
  NEWS_REQUIRE_CORPORA();
  const fs::path txt = testing::corpora_dir() / "wikinews-en-2004" / "txt";
  const std::string first =
      (txt / "000_President_of_China_lunches_with_Brazilian_President.txt")
          .string();
  TempDir dir;
  const std::string manifest = dir.file("meta.csv");
  write_file(manifest, "path,url,outlet,date,title\n" + first +
                           ",https://en.wikinews.org/wiki/President_of_China,"
                           "Wikinews,2004-11-13,\n"
                           "nowhere.txt,,,soon,\n");
  CorpusOptions options;
  options.roots = {first};
  options.manifest_path = manifest;
  options.outlet = "Flag Outlet";
  RecordingSink sink;
  const std::vector<Article> articles = read_articles(options, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  const Article& article = articles[0];
  EXPECT_EQ(article.outlet, "Wikinews");
  EXPECT_EQ(article.facts.outlet_rule, "manifest:outlet");
  EXPECT_EQ(article.title,
            "President of China lunches with Brazilian President");
  EXPECT_EQ(article.facts.title_rule, "text:first-substantial-line");
  EXPECT_EQ(article.published->to_iso(), "2004-11-13");
  EXPECT_EQ(article.url, "https://en.wikinews.org/wiki/President_of_China");
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_EQ(sink.errors[0].to_string(),
            manifest +
                ":3: field \"date\" is not a date (\"soon\"); date "
                "left unknown");
}

TEST(Manifest, RefusesATableThatNamesNoFiles) {
  TempDir dir;
  const std::string manifest = dir.file("meta.csv");
  write_file(manifest, "url,outlet\nhttp://a.example/,A\n");
  RecordingSink sink;
  const Result<Manifest> loaded =
      Manifest::load(manifest, FieldMapping(), sink);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code(), ErrorCode::kUsage);
  EXPECT_NE(loaded.error().message().find("no column names the files"),
            std::string::npos);
  const Result<Manifest> missing =
      Manifest::load(dir.file("none.csv"), FieldMapping(), sink);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::kUsage);
}

}  // namespace
}  // namespace news::corpus
