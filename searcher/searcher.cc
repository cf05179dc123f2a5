#include "searcher/searcher.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string_view>
#include <utility>

#include "common/document_data.h"
#include "common/schema.h"
#include "searcher/query_builder.h"
#include "searcher/snippet.h"

namespace news::searcher {
namespace {

constexpr char kDefaultLanguage[] = "en";
constexpr int kMaxModifiedRetries = 2;

std::string reindex_hint() { return "re-index with news-index"; }

// Opens one index and checks its schema; its main language on success.
Result<std::string> open_checked(const std::string& path,
                                 Xapian::Database& database) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    return Error::index(path +
                        ": no such index (the path does not exist); build one "
                        "with news-index");
  }
  try {
    database = Xapian::Database(path, Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseOpeningError& error) {
    return Error::index(path + " is not a news-search index (" +
                        error.get_msg() + ")");
  } catch (const Xapian::Error& error) {
    return Error::index(path +
                        ": cannot open the index: " + error.get_description());
  }
  const std::string version = database.get_metadata(schema::kMetaSchemaVersion);
  if (version.empty()) {
    return Error::index(path +
                        " is not a news-search index (its metadata has no "
                        "schema version)");
  }
  if (version != std::to_string(schema::kVersion)) {
    return Error::index(path + " was built with schema version " + version +
                        "; this news-search reads version " +
                        std::to_string(schema::kVersion) + ": " +
                        reindex_hint());
  }
  const std::string analyzer = database.get_metadata(schema::kMetaAnalyzer);
  if (!analyzer.empty() && analyzer != text::Analyzer::settings_description()) {
    return Error::index(
        path + " was built with other text analysis settings (" + analyzer +
        "; this news-search uses " + text::Analyzer::settings_description() +
        "): " + reindex_hint());
  }
  std::string language = database.get_metadata(schema::kMetaMainLanguage);
  return language.empty() ? std::string(kDefaultLanguage) : language;
}

// The patterns of the wildcards in a parsed query ("defea" for "defea*",
// "Sdefea" for "title:defea*"). Xapian 1.4 neither reports wildcard
// expansions among a hit's matching terms nor exposes the pattern, so it is
// read from the query description, where it appears as
// "WILDCARD <combining operator> <pattern>".
std::vector<std::string> wildcard_patterns(const Xapian::Query& query) {
  constexpr std::string_view kMarker = "WILDCARD ";
  const std::string description = query.get_description();
  std::vector<std::string> patterns;
  std::size_t at = description.find(kMarker);
  while (at != std::string::npos) {
    const std::size_t op_end = description.find(' ', at + kMarker.size());
    if (op_end == std::string::npos) break;
    const std::size_t pattern_end = description.find_first_of(" )", op_end + 1);
    patterns.push_back(
        description.substr(op_end + 1, pattern_end - op_end - 1));
    at = description.find(kMarker, op_end);
  }
  return patterns;
}

// The index terms of a hit that the query matched, wildcard expansions
// included.
std::vector<std::string> matched_index_terms(
    const Xapian::Enquire& enquire, const Xapian::Database& database,
    const Xapian::MSetIterator& hit,
    const std::vector<std::string>& wildcards) {
  std::vector<std::string> terms(enquire.get_matching_terms_begin(hit),
                                 enquire.get_matching_terms_end(hit));
  for (const std::string& pattern : wildcards) {
    Xapian::TermIterator term = database.termlist_begin(*hit);
    term.skip_to(pattern);
    for (; term != database.termlist_end(*hit); ++term) {
      const std::string& name = *term;
      if (name.compare(0, pattern.size(), pattern) != 0) break;
      terms.push_back(name);
    }
  }
  return terms;
}

Hit make_hit(const Xapian::MSetIterator& item, std::size_t rank,
             const Xapian::Document& document, const MatchedTerms& matched,
             text::Analyzer& analyzer) {
  Hit hit;
  hit.rank = rank;
  hit.docid = *item;
  hit.weight = item.get_weight();
  hit.percent = item.get_percent();
  Result<Article> article = decode_document_data(document.get_data());
  if (article) {
    hit.id = article.value().id;
    hit.title = article.value().title;
    hit.outlet = article.value().outlet;
    hit.published = article.value().published;
    hit.path = article.value().source.path;
    hit.url = article.value().url;
    hit.snippet = make_snippet(article.value().body, matched, analyzer);
  } else {
    // A record we cannot read still shows what the value slots know.
    hit.outlet = document.get_value(schema::kSlotOutlet);
    hit.published = parse_iso_date(document.get_value(schema::kSlotPublished));
  }
  return hit;
}

FacetGroup count_facet(const std::string& name,
                       const Xapian::ValueCountMatchSpy& spy) {
  FacetGroup group;
  group.name = name;
  for (auto value = spy.values_begin(); value != spy.values_end(); ++value) {
    group.counts.push_back({*value, value.get_termfreq()});
  }
  std::sort(group.counts.begin(), group.counts.end(),
            [](const FacetCount& a, const FacetCount& b) {
              if (a.count != b.count) return a.count > b.count;
              return a.value < b.value;
            });
  return group;
}

}  // namespace

Searcher::Searcher(Xapian::Database database,
                   std::vector<std::string> database_paths,
                   std::string main_language)
    : database_(std::move(database)),
      database_paths_(std::move(database_paths)),
      main_language_(std::move(main_language)),
      analyzer_(main_language_) {}

Result<Searcher> Searcher::open(
    const std::vector<std::string>& database_paths) {
  if (database_paths.empty()) return Error::usage("no index given");
  Xapian::Database combined;
  std::optional<std::string> main_language;
  for (const std::string& path : database_paths) {
    Xapian::Database one;
    Result<std::string> language = open_checked(path, one);
    if (!language) return language.error();
    if (!main_language) main_language = language.value();
    combined.add_database(one);
  }
  return Searcher(std::move(combined), database_paths, *main_language);
}

Result<SearchResults> Searcher::search(const SearchRequest& request) {
  std::optional<text::Analyzer> other_language;
  if (!request.language.empty() && request.language != main_language_) {
    other_language.emplace(request.language);
  }
  text::Analyzer& analyzer = other_language ? *other_language : analyzer_;
  for (int attempt = 0;; ++attempt) {
    try {
      return search_once(request, analyzer);
    } catch (const Xapian::DatabaseModifiedError& error) {
      if (attempt == kMaxModifiedRetries) {
        return Error::index("the index kept changing while searching (" +
                            error.get_msg() + "); try again");
      }
      try {
        database_.reopen();
      } catch (const Xapian::Error& reopen_error) {
        return Error::index("cannot reopen the index: " +
                            reopen_error.get_description());
      }
    } catch (const Xapian::Error& error) {
      std::string paths;
      for (const std::string& path : database_paths_) {
        paths += (paths.empty() ? "" : ", ") + path;
      }
      return Error::index("searching " + paths +
                          " failed: " + error.get_description());
    }
  }
}

Result<SearchResults> Searcher::search_once(const SearchRequest& request,
                                            text::Analyzer& analyzer) {
  QueryBuilder builder(analyzer, database_);
  Result<Xapian::Query> query = builder.build(request);
  if (!query) return query.error();

  Xapian::Enquire enquire(database_);
  enquire.set_query(query.value());
  enquire.set_sort_by_relevance_then_value(schema::kSlotId, false);
  Xapian::ValueCountMatchSpy outlet_spy(schema::kSlotOutlet);
  enquire.add_matchspy(&outlet_spy);
  // Checking every document makes the total and the facet counts exact.
  const Xapian::doccount doc_count = database_.get_doccount();
  const auto clamp = [doc_count](std::size_t n) {
    return static_cast<Xapian::doccount>(std::min<std::size_t>(n, doc_count));
  };
  const Xapian::MSet mset =
      enquire.get_mset(clamp(request.offset), clamp(request.limit), doc_count);

  SearchResults results;
  results.summary.query = request.query;
  results.summary.parsed_query = query.value().get_description();
  results.summary.database_paths = database_paths_;
  results.summary.total_matches = mset.get_matches_estimated();
  results.summary.offset = request.offset;
  results.summary.limit = request.limit;

  const std::vector<std::string> wildcards = wildcard_patterns(query.value());
  std::size_t rank = request.offset;
  for (auto item = mset.begin(); item != mset.end(); ++item) {
    const MatchedTerms matched = classify_matched_terms(
        matched_index_terms(enquire, database_, item, wildcards));
    results.hits.push_back(
        make_hit(item, ++rank, item.get_document(), matched, analyzer));
  }
  results.facets.push_back(count_facet("outlet", outlet_spy));
  return results;
}

}  // namespace news::searcher
