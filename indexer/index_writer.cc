#include "indexer/index_writer.h"

#include "common/hash.h"
#include "common/schema.h"

namespace news::indexer {
namespace {

std::string fingerprint_value(const FileFingerprint& file) {
  return std::to_string(file.size_bytes) + " " +
         std::to_string(file.mtime_seconds);
}

}  // namespace

IndexWriter::IndexWriter(const WriterOptions& options,
                         Xapian::WritableDatabase database)
    : options_(options),
      database_(std::move(database)),
      analyzer_(options.language),
      converter_(analyzer_) {
  // Every batch is a transaction, so that work not committed explicitly is
  // dropped (closing a database with a transaction open cancels it) instead
  // of being committed half-done by the destructor.
  database_.begin_transaction();
}

IndexWriter::~IndexWriter() {
  // Work not committed explicitly is dropped on purpose: the destructor
  // cannot report a failure, and callers commit before they finish.
  try {
    database_.cancel_transaction();
    database_.close();
  } catch (const Xapian::Error&) {
  }
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(
    const WriterOptions& options) {
  const std::string& path = options.database_path;
  try {
    Xapian::WritableDatabase database(path, Xapian::DB_CREATE_OR_OPEN);
    const std::string version =
        database.get_metadata(schema::kMetaSchemaVersion);
    const std::string analyzer = text::Analyzer::settings_description();
    if (version.empty()) {
      if (database.get_doccount() != 0) {
        return Error::index(path +
                            " is a Xapian database but not a news-search "
                            "index; refusing to write to it");
      }
      database.set_metadata(schema::kMetaSchemaVersion,
                            std::to_string(schema::kVersion));
      database.set_metadata(schema::kMetaAnalyzer, analyzer);
      database.set_metadata(schema::kMetaMainLanguage, options.language);
      database.set_metadata(schema::kMetaBuildInfo,
                            std::string("news-index ") + NEWS_VERSION);
      database.commit();
    } else if (version != std::to_string(schema::kVersion) ||
               database.get_metadata(schema::kMetaAnalyzer) != analyzer) {
      return Error::index(path + " was built with schema version " + version +
                          "; this news-index writes version " +
                          std::to_string(schema::kVersion) +
                          ": index into a new database");
    }
    return std::unique_ptr<IndexWriter>(
        new IndexWriter(options, std::move(database)));
  } catch (const Xapian::DatabaseLockError&) {
    return Error::index(path + " is locked by another indexer");
  } catch (const Xapian::Error& error) {
    return Error::index("cannot open index " + path + ": " +
                        error.get_description());
  }
}

std::string IndexWriter::fingerprint_key(const std::string& path) {
  // Metadata keys are limited in length; a hash of the path keeps them short.
  return schema::kMetaFilePrefix + to_hex(fnv1a64(path));
}

bool IndexWriter::is_unchanged(const FileFingerprint& file) const {
  try {
    return database_.get_metadata(fingerprint_key(file.path)) ==
           fingerprint_value(file);
  } catch (const Xapian::Error&) {
    return false;
  }
}

Status IndexWriter::add(const Article& article) {
  try {
    const Xapian::Document document = converter_.convert(article);
    database_.replace_document(ArticleToDocument::id_term(article.id),
                               document);
  } catch (const Xapian::Error& error) {
    return Error(ErrorCode::kIndex,
                 "cannot add article: " + error.get_description(),
                 article.source);
  }
  ++pending_documents_;
  pending_bytes_ += article.body.size();
  if (pending_documents_ >= options_.batch_documents ||
      pending_bytes_ >= options_.batch_bytes) {
    return commit();
  }
  return Done{};
}

Status IndexWriter::mark_done(const FileFingerprint& file) {
  try {
    database_.set_metadata(fingerprint_key(file.path), fingerprint_value(file));
  } catch (const Xapian::Error& error) {
    return Error::index("cannot record " + file.path + ": " +
                        error.get_description());
  }
  return Done{};
}

Status IndexWriter::commit() {
  try {
    database_.commit_transaction();
    database_.begin_transaction();
  } catch (const Xapian::Error& error) {
    return Error::index("cannot commit to " + options_.database_path + ": " +
                        error.get_description());
  }
  pending_documents_ = 0;
  pending_bytes_ = 0;
  return Done{};
}

}  // namespace news::indexer
