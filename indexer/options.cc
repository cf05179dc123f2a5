#include "indexer/options.h"

#include <boost/program_options.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace news::indexer {

namespace po = boost::program_options;

namespace {

// --memory-mb: what news-index may use for changes waiting to be
// committed. Xapian's buffers take about this many bytes per byte of body
// text (positions, postings and the stored document), measured on news.
constexpr std::uint64_t kDefaultMemoryMb = 1024;
constexpr std::uint64_t kMemoryPerTextByte = 8;

constexpr char kUsage[] =
    "Usage: news-index -d DATABASE [options] PATH...\n"
    "       news-index --extract-only [--format text|jsonl] [options] PATH...\n"
    "\n"
    "Indexes scraped news files (folders are walked recursively) into a\n"
    "Xapian database. Running it again indexes only new and changed files.\n"
    "Inputs: text dumps (.txt), HTML pages (.html, .htm), JSON Lines and\n"
    "JSON arrays (.jsonl, .ndjson, .json), CSV and TSV with a header row\n"
    "(.csv, .tsv), web archives (.warc), each also gzip-compressed (.gz);\n"
    "files without extension are recognised by their content.\n";

constexpr char kExitCodes[] =
    "\nExit codes:\n"
    "  0  done\n"
    "  1  done, but some files or records were skipped (see messages)\n"
    "  2  usage error\n"
    "  3  fatal I/O or database error (work committed so far is kept)\n";

}  // namespace

Result<ParsedIndexOptions> parse_index_options(int argc,
                                               const char* const* argv) {
  ParsedIndexOptions parsed;
  IndexOptions& options = parsed.options;
  std::string progress = "auto";
  std::string extract_format = "text";
  std::vector<std::string> field_overrides;
  std::string compact = "auto";
  std::uint64_t memory_mb = kDefaultMemoryMb;
  po::options_description visible("Options");
  visible.add_options()("help,h", "show this help and exit")(
      "version", "show the version and exit")(
      "db,d", po::value(&options.writer.database_path)->value_name("DIR"),
      "the Xapian database to create or update (required)")(
      "from-list",
      po::value(&options.corpus.path_list_file)->value_name("FILE"),
      "also index the paths listed in FILE, one per line ('-' = stdin)")(
      "outlet", po::value(&options.corpus.outlet)->value_name("NAME"),
      "outlet of every article whose own data names none (overrides text "
      "evidence such as a 'Support X' banner)")(
      "outlet-from-dir", po::bool_switch(&options.corpus.is_outlet_from_dir),
      "take the outlet from the first folder under each PATH when nothing "
      "better names it (folder names are often dates or batch ids, so this "
      "is off by default)")(
      "outlets", po::value(&options.corpus.outlets_file)->value_name("FILE"),
      "outlet names for URL hosts, one 'host,name' (or tab-separated) line "
      "each, '#' comments: added to the built-in table of common outlets "
      "and winning over it; a host covers its subdomains")(
      "manifest", po::value(&options.corpus.manifest_path)->value_name("FILE"),
      "metadata of files that carry none (text dumps): a CSV, TSV or JSON "
      "Lines table with a path (or file, filename, textid) column and url, "
      "outlet, date, title, author, lang columns; a row applies to the file "
      "of that path, file name, or name without extension")(
      "field",
      po::value(&field_overrides)->composing()->value_name("NAME=COLUMN"),
      "in JSON, CSV and TSV records (and the manifest) take article field "
      "NAME (body, title, outlet, date, url, author, lang) from COLUMN "
      "instead of the usual names (repeatable)")(
      "extract-only", po::bool_switch(&options.is_extract_only),
      "print for every input article what would be indexed (source, title, "
      "outlet, date, authors, url, language, body, and the rule behind "
      "each) and write no database; -d is not needed")(
      "format", po::value(&extract_format)->default_value("text"),
      "output of --extract-only: text (for people) or jsonl (one JSON "
      "object per article, see docs/output-format.md)")(
      "lang", po::value(&options.corpus.language)->default_value("en"),
      "language of the texts (ISO 639-1), chooses the stemmer")(
      "batch-size",
      po::value(&options.writer.batch_documents)->default_value(300),
      "commit after this many documents (small commits are faster with "
      "Xapian and use less memory)")(
      "progress", po::value(&progress)->default_value("auto"),
      "progress line on stderr: auto (when a terminal), always, never")(
      "reextract", po::bool_switch(&options.is_reextract),
      "extract and index every file again, unchanged ones and those that "
      "gave nothing included (after upgrading news-index: its extraction "
      "may have improved)")(
      "prune", po::bool_switch(&options.is_prune),
      "remove the articles of files that were indexed from under PATH "
      "before and are gone now")(
      "strict", po::bool_switch(&options.is_strict),
      "stop at the first file or record that cannot be indexed (exit 3)")(
      "check", po::bool_switch(&options.is_check),
      "verify the database (-d) with Xapian's checker and exit: 0 when "
      "sound, 3 when damaged")(
      "compact", po::value(&compact)->default_value("auto"),
      "rewrite the index compactly at the end (about half the size): "
      "auto (after a first build), always, never")(
      "threads", po::value(&options.threads)->default_value(0),
      "worker threads that read and analyse files (0: one per core); one "
      "more thread writes the index")(
      "shards", po::value(&options.shards)->default_value(0),
      "a first build writes this many databases in parallel and merges "
      "them at the end (0: one per thread when it reads at least 16 MB; "
      "1: one database, searchable after each commit)")(
      "shard-documents",
      po::value(&options.shard_documents)
          ->default_value(kDefaultShardDocuments),
      "documents per shard of a parallel first build: a writer whose shard "
      "is this full starts a new one (a big shard makes every commit "
      "rewrite much of it)")(
      "memory-mb", po::value(&memory_mb)->default_value(kDefaultMemoryMb),
      "memory for text waiting to be committed, shared by the writers: "
      "larger commits are faster")(
      "quiet,q", po::bool_switch(&options.is_quiet),
      "no progress and no summary; problems are still reported");
  po::options_description hidden;
  hidden.add_options()("path", po::value(&options.corpus.roots));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);

  po::variables_map values;
  try {
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .run(),
              values);
    po::notify(values);
  } catch (const po::error& error) {
    return Error::usage(error.what());
  }
  if (values.count("help")) {
    std::ostringstream help;
    help << kUsage << "\n" << visible << kExitCodes;
    parsed.text_to_print = help.str();
    return parsed;
  }
  if (values.count("version")) {
    parsed.text_to_print = std::string("news-index ") + NEWS_VERSION + "\n";
    return parsed;
  }
  for (const std::string& text : field_overrides) {
    Result<corpus::FieldOverride> parsed_field =
        corpus::parse_field_override(text);
    if (!parsed_field.ok()) return parsed_field.error();
    options.corpus.field_overrides.push_back(std::move(parsed_field).value());
  }
  if (extract_format == "text") {
    options.extract_format = ExtractFormat::kText;
  } else if (extract_format == "jsonl") {
    options.extract_format = ExtractFormat::kJsonl;
  } else {
    return Error::usage("--format must be text or jsonl, not '" +
                        extract_format + "'");
  }
  if (!values["format"].defaulted() && !options.is_extract_only) {
    return Error::usage("--format applies to --extract-only only");
  }
  if (options.is_extract_only) {
    if (options.is_check) {
      return Error::usage("--extract-only and --check exclude each other");
    }
    if (options.corpus.roots.empty() && options.corpus.path_list_file.empty()) {
      return Error::usage(
          "nothing to extract: give PATH... or --from-list FILE");
    }
    return parsed;
  }
  if (options.writer.database_path.empty()) {
    return Error::usage("no database given (-d DIR)");
  }
  if (options.is_check) return parsed;
  if (options.corpus.roots.empty() && options.corpus.path_list_file.empty()) {
    return Error::usage("nothing to index: give PATH... or --from-list FILE");
  }
  if (options.writer.batch_documents == 0) {
    return Error::usage("--batch-size must be at least 1");
  }
  // Boost reads "-1" into an unsigned as a huge count: caught here.
  if (options.threads > 256) {
    return Error::usage("--threads must be between 0 and 256");
  }
  if (options.shards > 256) {
    return Error::usage("--shards must be between 0 and 256");
  }
  if (options.shard_documents < 1) {
    return Error::usage("--shard-documents must be at least 1");
  }
  if (memory_mb < 16 || memory_mb > (1ULL << 20)) {
    return Error::usage("--memory-mb must be between 16 and 1048576");
  }
  options.writer.batch_bytes = memory_mb * (1ULL << 20) / kMemoryPerTextByte;
  if (compact == "auto") {
    options.compact = IndexOptions::Compact::kAuto;
  } else if (compact == "always") {
    options.compact = IndexOptions::Compact::kAlways;
  } else if (compact == "never") {
    options.compact = IndexOptions::Compact::kNever;
  } else {
    return Error::usage("--compact must be auto, always or never, not '" +
                        compact + "'");
  }
  if (progress == "auto") {
    options.progress = Progress::kAuto;
  } else if (progress == "always") {
    options.progress = Progress::kAlways;
  } else if (progress == "never") {
    options.progress = Progress::kNever;
  } else {
    return Error::usage("--progress must be auto, always or never, not '" +
                        progress + "'");
  }
  options.writer.language = options.corpus.language;
  return parsed;
}

}  // namespace news::indexer
