#include "indexer/index_writer.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "common/schema.h"
#include "common/slot_table.h"
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
  ASSERT_TRUE(writer.value()->add(article_with_id("a", "first"), "/f").ok());
  ASSERT_TRUE(writer.value()->add(article_with_id("a", "second"), "/f").ok());
  ASSERT_TRUE(writer.value()->add(article_with_id("b", "third"), "/g").ok());
  ASSERT_TRUE(writer.value()->commit().ok());
  EXPECT_EQ(writer.value()->document_count(), 2u);
}

TEST(IndexWriter, RemembersFilesOnlyOnceCommitted) {
  testing::TempDir dir;
  const FileFingerprint file{"/data/a b.txt", 100, 1234, 0xabcdef};
  {
    auto writer = IndexWriter::open(options_for(dir));
    ASSERT_TRUE(writer.ok());
    EXPECT_FALSE(writer.value()->lookup(file.path));
    ASSERT_TRUE(writer.value()->finish_file(file, false).ok());
    // Dropped without commit: the file must not count as done.
  }
  {
    auto writer = IndexWriter::open(options_for(dir));
    ASSERT_TRUE(writer.ok());
    EXPECT_FALSE(writer.value()->lookup(file.path));
    ASSERT_TRUE(writer.value()->finish_file(file, true).ok());
    ASSERT_TRUE(writer.value()->commit().ok());
  }
  auto writer = IndexWriter::open(options_for(dir));
  ASSERT_TRUE(writer.ok());
  const std::optional<StoredFile> stored = writer.value()->lookup(file.path);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->fingerprint.path, file.path);
  EXPECT_EQ(stored->fingerprint.size_bytes, 100u);
  EXPECT_EQ(stored->fingerprint.mtime_seconds, 1234);
  EXPECT_EQ(stored->fingerprint.content_hash, 0xabcdefu);
  EXPECT_TRUE(stored->has_failed);
}

TEST(IndexWriter, BeginFileRemovesStaleArticlesOfThatFile) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(options_for(dir));
  ASSERT_TRUE(writer.ok());
  IndexWriter& w = *writer.value();
  ASSERT_TRUE(w.add(article_with_id("a#1", "one"), "/multi.jsonl").ok());
  ASSERT_TRUE(w.add(article_with_id("a#2", "two"), "/multi.jsonl").ok());
  ASSERT_TRUE(w.add(article_with_id("b", "other"), "/other.txt").ok());
  ASSERT_TRUE(w.commit().ok());
  ASSERT_TRUE(w.begin_file("/multi.jsonl").ok());
  ASSERT_TRUE(w.add(article_with_id("a#1", "one again"), "/multi.jsonl").ok());
  ASSERT_TRUE(w.commit().ok());
  EXPECT_EQ(w.document_count(), 2u);
}

TEST(IndexWriter, PrunesOnlyVanishedFilesUnderTheRoots) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(options_for(dir));
  ASSERT_TRUE(writer.ok());
  IndexWriter& w = *writer.value();
  const std::vector<std::string> paths = {"/corpus/a.txt", "/corpus/sub/b.txt",
                                          "/corpus2/c.txt", "/elsewhere/d.txt"};
  for (const std::string& path : paths) {
    ASSERT_TRUE(w.add(article_with_id(path, "text"), path).ok());
    ASSERT_TRUE(w.finish_file({path, 1, 1, 1}, false).ok());
  }
  ASSERT_TRUE(w.commit().ok());
  // /corpus/sub/b.txt is gone; /corpus2 only shares a name prefix with the
  // root; /elsewhere is not under a root.
  const Result<std::uint64_t> removed = w.prune({"/corpus"}, {"/corpus/a.txt"});
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(removed.value(), 1u);
  ASSERT_TRUE(w.commit().ok());
  EXPECT_EQ(w.document_count(), 3u);
  EXPECT_FALSE(w.lookup("/corpus/sub/b.txt"));
  EXPECT_TRUE(w.lookup("/corpus2/c.txt"));
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
    ASSERT_TRUE(writer.value()->add(article_with_id(id, "text"), "/f").ok());
  }
  // Nothing is committed in the middle of a file below twice the limit.
  EXPECT_EQ(Xapian::Database(dir.file("index")).get_doccount(), 0u);
  ASSERT_TRUE(writer.value()->add(article_with_id("d", "text"), "/f").ok());
  // Four pending documents reach twice the limit: committed mid-file.
  EXPECT_EQ(Xapian::Database(dir.file("index")).get_doccount(), 4u);
  ASSERT_TRUE(writer.value()->add(article_with_id("e", "text"), "/f").ok());
  ASSERT_TRUE(writer.value()->add(article_with_id("f", "text"), "/f").ok());
  ASSERT_TRUE(writer.value()->finish_file({"/f", 1, 1, 1}, false).ok());
  // Two more documents and the end of the file fill a batch.
  EXPECT_EQ(Xapian::Database(dir.file("index")).get_doccount(), 6u);
}

TEST(IndexWriter, CompactionKeepsEverythingAndStaysWritable) {
  testing::TempDir dir;
  auto writer = IndexWriter::open(options_for(dir));
  ASSERT_TRUE(writer.ok());
  IndexWriter& w = *writer.value();
  EXPECT_TRUE(w.was_empty_at_open());
  for (int i = 0; i < 50; ++i) {
    const std::string path = "/corpus/" + std::to_string(i) + ".txt";
    ASSERT_TRUE(
        w.add(article_with_id(path, "harbour cranes " + path), path).ok());
    ASSERT_TRUE(w.finish_file({path, 1, 1, 1}, false).ok());
  }
  ASSERT_TRUE(w.compact().ok());
  EXPECT_EQ(w.document_count(), 50u);
  EXPECT_TRUE(w.lookup("/corpus/7.txt"));
  EXPECT_FALSE(std::filesystem::exists(dir.file("index.compacting")));
  // Still the writer: more work goes into the compacted database.
  ASSERT_TRUE(w.add(article_with_id("late", "harbour"), "/late.txt").ok());
  ASSERT_TRUE(w.commit().ok());
  const Xapian::Database database(dir.file("index"));
  EXPECT_EQ(database.get_doccount(), 51u);
  EXPECT_EQ(database.get_termfreq("harbour"), 51u);
  EXPECT_EQ(database.get_metadata(schema::kMetaSchemaVersion),
            std::to_string(schema::kVersion));
}

// The facet tables stored last describe the index as it is after each run,
// a run that changes nothing leaves them (and the revision) alone, and the
// writer stays usable after storing them.
TEST(IndexWriter, StoresCurrentFacetTablesLast) {
  testing::TempDir dir;
  const auto outlets = [&]() {
    const Xapian::Database database(dir.file("index"));
    const std::optional<SlotTable> table =
        SlotTable::load(database, schema::kSlotOutlet);
    std::vector<std::string> found;
    if (!table) return found;
    for (Xapian::docid id = 1; id <= table->last_docid(); ++id) {
      found.emplace_back(table->value_of(id));
    }
    return found;
  };
  {
    auto writer = IndexWriter::open(options_for(dir));
    ASSERT_TRUE(writer.ok());
    Article first = article_with_id("a", "harbour");
    first.outlet = "Harbour Times";
    ASSERT_TRUE(writer.value()->add(first, "/a").ok());
    ASSERT_TRUE(writer.value()->store_slot_tables().ok());
    EXPECT_EQ(outlets(), std::vector<std::string>{"Harbour Times"});
    // More work after them: committed, and the tables are then stale.
    Article second = article_with_id("b", "cranes");
    second.outlet = "Crane Weekly";
    ASSERT_TRUE(writer.value()->add(second, "/b").ok());
    ASSERT_TRUE(writer.value()->commit().ok());
    EXPECT_TRUE(outlets().empty());
    ASSERT_TRUE(writer.value()->store_slot_tables().ok());
  }
  EXPECT_EQ(outlets(),
            (std::vector<std::string>{"Harbour Times", "Crane Weekly"}));
  const Xapian::rev revision =
      Xapian::Database(dir.file("index")).get_revision();
  {
    auto writer = IndexWriter::open(options_for(dir));
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer.value()->store_slot_tables().ok());
  }
  EXPECT_EQ(Xapian::Database(dir.file("index")).get_revision(), revision);
  const Xapian::Database database(dir.file("index"));
  for (const Xapian::valueno slot : schema::kStoredTableSlots) {
    EXPECT_TRUE(SlotTable::load(database, slot).has_value()) << slot;
  }
}

}  // namespace
}  // namespace news::indexer
