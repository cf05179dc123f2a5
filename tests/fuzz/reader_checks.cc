#include "tests/fuzz/reader_checks.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>
#include <utility>

#include "common/article.h"
#include "common/text/utf8.h"
#include "corpus/article_source.h"
#include "tests/corpus/record_test_util.h"
#include "tests/fuzz/fuzz_check.h"

namespace news::fuzz {
namespace {

// The folder the inputs are written to, removed when the process ends
// normally (a crash leaves a few KiB behind).
class InputFolder {
 public:
  InputFolder()
      : path_(std::filesystem::temp_directory_path() /
              ("news-fuzz-readers-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~InputFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  InputFolder(const InputFolder&) = delete;
  InputFolder& operator=(const InputFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// No output grows past this while a test gunzips (a gzip bomb stays cheap).
constexpr std::size_t kMaxGunzipBytes = std::size_t{16} << 20;

bool same_documents(const corpus::RawDocument& a,
                    const corpus::RawDocument& b) {
  if (a.source.record != b.source.record ||
      a.source.byte_offset != b.source.byte_offset || a.format != b.format ||
      a.bytes != b.bytes || a.declared_charset != b.declared_charset ||
      a.partial_reason != b.partial_reason || a.target_url != b.target_url ||
      a.capture_date != b.capture_date || a.fields.size() != b.fields.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.fields.size(); ++i) {
    if (a.fields[i].name != b.fields[i].name ||
        a.fields[i].value != b.fields[i].value) {
      return false;
    }
  }
  return true;
}

bool same_errors(const Error& a, const Error& b) {
  if (a.code() != b.code() || a.message() != b.message() ||
      a.source().has_value() != b.source().has_value()) {
    return false;
  }
  return !a.source() || (a.source()->record == b.source()->record &&
                         a.source()->byte_offset == b.source()->byte_offset);
}

class CollectingSink final : public ErrorSink {
 public:
  explicit CollectingSink(ReadOutcome& outcome) : outcome_(outcome) {}
  void report(const Error& error) override {
    outcome_.errors.push_back(error);
    if (error.source() && error.source()->record > 0) {
      outcome_.event_records.push_back(error.source()->record);
    }
  }

 private:
  ReadOutcome& outcome_;
};

void check_names_file(const corpus::InputFile& file, const Error& error) {
  check(error.source().has_value() && error.source()->path == file.path,
        "a problem names the file read");
}

std::map<std::uint64_t, std::size_t> errors_by_record(
    const std::vector<Error>& errors) {
  std::map<std::uint64_t, std::size_t> counts;
  for (const Error& error : errors) {
    if (error.source()) ++counts[error.source()->record];
  }
  return counts;
}

}  // namespace

corpus::InputFile write_input(std::string_view name, std::string_view bytes,
                              corpus::Format format,
                              corpus::Compression compression) {
  static const InputFolder folder;
  corpus::InputFile file;
  file.path = (folder.path() / std::string(name)).string();
  file.root = folder.path().string();
  file.format = format;
  file.compression = compression;
  file.size_bytes = bytes.size();
  std::ofstream out(file.path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  check(static_cast<bool>(out), "the fuzz input can be written");
  return file;
}

std::optional<std::string> gunzip(std::string_view bytes) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return std::nullopt;
  stream.next_in =
      reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));  // zlib API
  stream.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  bool is_complete = false;
  char piece[16384];
  while (out.size() <= kMaxGunzipBytes) {
    stream.next_out = reinterpret_cast<Bytef*>(piece);
    stream.avail_out = sizeof piece;
    const int status = inflate(&stream, Z_NO_FLUSH);
    out.append(piece, sizeof piece - stream.avail_out);
    if (status == Z_STREAM_END) {
      if (stream.avail_in == 0) {
        is_complete = true;
        break;
      }
      inflateReset(&stream);  // another member follows
      continue;
    }
    if (status != Z_OK) break;
  }
  inflateEnd(&stream);
  if (!is_complete) return std::nullopt;
  return out;
}

ReadOutcome read_all(const corpus::Reader& reader,
                     const corpus::InputFile& file) {
  ReadOutcome outcome;
  CollectingSink sink(outcome);
  try {
    reader.read_each(file, sink, [&outcome](corpus::RawDocument&& document) {
      outcome.event_records.push_back(document.source.record);
      outcome.documents.push_back(std::move(document));
    });
  } catch (...) {
    check(false, "no exception escapes Reader::read_each");
  }
  return outcome;
}

void check_read(const corpus::InputFile& file, const ReadOutcome& read,
                const corpus::Format document_format,
                const bool is_order_loose) {
  const corpus::RawDocument* previous = nullptr;
  for (const corpus::RawDocument& document : read.documents) {
    check(document.source.path == file.path, "a document names the file read");
    check(document.format == document_format, "a document has its format");
    check(document.size_bytes == file.size_bytes,
          "a document has its file's size");
    check(document.source.record > 0, "a document has a 1-based record");
    if (previous != nullptr) {
      check(document.source.record > previous->source.record,
            "record numbers increase");
      check(document.source.byte_offset > previous->source.byte_offset,
            "byte offsets increase");
    }
    for (const corpus::RecordField& field : document.fields) {
      check(text::is_valid_utf8(field.name), "a field name is valid UTF-8");
      check(text::is_valid_utf8(field.value), "a field value is valid UTF-8");
    }
    previous = &document;
  }
  for (const Error& error : read.errors) {
    check_names_file(file, error);
    check(
        error.code() == ErrorCode::kBadInput || error.code() == ErrorCode::kIo,
        "a reader reports kBadInput or kIo");
    check(!error.message().empty() &&
              error.message().find('\n') == std::string::npos,
          "a problem reads as one line");
  }
  if (!is_order_loose) {
    check(std::is_sorted(read.event_records.begin(), read.event_records.end()),
          "documents and problems come in record order");
    check(std::adjacent_find(read.event_records.begin(),
                             read.event_records.end()) ==
              read.event_records.end(),
          "a record gives one document or one problem, not both or two");
  }
}

bool same_reads(const ReadOutcome& a, const ReadOutcome& b) {
  if (a.documents.size() != b.documents.size() ||
      a.errors.size() != b.errors.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.documents.size(); ++i) {
    if (!same_documents(a.documents[i], b.documents[i])) return false;
  }
  for (std::size_t i = 0; i < a.errors.size(); ++i) {
    if (!same_errors(a.errors[i], b.errors[i])) return false;
  }
  return true;
}

void check_gzip_is_transparent(const corpus::Reader& reader,
                               std::string_view content, std::string_view name,
                               const corpus::Format format,
                               const ReadOutcome& plain) {
  const std::string compressed = testing::gzip_member(std::string(content));
  const corpus::InputFile zipped =
      write_input(std::string(name) + ".gz", compressed, format,
                  corpus::Compression::kGzip);
  const ReadOutcome unzipped = read_all(reader, zipped);
  for (const Error& error : unzipped.errors) check_names_file(zipped, error);
  check(same_reads(plain, unzipped), "gzip content reads as the plain content");

  // Cut inside the data (past the 10-byte gzip header, before its end).
  constexpr std::size_t kHeaderBytes = 10;
  const std::size_t cut_at =
      kHeaderBytes +
      (content.size() * 7919) % (compressed.size() - kHeaderBytes);
  const corpus::InputFile cut =
      write_input(std::string(name) + ".cut.gz",
                  std::string_view(compressed).substr(0, cut_at), format,
                  corpus::Compression::kGzip);
  const ReadOutcome truncated = read_all(reader, cut);
  for (const Error& error : truncated.errors) check_names_file(cut, error);
  // Unless the reader gave up on the file before the cut (and said so).
  const bool is_cut_reported = std::any_of(
      truncated.errors.begin(), truncated.errors.end(), [](const Error& error) {
        const std::string& message = error.message();
        return (error.source() && error.source()->record == 0 &&
                message.find("truncated gzip") != std::string::npos) ||
               message.find("file skipped") != std::string::npos ||
               message.find("the rest of the file") != std::string::npos;
      });
  check(is_cut_reported, "a cut gzip is reported for the file");
  check(truncated.documents.size() <= plain.documents.size(),
        "a cut gzip gives no more documents than the whole");
  for (std::size_t i = 0; i < truncated.documents.size(); ++i) {
    check(same_documents(truncated.documents[i], plain.documents[i]),
          "a cut gzip gives the documents before the cut, whole");
  }
}

void check_articles(const corpus::InputFile& file, const ReadOutcome& plain) {
  static const corpus::ArticleSource source{corpus::CorpusOptions{}};
  std::vector<Article> articles;
  ReadOutcome reports;
  CollectingSink sink(reports);
  try {
    source.read_articles_each(file, sink, [&articles](Article&& article) {
      articles.push_back(std::move(article));
    });
  } catch (...) {
    check(false, "no exception escapes ArticleSource::read_articles_each");
  }
  const std::map<std::uint64_t, std::size_t> reader_reports =
      errors_by_record(plain.errors);
  const std::map<std::uint64_t, std::size_t> all_reports =
      errors_by_record(reports.errors);
  const auto count_at = [](const std::map<std::uint64_t, std::size_t>& counts,
                           std::uint64_t record) {
    const auto found = counts.find(record);
    return found == counts.end() ? std::size_t{0} : found->second;
  };
  const bool is_file_skipped = std::any_of(
      reports.errors.begin(), reports.errors.end(), [](const Error& error) {
        return error.source() && error.source()->record == 0 &&
               error.message().find("file skipped") != std::string::npos;
      });

  std::size_t next = 0;  // index in articles
  for (const corpus::RawDocument& document : plain.documents) {
    const std::uint64_t record = document.source.record;
    if (next < articles.size() && articles[next].source.record == record) {
      ++next;
      continue;
    }
    check(is_file_skipped ||
              count_at(all_reports, record) > count_at(reader_reports, record),
          "a record without an article is reported with its record");
  }
  check(next == articles.size(),
        "every article comes from a record read, in record order");

  for (const Article& article : articles) {
    check(article.source.path == file.path, "an article names its file");
    check(!article.id.empty(), "an article has an id");
    check(!article.body.empty(), "an article has a body");
    check(!article.language.empty(), "an article has a language");
    check(text::is_valid_utf8(article.id), "id is valid UTF-8");
    check(text::is_valid_utf8(article.url), "url is valid UTF-8");
    check(text::is_valid_utf8(article.outlet), "outlet is valid UTF-8");
    check(text::is_valid_utf8(article.title), "title is valid UTF-8");
    check(text::is_valid_utf8(article.body), "body is valid UTF-8");
    for (const std::string& author : article.authors) {
      check(text::is_valid_utf8(author), "an author is valid UTF-8");
    }
    check(!article.published || article.published->is_valid(),
          "a published date is a real day");
    check(!article.crawled || article.crawled->is_valid(),
          "a crawl date is a real day");
  }
  for (const Error& error : reports.errors) check_names_file(file, error);
}

}  // namespace news::fuzz
