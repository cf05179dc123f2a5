// What a run does with each input file (new, changed or unchanged against
// what a database recorded), and how one prepared file is written: shared by
// the serial build (one writer) and the parallel first build (one writer per
// shard).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "common/error.h"
#include "corpus/source_walker.h"
#include "indexer/index_report.h"
#include "indexer/index_writer.h"
#include "indexer/prepare_pool.h"

namespace news::indexer {

// The path an input is recorded under (symbolic links and ".." resolved
// where possible).
std::string canonical_path(const std::string& path);

enum class FileChange { kNew, kChanged, kUnchanged };

struct PlannedFile {
  const corpus::InputFile* input = nullptr;
  FileFingerprint fingerprint;  // content_hash filled in by the preparer
  FileChange change = FileChange::kNew;
  // The content hash recorded for a changed file: when the bytes are the
  // same (only touched), it is not indexed again.
  std::optional<std::uint64_t> stored_hash;
};

// Compares a file with what writer's database recorded: size and mtime
// first (no read); when they differ the preparer compares content hashes, so
// a touched but identical file is not re-indexed. With is_reextract, a file
// the database recorded is changed whatever its size, time and content
// (--reextract: extracted again by this news-index, failed files retried).
PlannedFile plan_file(const corpus::InputFile& input, const IndexWriter& writer,
                      bool is_reextract = false);

// Writes one prepared file through writer (its old articles replaced, its
// record in the same commit as its last articles) and counts it in report.
// report_mutex guards report, which the threads of a parallel build share.
// An error only for what must stop the run (Xapian failed, --strict).
Status write_file(IndexWriter& writer, const PlannedFile& file,
                  PreparedFile prepared, IndexReport& report,
                  std::mutex& report_mutex);

}  // namespace news::indexer
