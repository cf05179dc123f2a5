#include "indexer/index_report.h"

#include <cstdio>

namespace news::indexer {
namespace {

// The reason of a message for the summary: the text after the last "; "
// ("binary file; skipped" -> "skipped") is what was done, the part before
// it what happened; messages are grouped by what happened with quoted
// details dropped.
std::string reason_of(const std::string& message) {
  std::string reason = message.substr(0, message.rfind("; "));
  if (const std::size_t quote = reason.find(" ("); quote != std::string::npos) {
    reason.erase(quote);
  }
  return reason;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

IndexReport::IndexReport(std::ostream& out, bool show_progress,
                         bool show_summary, bool is_strict)
    : out_(out),
      show_progress_(show_progress),
      show_summary_(show_summary),
      is_strict_(is_strict),
      start_(std::chrono::steady_clock::now()),
      last_progress_(start_) {}

void IndexReport::clear_progress_line() {
  if (!has_progress_line_) return;
  out_ << "\r\033[K";
  has_progress_line_ = false;
}

void IndexReport::report(const Error& error) {
  clear_progress_line();
  out_ << "news-index: " << error.to_string() << "\n";
  out_.flush();
  ++counts_.problems;
  ++problems_by_reason_[reason_of(error.message())];
}

Error IndexReport::stop_error() const {
  return Error(ErrorCode::kBadInput,
               "stopped at the first problem (--strict); work committed "
               "before it is kept");
}

void IndexReport::progress() {
  if (!show_progress_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_progress_ < std::chrono::milliseconds(200)) return;
  last_progress_ = now;
  const double seconds = seconds_since(start_);
  const double megabytes = static_cast<double>(counts_.bytes_read) / 1e6;
  char line[160];
  std::snprintf(line, sizeof line,
                "files %llu/%llu, articles %llu, %.1f MB, %.1f MB/s",
                static_cast<unsigned long long>(counts_.files_done),
                static_cast<unsigned long long>(counts_.files_total),
                static_cast<unsigned long long>(counts_.articles_indexed),
                megabytes, seconds > 0 ? megabytes / seconds : 0.0);
  out_ << "\r\033[K" << line;
  out_.flush();
  has_progress_line_ = true;
}

void IndexReport::finish(std::uint64_t document_count) {
  clear_progress_line();
  if (!show_summary_) return;
  const double seconds = seconds_since(start_);
  const double megabytes = static_cast<double>(counts_.bytes_read) / 1e6;
  char speed[96];
  std::snprintf(speed, sizeof speed, "%.1f MB in %.2f s (%.1f MB/s)", megabytes,
                seconds, seconds > 0 ? megabytes / seconds : 0.0);
  out_ << "news-index: " << counts_.articles_indexed << " articles indexed; "
       << "files: " << counts_.files_new << " new, " << counts_.files_changed
       << " changed, " << counts_.files_unchanged << " unchanged, "
       << counts_.files_removed << " removed, " << counts_.problems
       << " skipped; " << document_count << " documents in the index; " << speed
       << "\n";
  if (counts_.shards_merged > 0) {
    out_ << "news-index:   written in parallel as " << counts_.shards_merged
         << " shards, merged into one database\n";
  }
  for (const auto& [reason, count] : problems_by_reason_) {
    out_ << "news-index:   skipped " << count << ": " << reason << "\n";
  }
  out_.flush();
}

}  // namespace news::indexer
