#include "searcher/query_builder.h"

#include <vector>

#include "common/schema.h"
#include "common/text/analyzer.h"

namespace news::searcher {
namespace {

constexpr char kTitleField[] = "title";
constexpr char kBodyField[] = "body";
constexpr char kOutletField[] = "outlet";

// Operators stay case sensitive (FLAG_BOOLEAN_ANY_CASE is off) so that "or"
// and "not" in news text are words, not operators.
constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

// A wildcard over a common prefix ("a*") would otherwise expand to tens of
// thousands of terms; the most frequent ones carry the meaning.
constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

}  // namespace

std::string outlet_filter_term(text::Analyzer& analyzer,
                               std::string_view outlet) {
  return schema::kOutletPrefix + analyzer.normalize_key(outlet);
}

Xapian::Query QueryBuilder::OutletFieldProcessor::operator()(
    const std::string& value) {
  return Xapian::Query(outlet_filter_term(analyzer_, value));
}

QueryBuilder::QueryBuilder(text::Analyzer& analyzer,
                           const Xapian::Database& database)
    : analyzer_(analyzer), outlet_processor_(analyzer) {
  parser_.set_database(database);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_stemmer(analyzer_.stemmer());
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_max_expansion(kMaxWildcardExpansion,
                            Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                            Xapian::QueryParser::FLAG_WILDCARD);
  // Free text searches title and body; body: and title: one of them.
  parser_.add_prefix("", "");
  parser_.add_prefix("", schema::kTitlePrefix);
  parser_.add_prefix(kBodyField, "");
  parser_.add_prefix(kTitleField, schema::kTitlePrefix);
  parser_.add_boolean_prefix(kOutletField, &outlet_processor_);
}

QueryBuilder::~QueryBuilder() = default;

Result<Xapian::Query> QueryBuilder::build(const SearchRequest& request) {
  const std::vector<std::string> field_names = {kTitleField, kBodyField,
                                                kOutletField};
  const std::vector<std::string> raw_value_fields = {kOutletField};
  const std::string normalized =
      analyzer_.normalize_query(request.query, field_names, raw_value_fields);
  Xapian::Query query;
  try {
    query = parser_.parse_query(normalized, kParserFlags);
  } catch (const Xapian::QueryParserError& error) {
    return Error::query_syntax("query syntax error: " + error.get_msg() +
                               " in: " + request.query);
  } catch (const Xapian::Error& error) {
    return Error::internal("cannot parse query " + request.query + ": " +
                           error.get_description());
  }
  if (request.outlets.empty() || query.empty()) return query;

  std::vector<Xapian::Query> outlet_terms;
  outlet_terms.reserve(request.outlets.size());
  for (const std::string& outlet : request.outlets) {
    outlet_terms.emplace_back(outlet_filter_term(analyzer_, outlet));
  }
  const Xapian::Query filter(Xapian::Query::OP_OR, outlet_terms.begin(),
                             outlet_terms.end());
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

}  // namespace news::searcher
