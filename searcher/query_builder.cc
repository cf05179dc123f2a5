#include "searcher/query_builder.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "common/hash.h"
#include "common/schema.h"
#include "common/text/analyzer.h"
#include "common/text/stopwords.h"
#include "searcher/query_syntax.h"
#include "searcher/request_values.h"

namespace news::searcher {
namespace {

constexpr char kTitleField[] = "title";
constexpr char kBodyField[] = "body";
constexpr char kOutletField[] = "outlet";
constexpr char kAuthorField[] = "author";
constexpr char kSiteField[] = "site";
constexpr char kLanguageField[] = "lang";
constexpr char kUrlField[] = "url";
constexpr char kDateField[] = "date";

// Operators stay case sensitive (FLAG_BOOLEAN_ANY_CASE is off) so that "or"
// and "not" in news text are words, not operators.
constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

// A wildcard over a common prefix ("a*") would otherwise expand to tens of
// thousands of terms; the most frequent ones carry the meaning.
constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// The OR of one filter term per value.
Xapian::Query any_of(const std::vector<std::string>& terms) {
  std::vector<Xapian::Query> queries(terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

// The query with every run of two or more dots outside `date:` values
// turned into spaces. The QueryParser reads any "a..b" as a range and,
// finding no range processor for it, fails ("Unknown range operation");
// elsewhere dots only separate words ("wait...what", "... !!"), which
// spaces do as well.
std::string without_stray_ranges(std::string_view query) {
  std::string out(query);
  std::size_t i = 0;
  while (i < out.size()) {
    const std::size_t begin = out.find_first_not_of(" \t\r\n()", i);
    if (begin == std::string::npos) break;
    std::size_t end = out.find_first_of(" \t\r\n()", begin);
    if (end == std::string::npos) end = out.size();
    std::size_t name = begin;
    while (name < end && (out[name] == '+' || out[name] == '-')) ++name;
    if (out.compare(name, 5, "date:") != 0) {
      for (std::size_t dot = begin; dot + 1 < end; ++dot) {
        if (out[dot] != '.' || out[dot + 1] != '.') continue;
        while (dot < end && out[dot] == '.') out[dot++] = ' ';
      }
    }
    i = end;
  }
  return out;
}

}  // namespace

std::string outlet_filter_term(text::Analyzer& analyzer,
                               std::string_view outlet) {
  return schema::kOutletPrefix + analyzer.normalize_key(outlet);
}

std::string author_filter_term(text::Analyzer& analyzer,
                               std::string_view author) {
  return schema::kAuthorPrefix + analyzer.normalize_key(author);
}

std::string site_filter_term(text::Analyzer& /*analyzer*/,
                             std::string_view site) {
  // As the indexer derives the host from a URL (host_of in
  // indexer/article_to_document.cc).
  std::string_view host = site;
  if (const std::size_t scheme = host.find("://");
      scheme != std::string_view::npos) {
    host.remove_prefix(scheme + 3);
  }
  host = host.substr(0, host.find_first_of("/?#"));
  if (const std::size_t at = host.rfind('@'); at != std::string_view::npos) {
    host.remove_prefix(at + 1);
  }
  host = host.substr(0, host.find(':'));
  std::string lower = ascii_lower(host);
  if (lower.compare(0, 4, "www.") == 0) lower.erase(0, 4);
  return schema::kHostPrefix + lower;
}

std::string language_filter_term(text::Analyzer& /*analyzer*/,
                                 std::string_view language) {
  return schema::kLanguagePrefix + ascii_lower(language);
}

std::string url_filter_term(text::Analyzer& /*analyzer*/,
                            std::string_view url) {
  if (url.size() <= schema::kMaxIdBytes) {
    return schema::kUrlPrefix + std::string(url);
  }
  return schema::kUrlPrefix +
         std::string(url.substr(0, schema::kMaxIdBytes - 17)) + "#" +
         to_hex(fnv1a64(url));
}

Xapian::Query QueryBuilder::KeyFieldProcessor::operator()(
    const std::string& value) {
  return Xapian::Query(key_(analyzer_, value));
}

Xapian::Query QueryBuilder::DateFieldProcessor::operator()(
    const std::string& value) {
  // Checked by check_query_syntax before parsing; the length says which of
  // day, month or year.
  const std::optional<Date> date = parse_date_bound(value, false);
  if (!date) return Xapian::Query(Xapian::Query::OP_INVALID);
  const std::string day = date->to_compact();
  if (value.size() == 4)
    return Xapian::Query(schema::kYearPrefix + day.substr(0, 4));
  if (value.size() == 7)
    return Xapian::Query(schema::kMonthPrefix + day.substr(0, 6));
  return Xapian::Query(schema::kDatePrefix + day);
}

QueryBuilder::DateRangeProcessor::DateRangeProcessor(
    const Xapian::Database& database)
    : Xapian::RangeProcessor(schema::kSlotPublished,
                             std::string(kDateField) + ":"),
      database_(database) {}

Xapian::Query QueryBuilder::DateRangeProcessor::operator()(
    const std::string& begin, const std::string& end) {
  std::optional<Date> from;
  std::optional<Date> to;
  if (!begin.empty() && !(from = parse_date_bound(begin, false))) {
    return Xapian::Query(Xapian::Query::OP_INVALID);
  }
  if (!end.empty() && !(to = parse_date_bound(end, true))) {
    return Xapian::Query(Xapian::Query::OP_INVALID);
  }
  if (!from && !to) return Xapian::Query(Xapian::Query::OP_INVALID);
  return date_range_query(database_, from, to);
}

namespace {

bool is_before_or_same(const Date& a, const Date& b) {
  return a.to_compact() <= b.to_compact();
}

}  // namespace

Xapian::Query date_range_query(const Xapian::Database& database,
                               std::optional<Date> from,
                               std::optional<Date> to) {
  // The range is cut to the index's own first and last dates (which also
  // close open ends), so the terms never outnumber the days indexed.
  const std::optional<Date> first =
      parse_iso_date(database.get_value_lower_bound(schema::kSlotPublished));
  const std::optional<Date> last =
      parse_iso_date(database.get_value_upper_bound(schema::kSlotPublished));
  if (!first || !last) return Xapian::Query::MatchNothing;
  if (!from || is_before_or_same(*from, *first)) from = first;
  if (!to || is_before_or_same(*last, *to)) to = last;
  if (!is_before_or_same(*from, *to)) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> terms;
  Date cursor = *from;
  while (is_before_or_same(cursor, *to)) {
    const std::string day = cursor.to_compact();
    const Date year_end{cursor.year, 12, 31};
    const Date month_end{cursor.year, cursor.month,
                         days_in_month(cursor.year, cursor.month)};
    if (cursor.month == 1 && cursor.day == 1 &&
        is_before_or_same(year_end, *to)) {
      terms.emplace_back(schema::kYearPrefix + day.substr(0, 4));
      cursor = Date{cursor.year + 1, 1, 1};
    } else if (cursor.day == 1 && is_before_or_same(month_end, *to)) {
      terms.emplace_back(schema::kMonthPrefix + day.substr(0, 6));
      cursor = next_day(month_end);
    } else {
      terms.emplace_back(schema::kDatePrefix + day);
      cursor = next_day(cursor);
    }
  }
  return Xapian::Query(
      Xapian::Query::OP_SCALE_WEIGHT,
      Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0);
}

namespace {

// The wqf and position of a LEAF_TERM query: Xapian 1.4 has no accessor for
// them, but its description is "Query(<term>[#<wqf>][@<pos>])". A stem term
// holds no '#' or '@' (words are letters and digits), so the suffix is
// unambiguous.
std::pair<Xapian::termcount, Xapian::termpos> leaf_wqf_and_position(
    const Xapian::Query& leaf) {
  const std::string description = leaf.get_description();
  std::string_view text = description;
  if (text.size() >= 7 && text.back() == ')') text.remove_suffix(1);
  const auto take_number_after = [&text](char mark) -> std::uint64_t {
    std::size_t digits = text.size();
    while (digits > 0 && text[digits - 1] >= '0' && text[digits - 1] <= '9') {
      --digits;
    }
    if (digits == text.size() || digits == 0 || text[digits - 1] != mark) {
      return 0;
    }
    std::uint64_t number = 0;
    for (std::size_t i = digits; i < text.size(); ++i) {
      number = number * 10 + static_cast<std::uint64_t>(text[i] - '0');
    }
    text.remove_suffix(text.size() - digits + 1);
    return number;
  };
  const auto position = static_cast<Xapian::termpos>(take_number_after('@'));
  const std::uint64_t wqf = take_number_after('#');
  return {wqf == 0 ? 1 : static_cast<Xapian::termcount>(wqf), position};
}

bool holds_stem_term(const Xapian::Query& query) {
  for (auto term = query.get_unique_terms_begin();
       term != query.get_unique_terms_end(); ++term) {
    if (!(*term).empty() && (*term)[0] == schema::kStemPrefix[0]) return true;
  }
  return false;
}

}  // namespace

Xapian::Query QueryBuilder::with_own_stems(const Xapian::Query& query) {
  if (!holds_stem_term(query)) return query;
  const Xapian::Query::op type = query.get_type();
  switch (type) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *query.get_terms_begin();
      // "Z" or "ZS" alone is no stem term (the word would be the empty
      // term, which matches every document).
      if (term.size() < 2 || term == "ZS") return query;
      const auto [wqf, position] = leaf_wqf_and_position(query);
      const Xapian::Query own(term.substr(1), wqf, position);
      return Xapian::Query(Xapian::Query::OP_SYNONYM, query, own);
    }
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
      std::vector<Xapian::Query> subqueries;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        subqueries.push_back(with_own_stems(query.get_subquery(i)));
      }
      return Xapian::Query(type, subqueries.begin(), subqueries.end());
    }
    default:
      // Operators with a parameter Xapian 1.4 does not give back (NEAR,
      // PHRASE, ELITE_SET, SCALE_WEIGHT): the QueryParser puts no stem term
      // under them.
      return query;
  }
}

const std::vector<std::string>& QueryBuilder::field_names() {
  static const std::vector<std::string> kNames = {
      kTitleField, kBodyField,     kOutletField, kAuthorField,
      kSiteField,  kLanguageField, kUrlField,    kDateField};
  return kNames;
}

QueryBuilder::QueryBuilder(text::Analyzer& analyzer,
                           const Xapian::Database& database)
    : analyzer_(analyzer),
      outlet_processor_(analyzer, outlet_filter_term),
      author_processor_(analyzer, author_filter_term),
      site_processor_(analyzer, site_filter_term),
      language_processor_(analyzer, language_filter_term),
      url_processor_(analyzer, url_filter_term),
      date_range_processor_(database),
      database_(database) {
  parser_.set_database(database);
  // Version 1 indexes gave every word a Z term (docs/schema.md). Of
  // several databases, the first one's version is taken.
  needs_own_stem_synonyms_ =
      database.get_metadata(schema::kMetaSchemaVersion) != "1";
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_stemmer(analyzer_.stemmer());
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  stopper_ = text::make_stopper(analyzer_.language());
  if (stopper_) parser_.set_stopper(stopper_.get());
  parser_.set_max_expansion(kMaxWildcardExpansion,
                            Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                            Xapian::QueryParser::FLAG_WILDCARD);
  // Free text searches title and body; body: and title: one of them.
  parser_.add_prefix("", "");
  parser_.add_prefix("", schema::kTitlePrefix);
  parser_.add_prefix(kBodyField, "");
  parser_.add_prefix(kTitleField, schema::kTitlePrefix);
  parser_.add_boolean_prefix(kOutletField, &outlet_processor_);
  parser_.add_boolean_prefix(kAuthorField, &author_processor_);
  parser_.add_boolean_prefix(kSiteField, &site_processor_);
  parser_.add_boolean_prefix(kLanguageField, &language_processor_);
  parser_.add_boolean_prefix(kUrlField, &url_processor_);
  parser_.add_boolean_prefix(kDateField, &date_processor_);
  parser_.add_rangeprocessor(&date_range_processor_);
}

QueryBuilder::~QueryBuilder() = default;

Result<Xapian::Query> QueryBuilder::build(const SearchRequest& request) {
  if (Status syntax = check_query_syntax(request.query, field_names());
      !syntax) {
    return syntax.error();
  }
  static const std::vector<std::string> kRawValueFields = {
      kOutletField,   kAuthorField, kSiteField,
      kLanguageField, kUrlField,    kDateField};
  const std::string normalized = analyzer_.normalize_query(
      without_stray_ranges(request.query), field_names(), kRawValueFields);
  parser_.set_default_op(request.is_any ? Xapian::Query::OP_OR
                                        : Xapian::Query::OP_AND);
  Xapian::Query query;
  try {
    query = parser_.parse_query(normalized, kParserFlags);
    if (needs_own_stem_synonyms_) query = with_own_stems(query);
  } catch (const Xapian::QueryParserError& error) {
    return Error::query_syntax("query syntax error in \"" + request.query +
                               "\": " + error.get_msg());
  } catch (const Xapian::Error& error) {
    return Error::internal("cannot parse query " + request.query + ": " +
                           error.get_description());
  }
  if (query.empty()) return query;

  std::vector<Xapian::Query> filters;
  const auto terms_for = [this](const std::vector<std::string>& values,
                                KeyFieldProcessor::KeyFunction key) {
    std::vector<std::string> terms;
    for (const std::string& value : values)
      terms.push_back(key(analyzer_, value));
    return terms;
  };
  if (!request.outlets.empty()) {
    filters.push_back(any_of(terms_for(request.outlets, outlet_filter_term)));
  }
  if (!request.sites.empty()) {
    filters.push_back(any_of(terms_for(request.sites, site_filter_term)));
  }
  if (!request.language.empty()) {
    filters.emplace_back(language_filter_term(analyzer_, request.language));
  }
  if (request.from || request.to) {
    filters.push_back(date_range_query(database_, request.from, request.to));
  }
  for (const Xapian::Query& filter : filters) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  }
  if (!request.excluded_outlets.empty()) {
    query = Xapian::Query(
        Xapian::Query::OP_AND_NOT, query,
        any_of(terms_for(request.excluded_outlets, outlet_filter_term)));
  }
  return query;
}

}  // namespace news::searcher
