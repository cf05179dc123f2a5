#include "searcher/query_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "common/text/analyzer.h"

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
      {"army or navy", {}, {"Zarmi", "Zor", "Znavi"}, {"Zarmi@1 OR Znavi"}},
      // Free text searches body and title; title: and body: one of them.
      {"army", {}, {"Zarmi@1 OR ZSarmi@1"}},
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
    EXPECT_EQ(query.error().message().rfind("query syntax error: ", 0), 0u)
        << query.error().message();
    EXPECT_NE(query.error().message().find(" in: " + text), std::string::npos)
        << query.error().message();
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

}  // namespace
}  // namespace news::searcher
