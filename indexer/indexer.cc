#include "indexer/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <vector>

#include "common/hash.h"
#include "common/schema.h"
#include "corpus/article_source.h"
#include "indexer/index_writer.h"
#include "indexer/prepare_pool.h"

namespace news::indexer {
namespace {

std::string canonical_path(const std::string& path) {
  std::error_code error;
  const std::filesystem::path canonical =
      std::filesystem::weakly_canonical(path, error);
  return error ? path : canonical.string();
}

enum class FileChange { kNew, kChanged, kUnchanged };

struct PlannedFile {
  const corpus::InputFile* input;
  FileFingerprint fingerprint;  // content_hash filled in by the pool
  FileChange change;
  std::optional<std::uint64_t> stored_hash;
};

// Compares a file with what the index remembers: size and mtime first (no
// read); when they differ the pool compares content hashes, so a touched
// but identical file is not re-indexed.
PlannedFile plan_file(const corpus::InputFile& input,
                      const IndexWriter& writer) {
  PlannedFile planned{
      &input,
      {canonical_path(input.path), input.size_bytes, input.mtime_seconds, 0},
      FileChange::kNew,
      std::nullopt};
  const std::optional<StoredFile> stored =
      writer.lookup(planned.fingerprint.path);
  if (!stored) return planned;
  if (stored->fingerprint.size_bytes == input.size_bytes &&
      stored->fingerprint.mtime_seconds == input.mtime_seconds) {
    planned.change = FileChange::kUnchanged;
    return planned;
  }
  planned.change = FileChange::kChanged;
  planned.stored_hash = stored->fingerprint.content_hash;
  return planned;
}

// Files prepared ahead of the writer per thread: enough to keep the workers
// busy while the writer commits, few enough to bound memory.
constexpr std::size_t kWindowPerThread = 16;

}  // namespace

Status run_index(const IndexOptions& options, IndexReport& report) {
  Result<std::unique_ptr<IndexWriter>> opened =
      IndexWriter::open(options.writer);
  if (!opened.ok()) return opened.error();
  IndexWriter& writer = *opened.value();
  IndexCounts& counts = report.counts();

  corpus::ArticleSource source(options.corpus);
  if (Status loaded = source.load_side_files(report); !loaded.ok()) {
    return loaded.error();
  }
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

  std::vector<const PlannedFile*> work;
  std::vector<PrepareJob> jobs;
  for (const PlannedFile& file : plan) {
    if (file.change == FileChange::kUnchanged) {
      ++counts.files_unchanged;
      ++counts.files_done;
    } else {
      work.push_back(&file);
      jobs.push_back(PrepareJob{file.input, file.stored_hash});
    }
  }
  const unsigned threads =
      options.threads == 0 ? default_thread_count() : options.threads;
  PreparePool pool(source, jobs, options.corpus.language, threads,
                   kWindowPerThread * threads);
  for (std::size_t i = 0; i < work.size(); ++i) {
    const PlannedFile& file = *work[i];
    PreparedFile prepared = pool.take(i);
    FileFingerprint fingerprint = file.fingerprint;
    fingerprint.content_hash = prepared.content_hash;
    if (prepared.is_same_content) {
      // Touched but not changed: only its record learns the new mtime.
      if (Status finished = writer.finish_file(fingerprint, false);
          !finished.ok()) {
        return finished.error();
      }
      ++counts.files_unchanged;
      ++counts.files_done;
      continue;
    }
    for (const Error& problem : prepared.problems) report.report(problem);
    if (report.should_stop()) return report.stop_error();
    if (Status begun = writer.begin_file(fingerprint.path); !begun.ok()) {
      return begun.error();
    }
    for (PreparedArticle& article : prepared.articles) {
      if (Status added =
              writer.add_document(article.id_term, std::move(article.document),
                                  article.body_bytes, fingerprint.path);
          !added.ok()) {
        return added.error();
      }
      ++counts.articles_indexed;
    }
    // A file that gave nothing is remembered too, so it is reported once
    // and retried only when it changes.
    if (Status finished =
            writer.finish_file(fingerprint, prepared.articles.empty());
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
  const bool should_compact =
      options.compact == IndexOptions::Compact::kAlways ||
      (options.compact == IndexOptions::Compact::kAuto &&
       writer.was_empty_at_open() && counts.articles_indexed > 0);
  if (should_compact) {
    if (Status compacted = writer.compact(); !compacted.ok()) {
      return compacted.error();
    }
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
