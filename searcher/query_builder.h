// QueryBuilder: SearchRequest -> Xapian::Query. Configures Xapian's
// QueryParser from the index schema (common/schema.h) and feeds it query
// text normalised by the index's own Analyzer, so a word typed with other
// accents, apostrophes, case or width finds what the indexer stored.
//
// Fields (docs/query-language.md): `title:` (S) and `body:` (unprefixed)
// free text; boolean filters `outlet:` (XO + normalize_key), `author:`
// (A + normalize_key), `site:` (H + host), `lang:` (L + code), `url:` (U +
// url, hashed when long as the indexer does) and `date:` (a day, month or
// year as D/M/Y terms; `A..B`, `A..`, `..B` ranges over value slot 0).
// Default operator AND (OR with is_any); operators AND OR NOT XOR NEAR ADJ
// only in capitals; phrases, +/- and trailing-* wildcards; STEM_SOME with
// the analyzer's stemmer. Filters from flags (outlets OR-ed, excluded
// outlets, sites, date range, language) are AND-ed with the query.
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/error.h"
#include "searcher/search_request.h"

namespace news::text {
class Analyzer;
class TermStopper;
}  // namespace news::text

namespace news::searcher {

class QueryBuilder {
 public:
  // `analyzer` (the one the index was built with, for the query language)
  // and `database` (used to expand wildcards) must outlive the builder.
  QueryBuilder(text::Analyzer& analyzer, const Xapian::Database& database);
  ~QueryBuilder();
  // The parser holds pointers to members: neither copied nor moved.
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  // The query for the request's query text and filters. A query whose words
  // all normalise away gives an empty Xapian::Query (matches nothing).
  // Errors (kQuerySyntax), saying where: see check_query_syntax(); and
  // "query syntax error in "<query>": <Xapian's message>" when the
  // QueryParser still rejects the text.
  Result<Xapian::Query> build(const SearchRequest& request);

  // The field names of the query language, in documentation order.
  static const std::vector<std::string>& field_names();

  // The query with each stem term Z<t> (Z<prefix><stem>, as the QueryParser
  // gives for STEM_SOME) replaced by the synonym of Z<t> and <t>: since
  // schema version 2 a word that is its own stem has only its unprefixed
  // term in a document (docs/schema.md).
  static Xapian::Query with_own_stems(const Xapian::Query& query);

 private:
  // A boolean field: value -> prefix + key(value).
  class KeyFieldProcessor : public Xapian::FieldProcessor {
   public:
    using KeyFunction = std::string (*)(text::Analyzer&, std::string_view);
    KeyFieldProcessor(text::Analyzer& analyzer, KeyFunction key)
        : analyzer_(analyzer), key_(key) {}
    Xapian::Query operator()(const std::string& value) override;

   private:
    text::Analyzer& analyzer_;
    KeyFunction key_;
  };

  // `date:2019`, `date:2019-03`, `date:2019-03-01`: the Y, M or D term.
  class DateFieldProcessor : public Xapian::FieldProcessor {
   public:
    Xapian::Query operator()(const std::string& value) override;
  };

  // `date:A..B` and open ranges: see date_range_query().
  class DateRangeProcessor : public Xapian::RangeProcessor {
   public:
    explicit DateRangeProcessor(const Xapian::Database& database);
    Xapian::Query operator()(const std::string& begin,
                             const std::string& end) override;

   private:
    const Xapian::Database& database_;
  };

  text::Analyzer& analyzer_;
  KeyFieldProcessor outlet_processor_;
  KeyFieldProcessor author_processor_;
  KeyFieldProcessor site_processor_;
  KeyFieldProcessor language_processor_;
  KeyFieldProcessor url_processor_;
  DateFieldProcessor date_processor_;
  DateRangeProcessor date_range_processor_;
  // Stop-words of the query language (common/text/stopwords.h): dropped
  // from free text, kept in phrases and in a query of stop-words only; the
  // index keeps every word. nullptr for a language without a list.
  std::unique_ptr<text::TermStopper> stopper_;
  Xapian::QueryParser parser_;
  const Xapian::Database& database_;
  bool needs_own_stem_synonyms_ = true;
};

// The articles published from `from` to `to` (both included; an open end
// is the index's first or last date), as a boolean OR of the fewest Y
// (year), M (month) and D (day) terms that cover the range: a few dozen
// terms at most, much faster than comparing every document's date value.
// Weightless, for filtering.
Xapian::Query date_range_query(const Xapian::Database& database,
                               std::optional<Date> from,
                               std::optional<Date> to);

// Filter terms as a user names the value, in any case or spacing.
// "XO" + normalize_key(outlet).
std::string outlet_filter_term(text::Analyzer& analyzer,
                               std::string_view outlet);
// "A" + normalize_key(author).
std::string author_filter_term(text::Analyzer& analyzer,
                               std::string_view author);
// "H" + host: lower case, without scheme, "www.", port or path
// ("https://www.RT.com/news" -> "Hrt.com").
std::string site_filter_term(text::Analyzer& analyzer, std::string_view site);
// "L" + lower-case code.
std::string language_filter_term(text::Analyzer& analyzer,
                                 std::string_view language);
// "U" + url, or for urls longer than schema::kMaxIdBytes a prefix plus
// "#" + FNV-1a hex of the whole url: the indexer's rule
// (indexer::ArticleToDocument::url_term, checked by a test).
std::string url_filter_term(text::Analyzer& analyzer, std::string_view url);

}  // namespace news::searcher
