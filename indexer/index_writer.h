// IndexWriter: owns the WritableDatabase. It writes one document per
// article under its unique-id term (replace, never duplicate), remembers
// each input file's fingerprint so unchanged files are skipped on the next
// run, and commits in explicit batches so that errors surface and a killed
// run keeps everything up to the last commit.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>

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
};

struct WriterOptions {
  std::string database_path;
  std::string language = "en";
  // Commit after this many documents or this many bytes of body text,
  // whichever comes first.
  std::uint64_t batch_documents = 2000;
  std::uint64_t batch_bytes = 64ULL << 20;
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

  // Whether this exact file version was indexed by an earlier commit.
  bool is_unchanged(const FileFingerprint& file) const;

  // Adds or replaces the article (by its unique id). Commits when the batch
  // is full. kIndex error when Xapian fails.
  Status add(const Article& article);

  // Records the file as done; it is written with the next commit, so a file
  // counts as indexed only once its articles are committed.
  // kIndex error when Xapian fails.
  Status mark_done(const FileFingerprint& file);

  // Commits pending documents and fingerprints.
  Status commit();

  Xapian::doccount document_count() const { return database_.get_doccount(); }

 private:
  IndexWriter(const WriterOptions& options, Xapian::WritableDatabase database);

  static std::string fingerprint_key(const std::string& path);

  WriterOptions options_;
  Xapian::WritableDatabase database_;
  text::Analyzer analyzer_;
  ArticleToDocument converter_;
  std::uint64_t pending_documents_ = 0;
  std::uint64_t pending_bytes_ = 0;
};

}  // namespace news::indexer
