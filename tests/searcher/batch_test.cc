#include "searcher/batch.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace news::searcher {
namespace {

SearchRequest defaults() {
  SearchRequest request;
  request.database_paths = {"db"};
  request.limit = 7;
  request.format = OutputFormat::kJsonl;
  return request;
}

TEST(ParseBatchLine, SkipsBlankAndCommentLines) {
  for (const std::string line : {"", "   ", "\t", "# a comment", "  # too"}) {
    EXPECT_FALSE(parse_batch_line(line, 3, defaults()).has_value())
        << "[" << line << "]";
  }
}

TEST(ParseBatchLine, TakesAPlainLineAsTheQueryWithTheDefaults) {
  const auto entry = parse_batch_line("red army\r", 4, defaults());
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->tag.line, 4u);
  EXPECT_EQ(entry->tag.id, "");
  ASSERT_TRUE(entry->request.ok());
  EXPECT_EQ(entry->request.value().query, "red army");
  EXPECT_EQ(entry->request.value().limit, 7u);
  EXPECT_EQ(entry->request.value().format, OutputFormat::kJsonl);
}

TEST(ParseBatchLine, ReadsJsonRequestsWithPerQueryOptions) {
  const auto entry = parse_batch_line(
      R"({"id": "q1", "query": "army", "limit": 3, "offset": 6,
          "outlet": ["RT", "SouthFront"], "exclude_outlet": "TASS",
          "site": "rt.com", "from": "2019", "to": "2019-02", "lang": "ru",
          "sort": "-date", "facets": ["outlet", "year"], "facet_limit": 2,
          "count": true, "any": true})",
      9, defaults());
  ASSERT_TRUE(entry.has_value());
  ASSERT_TRUE(entry->request.ok()) << entry->request.error().message();
  const SearchRequest& request = entry->request.value();
  EXPECT_EQ(entry->tag.id, "q1");
  EXPECT_EQ(request.query, "army");
  EXPECT_EQ(request.limit, 3u);
  EXPECT_EQ(request.offset, 6u);
  EXPECT_EQ(request.outlets, (std::vector<std::string>{"RT", "SouthFront"}));
  EXPECT_EQ(request.excluded_outlets, std::vector<std::string>{"TASS"});
  EXPECT_EQ(request.sites, std::vector<std::string>{"rt.com"});
  EXPECT_EQ(request.from->to_iso(), "2019-01-01");
  EXPECT_EQ(request.to->to_iso(), "2019-02-28");
  EXPECT_EQ(request.language, "ru");
  EXPECT_EQ(request.sort, SortOrder::kDateDescending);
  EXPECT_EQ(request.facets, (std::vector<Facet>{Facet::kOutlet, Facet::kYear}));
  EXPECT_EQ(request.facet_limit, 2u);
  EXPECT_TRUE(request.is_count_only);
  EXPECT_TRUE(request.is_any);
  EXPECT_EQ(request.database_paths, std::vector<std::string>{"db"});

  const auto numbered =
      parse_batch_line(R"({"id": 12, "query": "x"})", 1, defaults());
  EXPECT_EQ(numbered->tag.id, "12");
}

TEST(ParseBatchLine, ReportsWhatIsWrongWithARequest) {
  struct Case {
    std::string line;
    ErrorCode code;
    std::string message;  // a fragment
  };
  const std::vector<Case> cases = {
      {R"({"query": "x", "colour": 1})", ErrorCode::kUsage,
       "unknown member \"colour\""},
      {R"({"query": "x", "limit": -1})", ErrorCode::kUsage,
       "\"limit\" must be a whole number"},
      {R"({"query": "x", "limit": "5"})", ErrorCode::kUsage, "\"limit\""},
      {R"({"query": 5})", ErrorCode::kUsage, "\"query\" must be a string"},
      {R"({"query": "x", "from": "2019-02-30"})", ErrorCode::kUsage,
       "\"from\" must be a date"},
      {R"({"query": "x", "from": "2020", "to": "2019"})", ErrorCode::kUsage,
       "\"from\" is after \"to\""},
      {R"({"query": "x", "sort": "new"})", ErrorCode::kUsage,
       "\"sort\" must be one of"},
      {R"({"query": "x", "outlet": [1]})", ErrorCode::kUsage,
       "\"outlet\" must hold strings"},
      {R"({"id": "q"})", ErrorCode::kQuerySyntax, "the query is empty"},
      {R"({"query": "   "})", ErrorCode::kQuerySyntax, "the query is empty"},
      {R"({"query": "x",)", ErrorCode::kUsage, "not a JSON object"},
  };
  for (const Case& test : cases) {
    const auto entry = parse_batch_line(test.line, 2, defaults());
    ASSERT_TRUE(entry.has_value()) << test.line;
    ASSERT_FALSE(entry->request.ok()) << test.line;
    EXPECT_EQ(entry->request.error().code(), test.code) << test.line;
    EXPECT_NE(entry->request.error().message().find(test.message),
              std::string::npos)
        << test.line << " gave: " << entry->request.error().message();
  }
}

}  // namespace
}  // namespace news::searcher
