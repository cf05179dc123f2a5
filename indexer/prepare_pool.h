// PreparePool: the parallel half of indexing. Worker threads read, extract
// and analyse input files into ready Xapian documents; the one thread that
// owns the WritableDatabase takes the results in input order (so document
// ids, commits and messages are the same whatever the thread count). At
// most `window` files are prepared ahead of the writer, which bounds memory.
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/error.h"
#include "corpus/article_source.h"

namespace news::indexer {

// One file to prepare. stored_hash: the content hash an earlier run
// recorded for this path, when its size or mtime changed since (a file
// whose bytes are the same is then not re-read for articles).
struct PrepareJob {
  const corpus::InputFile* input = nullptr;
  std::optional<std::uint64_t> stored_hash;
};

struct PreparedArticle {
  std::string id_term;
  Xapian::Document document;
  std::uint64_t body_bytes = 0;
};

struct PreparedFile {
  std::vector<PreparedArticle> articles;
  // What the readers reported for this file, in order; the writer thread
  // passes them on to the report, so messages keep the input order.
  std::vector<Error> problems;
  // Words of these articles that need a stem synonym (see
  // ArticleToDocument::take_new_own_stems), for IndexWriter::add_own_stems.
  std::vector<std::string> own_stems;
  std::uint64_t content_hash = 0;  // 0 when the file could not be read
  bool is_same_content = false;    // touched, but the bytes equal stored_hash
};

// Reads, extracts and analyses one file at a time into Xapian documents.
// One per thread: it owns an analyzer (ICU break iterators and stemmers are
// not shared between threads).
class FilePreparer {
 public:
  explicit FilePreparer(const std::string& language);
  ~FilePreparer();
  FilePreparer(const FilePreparer&) = delete;
  FilePreparer& operator=(const FilePreparer&) = delete;

  // Never throws: a bug met while preparing one file is one of its
  // problems, so it cannot take the run down.
  PreparedFile prepare(const corpus::ArticleSource& source,
                       const PrepareJob& job);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class PreparePool {
 public:
  // Starts `threads` workers (at least 1) over jobs. source must be safe
  // for concurrent read_articles calls (it is: const and stateless per
  // call) and outlive the pool, as must jobs.
  PreparePool(const corpus::ArticleSource& source,
              const std::vector<PrepareJob>& jobs, std::string language,
              unsigned threads, std::size_t window);
  // Stops the workers (unfinished preparations are dropped) and joins them.
  ~PreparePool();
  PreparePool(const PreparePool&) = delete;
  PreparePool& operator=(const PreparePool&) = delete;

  // The preparation of jobs[index]; blocks until it is ready. Must be called
  // for 0, 1, 2, ... in order.
  PreparedFile take(std::size_t index);

 private:
  void work();

  const corpus::ArticleSource& source_;
  const std::vector<PrepareJob>& jobs_;
  const std::string language_;
  const std::size_t window_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable space_;
  std::vector<std::optional<PreparedFile>> slots_;
  std::size_t next_job_ = 0;
  std::size_t taken_ = 0;
  bool is_stopping_ = false;
  std::vector<std::thread> workers_;
};

// Threads to use when the user does not say: one per core.
unsigned default_thread_count();

}  // namespace news::indexer
