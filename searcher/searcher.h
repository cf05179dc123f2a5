// Searcher: opens one or more news-search indexes read-only as one database,
// checks that they were built with this program's schema, and answers
// SearchRequests with SearchResults (BM25 ranking, exact match totals and
// exact outlet facet counts over all matches, snippets).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "common/error.h"
#include "common/text/analyzer.h"
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

  // Runs request.query (database paths in the request are ignored: the
  // opened ones are searched). Errors: kQuerySyntax for a query the parser
  // rejects; kIndex when the database fails while searching (a database
  // modified by a writer meanwhile is reopened and retried twice first).
  Result<SearchResults> search(const SearchRequest& request);

  // The index's main language (metadata), "en" when not recorded.
  const std::string& main_language() const { return main_language_; }

 private:
  Searcher(Xapian::Database database, std::vector<std::string> database_paths,
           std::string main_language);

  // One attempt; Xapian exceptions propagate to search().
  Result<SearchResults> search_once(const SearchRequest& request,
                                    text::Analyzer& analyzer);

  Xapian::Database database_;
  std::vector<std::string> database_paths_;
  std::string main_language_;
  text::Analyzer analyzer_;  // for main_language_
};

}  // namespace news::searcher
