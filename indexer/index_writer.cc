#include "indexer/index_writer.h"

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "common/hash.h"
#include "common/schema.h"
#include "common/slot_table.h"

namespace news::indexer {
namespace {

// A file record: "<size> <mtime> <hash hex> <ok|failed> <path>".
std::string format_record(const FileFingerprint& file, bool has_failed) {
  return std::to_string(file.size_bytes) + " " +
         std::to_string(file.mtime_seconds) + " " + to_hex(file.content_hash) +
         (has_failed ? " failed " : " ok ") + file.path;
}

std::optional<StoredFile> parse_record(const std::string& record) {
  std::istringstream in(record);
  StoredFile stored;
  std::string hash;
  std::string status;
  if (!(in >> stored.fingerprint.size_bytes >>
        stored.fingerprint.mtime_seconds >> hash >> status) ||
      hash.size() != 16 || (status != "ok" && status != "failed")) {
    return std::nullopt;
  }
  stored.fingerprint.content_hash = std::stoull(hash, nullptr, 16);
  stored.has_failed = status == "failed";
  in.get();  // the space before the path, which may itself hold spaces
  std::getline(in, stored.fingerprint.path, '\0');
  return stored;
}

// A run killed while Xapian was creating the database leaves a folder with
// its lock and table files but no version file; such a folder holds nothing
// committed and may be created afresh. Anything else in it (a file Xapian
// does not make) means it is not ours to overwrite.
bool is_unfinished_creation(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(path, error)) return false;
  if (fs::exists(fs::path(path) / "iamglass", error)) return false;
  bool has_entries = false;
  for (const auto& entry : fs::directory_iterator(path, error)) {
    const std::string name = entry.path().filename().string();
    const bool is_xapian_file =
        name == "flintlock" ||
        (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0) ||
        name.find(".tmp") != std::string::npos;
    if (!is_xapian_file) return false;
    has_entries = true;
  }
  return has_entries && !error;
}

}  // namespace

IndexWriter::IndexWriter(const WriterOptions& options,
                         Xapian::WritableDatabase database)
    : options_(options),
      database_(std::move(database)),
      analyzer_(options.language),
      converter_(analyzer_) {
  was_empty_at_open_ = database_.get_doccount() == 0;
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
  // Xapian creates the database folder but not its parents.
  std::error_code ignored;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(),
                                      ignored);
  try {
    const int flags =
        (is_unfinished_creation(path) ? Xapian::DB_CREATE_OR_OVERWRITE
                                      : Xapian::DB_CREATE_OR_OPEN) |
        (options.is_scratch ? Xapian::DB_NO_SYNC : 0);
    Xapian::WritableDatabase database(path, flags);
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
    // A run killed between swapping in a compacted database and removing
    // the old one leaves the old one here; holding the lock, it is ours.
    std::filesystem::remove_all(path + ".compacting", ignored);
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

std::string IndexWriter::source_term(const std::string& path) {
  return schema::kSourcePrefix + to_hex(fnv1a64(path));
}

std::optional<StoredFile> IndexWriter::lookup(const std::string& path) const {
  std::string value;
  try {
    value = database_.get_metadata(fingerprint_key(path));
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
  return parse_record(value);
}

Status IndexWriter::begin_file(const std::string& path) {
  try {
    database_.delete_document(source_term(path));
  } catch (const Xapian::Error& error) {
    return Error::index("cannot remove old articles of " + path + ": " +
                        error.get_description());
  }
  return Done{};
}

Status IndexWriter::add(const Article& article, const std::string& path) {
  try {
    if (Status added = add_document(ArticleToDocument::id_term(article.id),
                                    converter_.convert(article),
                                    article.body.size(), path);
        !added.ok()) {
      return added;
    }
    return add_own_stems(converter_.take_new_own_stems());
  } catch (const Xapian::Error& error) {
    return Error(ErrorCode::kIndex,
                 "cannot add article: " + error.get_description(),
                 article.source);
  }
}

Status IndexWriter::add_document(const std::string& id_term,
                                 Xapian::Document document,
                                 std::uint64_t body_bytes,
                                 const std::string& path) {
  try {
    document.add_boolean_term(source_term(path));
    database_.replace_document(id_term, document);
  } catch (const Xapian::Error& error) {
    return Error(ErrorCode::kIndex,
                 "cannot add article: " + error.get_description(),
                 SourceRef{path});
  }
  ++pending_documents_;
  pending_bytes_ += body_bytes;
  return commit_if_full(2);
}

Status IndexWriter::add_own_stems(const std::vector<std::string>& terms) {
  try {
    add_own_stem_synonyms(database_, terms);
  } catch (const Xapian::Error& error) {
    return Error::index("cannot add stem synonyms: " + error.get_description());
  }
  return Done{};
}

Status IndexWriter::finish_file(const FileFingerprint& file, bool has_failed) {
  try {
    database_.set_metadata(fingerprint_key(file.path),
                           format_record(file, has_failed));
  } catch (const Xapian::Error& error) {
    return Error::index("cannot record " + file.path + ": " +
                        error.get_description());
  }
  return commit_if_full(1);
}

Status IndexWriter::commit_if_full(std::uint64_t factor) {
  if (pending_documents_ >= factor * options_.batch_documents ||
      pending_bytes_ >= factor * options_.batch_bytes) {
    return commit();
  }
  return Done{};
}

Result<std::uint64_t> IndexWriter::prune(const std::vector<std::string>& roots,
                                         const std::set<std::string>& present) {
  const auto is_under_a_root = [&](const std::string& path) {
    for (const std::string& root : roots) {
      if (path == root) return true;
      if (path.size() > root.size() &&
          path.compare(0, root.size(), root) == 0 &&
          (root.back() == '/' || path[root.size()] == '/')) {
        return true;
      }
    }
    return false;
  };
  std::vector<std::string> gone;
  try {
    for (auto key = database_.metadata_keys_begin(schema::kMetaFilePrefix);
         key != database_.metadata_keys_end(schema::kMetaFilePrefix); ++key) {
      const std::optional<StoredFile> stored =
          parse_record(database_.get_metadata(*key));
      if (!stored) continue;
      const std::string& path = stored->fingerprint.path;
      if (is_under_a_root(path) && present.count(path) == 0) {
        gone.push_back(path);
      }
    }
    for (const std::string& path : gone) {
      database_.delete_document(source_term(path));
      database_.set_metadata(fingerprint_key(path), "");
    }
  } catch (const Xapian::Error& error) {
    return Error::index("cannot prune " + options_.database_path + ": " +
                        error.get_description());
  }
  return static_cast<std::uint64_t>(gone.size());
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

Status IndexWriter::store_slot_tables() {
  if (Status committed = commit(); !committed.ok()) return committed;
  try {
    // Nothing is pending: the transaction commit() began is empty.
    database_.cancel_transaction();
    news::store_slot_tables(
        database_,
        std::vector<Xapian::valueno>(std::begin(schema::kStoredTableSlots),
                                     std::end(schema::kStoredTableSlots)));
    database_.begin_transaction();
  } catch (const Xapian::Error& error) {
    return Error::index("cannot store the facet tables of " +
                        options_.database_path + ": " +
                        error.get_description());
  }
  return Done{};
}

bool IndexWriter::has_file_records() const {
  try {
    return database_.metadata_keys_begin(schema::kMetaFilePrefix) !=
           database_.metadata_keys_end(schema::kMetaFilePrefix);
  } catch (const Xapian::Error&) {
    return false;
  }
}

Status IndexWriter::compact() {
  if (Status committed = commit(); !committed.ok()) return committed;
  try {
    // Read through a separate handle while this writer still holds the lock,
    // so no other indexer can slip in between.
    return replace_by_compaction(Xapian::Database(options_.database_path));
  } catch (const Xapian::Error& error) {
    return Error::index("cannot compact " + options_.database_path + ": " +
                        error.get_description());
  }
}

Status IndexWriter::merge_shards(const std::vector<std::string>& shard_paths) {
  if (Status committed = commit(); !committed.ok()) return committed;
  try {
    // This database first: it holds no article but the metadata of the
    // build; where a key is in several sources the compaction keeps the
    // first. The shards' document ids follow one another in shard order.
    Xapian::Database sources(options_.database_path);
    for (const std::string& shard : shard_paths) {
      sources.add_database(Xapian::Database(shard));
    }
    return replace_by_compaction(sources);
  } catch (const Xapian::Error& error) {
    return Error::index("cannot merge the shards of " + options_.database_path +
                        ": " + error.get_description());
  }
}

Status IndexWriter::replace_by_compaction(Xapian::Database sources) {
  namespace fs = std::filesystem;
  const fs::path path = options_.database_path;
  const fs::path compacted = path.string() + ".compacting";
  std::error_code ignored;
  fs::remove_all(compacted, ignored);
  try {
    sources.compact(compacted.string());
    sources.close();
  } catch (const Xapian::Error& error) {
    fs::remove_all(compacted, ignored);
    return Error::index("cannot compact " + path.string() + ": " +
                        error.get_description());
  }
  if (renameat2(AT_FDCWD, compacted.c_str(), AT_FDCWD, path.c_str(),
                RENAME_EXCHANGE) != 0) {
    const std::string reason = std::strerror(errno);
    fs::remove_all(compacted, ignored);
    return Error::index("cannot swap in the compacted " + path.string() + ": " +
                        reason);
  }
  try {
    database_.cancel_transaction();
    database_.close();
    database_ = Xapian::WritableDatabase(path.string(), Xapian::DB_OPEN);
    database_.begin_transaction();
  } catch (const Xapian::Error& error) {
    fs::remove_all(compacted, ignored);
    return Error::index("cannot reopen the compacted " + path.string() + ": " +
                        error.get_description());
  }
  // Now the old copy (with the shards of a parallel build inside it).
  fs::remove_all(compacted, ignored);
  return Done{};
}

}  // namespace news::indexer
