// Searcher: opens one or more news-search indexes read-only as one database,
// checks that they were built with this program's schema, and answers
// SearchRequests with SearchResults (BM25 or date order, exact facet counts
// over all matches, snippets). Also describes the index (--stats) and shows
// one stored article (--show). One Searcher serves any number of requests
// (batch mode opens the database once).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/text/analyzer.h"
#include "searcher/body_positions.h"
#include "searcher/match_counts.h"
#include "searcher/search_request.h"
#include "searcher/search_results.h"

namespace news::searcher {

// How exact totals and facet counts are found (docs/design.md, "Exact
// counts"). kAuto is what news-search does; the others are for tests and
// benchmarks, which compare them.
enum class ExactCounts {
  // Match spies until the slot tables pay off, then the tables, with the
  // matches from posting lists when that is cheaper than the matcher.
  kAuto,
  // Always Xapian's match spies.
  kSpies,
  // The tables, with the matches from posting lists whenever the query
  // allows, else from the matcher.
  kTablesByPostings,
  // The tables, with the matches always from the matcher (DocidSpy).
  kTablesByMatcher,
};

class Searcher {
 public:
  // Opens every path and adds it to one combined database. Errors (kIndex),
  // each naming the path: the folder does not exist; it is not a Xapian
  // database or has no news-search schema version ("... is not a news-search
  // index"); it was built with another schema version or other analyzer
  // settings ("... re-index with news-index").
  static Result<Searcher> open(const std::vector<std::string>& database_paths);

  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  // Runs the request (database paths in it are ignored: the opened ones are
  // searched). Errors: kQuerySyntax for a query the parser rejects, saying
  // where; kIndex when the database fails while searching (a database
  // modified by a writer meanwhile is reopened and retried twice first).
  Result<SearchResults> search(const SearchRequest& request);

  // Counts over the whole index. Errors: kIndex as for search().
  Result<IndexStats> stats();

  // The article whose id (its Q term without the prefix, e.g.
  // "path:/data/a.txt" or a URL) is `id`, or, when no article has that id
  // and `id` is a number, the document with that docid. nullopt when there
  // is none. Errors: kIndex as for search(), or when the record is not
  // readable.
  Result<std::optional<StoredArticle>> show(const std::string& id);

  // kAuto unless set. Searches of several indexes as one never use
  // kTablesByMatcher, and use kTablesByPostings only for queries the posting
  // lists can answer (DocidSpy).
  void set_exact_counts(ExactCounts how) { exact_counts_ = how; }
  // Whether slot tables come from the ones news-index stores in the index
  // (when they describe its current state), as by default, or are always
  // read from the value streams.
  void set_stored_tables(bool use) { use_stored_tables_ = use; }

  // The index's main language (metadata), "en" when not recorded.
  const std::string& main_language() const { return main_language_; }
  // Tool version, database fingerprints, analyzer settings.
  const Provenance& provenance() const { return provenance_; }

 private:
  Searcher(Xapian::Database database, std::vector<Xapian::Database> indexes,
           std::vector<std::string> database_paths, std::string main_language,
           Provenance provenance);

  // The analyzer whose stemmer parses queries in `language` ("" = main).
  text::Analyzer& analyzer_for(const std::string& language);

  // The languages of the index's documents (L terms) whose stemmer differs
  // from the main language's, the most frequent first, one per stemmer.
  std::vector<std::string> other_stemming_languages();

  // One attempt; Xapian exceptions propagate to the caller.
  Result<SearchResults> search_once(const SearchRequest& request);

  // Whether the exact counts of a request go through the tables of
  // `slots` (read now when missing) rather than match spies: always once
  // they are read, or without `estimate`; before, once reading them whole
  // costs no more than the values the spies have read since and would read
  // for this request's `estimate()` matches (one more per match when the
  // matches are walked from posting lists, which spares the matcher).
  // A table the indexes store costs a fraction of a value stream's read.
  bool counts_by_tables(const std::vector<Xapian::valueno>& slots,
                        bool is_walked,
                        const std::function<Xapian::doccount()>& estimate);

  // Whether every index holds a stored table of the slot (valid or not).
  bool has_stored_tables(Xapian::valueno slot) const;
  // The slot's table: the indexes' stored ones when all are valid (and
  // stored tables are not switched off), else read from the value stream.
  SlotTable table_of(Xapian::valueno slot) const;

  Xapian::Database database_;
  // Each index of database_ alone; they share its state (a reopen of
  // database_ reopens them).
  std::vector<Xapian::Database> indexes_;
  std::vector<std::string> database_paths_;
  std::string main_language_;
  Provenance provenance_;
  text::Analyzer analyzer_;  // for main_language_
  std::map<std::string, std::unique_ptr<text::Analyzer>> other_analyzers_;
  // Word forms of query stems, for placing snippets; forgotten when the
  // database is reopened.
  StemForms stem_forms_;
  // Facet slots read whole (match_counts.h), and the values match spies
  // have read since the last reopen; both forgotten when it is reopened.
  std::map<Xapian::valueno, SlotTable> slot_tables_;
  std::uint64_t spied_values_ = 0;
  ExactCounts exact_counts_ = ExactCounts::kAuto;
  bool use_stored_tables_ = true;
};

// The unique-id term of an article id: "Q" + id, hashed past
// schema::kMaxIdBytes as the indexer does (indexer::ArticleToDocument::
// id_term, checked by a test).
std::string id_term_for(const std::string& id);

}  // namespace news::searcher
