#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "corpus/readers/jsonl_reader.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"
#include "tests/fuzz/reader_checks.h"

namespace news::fuzz {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_json_space(const char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_blank(const std::string_view line) {
  return std::all_of(line.begin(), line.end(), is_json_space);
}

// JSON Lines: every line with text gives a document or a problem, with its
// line number; no other line does.
bool are_lines_accounted(const std::string_view content,
                         const ReadOutcome& read) {
  std::set<std::uint64_t> lines_with_text;
  std::uint64_t number = 0;
  std::size_t start = 0;
  while (start < content.size()) {
    const std::size_t newline = content.find('\n', start);
    const std::size_t end =
        newline == std::string_view::npos ? content.size() : newline;
    ++number;
    if (!is_blank(content.substr(start, end - start))) {
      lines_with_text.insert(number);
    }
    start = end + 1;
  }
  const std::set<std::uint64_t> accounted(read.event_records.begin(),
                                          read.event_records.end());
  return accounted == lines_with_text;
}

// A JSON array or objects one after the other: records are numbered 1..n
// without a gap, each giving a document or a problem; no more records than
// commas or objects allow.
bool are_records_accounted(const std::string_view content,
                           const ReadOutcome& read) {
  const std::set<std::uint64_t> accounted(read.event_records.begin(),
                                          read.event_records.end());
  if (accounted.empty()) return true;
  if (*accounted.begin() != 1 || *accounted.rbegin() != accounted.size()) {
    return false;
  }
  const auto count = [&](char c) {
    return static_cast<std::uint64_t>(
        std::count(content.begin(), content.end(), c));
  };
  return accounted.size() <= std::max(count(',') + 1, count('{'));
}

void check_jsonl_read(const corpus::InputFile& file, std::string_view content,
                      const ReadOutcome& read) {
  check_read(file, read, corpus::Format::kJsonl, false);
  // A leading byte-order mark is ignored (and has no newline: the line
  // numbers stay the same without it).
  if (content.substr(0, kBom.size()) == kBom)
    content.remove_prefix(kBom.size());
  const std::size_t first = content.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && content[first] == '[') {
    check(are_records_accounted(content, read),
          "array elements are numbered 1..n, each accounted for");
  } else if (first != std::string_view::npos && content[first] == '{') {
    // Objects on several lines, or wrapping their records, are counted as
    // records; others are JSON Lines.
    check(are_lines_accounted(content, read) ||
              are_records_accounted(content, read),
          "every line or every record gives a document or a problem");
  } else {
    check(are_lines_accounted(content, read),
          "every line with text gives a document or a problem");
  }
  // Field text: at most U+FFFD (3 bytes) per input byte, a number written
  // out in full ("1e15") and NFC's growth.
  std::uint64_t value_bytes = 0;
  for (const corpus::RawDocument& document : read.documents) {
    for (const corpus::RecordField& field : document.fields) {
      value_bytes += field.value.size();
    }
  }
  check(value_bytes <= 8 * content.size() + 1024, "field text stays bounded");
}

}  // namespace

void fuzz_jsonl(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const corpus::InputFile file = write_input(
      "input.jsonl", bytes, corpus::Format::kJsonl, corpus::Compression::kNone);
  static const corpus::JsonlReader reader;
  const ReadOutcome read = read_all(reader, file);
  check_jsonl_read(file, bytes, read);

  // A last byte with its two low bits clear: the same content with a record
  // cap of a few bytes, so the over-long paths run; its documents are some
  // of the uncapped ones.
  const std::uint8_t last = size == 0 ? 1 : data[size - 1];
  if ((last & 3) == 0) {
    corpus::RecordReaderOptions options;
    options.max_record_bytes = 8 + (last >> 2);
    const ReadOutcome capped = read_all(corpus::JsonlReader(options), file);
    check_jsonl_read(file, bytes, capped);
    for (const corpus::RawDocument& document : capped.documents) {
      const bool is_also_uncapped =
          std::any_of(read.documents.begin(), read.documents.end(),
                      [&](const corpus::RawDocument& other) {
                        return other.source.record == document.source.record &&
                               other.fields.size() == document.fields.size();
                      });
      check(is_also_uncapped, "a record cap only takes records away");
    }
  }

  check_gzip_is_transparent(reader, bytes, "input.jsonl",
                            corpus::Format::kJsonl, read);
  check_articles(file, read);
}

}  // namespace news::fuzz
