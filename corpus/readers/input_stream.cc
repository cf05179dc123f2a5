#include "corpus/readers/input_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <system_error>
#include <vector>

namespace news::corpus {
namespace {

constexpr std::size_t kInputChunkBytes = 64 * 1024;

std::string system_reason(const int error_number) {
  return std::generic_category().message(error_number);
}

const char* special_file_kind(const mode_t mode) {
  if (S_ISFIFO(mode)) return "named pipe (FIFO)";
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  if (S_ISDIR(mode)) return "folder";
  return "special file";
}

// Owns a file descriptor.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// read(2) until it gives data, the end, or a real error.
ssize_t read_retrying(const int fd, void* buffer, const std::size_t size) {
  ssize_t count = 0;
  do {
    count = ::read(fd, buffer, size);
  } while (count < 0 && errno == EINTR);
  return count;
}

struct InflateEnd {
  void operator()(z_stream* stream) const {
    inflateEnd(stream);
    delete stream;
  }
};

}  // namespace

Compression compression_from_name(std::string_view file_name) {
  if (file_name.size() < 3) return Compression::kNone;
  const std::string_view suffix = file_name.substr(file_name.size() - 3);
  const bool is_gz =
      suffix[0] == '.' &&
      std::tolower(static_cast<unsigned char>(suffix[1])) == 'g' &&
      std::tolower(static_cast<unsigned char>(suffix[2])) == 'z';
  return is_gz ? Compression::kGzip : Compression::kNone;
}

std::string_view strip_compression_suffix(std::string_view file_name) {
  if (compression_from_name(file_name) == Compression::kGzip) {
    file_name.remove_suffix(3);
  }
  return file_name;
}

class InputStream::Impl {
 public:
  Impl(std::string path, const int fd) : path_(std::move(path)), fd_(fd) {}

  // Reads the first bytes to see whether the file is gzip data; they stay
  // buffered as the first input.
  Status start(const Compression compression) {
    if (compression != Compression::kGzip) return Done{};
    if (Status filled = fill_input(); !filled.ok()) return filled;
    while (input_end_ - input_begin_ < 2 && !is_input_at_end_) {
      if (Status filled = fill_input(); !filled.ok()) return filled;
    }
    if (input_end_ - input_begin_ < 2 || input_[input_begin_] != 0x1F ||
        input_[input_begin_ + 1] != 0x8B) {
      return Done{};  // not gzip data: read as it is
    }
    inflater_.reset(new z_stream{});
    // 16 + MAX_WBITS: gzip wrapper only, largest window.
    if (inflateInit2(inflater_.get(), 16 + MAX_WBITS) != Z_OK) {
      delete inflater_.release();
      return Error::internal("zlib inflateInit2 failed for " + path_);
    }
    is_in_member_ = true;
    return Done{};
  }

  Result<std::size_t> read(std::string& out, const std::size_t max_bytes) {
    if (is_at_end_) return std::size_t{0};
    Result<std::size_t> count =
        inflater_ ? inflate_into(out, max_bytes) : copy_into(out, max_bytes);
    if (!count.ok()) {
      is_at_end_ = true;
    } else {
      content_bytes_ += count.value();
      if (count.value() == 0) is_at_end_ = true;
    }
    return count;
  }

  std::uint64_t content_bytes() const { return content_bytes_; }
  bool is_decompressing() const { return inflater_ != nullptr; }

 private:
  SourceRef source() const { return SourceRef{path_, 0, 0}; }

  std::size_t buffered() const { return input_end_ - input_begin_; }

  // More raw bytes into the input buffer (compacted first).
  Status fill_input() {
    if (input_.empty()) input_.resize(kInputChunkBytes);
    if (input_begin_ > 0) {
      std::copy(input_.begin() + static_cast<std::ptrdiff_t>(input_begin_),
                input_.begin() + static_cast<std::ptrdiff_t>(input_end_),
                input_.begin());
      input_end_ -= input_begin_;
      input_begin_ = 0;
    }
    const ssize_t count = read_retrying(fd_.get(), input_.data() + input_end_,
                                        input_.size() - input_end_);
    if (count < 0) {
      return Error::io("read error (" + system_reason(errno) + ")", source());
    }
    if (count == 0) is_input_at_end_ = true;
    input_end_ += static_cast<std::size_t>(count);
    return Done{};
  }

  // Plain file: buffered bytes (from the magic check) first, then the file.
  Result<std::size_t> copy_into(std::string& out, const std::size_t max_bytes) {
    const std::size_t wanted = std::min(max_bytes, kInputChunkBytes);
    if (buffered() > 0) {
      const std::size_t count = std::min(wanted, buffered());
      out.append(reinterpret_cast<const char*>(input_.data() + input_begin_),
                 count);
      input_begin_ += count;
      return count;
    }
    // Through a buffer left uninitialised rather than into out grown by a
    // whole chunk, which would zero-fill the chunk: most files are a few KB.
    char chunk[kInputChunkBytes];
    const ssize_t count = read_retrying(fd_.get(), chunk, wanted);
    if (count < 0) {
      return Error::io("read error (" + system_reason(errno) + ")", source());
    }
    out.append(chunk, static_cast<std::size_t>(count));
    return static_cast<std::size_t>(count);
  }

  Error gzip_error(const std::string& what) const {
    return Error::bad_input(source(), what);
  }

  // gzip data: members one after the other (RFC 1952 allows several; "cat
  // a.gz b.gz" makes such a file).
  Result<std::size_t> inflate_into(std::string& out,
                                   const std::size_t max_bytes) {
    const std::size_t old_size = out.size();
    const std::size_t wanted = std::min(max_bytes, 4 * kInputChunkBytes);
    out.resize(old_size + wanted);
    std::size_t produced = 0;
    const auto finish = [&](Result<std::size_t> result) {
      out.resize(old_size + produced);
      return result;
    };
    const auto decompressed = [&] {
      return std::to_string(content_bytes_ + produced) + " bytes decompressed";
    };
    while (produced == 0) {
      if (buffered() == 0 && !is_input_at_end_) {
        if (Status filled = fill_input(); !filled.ok()) {
          return finish(filled.error());
        }
        continue;
      }
      if (buffered() == 0) {
        if (is_in_member_) {
          return finish(gzip_error("truncated gzip (" + decompressed() + ")"));
        }
        return finish(std::size_t{0});
      }
      if (!is_in_member_) {
        // Another member follows; its header is checked by inflate.
        inflateReset(inflater_.get());
        is_in_member_ = true;
      }
      z_stream& stream = *inflater_;
      stream.next_in = input_.data() + input_begin_;
      stream.avail_in = static_cast<uInt>(buffered());
      stream.next_out = reinterpret_cast<Bytef*>(out.data() + old_size);
      stream.avail_out = static_cast<uInt>(wanted);
      const int status = inflate(&stream, Z_NO_FLUSH);
      const std::size_t consumed = buffered() - stream.avail_in;
      input_begin_ += consumed;
      produced = wanted - stream.avail_out;
      if (status == Z_STREAM_END) {
        is_in_member_ = false;
      } else if (status == Z_DATA_ERROR || status == Z_NEED_DICT) {
        const std::string reason =
            stream.msg != nullptr ? stream.msg : "invalid data";
        produced = 0;  // a member's bytes are not trusted past its error
        return finish(gzip_error("corrupt gzip (" + decompressed() + ": " +
                                 reason + ")"));
      } else if (status == Z_MEM_ERROR) {
        return finish(Error::internal("zlib out of memory reading " + path_));
      } else if (status != Z_OK && status != Z_BUF_ERROR) {
        return finish(gzip_error("corrupt gzip (" + decompressed() + ")"));
      } else if (consumed == 0 && produced == 0 && buffered() > 0) {
        return finish(
            gzip_error("corrupt gzip (" + decompressed() + ": no progress)"));
      }
    }
    return finish(produced);
  }

  std::string path_;
  FileDescriptor fd_;
  std::vector<unsigned char> input_;
  std::size_t input_begin_ = 0;
  std::size_t input_end_ = 0;
  bool is_input_at_end_ = false;
  std::unique_ptr<z_stream, InflateEnd> inflater_;
  bool is_in_member_ = false;
  bool is_at_end_ = false;
  std::uint64_t content_bytes_ = 0;
};

Result<InputStream> InputStream::open(const std::string& path,
                                      const Compression compression) {
  const SourceRef source{path, 0, 0};
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
  // writer; the mode check below then refuses it without reading.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error_number = errno;
    if (error_number == EACCES || error_number == EPERM) {
      return Error::io("permission denied; skipped", source);
    }
    return Error::io(
        "cannot read file (" + system_reason(error_number) + "); skipped",
        source);
  }
  auto impl = std::make_unique<Impl>(path, fd);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    return Error::io("cannot read file (" + system_reason(errno) + "); skipped",
                     source);
  }
  if (!S_ISREG(info.st_mode)) {
    return Error::bad_input(source,
                            std::string(special_file_kind(info.st_mode)) +
                                ", not a regular file; skipped");
  }
  // Regular files never block; plain blocking reads from here on.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  if (Status started = impl->start(compression); !started.ok()) {
    return Error(started.error().code(),
                 started.error().message() + "; skipped", source);
  }
  return InputStream(std::move(impl));
}

InputStream::InputStream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
InputStream::InputStream(InputStream&&) noexcept = default;
InputStream& InputStream::operator=(InputStream&&) noexcept = default;
InputStream::~InputStream() = default;

Result<std::size_t> InputStream::read(std::string& out,
                                      const std::size_t max_bytes) {
  return impl_->read(out, max_bytes);
}

std::uint64_t InputStream::content_bytes() const {
  return impl_->content_bytes();
}

bool InputStream::is_decompressing() const { return impl_->is_decompressing(); }

}  // namespace news::corpus
