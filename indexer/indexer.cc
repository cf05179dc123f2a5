#include "indexer/indexer.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <vector>

#include "common/hash.h"
#include "common/schema.h"
#include "corpus/article_source.h"
#include "indexer/file_plan.h"
#include "indexer/index_writer.h"
#include "indexer/prepare_pool.h"
#include "indexer/sharded_build.h"

namespace news::indexer {
namespace {

// A first build reading at least this much is written in parallel shards
// when --shards is left to decide (smaller ones gain little from it and
// become searchable batch by batch instead of at the end).
constexpr std::uint64_t kShardedBuildBytes = 16ULL << 20;

// How many shards to write in parallel: 1 (none) unless this is a first
// build (nothing indexed or recorded yet) or the resumption of one.
unsigned shard_count(const IndexOptions& options, const IndexWriter& writer,
                     const std::vector<const PlannedFile*>& work,
                     unsigned threads) {
  const std::string& path = options.writer.database_path;
  const bool is_first_build =
      writer.was_empty_at_open() && !writer.has_file_records();
  const unsigned unfinished = unfinished_shard_count(path);
  if (!is_first_build) {
    if (unfinished > 0) {
      // Left by a parallel build whose merge was done: nothing to keep.
      std::error_code ignored;
      std::filesystem::remove_all(shard_folder(path), ignored);
    }
    return 1;
  }
  // Resumed with this run's writers, whatever the interrupted run had: the
  // shards are not tied to the threads that wrote them.
  if (unfinished > 0) {
    return std::max(options.shards > 0 ? options.shards : threads, 2U);
  }
  if (options.shards > 0) return options.shards;
  std::uint64_t bytes = 0;
  for (const PlannedFile* file : work) bytes += file->input->size_bytes;
  return bytes >= kShardedBuildBytes ? threads : 1;
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
    plan.push_back(plan_file(file, writer, options.is_reextract));
    present.insert(plan.back().fingerprint.path);
  }
  const bool has_work =
      std::any_of(plan.begin(), plan.end(), [](const PlannedFile& file) {
        return file.change != FileChange::kUnchanged;
      });
  // Boilerplate is learned from the whole corpus, unchanged files included,
  // so that a file indexed alone is cleaned as it would be in a full run.
  const unsigned threads =
      options.threads == 0 ? default_thread_count() : options.threads;
  if (has_work) source.learn(files, report, threads);

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
  const unsigned shards = shard_count(options, writer, work, threads);
  if (shards > 1) {
    if (Status built = run_sharded_build(
            writer,
            ShardedBuildOptions{options.writer, options.corpus.language, shards,
                                options.shard_documents},
            source, work, report);
        !built.ok()) {
      return built;
    }
    if (Status stored = writer.store_slot_tables(); !stored.ok()) {
      return stored.error();
    }
    report.finish(writer.document_count());
    return Done{};
  }
  PreparePool pool(source, jobs, options.corpus.language, threads,
                   kWindowPerThread * threads);
  std::mutex report_mutex;  // uncontended here: one writer thread
  for (std::size_t i = 0; i < work.size(); ++i) {
    if (Status written =
            write_file(writer, *work[i], pool.take(i), report, report_mutex);
        !written.ok()) {
      return written;
    }
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
  if (Status stored = writer.store_slot_tables(); !stored.ok()) {
    return stored.error();
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
