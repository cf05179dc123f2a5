#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "common/text/utf8.h"
#include "corpus/readers/warc_reader.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"
#include "tests/fuzz/reader_checks.h"

namespace news::fuzz {
namespace {

// A page is at most the block cap, or what inflating a gzip/deflate
// content coding may give (64 MiB, plus the last piece inflated).
constexpr std::uint64_t kMaxPageBytes = (std::uint64_t{64} << 20) + (256 << 10);

void check_warc_read(const corpus::InputFile& file, const ReadOutcome& read) {
  check_read(file, read, corpus::Format::kHtml, false);
  for (const corpus::RawDocument& document : read.documents) {
    check(document.fields.empty(), "a WARC page has no record fields");
    check(text::is_valid_utf8(document.target_url),
          "a WARC target URI is valid UTF-8");
    check(document.bytes.size() <= kMaxPageBytes, "a WARC page stays bounded");
  }
}

bool reports_gzip_problem(const ReadOutcome& read) {
  return std::any_of(
      read.errors.begin(), read.errors.end(), [](const Error& error) {
        return error.source() && error.source()->record == 0 &&
               error.message().find(" gzip") != std::string::npos;
      });
}

}  // namespace

void fuzz_warc(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const corpus::WarcReader reader;

  // Input that starts with the gzip magic is a .warc.gz: it reads as its
  // content does when it is whole gzip data, and says what is wrong with
  // it otherwise.
  if (size >= 2 && data[0] == 0x1F && data[1] == 0x8B) {
    const corpus::InputFile file =
        write_input("input.warc.gz", bytes, corpus::Format::kWarc,
                    corpus::Compression::kGzip);
    const ReadOutcome read = read_all(reader, file);
    check_warc_read(file, read);
    if (const std::optional<std::string> content = gunzip(bytes)) {
      const corpus::InputFile plain =
          write_input("content.warc", *content, corpus::Format::kWarc,
                      corpus::Compression::kNone);
      check(same_reads(read, read_all(reader, plain)),
            "a .warc.gz reads as its content");
    } else {
      check(reports_gzip_problem(read), "bad gzip data is reported");
    }
    check_articles(file, read);
    return;
  }

  const corpus::InputFile file = write_input(
      "input.warc", bytes, corpus::Format::kWarc, corpus::Compression::kNone);
  const ReadOutcome read = read_all(reader, file);
  check_warc_read(file, read);

  // A last byte with its two low bits clear: a block cap of a few bytes;
  // it only takes pages away.
  const std::uint8_t last = size == 0 ? 1 : data[size - 1];
  if ((last & 3) == 0) {
    corpus::WarcReaderOptions options;
    options.max_block_bytes = 8 + (last >> 2);
    const ReadOutcome capped = read_all(corpus::WarcReader(options), file);
    check_warc_read(file, capped);
    for (const corpus::RawDocument& document : capped.documents) {
      const bool is_also_uncapped =
          std::any_of(read.documents.begin(), read.documents.end(),
                      [&](const corpus::RawDocument& other) {
                        return other.source.record == document.source.record &&
                               other.bytes == document.bytes;
                      });
      check(is_also_uncapped, "a block cap only takes pages away");
    }
  }

  check_gzip_is_transparent(reader, bytes, "input.warc", corpus::Format::kWarc,
                            read);
  check_articles(file, read);
}

}  // namespace news::fuzz
