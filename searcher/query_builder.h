// QueryBuilder: SearchRequest -> Xapian::Query. Configures Xapian's
// QueryParser from the index schema (common/schema.h) and feeds it query
// text normalised by the index's own Analyzer, so a word typed with other
// accents, apostrophes, case or width finds what the indexer stored.
//
// Fields: `title:` (prefix S, free text) and `outlet:` (boolean filter on
// XO + normalize_key(value), any case, quoted values allowed). Default
// operator AND; operators AND OR NOT XOR NEAR ADJ only in capitals; phrases,
// +/- and trailing-* wildcards; stemming STEM_SOME with the analyzer's
// stemmer. --outlet filters are OR-ed together and AND-ed with the query.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "common/error.h"
#include "searcher/search_request.h"

namespace news::text {
class Analyzer;
}

namespace news::searcher {

class QueryBuilder {
 public:
  // `analyzer` (the one the index was built with, for the query language)
  // and `database` (used to expand wildcards) must outlive the builder.
  QueryBuilder(text::Analyzer& analyzer, const Xapian::Database& database);
  ~QueryBuilder();
  // The parser holds a pointer to a member: neither copied nor moved.
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  // The query for request.query and request.outlets. A query whose words
  // all normalise away gives an empty Xapian::Query (matches nothing).
  // Errors: kQuerySyntax "query syntax error: <Xapian's message> in:
  // <query>" when the QueryParser rejects the text.
  Result<Xapian::Query> build(const SearchRequest& request);

 private:
  // Turns an `outlet:` value into its boolean filter term.
  class OutletFieldProcessor : public Xapian::FieldProcessor {
   public:
    explicit OutletFieldProcessor(text::Analyzer& analyzer)
        : analyzer_(analyzer) {}
    Xapian::Query operator()(const std::string& value) override;

   private:
    text::Analyzer& analyzer_;
  };

  text::Analyzer& analyzer_;
  OutletFieldProcessor outlet_processor_;
  Xapian::QueryParser parser_;
};

// The filter term for an outlet as a user names it, in any case or spacing:
// "XO" + normalize_key(outlet).
std::string outlet_filter_term(text::Analyzer& analyzer,
                               std::string_view outlet);

}  // namespace news::searcher
