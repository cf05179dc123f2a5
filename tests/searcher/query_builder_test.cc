#include "searcher/query_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "common/schema.h"
#include "common/text/analyzer.h"
#include "indexer/article_to_document.h"
#include "tests/support/test_support.h"

namespace news::searcher {
namespace {

SearchRequest request_for(const std::string& query,
                          std::vector<std::string> outlets = {}) {
  SearchRequest request;
  request.database_paths = {"unused"};
  request.query = query;
  request.outlets = std::move(outlets);
  return request;
}

struct ParseCase {
  std::string query;
  std::vector<std::string> outlets;
  // Fragments the parsed query's description must contain.
  std::vector<std::string> expected;
  // Fragments it must not contain.
  std::vector<std::string> unexpected = {};
};

TEST(QueryBuilder, ParsesQueriesWithTheIndexSchema) {
  const std::vector<ParseCase> cases = {
      {"army", {}, {"Zarmi"}},
      {"army troops", {}, {"Zarmi", " AND ", "Ztroop"}},
      {"army OR navy", {}, {"Zarmi", " OR ", "Znavi"}},
      {"army NOT navy", {}, {"Zarmi", " AND_NOT ", "Znavi"}},
      {"army -navy", {}, {"Zarmi", " AND_NOT ", "Znavi"}},
      {"army XOR navy", {}, {" XOR "}},
      // Operators count only in capitals: "or" is a word.
      {"army or navy", {}, {"Zarmi", "Znavi"}, {" OR (Znavi", "Zor"}},
      // English stop-words go from free text, stay in phrases.
      {"the army", {}, {"Zarmi"}, {"Zthe"}},
      {"\"the army\"", {}, {"the@1", "army@2"}},
      // Free text searches body and title; title: and body: one of them.
      // A stem term is a synonym with the word that is the stem itself,
      // which has no Z term of its own (schema version 2).
      {"army", {}, {"(Zarmi@1 SYNONYM armi@1) OR (ZSarmi@1 SYNONYM Sarmi@1)"}},
      {"runs", {}, {"(Zrun@1 SYNONYM run@1) OR (ZSrun@1 SYNONYM Srun@1)"}},
      {"runs -walking", {}, {"AND_NOT ((Zwalk@2 SYNONYM walk@2) OR"}},
      {"body:army", {}, {"Zarmi"}, {"ZSarmi"}},
      {"NOT army", {}, {"<alldocuments>", "AND_NOT", "Zarmi"}},
      {"\"defeated army\"", {}, {"PHRASE 2", "defeated@1", "army@2"}},
      {"army NEAR navy", {}, {" NEAR "}},
      {"army ADJ/3 navy", {}, {" PHRASE "}},
      {"title:army", {}, {"ZSarmi"}, {"Zarmi"}},
      {"title:\"red army\"", {}, {"Sred", "Sarmy", "PHRASE 2"}},
      {"defea*", {}, {"WILDCARD", "defea"}},
      // The index normalisation: accents, case, apostrophes, full width.
      {"Café", {}, {"Zcafe"}},
      {"CAFÉ", {}, {"Zcafe"}},
      {"Putin's", {}, {"Zputin"}, {"'"}},
      {"ＡＲＭＹ", {}, {"Zarmi"}},
      {"outlet:southfront army", {}, {"Zarmi", "FILTER", "XOsouthfront"}},
      {"outlet:SouthFront army", {}, {"FILTER", "XOsouthfront"}},
      {"outlet:\"Russia Today\" army", {}, {"FILTER", "XOrussia today"}},
      {"army outlet:a outlet:b", {}, {"XOa", " OR ", "XOb"}},
      {"army",
       {"SouthFront", "Russia  Today"},
       {"Zarmi", "FILTER", "XOsouthfront", " OR ", "XOrussia today"}},
      // Boolean fields: the keys the indexer writes.
      {"author:\"Jane  DOE\" army", {}, {"FILTER", "Ajane doe"}},
      {"site:www.RT.com army", {}, {"FILTER", "Hrt.com"}, {"www"}},
      {"site:https://www.rt.com/news/x army", {}, {"Hrt.com"}},
      {"lang:EN army", {}, {"FILTER", "Len"}},
      {"url:https://example.org/A?b=1", {}, {"Uhttps://example.org/A?b=1"}},
      // Dates: a year, month or day as its term; ranges over slot 0.
      {"date:2019 army", {}, {"FILTER", "Y2019"}},
      {"date:2019-03 army", {}, {"FILTER", "M201903"}},
      {"date:2019-03-01 army", {}, {"FILTER", "D20190301"}},
      {"date:2019", {}, {"Y2019"}},
  };
  Xapian::Database empty;
  text::Analyzer analyzer("en");
  QueryBuilder builder(analyzer, empty);
  for (const ParseCase& test : cases) {
    const Result<Xapian::Query> query =
        builder.build(request_for(test.query, test.outlets));
    ASSERT_TRUE(query.ok()) << test.query << ": " << query.error().message();
    const std::string description = query.value().get_description();
    for (const std::string& fragment : test.expected) {
      EXPECT_NE(description.find(fragment), std::string::npos)
          << "query " << test.query << " parsed as " << description
          << ", expected " << fragment;
    }
    for (const std::string& fragment : test.unexpected) {
      EXPECT_EQ(description.find(fragment), std::string::npos)
          << "query " << test.query << " parsed as " << description
          << ", did not expect " << fragment;
    }
  }
}

TEST(QueryBuilder, ReportsSyntaxErrorsWithTheQuery) {
  const std::vector<std::string> bad_queries = {
      "army AND", "OR army", "army NOT", "army AND AND navy", "NOT NOT army"};
  Xapian::Database empty;
  text::Analyzer analyzer("en");
  QueryBuilder builder(analyzer, empty);
  for (const std::string& text : bad_queries) {
    const Result<Xapian::Query> query = builder.build(request_for(text));
    ASSERT_FALSE(query.ok())
        << text << " parsed as " << query.value().get_description();
    EXPECT_EQ(query.error().code(), ErrorCode::kQuerySyntax) << text;
    EXPECT_EQ(query.error().message().rfind("query syntax error at column ", 0),
              0u)
        << query.error().message();
    EXPECT_NE(query.error().message().find(" of \"" + text + "\": "),
              std::string::npos)
        << query.error().message();
  }
}

TEST(QueryBuilder, AddsTheFlagFiltersToTheQuery) {
  Xapian::Database empty;
  text::Analyzer analyzer("en");
  QueryBuilder builder(analyzer, empty);
  SearchRequest request = request_for("army navy");
  request.excluded_outlets = {"TASS", "RIA Novosti"};
  request.sites = {"www.RT.com"};
  request.language = "en";
  request.is_any = true;
  const Result<Xapian::Query> query = builder.build(request);
  ASSERT_TRUE(query.ok()) << query.error().message();
  const std::string description = query.value().get_description();
  for (const std::string fragment :
       {"Sarmi@1)) OR ((Znavi@2 SYNONYM navi@2)", "FILTER Hrt.com",
        "FILTER Len", "AND_NOT (XOtass OR XOria novosti)"}) {
    EXPECT_NE(description.find(fragment), std::string::npos)
        << description << " lacks " << fragment;
  }
  // Dates in an index without dates match nothing (date_range_query has
  // its own test).
  request.to = Date{2019, 6, 30};
  EXPECT_TRUE(builder.build(request).value().empty());
}

TEST(QueryBuilder, MakesEachStemTermASynonymWithItsWordKeepingWqfAndPosition) {
  using Q = Xapian::Query;
  const Q built(Q::OP_AND_MAYBE, Q(Q::OP_OR, Q("Zrun", 2, 3), Q("ZSrun", 1, 3)),
                Q(Q::OP_FILTER, Q("Zwar"), Q("XOrt")));
  EXPECT_EQ(QueryBuilder::with_own_stems(built).get_description(),
            "Query((((Zrun#2@3 SYNONYM run#2@3) OR (ZSrun@3 SYNONYM Srun@3)) "
            "AND_MAYBE ((Zwar SYNONYM war) FILTER XOrt)))");
  // Neither phrases, filter terms nor the bare prefixes change.
  const Q phrase(Q::OP_PHRASE, Q("war", 1, 1), Q("zone", 1, 2));
  for (const Q& same : {phrase, Q("Z"), Q("ZS"), Q("XOrt"), Q()}) {
    EXPECT_EQ(QueryBuilder::with_own_stems(same).get_description(),
              same.get_description());
  }
}

TEST(QueryBuilder, BuildsTheUrlAndIdTermsAsTheIndexerDoes) {
  text::Analyzer analyzer("en");
  const std::string long_url =
      "https://example.org/" + std::string(300, 'x') + "?page=2";
  for (const std::string& url : {std::string("https://example.org/a"), long_url,
                                 std::string(schema::kMaxIdBytes, 'u')}) {
    EXPECT_EQ(url_filter_term(analyzer, url),
              indexer::ArticleToDocument::url_term(url))
        << url;
  }
}

TEST(QueryBuilder, GivesAnEmptyQueryWhenNoWordsRemain) {
  Xapian::Database empty;
  text::Analyzer analyzer("en");
  QueryBuilder builder(analyzer, empty);
  const Result<Xapian::Query> query = builder.build(request_for("... !!"));
  ASSERT_TRUE(query.ok()) << query.error().message();
  EXPECT_TRUE(query.value().empty()) << query.value().get_description();
}

TEST(DateRangeQuery, CoversTheRangeWithTheFewestTermsAndOpenEndsFromTheIndex) {
  struct Case {
    std::optional<Date> from;
    std::optional<Date> to;
    std::string expected;  // the terms, in the query's description
  };
  const Case cases[] = {
      {Date{2019, 3, 1}, Date{2019, 3, 31}, "M201903"},
      // Cut to the indexed span, whatever the years asked for.
      {Date{1000, 1, 1}, Date{9999, 12, 31}, "(Y2000 OR Y2001 OR Y2002"},
      {Date{2019, 3, 30}, Date{2019, 4, 2},
       "D20190330 OR D20190331 OR D20190401 OR D20190402"},
      {Date{2018, 12, 1}, Date{2020, 1, 1}, "M201812 OR Y2019 OR D20200101"},
      {Date{2020, 2, 28}, Date{2020, 3, 1},
       "D20200228 OR D20200229 OR D20200301"},
      // Open ends are the index's first (2000-01-01) and last (2030-12-31)
      // dates.
      {std::nullopt, Date{2000, 1, 2}, "(D20000101 OR D20000102)"},
      {Date{2030, 12, 30}, std::nullopt, "(D20301230 OR D20301231)"},
  };
  testing::TempDir dir;
  {
    Xapian::WritableDatabase database(dir.file("index"), Xapian::DB_CREATE);
    for (const char* day : {"20000101", "20301231"}) {
      Xapian::Document document;
      document.add_value(schema::kSlotPublished, day);
      database.add_document(document);
    }
    database.commit();
  }
  const Xapian::Database database(dir.file("index"));
  for (const Case& c : cases) {
    const std::string description =
        date_range_query(database, c.from, c.to).get_description();
    EXPECT_NE(description.find(c.expected), std::string::npos)
        << (c.from ? c.from->to_iso() : "..") << " to "
        << (c.to ? c.to->to_iso() : "..") << ": " << description;
  }
  EXPECT_TRUE(
      date_range_query(database, Date{2019, 5, 1}, Date{2019, 4, 1}).empty());
  EXPECT_TRUE(
      date_range_query(database, Date{2031, 1, 1}, std::nullopt).empty());
}

}  // namespace
}  // namespace news::searcher
