// The parallel first build. Xapian writes a database from one thread, and
// that writing is most of the indexing work, so a single database cannot use
// two cores. A first build of a large corpus therefore gives each thread its
// own share of the files and its own database (a shard, in
// <database>/shards/<n>): the thread reads, extracts, analyses and writes
// them, committing in batches with the file records as usual. At the end
// Xapian's compaction merges the shards into the database, which is then
// compact as after any first build, and swaps it in atomically.
//
// Killed midway, the database itself is still the empty one it was; the
// next run finds the shards, keeps what they committed (a file recorded in a
// shard stays with it, unchanged files are not read again) and goes on.
#pragma once

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

struct ShardedBuildOptions {
  WriterOptions writer;  // of the database; each shard gets a share of its
                         // memory budget (batch_bytes)
  std::string language;  // stemming language for documents without one
  unsigned shards = 2;   // parallel writers (at least the unfinished ones)
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
