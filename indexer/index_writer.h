// IndexWriter: owns the WritableDatabase. It writes one document per
// article under its unique-id term (replace, never duplicate), remembers
// each input file's fingerprint so unchanged files are skipped on the next
// run, and commits in explicit batches so that errors surface and a killed
// run keeps everything up to the last commit.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/error.h"
#include "common/text/analyzer.h"
#include "indexer/article_to_document.h"

namespace news::indexer {

// What identifies one version of an input file.
struct FileFingerprint {
  std::string path;  // canonical path
  std::uint64_t size_bytes = 0;
  std::int64_t mtime_seconds = 0;
  std::uint64_t content_hash = 0;  // FNV-1a 64 of the bytes; 0 = not known
};

// What the index remembers of a file from an earlier run.
struct StoredFile {
  FileFingerprint fingerprint;
  bool has_failed = false;  // it gave no article (reported then)
};

struct WriterOptions {
  std::string database_path;
  std::string language = "en";
  // Commit after this many documents or this many bytes of body text,
  // whichever comes first.
  // Xapian merges small batches faster than big ones: 100-300 documents
  // took 15-40% less CPU than 2,000 on news articles (docs/design.md).
  std::uint64_t batch_documents = 300;
  std::uint64_t batch_bytes = 64ULL << 20;
  // A scratch database (a shard of a parallel first build, merged at the
  // end): commits skip fsync, since a shard lost to a power cut is rebuilt.
  bool is_scratch = false;
};

class IndexWriter {
 public:
  // Opens or creates the database. kIndex error when it is locked by
  // another writer, is not a Xapian database, or was written with another
  // schema version or analyzer.
  static Result<std::unique_ptr<IndexWriter>> open(
      const WriterOptions& options);

  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // What an earlier commit recorded for the file at this canonical path,
  // or nullopt when it was never indexed.
  std::optional<StoredFile> lookup(const std::string& path) const;

  // Starts (re-)indexing a file: removes every document an earlier run made
  // from it, so a changed file leaves no stale copies.
  Status begin_file(const std::string& path);

  // Adds or replaces the article (by its unique id) as coming from the file
  // at this canonical path. Commits mid-file only when the pending work
  // passes twice the batch limits (bounded memory for huge files).
  // kIndex error when Xapian fails.
  Status add(const Article& article, const std::string& path);

  // The same for a document already built by ArticleToDocument (in a
  // worker thread) under its unique-id term, with its body size in bytes.
  Status add_document(const std::string& id_term, Xapian::Document document,
                      std::uint64_t body_bytes, const std::string& path);

  // Adds the synonym "Z"+term -> term for each of these terms (words that
  // are their own stem, with their prefix), so that a stemmed query finds
  // the documents that hold the word but no Z term for it.
  Status add_own_stems(const std::vector<std::string>& terms);

  // Records the file as done (has_failed: it gave no article) and commits
  // when the batch is full. The record is written in the same commit as the
  // file's last articles, so a file counts as done only once they are.
  Status finish_file(const FileFingerprint& file, bool has_failed);

  // Removes the documents and records of files indexed earlier whose
  // canonical path lies under one of roots (canonical) but that are not in
  // present (canonical paths). Returns how many files were removed.
  Result<std::uint64_t> prune(const std::vector<std::string>& roots,
                              const std::set<std::string>& present);

  // Commits pending documents and file records.
  Status commit();

  // Whether the database held no document when it was opened (a first
  // build, which is worth compacting at the end).
  bool was_empty_at_open() const { return was_empty_at_open_; }

  // Whether any file was ever recorded (done or failed).
  bool has_file_records() const;

  // Commits, then replaces the database by the merge of itself and the
  // shards (databases written by other IndexWriters, closed by now) with
  // Xapian's compaction, swapped into place as compact() does: articles,
  // file records and metadata of all of them in one compact database.
  Status merge_shards(const std::vector<std::string>& shard_paths);

  // Commits, then rewrites the database compactly (Xapian's compaction:
  // full B-tree blocks, about half the size) and swaps it into place with
  // one atomic rename, so the path holds either the old or the new
  // database at every moment. kIndex error on failure (the database is
  // then left as committed).
  Status compact();

  // Commits, then stores the tables of the facet slots
  // (schema::kStoredTableSlots, common/slot_table.h) for the database's
  // state after that, unless the stored ones still describe it. Called last
  // in a run: any later commit makes them stale (and unused).
  Status store_slot_tables();

  Xapian::doccount document_count() const { return database_.get_doccount(); }

 private:
  IndexWriter(const WriterOptions& options, Xapian::WritableDatabase database);

  static std::string fingerprint_key(const std::string& path);
  static std::string source_term(const std::string& path);
  Status commit_if_full(std::uint64_t factor);
  // Compacts sources (this database among them) into a new database that
  // replaces this one with an atomic swap.
  Status replace_by_compaction(Xapian::Database sources);

  WriterOptions options_;
  Xapian::WritableDatabase database_;
  text::Analyzer analyzer_;
  ArticleToDocument converter_;
  std::uint64_t pending_documents_ = 0;
  std::uint64_t pending_bytes_ = 0;
  bool was_empty_at_open_ = false;
};

}  // namespace news::indexer
