#include "indexer/sharded_build.h"

#include <algorithm>
#include <atomic>
#include <cctype>
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

std::string shard_path(const std::string& database_path, unsigned number) {
  return (fs::path(shard_folder(database_path)) / std::to_string(number))
      .string();
}

// The numbers of the shards in the shard folder, ascending. Writers create
// their next shards concurrently, so a killed run may leave a gap.
std::vector<unsigned> existing_shards(const std::string& database_path) {
  std::vector<unsigned> numbers;
  std::error_code error;
  for (const auto& entry :
       fs::directory_iterator(shard_folder(database_path), error)) {
    const std::string name = entry.path().filename().string();
    const bool is_number =
        !name.empty() && name.size() <= 6 &&
        std::all_of(name.begin(), name.end(),
                    [](unsigned char c) { return std::isdigit(c) != 0; });
    std::error_code ignored;
    if (is_number && entry.is_directory(ignored)) {
      numbers.push_back(static_cast<unsigned>(std::stoul(name)));
    }
  }
  std::sort(numbers.begin(), numbers.end());
  return numbers;
}

// Opens (or creates) a shard. A shard an interrupted run left damaged (a
// power cut: shards skip fsync) is started afresh; its files are simply
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

// A shard an interrupted run left, with the files of this run it holds.
struct LeftShard {
  std::unique_ptr<IndexWriter> writer;
  std::vector<PlannedFile> files;  // changed since: replaced in this shard
};

}  // namespace

std::string shard_folder(const std::string& database_path) {
  return (fs::path(database_path) / "shards").string();
}

unsigned unfinished_shard_count(const std::string& database_path) {
  return static_cast<unsigned>(existing_shards(database_path).size());
}

Status run_sharded_build(IndexWriter& main, const ShardedBuildOptions& options,
                         const corpus::ArticleSource& source,
                         const std::vector<const PlannedFile*>& work,
                         IndexReport& report) {
  const std::string& database_path = options.writer.database_path;
  const unsigned threads = std::max(options.shards, 1U);
  const std::uint64_t shard_documents =
      std::max<std::uint64_t>(options.shard_documents, 1);
  std::mutex report_mutex;

  WriterOptions shard_options = options.writer;
  shard_options.is_scratch = true;
  shard_options.batch_bytes =
      std::max(options.writer.batch_bytes / threads, kMinShardBatchBytes);
  auto open_number = [&](unsigned number) {
    WriterOptions numbered = shard_options;
    numbered.database_path = shard_path(database_path, number);
    return open_shard(numbered, report, report_mutex);
  };

  const std::vector<unsigned> left_numbers = existing_shards(database_path);
  std::vector<LeftShard> left;
  for (const unsigned number : left_numbers) {
    Result<std::unique_ptr<IndexWriter>> opened = open_number(number);
    if (!opened.ok()) return opened.error();
    left.push_back(LeftShard{std::move(opened.value()), {}});
  }

  // A file an earlier, interrupted run recorded in a shard stays with that
  // shard (replaced there when it changed since), so no file can end up in
  // two shards. The others go to whichever writer is free next, so both
  // finish together whatever their files cost.
  IndexCounts& counts = report.counts();
  std::vector<PlannedFile> fresh;
  for (const PlannedFile* file : work) {
    std::size_t owner = left.size();
    for (std::size_t i = 0; i < left.size() && owner == left.size(); ++i) {
      if (left[i].writer->lookup(file->fingerprint.path)) owner = i;
    }
    if (owner < left.size()) {
      PlannedFile planned = plan_file(*file->input, *left[owner].writer);
      if (planned.change == FileChange::kUnchanged) {
        // Done by the interrupted run: new to the database all the same.
        ++counts.files_new;
        ++counts.files_done;
        continue;
      }
      left[owner].files.push_back(std::move(planned));
      continue;
    }
    fresh.push_back(*file);
  }
  std::atomic<std::size_t> next_fresh{0};

  std::atomic<unsigned> next_number{
      left_numbers.empty() ? 0 : left_numbers.back() + 1};
  const unsigned first_new_number = next_number;
  std::atomic<bool> is_stopping{false};
  std::vector<Status> results(threads, Status(Done{}));
  auto run_writer = [&](unsigned thread) -> Status {
    FilePreparer preparer(options.language);
    auto write = [&](IndexWriter& writer, const PlannedFile& file) {
      return write_file(
          writer, file,
          preparer.prepare(source, PrepareJob{file.input, file.stored_hash}),
          report, report_mutex);
    };
    // First the files of the left shards this writer takes over; the first
    // of those shards with room left goes on taking new files.
    std::unique_ptr<IndexWriter> active;
    for (std::size_t i = thread; i < left.size(); i += threads) {
      std::unique_ptr<IndexWriter> writer = std::move(left[i].writer);
      for (const PlannedFile& file : left[i].files) {
        if (is_stopping) return Done{};
        if (Status written = write(*writer, file); !written.ok()) {
          return written;
        }
      }
      if (!active && writer->document_count() < shard_documents) {
        active = std::move(writer);
      } else if (Status committed = writer->commit(); !committed.ok()) {
        return committed;
      }
    }
    for (std::size_t next = next_fresh++; next < fresh.size();
         next = next_fresh++) {
      const PlannedFile& file = fresh[next];
      if (is_stopping) return Done{};
      if (!active) {
        Result<std::unique_ptr<IndexWriter>> opened =
            open_number(next_number++);
        if (!opened.ok()) return opened.error();
        active = std::move(opened.value());
      }
      if (Status written = write(*active, file); !written.ok()) return written;
      if (active->document_count() >= shard_documents) {
        // Full: committed and closed, so its memory goes back before the
        // next shard starts.
        if (Status committed = active->commit(); !committed.ok()) {
          return committed;
        }
        active.reset();
      }
    }
    return active ? active->commit() : Status(Done{});
  };
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < threads; ++i) {
    pool.emplace_back([&, i] {
      results[i] = run_writer(i);
      if (!results[i].ok()) is_stopping = true;
    });
  }
  for (std::thread& thread : pool) thread.join();
  left.clear();  // closes the shards no writer took (none when all went well)
  for (const Status& result : results) {
    if (!result.ok()) return result;
  }
  std::vector<std::string> paths;
  for (const unsigned number : left_numbers) {
    paths.push_back(shard_path(database_path, number));
  }
  for (unsigned number = first_new_number; number < next_number; ++number) {
    paths.push_back(shard_path(database_path, number));
  }
  counts.shards_merged = paths.size();
  return main.merge_shards(paths);
}

}  // namespace news::indexer
