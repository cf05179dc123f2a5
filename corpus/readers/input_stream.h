// InputStream: the content of one input file, read in pieces with its
// compression undone. Every input file is opened here, so that the rules
// hold for all formats: a FIFO is never waited on, only regular files are
// read, and a compressed file yields its decompressed content in bounded
// memory (the caller caps how much it takes).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/error.h"
#include "corpus/input_file.h"

namespace news::corpus {

// kGzip when file_name ends in ".gz" (any case), else kNone.
Compression compression_from_name(std::string_view file_name);

// file_name without its compression suffix ("story.txt.gz" -> "story.txt");
// the name the content format is decided by.
std::string_view strip_compression_suffix(std::string_view file_name);

class InputStream {
 public:
  // Opens the file at path for reading without blocking (a FIFO opened by
  // mistake does not wait for a writer) and checks that it is a regular
  // file. With kGzip the content is decompressed when the file starts with
  // the gzip magic bytes 1f 8b; a file without them is read as it is.
  // Errors, with source = path, each message ending in what was done:
  //   kIo "permission denied; skipped";
  //   kIo "cannot read file (<system reason>); skipped";
  //   kBadInput "<kind>, not a regular file; skipped", kind being "named
  //   pipe (FIFO)", "socket", "character device", "block device", "folder".
  [[nodiscard]] static Result<InputStream> open(const std::string& path,
                                                Compression compression);

  InputStream(InputStream&&) noexcept;
  InputStream& operator=(InputStream&&) noexcept;
  ~InputStream();

  // Appends up to max_bytes (> 0) further content bytes to out and returns
  // how many; 0 at the end of the content. Errors (source = path):
  //   kIo "read error (<system reason>)";
  //   kBadInput "truncated gzip (N bytes decompressed)" when the file ends
  //   inside a gzip member;
  //   kBadInput "corrupt gzip (N bytes decompressed: <zlib reason>)".
  // The N bytes before the problem were appended by earlier calls. After an
  // error the stream is at its end: further calls return 0.
  [[nodiscard]] Result<std::size_t> read(std::string& out,
                                         std::size_t max_bytes);

  // Content bytes delivered so far (decompressed).
  std::uint64_t content_bytes() const;
  // Whether the content is being decompressed (kGzip and the magic found).
  bool is_decompressing() const;

 private:
  class Impl;
  explicit InputStream(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace news::corpus
