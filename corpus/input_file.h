// InputFile: one file found by the SourceWalker, with what the readers and
// the incremental indexer need to know about it before opening it.
#pragma once

#include <cstdint>
#include <string>

namespace news::corpus {

enum class Format {
  kText,   // scraped text dump (.txt, or text that is no other format)
  kHtml,   // one HTML page (.html, .htm, or sniffed)
  kJsonl,  // JSON Lines or a JSON array of records (.jsonl .ndjson .json)
  kCsv,    // CSV with a header row (.csv)
  kTsv,    // TSV with a header row (.tsv)
  kWarc,   // web archive (.warc; .warc.gz is kWarc + kGzip)
};

// "txt", "html", "jsonl", "csv", "tsv", "warc".
const char* format_name(Format format);

// How the file's bytes are stored; the reading layer undoes it, so readers
// see the content whatever the compression.
enum class Compression {
  kNone,
  kGzip,  // name ends in ".gz"; one or more gzip members (RFC 1952)
};

struct InputFile {
  std::string path;  // as found (root joined with the relative part)
  std::string root;  // the root argument it was found under ("" for lists)
  Format format = Format::kText;  // of the content (decompressed)
  Compression compression = Compression::kNone;
  std::uint64_t size_bytes = 0;  // on disk (compressed)
  std::int64_t mtime_seconds = 0;
};

}  // namespace news::corpus
