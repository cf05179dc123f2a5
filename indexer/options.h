// Command-line options of news-index: argv -> IndexOptions. The only file
// of the indexer that uses Boost.Program_options.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "corpus/article_source.h"
#include "indexer/index_writer.h"
#include "indexer/sharded_build.h"

namespace news::indexer {

enum class Progress { kAuto, kAlways, kNever };

// What --extract-only prints (--format).
enum class ExtractFormat { kText, kJsonl };

struct IndexOptions {
  corpus::CorpusOptions corpus;
  WriterOptions writer;
  Progress progress = Progress::kAuto;
  bool is_quiet = false;
  bool is_prune = false;  // --prune: remove articles of deleted files
  // --reextract: extract every file again, unchanged ones included.
  bool is_reextract = false;
  bool is_strict = false;  // --strict: the first bad input is fatal
  bool is_check = false;   // --check: verify the database, index nothing
  // --compact: rewrite the database compactly at the end. kAuto does so
  // after a first build (into an empty database).
  enum class Compact { kAuto, kAlways, kNever } compact = Compact::kAuto;
  unsigned threads = 0;  // --threads: worker threads; 0 = one per core
  // --shards: parallel writers of a first build; 0 = one per thread when it
  // reads at least 16 MB, 1 = a single writer.
  unsigned shards = 0;
  // --shard-documents: a parallel first build's writer starts a new shard
  // after this many documents (all shards are merged at the end).
  std::uint64_t shard_documents = kDefaultShardDocuments;
  // --extract-only: print what would be indexed, write no database.
  bool is_extract_only = false;
  ExtractFormat extract_format = ExtractFormat::kText;  // --format
};

// What the command line asked for: run with options, or print text (help,
// version) and exit 0.
struct ParsedIndexOptions {
  IndexOptions options;
  std::string text_to_print;  // non-empty for --help and --version
};

// Parses argv. kUsage error for unknown flags, bad values or no input.
Result<ParsedIndexOptions> parse_index_options(int argc,
                                               const char* const* argv);

}  // namespace news::indexer
