// BufferedInput: the content of an input file (an InputStream) seen through
// a sliding buffer, for the readers that parse records: they look at what
// is buffered, ask for more, and drop what they are done with, so memory is
// bounded by the largest record, not by the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "corpus/readers/input_stream.h"

namespace news::corpus {

class BufferedInput {
 public:
  explicit BufferedInput(InputStream stream);

  // The buffered content from the current position on.
  std::string_view view() const {
    return std::string_view(buffer_).substr(begin_);
  }
  // Content offset (decompressed bytes) of view().front().
  std::uint64_t offset() const { return offset_; }

  // Appends the next piece of content to the buffer. False, with nothing
  // added, at the end of the content or when reading failed; problem() then
  // says why it ended early.
  bool fill();
  // Drops the first count (<= view().size()) bytes of view().
  void consume(std::size_t count);

  // Whether the content has been read to its end (or to a problem).
  bool is_at_end() const { return is_at_end_; }
  // Why the content ended before the file did: kBadInput "truncated gzip
  // (N bytes decompressed)", "corrupt gzip (...)"; kIo "read error (...)".
  const std::optional<Error>& problem() const { return problem_; }

 private:
  InputStream stream_;
  std::string buffer_;
  std::size_t begin_ = 0;
  std::uint64_t offset_ = 0;
  bool is_at_end_ = false;
  std::optional<Error> problem_;
};

}  // namespace news::corpus
