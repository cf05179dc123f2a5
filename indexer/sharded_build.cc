#include "indexer/sharded_build.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "indexer/prepare_pool.h"

namespace news::indexer {
namespace {

namespace fs = std::filesystem;

// The smallest memory share of one shard writer: below it, commits become
// so frequent that the parallel build loses its point.
constexpr std::uint64_t kMinShardBatchBytes = 16ULL << 20;

std::string shard_path(const std::string& database_path, unsigned index) {
  return (fs::path(shard_folder(database_path)) / std::to_string(index))
      .string();
}

// Opens (or creates) shard index. A shard an interrupted run left damaged
// (a power cut: shards skip fsync) is started afresh; its files are simply
// indexed again.
Result<std::unique_ptr<IndexWriter>> open_shard(const WriterOptions& options,
                                                IndexReport& report,
                                                std::mutex& report_mutex) {
  Result<std::unique_ptr<IndexWriter>> opened = IndexWriter::open(options);
  if (opened.ok()) return opened;
  {
    const std::lock_guard<std::mutex> lock(report_mutex);
    report.report(Error(ErrorCode::kIndex,
                        "unfinished shard cannot be reused (" +
                            opened.error().message() + "); starting it afresh",
                        SourceRef{options.database_path}));
  }
  std::error_code ignored;
  fs::remove_all(options.database_path, ignored);
  return IndexWriter::open(options);
}

}  // namespace

std::string shard_folder(const std::string& database_path) {
  return (fs::path(database_path) / "shards").string();
}

unsigned unfinished_shard_count(const std::string& database_path) {
  unsigned count = 0;
  std::error_code error;
  while (fs::is_directory(shard_path(database_path, count), error)) ++count;
  return count;
}

Status run_sharded_build(IndexWriter& main, const ShardedBuildOptions& options,
                         const corpus::ArticleSource& source,
                         const std::vector<const PlannedFile*>& work,
                         IndexReport& report) {
  const std::string& database_path = options.writer.database_path;
  const unsigned count =
      std::max({options.shards, unfinished_shard_count(database_path), 1U});
  std::mutex report_mutex;

  std::vector<std::unique_ptr<IndexWriter>> writers;
  std::vector<std::string> paths;
  for (unsigned i = 0; i < count; ++i) {
    WriterOptions shard = options.writer;
    shard.database_path = shard_path(database_path, i);
    shard.is_scratch = true;
    shard.batch_bytes =
        std::max(options.writer.batch_bytes / count, kMinShardBatchBytes);
    Result<std::unique_ptr<IndexWriter>> opened =
        open_shard(shard, report, report_mutex);
    if (!opened.ok()) return opened.error();
    writers.push_back(std::move(opened.value()));
    paths.push_back(shard.database_path);
  }

  // A file an earlier, interrupted run recorded in a shard stays with that
  // shard (replaced there when it changed since), so no file can end up in
  // two shards; the others go to the shard with the fewest bytes so far.
  IndexCounts& counts = report.counts();
  std::vector<std::vector<PlannedFile>> shares(count);
  std::vector<std::uint64_t> bytes(count, 0);
  for (const PlannedFile* file : work) {
    std::size_t owner = count;
    for (std::size_t i = 0; i < count && owner == count; ++i) {
      if (writers[i]->lookup(file->fingerprint.path)) owner = i;
    }
    PlannedFile planned = *file;
    if (owner < count) {
      planned = plan_file(*file->input, *writers[owner]);
      if (planned.change == FileChange::kUnchanged) {
        // Done by the interrupted run: new to the database all the same.
        ++counts.files_new;
        ++counts.files_done;
        continue;
      }
    } else {
      owner = static_cast<std::size_t>(
          std::min_element(bytes.begin(), bytes.end()) - bytes.begin());
    }
    bytes[owner] += file->input->size_bytes;
    shares[owner].push_back(planned);
  }

  std::atomic<bool> is_stopping{false};
  std::vector<Status> results(count, Status(Done{}));
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      FilePreparer preparer(options.language);
      for (const PlannedFile& file : shares[i]) {
        if (is_stopping) return;
        Status written = write_file(
            *writers[i], file,
            preparer.prepare(source, PrepareJob{file.input, file.stored_hash}),
            report, report_mutex);
        if (!written.ok()) {
          results[i] = written;
          is_stopping = true;
          return;
        }
      }
      results[i] = writers[i]->commit();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Status& result : results) {
    if (!result.ok()) return result;
  }
  writers.clear();  // closes the shards: the merge reads them
  return main.merge_shards(paths);
}

}  // namespace news::indexer
