#include "indexer/index_writer.h"

#include <gtest/gtest.h>

#include "common/schema.h"
#include "tests/support/test_support.h"

namespace news::indexer {
namespace {

Article article_with_id(const std::string& id, const std::string& body) {
  Article article;
  article.id = id;
  article.title = "Headline";
  article.body = body;
  article.outlet = "unknown";
  article.language = "en";
  return article;
}

WriterOptions options_for(const testing::TempDir& dir) {
  WriterOptions options;
  options.database_path = dir.file("index");
  return options;
}

TEST(IndexWriter, ReplacesArticlesWithTheSameId) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(options_for(dir));
  ASSERT_TRUE(writer.ok()) << writer.error().to_string();
  ASSERT_TRUE(writer.value()->add(article_with_id("a", "first")).ok());
  ASSERT_TRUE(writer.value()->add(article_with_id("a", "second")).ok());
  ASSERT_TRUE(writer.value()->add(article_with_id("b", "third")).ok());
  ASSERT_TRUE(writer.value()->commit().ok());
  EXPECT_EQ(writer.value()->document_count(), 2u);
}

TEST(IndexWriter, RemembersFingerprintsOnlyOnceCommitted) {
  testing::TempDir dir;
  const FileFingerprint file{"/data/a.txt", 100, 1234};
  {
    auto writer = IndexWriter::open(options_for(dir));
    ASSERT_TRUE(writer.ok());
    EXPECT_FALSE(writer.value()->is_unchanged(file));
    ASSERT_TRUE(writer.value()->mark_done(file).ok());
    // Dropped without commit: the file must not count as done.
  }
  {
    auto writer = IndexWriter::open(options_for(dir));
    ASSERT_TRUE(writer.ok());
    EXPECT_FALSE(writer.value()->is_unchanged(file));
    ASSERT_TRUE(writer.value()->mark_done(file).ok());
    ASSERT_TRUE(writer.value()->commit().ok());
  }
  auto writer = IndexWriter::open(options_for(dir));
  ASSERT_TRUE(writer.ok());
  EXPECT_TRUE(writer.value()->is_unchanged(file));
  EXPECT_FALSE(writer.value()->is_unchanged({"/data/a.txt", 101, 1234}));
  EXPECT_FALSE(writer.value()->is_unchanged({"/data/a.txt", 100, 1235}));
}

TEST(IndexWriter, StoresTheSchemaVersion) {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(options_for(dir));
    ASSERT_TRUE(writer.ok());
  }
  Xapian::Database database(dir.file("index"));
  EXPECT_EQ(database.get_metadata(schema::kMetaSchemaVersion),
            std::to_string(schema::kVersion));
  EXPECT_EQ(database.get_metadata(schema::kMetaAnalyzer),
            text::Analyzer::settings_description());
}

TEST(IndexWriter, RefusesAnotherSchemaVersionAndForeignDatabases) {
  testing::TempDir dir;
  {
    Xapian::WritableDatabase database(dir.file("index"), Xapian::DB_CREATE);
    database.set_metadata(schema::kMetaSchemaVersion, "999");
    database.commit();
  }
  auto old = IndexWriter::open(options_for(dir));
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.error().code(), ErrorCode::kIndex);
  EXPECT_NE(old.error().message().find("999"), std::string::npos);

  testing::TempDir other;
  {
    Xapian::WritableDatabase database(other.file("index"), Xapian::DB_CREATE);
    database.add_document(Xapian::Document());
    database.commit();
  }
  auto foreign = IndexWriter::open(options_for(other));
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.error().message().find("not a news-search index"),
            std::string::npos);
}

TEST(IndexWriter, ReportsALockedDatabase) {
  testing::TempDir dir;
  auto first = IndexWriter::open(options_for(dir));
  ASSERT_TRUE(first.ok());
  auto second = IndexWriter::open(options_for(dir));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code(), ErrorCode::kIndex);
  EXPECT_NE(second.error().message().find("locked by another indexer"),
            std::string::npos);
}

TEST(IndexWriter, CommitsInBatches) {
  testing::TempDir dir;
  WriterOptions options = options_for(dir);
  options.batch_documents = 2;
  auto writer = IndexWriter::open(options);
  ASSERT_TRUE(writer.ok());
  for (const char* id : {"a", "b", "c"}) {
    ASSERT_TRUE(writer.value()->add(article_with_id(id, "text")).ok());
  }
  // Two documents were committed by the batch; the third is pending.
  EXPECT_EQ(Xapian::Database(dir.file("index")).get_doccount(), 2u);
}

}  // namespace
}  // namespace news::indexer
