// The parallel first build. Xapian writes a database from one thread, and
// that writing is most of the indexing work, so a single database cannot use
// two cores. A first build of a large corpus therefore gives each thread its
// own database (a shard, in <database>/shards/<n>) and lets it take the next
// file from one list the threads share, so they finish together: the thread
// reads, extracts, analyses and writes each file it takes, committing in
// batches with the file records as usual. A shard that reaches shard_documents
// is closed and the thread goes on in a new one: each commit rewrites the
// B-tree blocks its terms touch, and in a shard of hundreds of thousands of
// documents a batch touches so many that the build writes tens of times the
// index's size (43x at 1M articles in one shard per thread, against 4-5x at
// 10,000-50,000 per shard). At the end Xapian's compaction merges the shards
// into the database, which is then compact as after any first build, and swaps
// it in atomically.
//
// Killed midway, the database itself is still the empty one it was; the
// next run finds the shards, keeps what they committed (a file recorded in a
// shard stays with it, unchanged files are not read again) and goes on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "corpus/article_source.h"
#include "indexer/file_plan.h"
#include "indexer/index_report.h"
#include "indexer/index_writer.h"

namespace news::indexer {

// Where the shards of database_path live.
std::string shard_folder(const std::string& database_path);

// How many shard databases an interrupted parallel build left there (0
// when none).
unsigned unfinished_shard_count(const std::string& database_path);

// Documents per shard before its thread starts a new one, by default.
inline constexpr std::uint64_t kDefaultShardDocuments = 50'000;

struct ShardedBuildOptions {
  WriterOptions writer;  // of the database; each shard gets a share of its
                         // memory budget (batch_bytes)
  std::string language;  // stemming language for documents without one
  unsigned shards = 2;   // parallel writers
  // A writer closes its shard after the file that brings it to this many
  // documents and goes on in a new one (at least 1).
  std::uint64_t shard_documents = kDefaultShardDocuments;
};

// Indexes work (files new to main's empty database) into shards in
// parallel, then merges them into main. Per-file problems go to report;
// an error only for what stops the run (a shard or the merge failing,
// --strict), in which case the shards are kept for the next run.
Status run_sharded_build(IndexWriter& main, const ShardedBuildOptions& options,
                         const corpus::ArticleSource& source,
                         const std::vector<const PlannedFile*>& work,
                         IndexReport& report);

}  // namespace news::indexer
