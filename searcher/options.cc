#include "searcher/options.h"

#include <array>
#include <boost/program_options.hpp>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

namespace news::searcher {
namespace po = boost::program_options;
namespace {

// The flags as typed, before validation.
struct SearchOptions {
  std::vector<std::string> database_paths;
  std::vector<std::string> query_words;
  std::vector<std::string> outlets;
  long long offset = 0;
  long long limit = 10;
  std::string format = "text";
  std::string color = "auto";
  std::string language;
};

constexpr std::array<std::pair<std::string_view, OutputFormat>, 2> kFormats = {
    {{"text", OutputFormat::kText}, {"json", OutputFormat::kJson}}};
constexpr std::array<std::pair<std::string_view, ColorMode>, 3> kColorModes = {
    {{"auto", ColorMode::kAuto},
     {"always", ColorMode::kAlways},
     {"never", ColorMode::kNever}}};

constexpr std::string_view kUsageLine =
    "Usage: news-search -d DB [-d DB...] [options] QUERY...\n"
    "Searches news-search indexes built by news-index; prints the best "
    "matches.\n";

constexpr std::string_view kQuerySyntax = R"(
Query syntax:
  words          all must match (default AND); matching ignores case,
                 accents and apostrophes, and finds other word forms
                 ("defeat" also finds "defeated")
  "a phrase"     the words in this order, next to each other
  a OR b, a AND b, a NOT b, a XOR b, (grouping)   operators in capitals
  a NEAR b, a NEAR/5 b, a ADJ b                   words within 10 (or N)
                 words of each other; ADJ also keeps their order
  +word -word    must / must not match
  NOT word       alone: every article without the word
  word*          any word starting with "word"
  title:word     the word in the title; title:"a phrase" too
  outlet:name    only articles of that outlet (any case; quote a name with
                 spaces: outlet:"Russia Today")
  Put "--" before a query that starts with "-".

Exit codes:
  0  matches found
  1  no matches
  2  usage error or query syntax error
  3  index missing, unreadable or built with another schema version
)";

po::options_description visible_options(SearchOptions& options) {
  po::options_description visible("Options");
  // clang-format off
  visible.add_options()
    ("help,h", "show this help and exit")
    ("version", "show the version and exit")
    ("db,d", po::value(&options.database_paths)->value_name("DB"),
     "index folder to search (required; repeat to search several as one)")
    ("limit,n", po::value(&options.limit)->value_name("N")
                    ->default_value(options.limit),
     "show at most N hits (0: only counts and facets)")
    ("offset", po::value(&options.offset)->value_name("N")
                   ->default_value(options.offset),
     "skip the first N hits (for paging)")
    ("outlet", po::value(&options.outlets)->value_name("NAME"),
     "only hits from this outlet, any case (repeat for any of several)")
    ("format", po::value(&options.format)->value_name("FORMAT")
                   ->default_value(options.format),
     "output format: text (for people) or json (one JSON document, see "
     "docs/output-format.md)")
    ("color", po::value(&options.color)->value_name("WHEN")
                  ->default_value(options.color),
     "text format: mark matched words in bold: auto (on a terminal), always "
     "or never (then they are marked **like this**)")
    ("lang", po::value(&options.language)->value_name("CODE"),
     "ISO 639-1 language of the query words' stemmer (default: the index's "
     "main language)");
  // clang-format on
  return visible;
}

template <typename Enum, std::size_t N>
Result<Enum> parse_named(
    std::string_view flag, const std::string& value,
    const std::array<std::pair<std::string_view, Enum>, N>& table) {
  std::string valid;
  for (const auto& [name, meaning] : table) {
    if (name == value) return meaning;
    if (!valid.empty()) valid += ", ";
    valid += name;
  }
  return Error::usage(std::string(flag) + " must be one of: " + valid +
                      " (got \"" + value + "\")");
}

Result<SearchRequest> validate(const SearchOptions& options) {
  SearchRequest request;
  if (options.database_paths.empty()) {
    return Error::usage("no index given: use -d DB (see --help)");
  }
  request.database_paths = options.database_paths;
  for (const std::string& word : options.query_words) {
    if (!request.query.empty()) request.query += ' ';
    request.query += word;
  }
  if (request.query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::usage("no query given (see --help for the query syntax)");
  }
  if (options.limit < 0) return Error::usage("--limit must be 0 or more");
  if (options.offset < 0) return Error::usage("--offset must be 0 or more");
  request.limit = static_cast<std::size_t>(options.limit);
  request.offset = static_cast<std::size_t>(options.offset);
  request.outlets = options.outlets;
  Result<OutputFormat> format =
      parse_named("--format", options.format, kFormats);
  if (!format) return format.error();
  request.format = format.value();
  Result<ColorMode> color = parse_named("--color", options.color, kColorModes);
  if (!color) return color.error();
  request.color = color.value();
  request.language = options.language;
  return request;
}

}  // namespace

std::string help_text() {
  SearchOptions defaults;
  std::ostringstream text;
  text << kUsageLine << '\n' << visible_options(defaults) << kQuerySyntax;
  return text.str();
}

Result<CommandLine> parse_command_line(int argc, const char* const argv[]) {
  SearchOptions options;
  po::options_description all = visible_options(options);
  all.add_options()("query", po::value(&options.query_words));
  po::positional_options_description positional;
  positional.add("query", -1);

  po::variables_map values;
  try {
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .run(),
              values);
    po::notify(values);
  } catch (const po::error& error) {
    return Error::usage(std::string(error.what()) + " (see --help)");
  }

  CommandLine command_line;
  if (values.count("help") != 0) {
    command_line.action = CommandLine::Action::kShowMessage;
    command_line.message = help_text();
    return command_line;
  }
  if (values.count("version") != 0) {
    command_line.action = CommandLine::Action::kShowMessage;
    command_line.message = std::string("news-search ") + NEWS_VERSION + '\n';
    return command_line;
  }
  Result<SearchRequest> request = validate(options);
  if (!request) return request.error();
  command_line.request = std::move(request).value();
  return command_line;
}

}  // namespace news::searcher
