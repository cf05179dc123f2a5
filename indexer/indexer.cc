#include "indexer/indexer.h"

#include <filesystem>
#include <vector>

#include "corpus/article_source.h"
#include "indexer/index_writer.h"

namespace news::indexer {
namespace {

FileFingerprint fingerprint_of(const corpus::InputFile& file) {
  std::error_code error;
  std::filesystem::path canonical =
      std::filesystem::weakly_canonical(file.path, error);
  return FileFingerprint{error ? file.path : canonical.string(),
                         file.size_bytes, file.mtime_seconds};
}

}  // namespace

Status run_index(const IndexOptions& options, IndexReport& report) {
  Result<std::unique_ptr<IndexWriter>> opened =
      IndexWriter::open(options.writer);
  if (!opened.ok()) return opened.error();
  IndexWriter& writer = *opened.value();

  corpus::ArticleSource source(options.corpus);
  const std::vector<corpus::InputFile> files = source.list_inputs(report);
  report.counts().files_total = files.size();

  std::vector<const corpus::InputFile*> changed;
  for (const corpus::InputFile& file : files) {
    if (writer.is_unchanged(fingerprint_of(file))) {
      ++report.counts().files_unchanged;
      ++report.counts().files_done;
    } else {
      changed.push_back(&file);
    }
  }
  // Boilerplate is learned from the whole corpus, unchanged files included,
  // so that a file indexed alone is cleaned as it would be in a full run.
  if (!changed.empty()) source.learn(files, report);

  for (const corpus::InputFile* file : changed) {
    for (const Article& article : source.read_articles(*file, report)) {
      if (Status added = writer.add(article); !added.ok()) {
        return added.error();
      }
      ++report.counts().articles_indexed;
    }
    if (Status marked = writer.mark_done(fingerprint_of(*file)); !marked.ok()) {
      return marked.error();
    }
    ++report.counts().files_done;
    report.counts().bytes_read += file->size_bytes;
    report.progress();
  }
  if (Status committed = writer.commit(); !committed.ok()) {
    return committed.error();
  }
  report.finish(writer.document_count());
  return Done{};
}

}  // namespace news::indexer
