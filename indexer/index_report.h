// IndexReport: what news-index tells its user. It is the ErrorSink of a run
// (each problem printed at once as "news-index: file:record: message" and
// counted by reason), draws a progress line on a terminal, and prints the
// summary at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include "common/error.h"

namespace news::indexer {

struct IndexCounts {
  std::uint64_t files_total = 0;
  std::uint64_t files_done = 0;
  std::uint64_t files_new = 0;
  std::uint64_t files_changed = 0;
  std::uint64_t files_unchanged = 0;
  std::uint64_t files_removed = 0;  // with --prune
  std::uint64_t articles_indexed = 0;
  std::uint64_t bytes_read = 0;
  std::uint64_t problems = 0;  // reports received (files or records skipped)
  std::uint64_t shards_merged = 0;  // databases a parallel build merged
};

class IndexReport : public ErrorSink {
 public:
  // out: where messages, progress and summary go (stderr in news-index).
  // is_strict: the first problem reported stops the run (--strict).
  IndexReport(std::ostream& out, bool show_progress, bool show_summary,
              bool is_strict = false);

  void report(const Error& error) override;

  // With --strict, true once a problem was reported; the run must then
  // stop with stop_error().
  bool should_stop() const { return is_strict_ && counts_.problems > 0; }
  Error stop_error() const;

  IndexCounts& counts() { return counts_; }
  const IndexCounts& counts() const { return counts_; }

  // Redraws the progress line if enough time has passed.
  void progress();
  // Prints the summary (indexed, unchanged, skipped with reasons, speed).
  void finish(std::uint64_t document_count);

 private:
  void clear_progress_line();

  std::ostream& out_;
  bool show_progress_;
  bool show_summary_;
  bool is_strict_;
  bool has_progress_line_ = false;
  IndexCounts counts_;
  std::map<std::string, std::uint64_t> problems_by_reason_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_progress_;
};

}  // namespace news::indexer
