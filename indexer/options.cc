#include "indexer/options.h"

#include <boost/program_options.hpp>
#include <sstream>

namespace news::indexer {

namespace po = boost::program_options;

namespace {

constexpr char kUsage[] =
    "Usage: news-index -d DATABASE [options] PATH...\n"
    "\n"
    "Indexes scraped news files (folders are walked recursively) into a\n"
    "Xapian database. Running it again indexes only new and changed files.\n";

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
      "lang", po::value(&options.corpus.language)->default_value("en"),
      "language of the texts (ISO 639-1), chooses the stemmer")(
      "batch-size",
      po::value(&options.writer.batch_documents)->default_value(2000),
      "commit after this many documents")(
      "progress", po::value(&progress)->default_value("auto"),
      "progress line on stderr: auto (when a terminal), always, never")(
      "prune", po::bool_switch(&options.is_prune),
      "remove the articles of files that were indexed from under PATH "
      "before and are gone now")(
      "strict", po::bool_switch(&options.is_strict),
      "stop at the first file or record that cannot be indexed (exit 3)")(
      "check", po::bool_switch(&options.is_check),
      "verify the database (-d) with Xapian's checker and exit: 0 when "
      "sound, 3 when damaged")(
      "threads", po::value(&options.threads)->default_value(0),
      "worker threads that read and analyse files (0: one per core); one "
      "more thread writes the index")(
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
