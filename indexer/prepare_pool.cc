#include "indexer/prepare_pool.h"

#include <fstream>
#include <string_view>
#include <utility>

#include "common/hash.h"
#include "common/text/analyzer.h"
#include "indexer/article_to_document.h"

namespace news::indexer {
namespace {

// Bytes of a file that take part in its content hash. Readers never use
// more than the first 64 MiB of a file, so a change past that cannot change
// what is indexed; a several-GB file is not read whole for its hash.
constexpr std::uint64_t kHashedPrefixBytes = 64ULL << 20;

// FNV-1a 64 of the file's first kHashedPrefixBytes, read in pieces
// (bounded memory); 0 when it cannot be read.
std::uint64_t hash_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return 0;
  std::uint64_t hash = kFnv1a64Basis;
  // Left uninitialised: zero-filling it cost more than hashing most files.
  char buffer[1 << 16];
  std::uint64_t hashed = 0;
  while (in && hashed < kHashedPrefixBytes) {
    in.read(buffer, static_cast<std::streamsize>(sizeof buffer));
    const auto got = static_cast<std::size_t>(in.gcount());
    hashed += got;
    hash = fnv1a64(std::string_view(buffer, got), hash);
  }
  return in.bad() ? 0 : hash;
}

// Collects one file's problems for the writer thread to report in order.
class CollectingSink final : public ErrorSink {
 public:
  explicit CollectingSink(std::vector<Error>& errors) : errors_(errors) {}
  void report(const Error& error) override { errors_.push_back(error); }

 private:
  std::vector<Error>& errors_;
};

}  // namespace

struct FilePreparer::Impl {
  explicit Impl(const std::string& language)
      : analyzer(language), converter(analyzer) {}
  text::Analyzer analyzer;
  ArticleToDocument converter;
};

FilePreparer::FilePreparer(const std::string& language)
    : impl_(std::make_unique<Impl>(language)) {}

FilePreparer::~FilePreparer() = default;

PreparedFile FilePreparer::prepare(const corpus::ArticleSource& source,
                                   const PrepareJob& job) {
  PreparedFile prepared;
  try {
    prepared.content_hash = hash_file(job.input->path);
    if (job.stored_hash && prepared.content_hash != 0 &&
        *job.stored_hash == prepared.content_hash) {
      prepared.is_same_content = true;
      return prepared;
    }
    CollectingSink sink(prepared.problems);
    for (const Article& article : source.read_articles(*job.input, sink)) {
      prepared.articles.push_back(PreparedArticle{
          ArticleToDocument::id_term(article.id),
          impl_->converter.convert(article), article.body.size()});
    }
    prepared.own_stems = impl_->converter.take_new_own_stems();
  } catch (const Xapian::Error& error) {
    prepared.articles.clear();
    prepared.own_stems.clear();
    prepared.problems.push_back(Error(
        ErrorCode::kInternal, "internal error: " + error.get_description(),
        SourceRef{job.input->path}));
  } catch (const std::exception& error) {
    prepared.articles.clear();
    prepared.own_stems.clear();
    prepared.problems.push_back(Error(
        ErrorCode::kInternal, std::string("internal error: ") + error.what(),
        SourceRef{job.input->path}));
  }
  return prepared;
}

unsigned default_thread_count() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

PreparePool::PreparePool(const corpus::ArticleSource& source,
                         const std::vector<PrepareJob>& jobs,
                         std::string language, unsigned threads,
                         std::size_t window)
    : source_(source),
      jobs_(jobs),
      language_(std::move(language)),
      window_(window == 0 ? 1 : window),
      slots_(jobs.size()) {
  const unsigned count = threads == 0 ? 1 : threads;
  for (unsigned i = 0; i < count; ++i)
    workers_.emplace_back([this] { work(); });
}

PreparePool::~PreparePool() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    is_stopping_ = true;
  }
  space_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void PreparePool::work() {
  FilePreparer preparer(language_);
  for (;;) {
    std::size_t index = 0;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      space_.wait(lock, [this] {
        return is_stopping_ || next_job_ >= jobs_.size() ||
               next_job_ < taken_ + window_;
      });
      if (is_stopping_ || next_job_ >= jobs_.size()) return;
      index = next_job_++;
    }
    PreparedFile prepared = preparer.prepare(source_, jobs_[index]);
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      slots_[index] = std::move(prepared);
    }
    ready_.notify_all();
  }
}

PreparedFile PreparePool::take(std::size_t index) {
  std::unique_lock<std::mutex> lock(mutex_);
  ready_.wait(lock, [&] { return slots_[index].has_value(); });
  PreparedFile prepared = std::move(*slots_[index]);
  slots_[index].reset();
  taken_ = index + 1;
  lock.unlock();
  space_.notify_all();
  return prepared;
}

}  // namespace news::indexer
