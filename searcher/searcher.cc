#include "searcher/searcher.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "common/document_data.h"
#include "common/hash.h"
#include "common/schema.h"
#include "searcher/body_positions.h"
#include "searcher/query_builder.h"
#include "searcher/request_values.h"
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
  bool is_readable = false;
  for (int readable = schema::kOldestReadableVersion;
       readable <= schema::kVersion; ++readable) {
    if (version == std::to_string(readable)) is_readable = true;
  }
  if (!is_readable) {
    return Error::index(path + " was built with schema version " + version +
                        "; this news-search reads versions " +
                        std::to_string(schema::kOldestReadableVersion) +
                        " to " + std::to_string(schema::kVersion) + ": " +
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

// For each hit (document ids in rank order), the free-text index terms of the
// query that its document holds (what Enquire::get_matching_terms gives,
// less the terms classify_matched_terms ignores), wildcard expansions
// included. Each query term's posting list is walked once over the hits'
// document ids in ascending order: Enquire::get_matching_terms decodes
// every hit's whole term list instead (~0.25 ms for ten hits, more in a
// new process).
std::vector<std::vector<std::string>> matched_index_terms(
    const Xapian::Query& query, const Xapian::Database& database,
    const std::vector<Xapian::docid>& docids,
    const std::vector<std::string>& wildcards) {
  std::vector<std::size_t> by_docid(docids.size());
  for (std::size_t i = 0; i < by_docid.size(); ++i) by_docid[i] = i;
  std::sort(
      by_docid.begin(), by_docid.end(),
      [&](std::size_t a, std::size_t b) { return docids[a] < docids[b]; });
  std::vector<std::vector<std::string>> terms(docids.size());
  for (auto term = query.get_unique_terms_begin();
       term != query.get_unique_terms_end(); ++term) {
    const std::string& name = *term;
    // Boolean filter terms (dates, outlet...) are never highlighted.
    if (classify_matched_terms({name}).empty()) continue;
    Xapian::PostingIterator posting = database.postlist_begin(name);
    const Xapian::PostingIterator end = database.postlist_end(name);
    for (const std::size_t i : by_docid) {
      if (posting == end) break;
      posting.skip_to(docids[i]);
      if (posting != end && *posting == docids[i]) terms[i].push_back(name);
    }
  }
  // A word that is its own stem matches a stem term through its unprefixed
  // (or S) term (schema version 2): it counts as the stem term too, so the
  // snippet marks the stem's other forms as it did when the index held the
  // stem term.
  std::set<std::string> stem_terms;
  for (auto term = query.get_unique_terms_begin();
       term != query.get_unique_terms_end(); ++term) {
    if ((*term).size() > 1 && (*term)[0] == schema::kStemPrefix[0]) {
      stem_terms.insert(*term);
    }
  }
  for (std::vector<std::string>& matched : terms) {
    const std::size_t held = matched.size();
    for (std::size_t j = 0; j < held; ++j) {
      std::string as_stem = schema::kStemPrefix + matched[j];
      if (stem_terms.count(as_stem) != 0 &&
          std::find(matched.begin(), matched.end(), as_stem) == matched.end()) {
        matched.push_back(std::move(as_stem));
      }
    }
  }
  for (std::size_t i = 0; i < docids.size() && !wildcards.empty(); ++i) {
    for (const std::string& pattern : wildcards) {
      Xapian::TermIterator term = database.termlist_begin(docids[i]);
      term.skip_to(pattern);
      for (; term != database.termlist_end(docids[i]); ++term) {
        const std::string& name = *term;
        if (name.compare(0, pattern.size(), pattern) != 0) break;
        terms[i].push_back(name);
      }
    }
  }
  return terms;
}

void fill_from_article(const Article& article, Hit& hit) {
  hit.id = article.id;
  hit.title = article.title;
  hit.outlet = article.outlet;
  hit.published = article.published;
  hit.path = article.source.path;
  hit.url = article.url;
  hit.language = article.language;
  hit.authors = article.authors;
}

// A page of hits: mset[order[0]], mset[order[1]]...; the match counts of
// `totals`.
struct RankedHits {
  Xapian::MSet mset;
  std::vector<Xapian::doccount> order;
  Xapian::MSet totals;
};

// The hits first..first+limit in relevance order, equal weights in the
// order of the id slot, which stays the same when an index is rebuilt (its
// document ids need not). Xapian's set_sort_by_relevance_then_value reads
// the id slot of every candidate, a value lookup each (~40 of a one-query
// process's ~100 block reads). So this asks for relevance alone, with up to
// kTieProbe more hits on each side of the page, and orders equal weights by
// their id slot itself. A run of equal weights that a page edge cuts
// through is whole in that wider page unless it reaches the wider page's
// own edge (syndicated copies weigh the same, and so do all hits of a pure
// filter): only then does it ask again with Xapian's tie-break.
RankedHits rank_by_relevance(Xapian::Enquire& enquire, Xapian::doccount first,
                             Xapian::doccount limit,
                             Xapian::doccount check_at_least) {
  // Three hits either side see whole the runs of two to four copies, and
  // cost little: each more hit asked for weakens Xapian's pruning, which a
  // phrase query feels most (measured on a generated corpus with copies).
  constexpr Xapian::doccount kTieProbe = 3;
  const Xapian::doccount before = std::min(first, kTieProbe);
  const Xapian::doccount asked = before + limit + kTieProbe;
  RankedHits ranked;
  enquire.set_sort_by_relevance();
  ranked.mset = enquire.get_mset(first - before, asked, check_at_least);
  const Xapian::MSet& mset = ranked.mset;
  const Xapian::doccount size = mset.size();
  const Xapian::doccount begin = std::min(before, size);
  const Xapian::doccount end = std::min(before + limit, size);
  const auto weight = [&mset](Xapian::doccount i) {
    return mset[i].get_weight();
  };
  ranked.totals = mset;
  if (begin >= end) return ranked;
  // [low, high): the page widened to the whole runs its edges cut through.
  Xapian::doccount low = begin;
  while (low > 0 && weight(low - 1) == weight(begin)) --low;
  Xapian::doccount high = end;
  while (high < size && weight(high) == weight(end - 1)) ++high;
  const bool is_cut_before = low < begin && low == 0 && first > before;
  const bool is_cut_after = high > end && high == size && size == asked;
  if (is_cut_before || is_cut_after) {
    // The weights by rank do not depend on the tie-break: every hit of the
    // page weighs at least its last one's weight, and Xapian may skip (and
    // read no id for) any candidate below it. The totals stay the first
    // pass's: a cutoff would narrow them.
    enquire.set_sort_by_relevance_then_value(schema::kSlotId, false);
    enquire.set_cutoff(0, weight(end - 1));
    ranked.mset = enquire.get_mset(first, limit, check_at_least);
    for (Xapian::doccount i = 0; i < ranked.mset.size(); ++i) {
      ranked.order.push_back(i);
    }
    return ranked;
  }
  std::vector<Xapian::doccount> widened;
  for (Xapian::doccount i = low; i < high; ++i) widened.push_back(i);
  // Each run of equal weights in ascending order of the id slot.
  for (Xapian::doccount run = low; run < high;) {
    Xapian::doccount run_end = run + 1;
    while (run_end < high && weight(run_end) == weight(run)) ++run_end;
    if (run_end - run > 1) {
      std::vector<std::pair<std::string, Xapian::doccount>> keyed;
      for (Xapian::doccount i = run; i < run_end; ++i) {
        keyed.emplace_back(mset[i].get_document().get_value(schema::kSlotId),
                           i);
      }
      std::sort(keyed.begin(), keyed.end());
      for (Xapian::doccount i = run; i < run_end; ++i) {
        widened[i - low] = keyed[i - run].second;
      }
    }
    run = run_end;
  }
  ranked.order.assign(widened.begin() + (begin - low),
                      widened.begin() + (end - low));
  return ranked;
}

Hit make_hit(const Xapian::MSetIterator& item, std::size_t rank,
             const Xapian::Document& document, const MatchedTerms& matched,
             text::Analyzer& analyzer, bool has_body, bool wants_snippet,
             const Xapian::Database& document_database, StemForms& stem_forms,
             WordPresence& presence) {
  Hit hit;
  hit.rank = rank;
  hit.docid = *item;
  hit.weight = item.get_weight();
  hit.percent = item.get_percent();
  hit.site = document.get_value(schema::kSlotHost);
  if (!has_body && !wants_snippet) {
    // The display value spares inflating the record, body and all.
    if (std::optional<Article> display =
            decode_display_value(document.get_value(schema::kSlotDisplay))) {
      fill_from_article(*display, hit);
      return hit;
    }
  }
  Result<Article> article = decode_document_data(
      document.get_data(), has_body || wants_snippet
                               ? RecordParts::kAll
                               : RecordParts::kWithoutBody);
  if (article) {
    fill_from_article(article.value(), hit);
    if (wants_snippet) {
      SnippetOptions options;
      const Xapian::docid docid = *item;
      const Xapian::Database& database = document_database;
      options.locate = [&](std::size_t window_tokens) {
        return locate_in_body(database, docid, matched, analyzer, stem_forms,
                              presence, window_tokens);
      };
      hit.snippet =
          make_snippet(article.value().body, matched, analyzer, options);
    }
    if (has_body) hit.body = std::move(article.value().body);
  } else {
    // A record we cannot read still shows what the value slots know.
    hit.outlet = document.get_value(schema::kSlotOutlet);
    hit.published = parse_iso_date(document.get_value(schema::kSlotPublished));
    hit.language = document.get_value(schema::kSlotLanguage);
  }
  return hit;
}

// Counts the values of a slot that holds several, joined by
// schema::kListSeparator (authors).
class ListCountMatchSpy : public Xapian::MatchSpy {
 public:
  explicit ListCountMatchSpy(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& document, double) override {
    const std::string value = document.get_value(slot_);
    std::size_t begin = 0;
    while (begin < value.size()) {
      std::size_t end = value.find(schema::kListSeparator, begin);
      if (end == std::string::npos) end = value.size();
      if (end > begin) ++counts_[value.substr(begin, end - begin)];
      begin = end + 1;
    }
  }

  const std::map<std::string, std::uint64_t>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::map<std::string, std::uint64_t> counts_;
};

// Orders counts by count descending then value, and keeps the first `limit`
// (0: all).
FacetGroup make_group(std::string name, std::vector<FacetCount> counts,
                      std::size_t limit) {
  FacetGroup group;
  group.name = std::move(name);
  group.value_count = counts.size();
  std::sort(counts.begin(), counts.end(),
            [](const FacetCount& a, const FacetCount& b) {
              if (a.count != b.count) return a.count > b.count;
              return a.value < b.value;
            });
  if (limit > 0 && counts.size() > limit) counts.resize(limit);
  group.counts = std::move(counts);
  return group;
}

// A facet value as shown: slot 3 holds YYYYMM; people and scripts read
// YYYY-MM.
std::string shown_value(std::string value, bool is_month) {
  if (is_month && value.size() == 6) value.insert(4, "-");
  return value;
}

Xapian::valueno slot_of(Facet facet) {
  switch (facet) {
    case Facet::kOutlet:
      return schema::kSlotOutlet;
    case Facet::kLanguage:
      return schema::kSlotLanguage;
    case Facet::kYear:
      return schema::kSlotYear;
    case Facet::kMonth:
      return schema::kSlotYearMonth;
    case Facet::kAuthor:
      return schema::kSlotAuthors;
    case Facet::kSite:
      break;
  }
  return schema::kSlotHost;
}

// "2024-05-01T12:00:00Z" for a file's mtime; "" when it cannot be read.
std::string modified_time(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return {};
  std::tm utc{};
  const std::time_t seconds = info.st_mtime;
  if (gmtime_r(&seconds, &utc) == nullptr) return {};
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

DatabaseFingerprint fingerprint(const std::string& path,
                                const Xapian::Database& database) {
  DatabaseFingerprint print;
  print.path = path;
  print.document_count = database.get_doccount();
  print.schema_version = database.get_metadata(schema::kMetaSchemaVersion);
  print.uuid = database.get_uuid();
  // The glass version file changes with every commit.
  print.last_modified = modified_time(path + "/iamglass");
  if (print.last_modified.empty()) print.last_modified = modified_time(path);
  return print;
}

std::uint64_t folder_bytes(const std::string& path) {
  std::error_code error;
  std::uint64_t bytes = 0;
  if (std::filesystem::is_regular_file(path, error)) {
    return std::filesystem::file_size(path, error);
  }
  for (std::filesystem::recursive_directory_iterator entry(path, error), end;
       !error && entry != end; entry.increment(error)) {
    if (entry->is_regular_file(error)) bytes += entry->file_size(error);
  }
  return bytes;
}

// Runs one attempt of `attempt` (a Xapian operation), reopening and retrying
// when a writer changed the database meanwhile.
template <typename Attempt>
auto with_retries(Xapian::Database& database,
                  const std::vector<std::string>& paths, Attempt attempt)
    -> decltype(attempt()) {
  for (int tries = 0;; ++tries) {
    try {
      return attempt();
    } catch (const Xapian::DatabaseModifiedError& error) {
      if (tries == kMaxModifiedRetries) {
        return Error::index("the index kept changing while searching (" +
                            error.get_msg() + "); try again");
      }
      try {
        database.reopen();
      } catch (const Xapian::Error& reopen_error) {
        return Error::index("cannot reopen the index: " +
                            reopen_error.get_description());
      }
    } catch (const Xapian::Error& error) {
      std::string joined;
      for (const std::string& path : paths) {
        joined += (joined.empty() ? "" : ", ") + path;
      }
      return Error::index("reading " + joined +
                          " failed: " + error.get_description());
    }
  }
}

}  // namespace

std::string id_term_for(const std::string& id) {
  if (id.size() <= schema::kMaxIdBytes) return schema::kIdPrefix + id;
  return schema::kIdPrefix + id.substr(0, schema::kMaxIdBytes - 17) + "#" +
         to_hex(fnv1a64(id));
}

Searcher::Searcher(Xapian::Database database,
                   std::vector<Xapian::Database> indexes,
                   std::vector<std::string> database_paths,
                   std::string main_language, Provenance provenance)
    : database_(std::move(database)),
      indexes_(std::move(indexes)),
      database_paths_(std::move(database_paths)),
      main_language_(std::move(main_language)),
      provenance_(std::move(provenance)),
      analyzer_(main_language_) {}

Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Result<Searcher> Searcher::open(
    const std::vector<std::string>& database_paths) {
  if (database_paths.empty()) return Error::usage("no index given");
  Xapian::Database combined;
  std::vector<Xapian::Database> indexes;
  std::optional<std::string> main_language;
  std::string first_version;
  Provenance provenance;
  provenance.tool_version = std::string("news-search ") + NEWS_VERSION;
  provenance.analyzer_settings = text::Analyzer::settings_description();
  for (const std::string& path : database_paths) {
    Xapian::Database one;
    Result<std::string> language = open_checked(path, one);
    if (!language) return language.error();
    if (!main_language) main_language = language.value();
    // Versions 1 and 2 index a stem differently (docs/schema.md, "Stems") and
    // a query is rewritten for one of them: searched together, the other's
    // documents would be weighted wrongly.
    const std::string version = one.get_metadata(schema::kMetaSchemaVersion);
    if (first_version.empty()) first_version = version;
    if (version != first_version) {
      return Error::index(
          path + " was built with schema version " + version + " and " +
          database_paths.front() + " with version " + first_version +
          ": indexes of different versions cannot be searched together; " +
          reindex_hint() + " (the older one)");
    }
    try {
      provenance.databases.push_back(fingerprint(path, one));
    } catch (const Xapian::Error& error) {
      return Error::index(
          path + ": cannot read the index: " + error.get_description());
    }
    combined.add_database(one);
    indexes.push_back(one);
  }
  provenance.main_language = *main_language;
  return Searcher(std::move(combined), std::move(indexes), database_paths,
                  *main_language, std::move(provenance));
}

text::Analyzer& Searcher::analyzer_for(const std::string& language) {
  if (language.empty() || language == main_language_) return analyzer_;
  std::unique_ptr<text::Analyzer>& other = other_analyzers_[language];
  if (!other) other = std::make_unique<text::Analyzer>(language);
  return *other;
}

Result<SearchResults> Searcher::search(const SearchRequest& request) {
  int attempts = 0;
  return with_retries(database_, database_paths_, [&]() {
    // A retry follows a reopen: the word forms learnt may have changed.
    // So may the values of the slots.
    if (attempts++ > 0) {
      stem_forms_.clear();
      slot_tables_.clear();
      spied_values_ = 0;
    }
    return search_once(request);
  });
}

bool Searcher::counts_by_tables(
    const std::vector<Xapian::valueno>& slots, bool is_walked,
    const std::function<Xapian::doccount()>& estimate) {
  // Decoding a stored table costs about this fraction of a value stream's
  // read per document: 12.5 against 404 instructions at 200,000 articles
  // (docs/performance.md, "Stored slot tables").
  constexpr std::uint64_t kStoredReadFraction = 32;
  std::uint64_t unread = 0;
  const std::uint64_t doc_count = database_.get_doccount();
  for (const Xapian::valueno slot : slots) {
    if (slot_tables_.count(slot) != 0) continue;
    unread += has_stored_tables(slot) ? doc_count / kStoredReadFraction + 1
                                      : doc_count;
  }
  if (estimate && unread != 0) {
    const std::uint64_t per_match = slots.size() + (is_walked ? 1 : 0);
    if (spied_values_ + std::uint64_t{estimate()} * per_match < unread) {
      return false;
    }
  }
  for (const Xapian::valueno slot : slots) {
    if (slot_tables_.count(slot) == 0) {
      slot_tables_.emplace(slot, table_of(slot));
    }
  }
  return true;
}

bool Searcher::has_stored_tables(Xapian::valueno slot) const {
  if (!use_stored_tables_) return false;
  const std::string key = slot_table_key(slot);
  return std::all_of(
      indexes_.begin(), indexes_.end(), [&](const Xapian::Database& index) {
        const Xapian::TermIterator found = index.metadata_keys_begin(key);
        return found != index.metadata_keys_end(key) && *found == key;
      });
}

SlotTable Searcher::table_of(Xapian::valueno slot) const {
  std::vector<SlotTable> tables;
  if (use_stored_tables_) {
    for (const Xapian::Database& index : indexes_) {
      std::optional<SlotTable> table = SlotTable::load(index, slot);
      if (!table) break;
      tables.push_back(std::move(*table));
    }
  }
  if (tables.size() != indexes_.size()) {
    // Each index's own value stream, combined as stored tables are.
    tables.clear();
    for (const Xapian::Database& index : indexes_) {
      tables.push_back(SlotTable::read(index, slot));
    }
  }
  return tables.size() == 1 ? std::move(tables.front())
                            : SlotTable::interleave(tables);
}

std::vector<std::string> Searcher::other_stemming_languages() {
  // The most frequent first; a few at most, each one more parse and branch.
  constexpr std::size_t kMaxOthers = 6;
  const std::string main_stemmer = text::stemmer_name_for_language(
      main_language_.empty() ? kDefaultLanguage : main_language_);
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  const std::string prefix = schema::kLanguagePrefix;
  for (auto term = database_.allterms_begin(prefix);
       term != database_.allterms_end(prefix); ++term) {
    const std::string language = (*term).substr(prefix.size());
    if (language.empty() ||
        text::stemmer_name_for_language(language) == main_stemmer) {
      continue;
    }
    found.emplace_back(term.get_termfreq(), language);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> languages;
  std::set<std::string> stemmers;
  for (const auto& [count, language] : found) {
    if (languages.size() == kMaxOthers) break;
    // Languages sharing a stemmer (nb, nn, no) parse alike.
    if (stemmers.insert(text::stemmer_name_for_language(language)).second) {
      languages.push_back(language);
    }
  }
  return languages;
}

Result<SearchResults> Searcher::search_once(const SearchRequest& request) {
  text::Analyzer& analyzer = analyzer_for(request.language);
  QueryBuilder builder(analyzer, database_);
  Result<Xapian::Query> query = builder.build(request);
  if (!query) return query.error();
  // Without --lang, words are stemmed as in each language the index holds
  // (not only its main one), and a document matching the query as any of
  // them matches: "Путина" finds Russian articles in an English-led index.
  // The languages used, main first, pick each hit's snippet analyzer.
  std::vector<std::string> query_languages = {analyzer.language()};
  if (request.language.empty() && !query.value().empty()) {
    std::vector<Xapian::Query> branches = {query.value()};
    std::set<std::string> seen = {query.value().get_description()};
    for (const std::string& language : other_stemming_languages()) {
      QueryBuilder other(analyzer_for(language), database_);
      Result<Xapian::Query> parsed = other.build(request);
      if (!parsed || parsed.value().empty()) continue;
      if (!seen.insert(parsed.value().get_description()).second) continue;
      branches.push_back(parsed.value());
      query_languages.push_back(language);
    }
    if (branches.size() > 1) {
      query =
          Xapian::Query(Xapian::Query::OP_OR, branches.begin(), branches.end());
    }
  }

  Xapian::Enquire enquire(database_);
  enquire.set_query(query.value());
  Xapian::MultiValueKeyMaker date_order;
  switch (request.sort) {
    case SortOrder::kRelevance:  // rank_by_relevance sets it
      break;
    case SortOrder::kDateAscending:
    case SortOrder::kDateDescending: {
      // Undated articles go last either way: an ascending key beyond any
      // date, or the empty value, which a reversed key puts last.
      const bool is_descending = request.sort == SortOrder::kDateDescending;
      date_order.add_value(schema::kSlotPublished, is_descending,
                           is_descending ? "" : "99999999");
      date_order.add_value(schema::kSlotId);
      enquire.set_sort_by_key(&date_order, false);
      break;
    }
  }

  // Checking every document makes the total and the facet counts exact;
  // without facets the estimate is enough and much faster.
  const Xapian::doccount doc_count = database_.get_doccount();
  const bool is_exact = !request.facets.empty() || request.is_count_only;
  const auto clamp = [doc_count](std::size_t n) {
    return static_cast<Xapian::doccount>(std::min<std::size_t>(n, doc_count));
  };
  const Xapian::doccount limit =
      request.is_count_only ? 0 : clamp(request.limit);
  // The number of matches Xapian estimates without walking them, asked for
  // at most once, and only while the choices below need it.
  std::optional<Xapian::doccount> estimate;
  const auto estimated = [&]() {
    if (!estimate) {
      Xapian::Enquire probe(database_);
      probe.set_query(query.value());
      probe.set_weighting_scheme(Xapian::BoolWeight());
      estimate = probe.get_mset(0, 0).get_matches_estimated();
    }
    return *estimate;
  };
  std::vector<Xapian::valueno> slots;
  for (const Facet facet : request.facets) {
    if (std::find(slots.begin(), slots.end(), slot_of(facet)) == slots.end()) {
      slots.push_back(slot_of(facet));
    }
  }
  const std::optional<std::uint64_t> walk_cost =
      is_exact ? posting_walk_cost(query.value(), database_) : std::nullopt;
  // Exact counts come from slot tables and a set of the matching documents
  // (match_counts.h) once those tables pay off, else from match spies. A
  // query the posting lists cannot answer is matched by Xapian and its
  // documents recorded by DocidSpy, whose documents know only their id in
  // their own shard: so not when several indexes are searched as one.
  const bool is_walked =
      walk_cost.has_value() && exact_counts_ != ExactCounts::kTablesByMatcher;
  const bool by_tables =
      is_exact && (is_walked || database_.size() == 1) &&
      exact_counts_ != ExactCounts::kSpies &&
      counts_by_tables(slots, is_walked,
                       exact_counts_ == ExactCounts::kAuto
                           ? std::function<Xapian::doccount()>(estimated)
                           : nullptr);
  // Match spies walk every match. In relevance order they are fed by a
  // second pass that weighs nothing (BoolWeight, document order), 2-3 times
  // faster than weighing every match, while the pass for the hits stops
  // early as usual. A date order walks every match anyway: one pass.
  const bool is_counted_apart =
      is_exact && !by_tables &&
      (limit == 0 || request.sort == SortOrder::kRelevance);
  Xapian::Enquire counting(database_);
  if (is_counted_apart) {
    counting.set_query(query.value());
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_docid_order(Xapian::Enquire::ASCENDING);
  }
  Xapian::Enquire& spied = is_counted_apart ? counting : enquire;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> value_spies;
  std::unique_ptr<ListCountMatchSpy> author_spy;
  for (const Facet facet : by_tables ? std::vector<Facet>() : request.facets) {
    if (facet == Facet::kAuthor) {
      if (!author_spy) {
        author_spy = std::make_unique<ListCountMatchSpy>(slot_of(facet));
        spied.add_matchspy(author_spy.get());
      }
      continue;
    }
    value_spies.push_back(
        std::make_unique<Xapian::ValueCountMatchSpy>(slot_of(facet)));
    spied.add_matchspy(value_spies.back().get());
  }
  const bool is_spied_in_hits_pass =
      is_exact && !by_tables && !is_counted_apart;
  const Xapian::doccount check_at_least =
      is_spied_in_hits_pass ? doc_count : clamp(request.offset + limit);
  RankedHits ranked;
  if (limit > 0 && request.sort == SortOrder::kRelevance) {
    ranked = rank_by_relevance(enquire, clamp(request.offset), limit,
                               check_at_least);
  } else if (limit > 0 || (!is_counted_apart && !by_tables)) {
    ranked.mset =
        enquire.get_mset(clamp(request.offset), limit, check_at_least);
    for (Xapian::doccount i = 0; i < ranked.mset.size(); ++i) {
      ranked.order.push_back(i);
    }
    ranked.totals = ranked.mset;
  }
  if (limit > 0) estimate = ranked.totals.get_matches_estimated();
  const Xapian::MSet& mset = ranked.mset;
  const Xapian::MSet counted =
      is_counted_apart ? counting.get_mset(0, 0, doc_count) : ranked.totals;
  if (is_exact && !by_tables) {
    spied_values_ += std::uint64_t{counted.get_matches_estimated()} *
                     (value_spies.size() + (author_spy ? 1 : 0));
  }
  std::optional<DocidSet> matches;
  if (by_tables) {
    // Walking a posting list costs ~10 times less per posting than the
    // matcher per match, which can skip ahead through an AND.
    constexpr std::uint64_t kWalkPerMatch = 8;
    constexpr std::uint64_t kWalkAlways = 20'000;
    if (is_walked && (exact_counts_ != ExactCounts::kAuto ||
                      *walk_cost <= kWalkPerMatch * std::uint64_t{estimated()} +
                                        kWalkAlways)) {
      matches = match_by_postings(query.value(), database_);
    }
    if (!matches) {
      matches.emplace(database_.get_lastdocid());
      DocidSpy recorder(*matches);
      Xapian::Enquire all(database_);
      all.set_query(query.value());
      all.set_weighting_scheme(Xapian::BoolWeight());
      all.set_docid_order(Xapian::Enquire::ASCENDING);
      all.add_matchspy(&recorder);
      all.get_mset(0, 0, doc_count);
    }
  }

  SearchResults results;
  SearchSummary& summary = results.summary;
  summary.query = request.query;
  summary.parsed_query = query.value().get_description();
  summary.stemmer_language = analyzer.language();
  summary.provenance = provenance_;
  if (matches) {
    summary.total_matches = summary.total_min = summary.total_max =
        matches->size();
  } else {
    summary.total_matches = counted.get_matches_estimated();
    summary.total_min = counted.get_matches_lower_bound();
    summary.total_max = counted.get_matches_upper_bound();
  }
  summary.is_total_exact = summary.total_min == summary.total_max;
  summary.offset = request.offset;
  summary.limit = request.is_count_only ? 0 : request.limit;
  summary.sort = request.sort;

  const auto asks_for = [&request](HitField field) {
    return std::find(request.fields.begin(), request.fields.end(), field) !=
           request.fields.end();
  };
  const bool has_body = asks_for(HitField::kBody);
  // An empty field list is the format's default, which may show snippets.
  const bool wants_snippet =
      request.fields.empty() || asks_for(HitField::kSnippet) ||
      asks_for(HitField::kSnippetText) || asks_for(HitField::kHighlights);
  std::vector<Xapian::docid> hit_docids;
  for (const Xapian::doccount i : ranked.order) hit_docids.push_back(*mset[i]);
  const std::vector<std::vector<std::string>> hit_terms = matched_index_terms(
      query.value(), database_, hit_docids, wildcard_patterns(query.value()));
  std::size_t rank = request.offset;
  WordPresence presence(database_, hit_docids);
  for (const Xapian::doccount i : ranked.order) {
    const Xapian::MSetIterator item = mset[i];
    const MatchedTerms matched =
        classify_matched_terms(hit_terms[rank - request.offset]);
    // A hit in one of the other languages parsed gets snippets stemmed as
    // its own language.
    // The language slot is read only when another language was parsed:
    // a value read per hit costs a B-tree lookup, and one process per query
    // pays it in full.
    const Xapian::Document document = item.get_document();
    const std::string hit_language =
        query_languages.size() > 1 ? document.get_value(schema::kSlotLanguage)
                                   : std::string();
    text::Analyzer& hit_analyzer =
        !hit_language.empty() &&
                std::find(query_languages.begin() + 1, query_languages.end(),
                          hit_language) != query_languages.end()
            ? analyzer_for(hit_language)
            : analyzer;
    results.hits.push_back(make_hit(item, ++rank, document, matched,
                                    hit_analyzer, has_body, wants_snippet,
                                    database_, stem_forms_, presence));
  }

  std::size_t next_value_spy = 0;
  for (const Facet facet : request.facets) {
    const std::string name(facet_name(facet));
    const bool is_month = facet == Facet::kMonth;
    std::vector<FacetCount> counts;
    if (matches) {
      const std::optional<char> separator =
          facet == Facet::kAuthor ? std::optional<char>(schema::kListSeparator)
                                  : std::nullopt;
      for (auto& [value, count] :
           slot_tables_.at(slot_of(facet)).count(*matches, separator)) {
        counts.push_back({shown_value(std::move(value), is_month), count});
      }
    } else if (facet == Facet::kAuthor) {
      for (const auto& [value, count] : author_spy->counts()) {
        counts.push_back({value, count});
      }
    } else {
      const Xapian::ValueCountMatchSpy& spy = *value_spies[next_value_spy++];
      for (auto value = spy.values_begin(); value != spy.values_end();
           ++value) {
        counts.push_back({shown_value(*value, is_month), value.get_termfreq()});
      }
    }
    results.facets.push_back(
        make_group(name, std::move(counts), request.facet_limit));
  }
  return results;
}

Result<IndexStats> Searcher::stats() {
  return with_retries(database_, database_paths_, [&]() -> Result<IndexStats> {
    IndexStats stats;
    stats.provenance = provenance_;
    stats.document_count = database_.get_doccount();
    std::size_t current = 0;
    std::size_t stored = 0;
    for (const Xapian::Database& index : indexes_) {
      for (const Xapian::valueno slot : schema::kStoredTableSlots) {
        current += SlotTable::load(index, slot) ? 1 : 0;
        stored += !index.get_metadata(slot_table_key(slot)).empty() ? 1 : 0;
      }
    }
    stats.facet_tables =
        current == indexes_.size() * std::size(schema::kStoredTableSlots)
            ? "current"
        : stored > 0 ? "stale"
                     : "none";
    // Every document counts once in its table (none in a deleted one's).
    DocidSet all(database_.get_lastdocid());
    for (Xapian::docid id = 1; id <= database_.get_lastdocid(); ++id) {
      all.insert(id);
    }
    const auto counted = [&](Xapian::valueno slot) {
      std::vector<FacetCount> counts;
      for (auto& [value, count] : table_of(slot).count(all, std::nullopt)) {
        counts.push_back({std::move(value), count});
      }
      return make_group("", std::move(counts), 0).counts;
    };
    stats.outlets = counted(schema::kSlotOutlet);
    stats.languages = counted(schema::kSlotLanguage);
    for (auto value = database_.valuestream_begin(schema::kSlotPublished);
         value != database_.valuestream_end(schema::kSlotPublished); ++value) {
      const std::optional<Date> date = parse_iso_date(*value);
      if (!date) continue;
      ++stats.dated_count;
      if (!stats.first_date || *value < stats.first_date->to_compact()) {
        stats.first_date = date;
      }
      if (!stats.last_date || *value > stats.last_date->to_compact()) {
        stats.last_date = date;
      }
    }
    for (const std::string& path : database_paths_) {
      stats.size_bytes += folder_bytes(path);
    }
    stats.build_info = database_.get_metadata(schema::kMetaBuildInfo);
    return stats;
  });
}

Result<std::optional<StoredArticle>> Searcher::show(const std::string& id) {
  return with_retries(
      database_, database_paths_,
      [&]() -> Result<std::optional<StoredArticle>> {
        Xapian::docid docid = 0;
        const std::string term = id_term_for(id);
        Xapian::PostingIterator posting = database_.postlist_begin(term);
        if (posting != database_.postlist_end(term)) {
          docid = *posting;
        } else if (!id.empty() && id.size() < 10 &&
                   std::all_of(id.begin(), id.end(),
                               [](char c) { return c >= '0' && c <= '9'; })) {
          docid = static_cast<Xapian::docid>(std::stoul(id));
        }
        if (docid == 0) return std::optional<StoredArticle>();
        Xapian::Document document;
        try {
          document = database_.get_document(docid);
        } catch (const Xapian::DocNotFoundError&) {
          return std::optional<StoredArticle>();
        }
        Result<Article> article = decode_document_data(document.get_data());
        if (!article) {
          return Error::index(
              "article " + id + " (document " + std::to_string(docid) +
              ") has an unreadable record: " + article.error().message());
        }
        StoredArticle stored;
        stored.docid = docid;
        fill_from_article(article.value(), stored.fields);
        stored.fields.docid = docid;
        stored.fields.site = document.get_value(schema::kSlotHost);
        stored.fields.body = article.value().body;
        stored.title_rule = article.value().facts.title_rule;
        stored.outlet_rule = article.value().facts.outlet_rule;
        stored.date_rule = article.value().facts.date_rule;
        stored.record = article.value().source.record;
        return std::optional<StoredArticle>(std::move(stored));
      });
}

}  // namespace news::searcher
