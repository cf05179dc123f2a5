// Searcher: opens one or more news-search indexes read-only as one database,
// checks that they were built with this program's schema, and answers
// SearchRequests with SearchResults (BM25 or date order, exact facet counts
// over all matches, snippets). Also describes the index (--stats) and shows
// one stored article (--show). One Searcher serves any number of requests
// (batch mode opens the database once).
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/text/analyzer.h"
#include "searcher/body_positions.h"
#include "searcher/search_request.h"
#include "searcher/search_results.h"

namespace news::searcher {

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

  // The index's main language (metadata), "en" when not recorded.
  const std::string& main_language() const { return main_language_; }
  // Tool version, database fingerprints, analyzer settings.
  const Provenance& provenance() const { return provenance_; }

 private:
  Searcher(Xapian::Database database, std::vector<std::string> database_paths,
           std::string main_language, Provenance provenance);

  // The analyzer whose stemmer parses queries in `language` ("" = main).
  text::Analyzer& analyzer_for(const std::string& language);

  // The languages of the index's documents (L terms) whose stemmer differs
  // from the main language's, the most frequent first, one per stemmer.
  std::vector<std::string> other_stemming_languages();

  // One attempt; Xapian exceptions propagate to the caller.
  Result<SearchResults> search_once(const SearchRequest& request);

  Xapian::Database database_;
  std::vector<std::string> database_paths_;
  std::string main_language_;
  Provenance provenance_;
  text::Analyzer analyzer_;  // for main_language_
  std::map<std::string, std::unique_ptr<text::Analyzer>> other_analyzers_;
  // Word forms of query stems, for placing snippets; forgotten when the
  // database is reopened.
  StemForms stem_forms_;
};

// The unique-id term of an article id: "Q" + id, hashed past
// schema::kMaxIdBytes as the indexer does (indexer::ArticleToDocument::
// id_term, checked by a test).
std::string id_term_for(const std::string& id);

}  // namespace news::searcher
