// Error values shared by every stage: one error type, a code that says what
// the caller should do, and a Result<T> that carries either a value or an
// Error. Readers, extractors and adapters return these instead of throwing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace news {

// Where a value or a problem comes from: a file, and inside it the 1-based
// record (line for JSONL/CSV, record index for WARC; 0 = the whole file) and
// the byte offset of that record.
struct SourceRef {
  std::string path;
  std::uint64_t record = 0;
  std::uint64_t byte_offset = 0;

  // "path" or "path:record", the path made printable (printable_path).
  std::string to_string() const;
};

// path as one printable line for messages: control characters become
// escapes ("\n", "\t", "\r", else "\x1B"), each byte of ill-formed UTF-8
// becomes "\xNN", and C1 controls and the line and paragraph separators
// become "\u0085", "\u2028", "\u2029". Everything else, backslashes
// included, is kept as is.
std::string printable_path(std::string_view path);

enum class ErrorCode {
  kUsage,        // bad flags or arguments: fix the command line
  kQuerySyntax,  // the query text cannot be parsed: fix the query
  kBadInput,     // one input file or record is unusable: it is skipped
  kIo,           // reading or writing a file failed
  kIndex,        // database missing, locked, corrupt or of another version
  kInternal,     // a bug
};

class Error {
 public:
  Error(ErrorCode code, std::string message,
        std::optional<SourceRef> source = {})
      : code_(code), message_(std::move(message)), source_(std::move(source)) {}

  static Error usage(std::string message) {
    return Error(ErrorCode::kUsage, std::move(message));
  }
  static Error query_syntax(std::string message) {
    return Error(ErrorCode::kQuerySyntax, std::move(message));
  }
  static Error bad_input(SourceRef source, std::string message) {
    return Error(ErrorCode::kBadInput, std::move(message), std::move(source));
  }
  static Error io(std::string message, std::optional<SourceRef> source = {}) {
    return Error(ErrorCode::kIo, std::move(message), std::move(source));
  }
  static Error index(std::string message) {
    return Error(ErrorCode::kIndex, std::move(message));
  }
  static Error internal(std::string message) {
    return Error(ErrorCode::kInternal, std::move(message));
  }

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::optional<SourceRef>& source() const { return source_; }

  // "file:record: message", or just the message when there is no source.
  std::string to_string() const;

 private:
  ErrorCode code_;
  std::string message_;
  std::optional<SourceRef> source_;
};

// Either a T or an Error. Check ok() before value(); value() on an error and
// error() on a value are programming errors.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// The value of a Result that has nothing to return but success.
struct Done {};
using Status = Result<Done>;

// Receives per-record problems while a run goes on. Implementations count and
// print them; callers never stop because of a report.
class ErrorSink {
 public:
  virtual ~ErrorSink() = default;
  virtual void report(const Error& error) = 0;
};

}  // namespace news
