#include "indexer/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <vector>

#include "common/hash.h"
#include "common/schema.h"
#include "corpus/article_source.h"
#include "indexer/index_writer.h"

namespace news::indexer {
namespace {

std::string canonical_path(const std::string& path) {
  std::error_code error;
  const std::filesystem::path canonical =
      std::filesystem::weakly_canonical(path, error);
  return error ? path : canonical.string();
}

// Bytes of a file that take part in its content hash. Readers never use
// more than the first 64 MiB of a file, so a change past that cannot change
// what is indexed; a several-GB file is not read whole for its hash.
constexpr std::uint64_t kHashedPrefixBytes = 64ULL << 20;

// FNV-1a 64 of the file's first kHashedPrefixBytes, read in pieces
// (bounded memory); nullopt when it cannot be read.
std::optional<std::uint64_t> hash_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::uint64_t hash = kFnv1a64Basis;
  std::vector<char> buffer(1 << 16);
  std::uint64_t hashed = 0;
  while (in && hashed < kHashedPrefixBytes) {
    hashed += buffer.size();
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    hash = fnv1a64(
        std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())),
        hash);
  }
  if (in.bad()) return std::nullopt;
  return hash;
}

enum class FileChange { kNew, kChanged, kUnchanged };

struct PlannedFile {
  const corpus::InputFile* input;
  FileFingerprint fingerprint;
  FileChange change;
};

// Compares a file with what the index remembers: size and mtime first (no
// read), then the content hash, so a touched but identical file is not
// re-indexed.
PlannedFile plan_file(const corpus::InputFile& input,
                      const IndexWriter& writer) {
  PlannedFile planned{
      &input,
      {canonical_path(input.path), input.size_bytes, input.mtime_seconds, 0},
      FileChange::kNew};
  const std::optional<StoredFile> stored =
      writer.lookup(planned.fingerprint.path);
  if (stored && stored->fingerprint.size_bytes == input.size_bytes &&
      stored->fingerprint.mtime_seconds == input.mtime_seconds) {
    planned.fingerprint.content_hash = stored->fingerprint.content_hash;
    planned.change = FileChange::kUnchanged;
    return planned;
  }
  planned.fingerprint.content_hash = hash_file(input.path).value_or(0);
  if (!stored) return planned;
  planned.change =
      stored->fingerprint.content_hash == planned.fingerprint.content_hash &&
              planned.fingerprint.content_hash != 0
          ? FileChange::kUnchanged
          : FileChange::kChanged;
  return planned;
}

}  // namespace

Status run_index(const IndexOptions& options, IndexReport& report) {
  Result<std::unique_ptr<IndexWriter>> opened =
      IndexWriter::open(options.writer);
  if (!opened.ok()) return opened.error();
  IndexWriter& writer = *opened.value();
  IndexCounts& counts = report.counts();

  corpus::ArticleSource source(options.corpus);
  const std::vector<corpus::InputFile> files = source.list_inputs(report);
  if (report.should_stop()) return report.stop_error();
  counts.files_total = files.size();

  std::vector<PlannedFile> plan;
  std::set<std::string> present;
  for (const corpus::InputFile& file : files) {
    plan.push_back(plan_file(file, writer));
    present.insert(plan.back().fingerprint.path);
  }
  const bool has_work =
      std::any_of(plan.begin(), plan.end(), [](const PlannedFile& file) {
        return file.change != FileChange::kUnchanged;
      });
  // Boilerplate is learned from the whole corpus, unchanged files included,
  // so that a file indexed alone is cleaned as it would be in a full run.
  if (has_work) source.learn(files, report);

  for (const PlannedFile& file : plan) {
    if (file.change == FileChange::kUnchanged) {
      ++counts.files_unchanged;
      ++counts.files_done;
      continue;
    }
    if (Status begun = writer.begin_file(file.fingerprint.path); !begun.ok()) {
      return begun.error();
    }
    const std::vector<Article> articles =
        source.read_articles(*file.input, report);
    if (report.should_stop()) return report.stop_error();
    for (const Article& article : articles) {
      if (Status added = writer.add(article, file.fingerprint.path);
          !added.ok()) {
        return added.error();
      }
      ++counts.articles_indexed;
    }
    // A file that gave nothing is remembered too, so it is reported once
    // and retried only when it changes.
    if (Status finished =
            writer.finish_file(file.fingerprint, articles.empty());
        !finished.ok()) {
      return finished.error();
    }
    ++(file.change == FileChange::kNew ? counts.files_new
                                       : counts.files_changed);
    ++counts.files_done;
    counts.bytes_read += file.input->size_bytes;
    report.progress();
  }
  if (options.is_prune) {
    std::vector<std::string> roots;
    for (const std::string& root : options.corpus.roots) {
      // A root that is missing altogether (an unmounted disk, a typo) is
      // not taken as "every file in it was deleted".
      std::error_code error;
      if (std::filesystem::exists(root, error)) {
        roots.push_back(canonical_path(root));
      }
    }
    const Result<std::uint64_t> removed = writer.prune(roots, present);
    if (!removed.ok()) return removed.error();
    counts.files_removed = removed.value();
  }
  if (Status committed = writer.commit(); !committed.ok()) {
    return committed.error();
  }
  report.finish(writer.document_count());
  return Done{};
}

int check_index(const std::string& path, std::ostream& out, std::ostream& err) {
  try {
    const std::size_t errors = Xapian::Database::check(path, 0, &err);
    if (errors > 0) {
      err << "news-index: " << path << ": " << errors
          << " errors found by Xapian's check\n";
      return 3;
    }
    const Xapian::Database database(path);
    const std::string version =
        database.get_metadata(schema::kMetaSchemaVersion);
    if (version != std::to_string(schema::kVersion)) {
      err << "news-index: " << path
          << (version.empty()
                  ? " is a sound Xapian database but not a "
                    "news-search index\n"
                  : " is sound but has schema version " + version + "\n");
      return 3;
    }
    out << path << ": sound; " << database.get_doccount()
        << " documents, schema version " << version << "\n";
    return 0;
  } catch (const Xapian::Error& error) {
    err << "news-index: " << path
        << " is damaged or not an index: " << error.get_description() << "\n";
    return 3;
  }
}

}  // namespace news::indexer
