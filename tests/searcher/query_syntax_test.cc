#include "searcher/query_syntax.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "searcher/query_builder.h"
#include "searcher/request_values.h"

namespace news::searcher {
namespace {

const std::vector<std::string>& fields() { return QueryBuilder::field_names(); }

TEST(CheckQuerySyntax, AcceptsTheQueryLanguage) {
  const std::vector<std::string> good = {
      "army",
      "army navy",
      "army AND navy",
      "army OR (navy AND \"air force\")",
      "army NOT navy",
      "NOT navy",
      "army AND NOT navy",
      "army XOR navy",
      "+army -navy",
      "army NEAR navy",
      "army NEAR/5 navy",
      "\"red army\" ADJ/3 navy",
      "defea*",
      "title:army body:navy",
      "outlet:\"Russia Today\" army",
      "-outlet:rt army",
      "author:\"Jane Doe\" site:www.rt.com lang:en",
      "url:https://example.org/a?b=c",
      "date:2019 date:2019-03 date:2019-03-01",
      "date:2019-03-01..2019-03-31 date:..2018-12-31 date:2019-03-01..",
      "date:2019..2020",
      "date:2020-02-29",
      "see http://example.org/x",
      "10:30 meeting",
      "Zürich",
  };
  for (const std::string& query : good) {
    const Status status = check_query_syntax(query, fields());
    EXPECT_TRUE(status.ok()) << query << ": " << status.error().message();
  }
}

TEST(CheckQuerySyntax, SaysWhereAQueryWentWrong) {
  struct Case {
    std::string query;
    std::string message;  // the whole message after the column
  };
  const std::vector<Case> cases = {
      {"army AND",
       "column 6 of \"army AND\": \"AND\" needs a term on both sides"},
      {"OR army", "column 1 of \"OR army\": \"OR\" needs a term on both sides"},
      {"army AND AND navy", "column 6 of \"army AND AND navy\": \"AND\" needs"},
      {"army XOR", "column 6 of \"army XOR\": \"XOR\" needs"},
      {"army NOT", "column 6 of \"army NOT\": \"NOT\" needs a term after it"},
      {"NOT NOT army", "column 1 of \"NOT NOT army\": \"NOT\" needs"},
      {"NOT", "column 1 of \"NOT\": \"NOT\" needs a term after it"},
      {"army NEAR",
       "column 6 of \"army NEAR\": \"NEAR\" needs a word or "
       "phrase on both sides"},
      {"NEAR/3 army", "column 1 of \"NEAR/3 army\": \"NEAR/3\" needs"},
      {"(army OR navy) NEAR x", "column 16"},
      {"army ADJ", "column 6"},
      {"(army", "column 1 of \"(army\": the \"(\" opened here is never closed"},
      {"army)", "column 5 of \"army)\": \")\" closes no \"(\""},
      {"army ()", "column 6 of \"army ()\": empty parentheses"},
      {"\"army",
       "column 1 of \"\"army\": the quote opened here is never closed"},
      {"title:\"army", "column 7"},
      {"Zürich foo:bar",
       "column 8 of \"Zürich foo:bar\": unknown field \"foo\""},
      {"-foo:bar", "column 2"},
      {"title:", "column 1 of \"title:\": field \"title\" needs a value"},
      {"outlet:\"\"", "field \"outlet\" needs a value"},
      {"date:2019-02-30",
       "column 6 of \"date:2019-02-30\": \"2019-02-30\" "
       "is not a date"},
      {"date:2019-13", "\"2019-13\" is not a date"},
      {"date:19", "\"19\" is not a date"},
      {"date:yesterday", "\"yesterday\" is not a date"},
      {"date:2019-01-01..2019-02-30", "column 18"},
      {"date:2019..2018", "the date range ends before it starts"},
      {"date:..", "a date range needs at least one end"},
      {"", "the query is empty"},
      {"  \t", "the query is empty"},
  };
  for (const Case& test : cases) {
    const Status status = check_query_syntax(test.query, fields());
    ASSERT_FALSE(status.ok()) << test.query;
    EXPECT_EQ(status.error().code(), ErrorCode::kQuerySyntax) << test.query;
    EXPECT_EQ(status.error().message().rfind("query syntax error", 0), 0u)
        << status.error().message();
    EXPECT_NE(status.error().message().find(test.message), std::string::npos)
        << test.query << " gave: " << status.error().message();
  }
}

TEST(ParseDateBound, ReadsYearsMonthsAndDaysAsInclusiveBounds) {
  struct Case {
    std::string text;
    std::string start;  // "" = not a date
    std::string end;
  };
  const std::vector<Case> cases = {
      {"2019", "20190101", "20191231"},
      {"2019-02", "20190201", "20190228"},
      {"2020-02", "20200201", "20200229"},
      {"2019-04", "20190401", "20190430"},
      {"2019-03-05", "20190305", "20190305"},
      {"20190305", "20190305", "20190305"},
      {"2019-02-29", "", ""},
      {"2019-13", "", ""},
      {"2019-00-10", "", ""},
      {"201", "", ""},
      {"2019-1-01", "", ""},
      {"", "", ""},
  };
  for (const Case& test : cases) {
    const auto start = parse_date_bound(test.text, false);
    const auto end = parse_date_bound(test.text, true);
    EXPECT_EQ(start ? start->to_compact() : "", test.start) << test.text;
    EXPECT_EQ(end ? end->to_compact() : "", test.end) << test.text;
  }
}

TEST(RequestValues, EchoBadValuesWithTheValidOnes) {
  const Result<std::vector<Facet>> facets =
      parse_facet_list("--facets", "outlet,colour");
  ASSERT_FALSE(facets.ok());
  EXPECT_EQ(facets.error().message(),
            "--facets must be one of: outlet, lang, year, month, author, site "
            "(got \"colour\")");
  const Result<std::vector<Facet>> none = parse_facet_list("--facets", "none");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value().empty());
  const Result<std::vector<HitField>> fields =
      parse_field_list("--fields", "rank, title,body");
  ASSERT_TRUE(fields.ok()) << fields.error().message();
  EXPECT_EQ(fields.value(),
            (std::vector<HitField>{HitField::kRank, HitField::kTitle,
                                   HitField::kBody}));
  EXPECT_FALSE(parse_field_list("--fields", "").ok());
  EXPECT_FALSE(parse_sort_order("--sort", "newest").ok());
  EXPECT_EQ(parse_sort_order("--sort", "-date").value(),
            SortOrder::kDateDescending);
}

}  // namespace
}  // namespace news::searcher
