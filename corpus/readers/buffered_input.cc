#include "corpus/readers/buffered_input.h"

#include <utility>

namespace news::corpus {
namespace {

constexpr std::size_t kChunkBytes = 256 * 1024;

}  // namespace

BufferedInput::BufferedInput(InputStream stream) : stream_(std::move(stream)) {}

bool BufferedInput::fill() {
  if (is_at_end_) return false;
  // Compact once the consumed prefix dominates, so the buffer holds about
  // one record plus one chunk.
  if (begin_ > 0 && begin_ >= buffer_.size() / 2) {
    buffer_.erase(0, begin_);
    begin_ = 0;
  }
  const Result<std::size_t> count = stream_.read(buffer_, kChunkBytes);
  if (!count.ok()) {
    is_at_end_ = true;
    problem_ = count.error();
    return false;
  }
  if (count.value() == 0) {
    is_at_end_ = true;
    return false;
  }
  return true;
}

void BufferedInput::consume(const std::size_t count) {
  begin_ += count;
  offset_ += count;
  if (begin_ == buffer_.size()) {
    buffer_.clear();
    begin_ = 0;
  }
}

}  // namespace news::corpus
