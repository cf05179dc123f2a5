#include "searcher/options.h"

#include <boost/program_options.hpp>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "searcher/request_values.h"

namespace news::searcher {
namespace po = boost::program_options;
namespace {

// The flags as typed, before validation.
struct SearchOptions {
  std::vector<std::string> database_paths;
  std::vector<std::string> query_words;
  std::vector<std::string> outlets;
  std::vector<std::string> excluded_outlets;
  std::vector<std::string> sites;
  std::string from;
  std::string to;
  long long offset = 0;
  long long limit = 10;
  std::string sort = "relevance";
  std::string facets = "outlet";
  long long facet_limit = 0;
  std::string format = "text";
  std::string fields;
  std::string color = "auto";
  std::string language;
  std::string batch_path;
  std::string show_id;
  std::string provenance_path;
};

constexpr std::string_view kUsageLine =
    "Usage: news-search -d DB [-d DB...] [options] QUERY...\n"
    "       news-search -d DB --batch FILE|- [options]\n"
    "       news-search -d DB --stats | --show ID\n"
    "Searches news-search indexes built by news-index; prints the best "
    "matches.\n";

constexpr std::string_view kQuerySyntax = R"(
Query syntax (docs/query-language.md):
  words          all must match (default AND; --any: any); matching ignores
                 case, accents and apostrophes, and finds other word forms
                 ("defeat" also finds "defeated")
  "a phrase"     the words in this order, next to each other
  a OR b, a AND b, a NOT b, a XOR b, (grouping)   operators in capitals
  a NEAR b, a NEAR/5 b, a ADJ/5 b                 words within 10 (or N)
                 words of each other; ADJ also keeps their order
  +word -word    must / must not match
  NOT word       alone: every article without the word
  word*          any word starting with "word"
  title:word     the word in the title; title:"a phrase" too
  body:word      the word in the body
  outlet:name    only articles of that outlet (any case; quote a name with
                 spaces: outlet:"Russia Today")
  author:name    only articles by that author (author:"Jane Doe")
  site:host      only articles from that host (site:rt.com, "www." ignored)
  lang:code      only articles in that language (lang:en)
  url:URL        the article with that URL
  date:2019      published in 2019; date:2019-03, date:2019-03-01 too
  date:2019-03-01..2019-03-31   a range, both ends included; open ranges
                 date:..2018-12-31 and date:2019-03-01..
  Put "--" before a query that starts with "-".

Batch (--batch): one query per line, or one JSON object per line:
  {"id": "q1", "query": "...", "limit": 5, "offset": 0, "outlet": [...],
   "exclude_outlet": [...], "site": [...], "from": "2019", "to": "2019-06",
   "lang": "en", "sort": "-date", "facets": "outlet,year", "facet_limit": 5,
   "count": true, "any": true}
  Each query's block is tagged with its line number and id. Exit code: 2 if
  any query had an error (the others still run), else 0 if any matched.

Exit codes:
  0  matches found (--stats, --show: shown)
  1  no matches (--show: no such article)
  2  usage error or query syntax error
  3  index missing, unreadable or built with another schema version
)";

po::options_description visible_options(SearchOptions& options) {
  po::options_description visible("Options");
  const std::string formats = "text, json, jsonl, csv, tsv";
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
    ("exclude-outlet", po::value(&options.excluded_outlets)->value_name("NAME"),
     "no hits from this outlet (repeatable)")
    ("site", po::value(&options.sites)->value_name("HOST"),
     "only hits from this URL host (repeat for any of several)")
    ("from", po::value(&options.from)->value_name("DATE"),
     "only articles published on or after DATE (YYYY, YYYY-MM or "
     "YYYY-MM-DD); undated articles drop out")
    ("to", po::value(&options.to)->value_name("DATE"),
     "only articles published on or before DATE (2019 means to 2019-12-31)")
    ("lang", po::value(&options.language)->value_name("CODE"),
     "only articles in this language (ISO 639-1), and stem query words in "
     "it (default: no filter, the index's main language's stemmer)")
    ("any", "match any of the words (default operator OR instead of AND)")
    ("sort", po::value(&options.sort)->value_name("ORDER")
                 ->default_value(options.sort),
     "relevance, date (oldest first) or -date (newest first); undated "
     "articles last, ties by article id")
    ("facets", po::value(&options.facets)->value_name("LIST")
                   ->default_value(options.facets),
     ("count values over all matches, exactly: comma-separated of " +
      facet_names() + "; none: no facets (the total is then an estimate)")
         .c_str())
    ("facet-limit", po::value(&options.facet_limit)->value_name("N")
                        ->default_value(options.facet_limit),
     "show the N most frequent values per facet (0: all)")
    ("count", "no hits: only the exact total and the facets")
    ("format", po::value(&options.format)->value_name("FORMAT")
                   ->default_value(options.format),
     ("output format: " + formats + " (see docs/output-format.md)").c_str())
    ("fields", po::value(&options.fields)->value_name("LIST"),
     ("hit members for json, jsonl, csv, tsv, in order: " + field_names() +
      " (body: the full clean text)").c_str())
    ("color", po::value(&options.color)->value_name("WHEN")
                  ->default_value(options.color),
     "text format: mark matched words in bold: auto (on a terminal), always "
     "or never (then they are marked **like this**)")
    ("batch", po::value(&options.batch_path)->value_name("FILE"),
     "run one query per line of FILE (- for stdin); see Batch below")
    ("stats", "describe the index: documents, outlets, languages, dates, "
              "size, schema")
    ("show", po::value(&options.show_id)->value_name("ID"),
     "show one article's stored fields and text (ID: its id, e.g. "
     "path:/data/a.txt or its URL, or a document number)")
    ("provenance", po::value(&options.provenance_path)->value_name("FILE"),
     "also write the provenance (tool, index fingerprint, parsed query, "
     "analyzer) as JSON to FILE; one line per query in batch mode");
  // clang-format on
  return visible;
}

Result<SearchRequest> validate(const SearchOptions& options,
                               const po::variables_map& values) {
  SearchRequest request;
  if (options.database_paths.empty()) {
    return Error::usage("no index given: use -d DB (see --help)");
  }
  request.database_paths = options.database_paths;
  for (const std::string& word : options.query_words) {
    if (!request.query.empty()) request.query += ' ';
    request.query += word;
  }
  if (options.limit < 0) return Error::usage("--limit must be 0 or more");
  if (options.offset < 0) return Error::usage("--offset must be 0 or more");
  if (options.facet_limit < 0) {
    return Error::usage("--facet-limit must be 0 or more");
  }
  request.limit = static_cast<std::size_t>(options.limit);
  request.offset = static_cast<std::size_t>(options.offset);
  request.facet_limit = static_cast<std::size_t>(options.facet_limit);
  request.outlets = options.outlets;
  request.excluded_outlets = options.excluded_outlets;
  request.sites = options.sites;
  if (!options.from.empty()) {
    Result<Date> from = parse_date_flag("--from", options.from, false);
    if (!from) return from.error();
    request.from = from.value();
  }
  if (!options.to.empty()) {
    Result<Date> to = parse_date_flag("--to", options.to, true);
    if (!to) return to.error();
    request.to = to.value();
  }
  if (request.from && request.to &&
      request.from->to_compact() > request.to->to_compact()) {
    return Error::usage("--from " + options.from + " is after --to " +
                        options.to);
  }
  request.language = options.language;
  request.is_any = values.count("any") != 0;
  request.is_count_only = values.count("count") != 0;
  Result<SortOrder> sort = parse_sort_order("--sort", options.sort);
  if (!sort) return sort.error();
  request.sort = sort.value();
  Result<std::vector<Facet>> facets =
      parse_facet_list("--facets", options.facets);
  if (!facets) return facets.error();
  request.facets = facets.value();
  Result<OutputFormat> format = parse_output_format("--format", options.format);
  if (!format) return format.error();
  request.format = format.value();
  if (values.count("fields") != 0) {
    Result<std::vector<HitField>> fields =
        parse_field_list("--fields", options.fields);
    if (!fields) return fields.error();
    request.fields = fields.value();
  }
  Result<ColorMode> color = parse_color_mode("--color", options.color);
  if (!color) return color.error();
  request.color = color.value();
  return request;
}

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
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
  Result<SearchRequest> request = validate(options, values);
  if (!request) return request.error();
  command_line.request = std::move(request).value();
  command_line.provenance_path = options.provenance_path;

  const int mode_count = static_cast<int>(values.count("batch")) +
                         static_cast<int>(values.count("stats")) +
                         static_cast<int>(values.count("show"));
  if (mode_count > 1) {
    return Error::usage("--batch, --stats and --show exclude each other");
  }
  const bool has_query = !is_blank(command_line.request.query);
  if (mode_count == 1 && has_query) {
    return Error::usage(
        "query words are not used with --batch, --stats or --show (got \"" +
        command_line.request.query + "\")");
  }
  if (values.count("batch") != 0) {
    command_line.action = CommandLine::Action::kBatch;
    command_line.batch_path = options.batch_path;
  } else if (values.count("stats") != 0) {
    command_line.action = CommandLine::Action::kStats;
  } else if (values.count("show") != 0) {
    command_line.action = CommandLine::Action::kShow;
    command_line.show_id = options.show_id;
  } else if (!has_query) {
    return Error::usage("no query given (see --help for the query syntax)");
  }
  return command_line;
}

}  // namespace news::searcher
