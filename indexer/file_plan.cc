#include "indexer/file_plan.h"

#include <filesystem>

namespace news::indexer {

std::string canonical_path(const std::string& path) {
  std::error_code error;
  const std::filesystem::path canonical =
      std::filesystem::weakly_canonical(path, error);
  return error ? path : canonical.string();
}

PlannedFile plan_file(const corpus::InputFile& input, const IndexWriter& writer,
                      const bool is_reextract) {
  PlannedFile planned{
      &input,
      {canonical_path(input.path), input.size_bytes, input.mtime_seconds, 0},
      FileChange::kNew,
      std::nullopt};
  const std::optional<StoredFile> stored =
      writer.lookup(planned.fingerprint.path);
  if (!stored) return planned;
  if (is_reextract) {
    planned.change = FileChange::kChanged;  // no stored hash: never skipped
    return planned;
  }
  if (stored->fingerprint.size_bytes == input.size_bytes &&
      stored->fingerprint.mtime_seconds == input.mtime_seconds) {
    planned.change = FileChange::kUnchanged;
    return planned;
  }
  planned.change = FileChange::kChanged;
  planned.stored_hash = stored->fingerprint.content_hash;
  return planned;
}

Status write_file(IndexWriter& writer, const PlannedFile& file,
                  PreparedFile prepared, IndexReport& report,
                  std::mutex& report_mutex) {
  IndexCounts& counts = report.counts();
  FileFingerprint fingerprint = file.fingerprint;
  fingerprint.content_hash = prepared.content_hash;
  if (prepared.is_same_content) {
    // Touched but not changed: only its record learns the new mtime.
    if (Status finished = writer.finish_file(fingerprint, false);
        !finished.ok()) {
      return finished;
    }
    const std::lock_guard<std::mutex> lock(report_mutex);
    ++counts.files_unchanged;
    ++counts.files_done;
    return Done{};
  }
  {
    const std::lock_guard<std::mutex> lock(report_mutex);
    for (const Error& problem : prepared.problems) report.report(problem);
    if (report.should_stop()) return report.stop_error();
  }
  if (Status begun = writer.begin_file(fingerprint.path); !begun.ok()) {
    return begun;
  }
  for (PreparedArticle& article : prepared.articles) {
    if (Status added =
            writer.add_document(article.id_term, std::move(article.document),
                                article.body_bytes, fingerprint.path);
        !added.ok()) {
      return added;
    }
  }
  if (Status added = writer.add_own_stems(prepared.own_stems); !added.ok()) {
    return added;
  }
  // A file that gave nothing is remembered too, so it is reported once
  // and retried only when it changes.
  if (Status finished =
          writer.finish_file(fingerprint, prepared.articles.empty());
      !finished.ok()) {
    return finished;
  }
  const std::lock_guard<std::mutex> lock(report_mutex);
  counts.articles_indexed += prepared.articles.size();
  ++(file.change == FileChange::kChanged ? counts.files_changed
                                         : counts.files_new);
  ++counts.files_done;
  counts.bytes_read += file.input->size_bytes;
  report.progress();
  return Done{};
}

}  // namespace news::indexer
