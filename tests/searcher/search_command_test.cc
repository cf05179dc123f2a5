#include "searcher/search_command.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/searcher/test_index.h"
#include "tests/support/test_support.h"

namespace news::searcher {
namespace {

using testing::make_article;

struct Outcome {
  ExitCode exit_code;
  std::string out;
  std::string err;
};

class SearchCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_index(
        path_,
        {make_article("war", "SouthFront", "Army defeated",
                      "The army was defeated near Donetsk.", Date{2019, 3, 23}),
         make_article("navy", "Russia Today", "Navy drills",
                      "The navy and the army held drills.")});
  }

  Outcome run(const std::string& query, OutputFormat format,
              std::vector<std::string> paths = {}) {
    SearchRequest request;
    request.database_paths =
        paths.empty() ? std::vector<std::string>{path_} : paths;
    request.query = query;
    request.format = format;
    request.color = ColorMode::kAuto;
    std::ostringstream out;
    std::ostringstream err;
    const ExitCode code =
        run_search_command(request, /*is_terminal=*/false, out, err);
    return {code, out.str(), err.str()};
  }

  ::news::testing::TempDir dir_;
  const std::string path_ = dir_.file("index");
};

TEST_F(SearchCommandTest, ExitsWithTheDocumentedCodes) {
  struct Case {
    std::string query;
    std::vector<std::string> paths;
    ExitCode expected;
    std::string expected_err;  // a fragment; "" for no error output
  };
  const std::vector<Case> cases = {
      {"army", {}, ExitCode::kMatches, ""},
      {"zebra", {}, ExitCode::kNoMatches, ""},
      {"army AND",
       {},
       ExitCode::kUsage,
       "news-search: query syntax error at column 6 of \"army AND\": "
       "\"AND\" needs a term on both sides\n"},
      {"army",
       {dir_.file("nowhere")},
       ExitCode::kIndex,
       "news-search: " + dir_.file("nowhere") + ": no such index"},
  };
  for (const Case& test : cases) {
    const Outcome outcome = run(test.query, OutputFormat::kText, test.paths);
    EXPECT_EQ(outcome.exit_code, test.expected) << test.query;
    if (test.expected_err.empty()) {
      EXPECT_EQ(outcome.err, "") << test.query;
    } else {
      EXPECT_NE(outcome.err.find(test.expected_err), std::string::npos)
          << test.query << " wrote: " << outcome.err;
      EXPECT_EQ(outcome.out, "") << test.query;
    }
  }
}

TEST_F(SearchCommandTest, JsonAndTextShowTheSameHits) {
  const Outcome text = run("army", OutputFormat::kText);
  const Outcome json = run("army", OutputFormat::kJson);
  ASSERT_EQ(json.exit_code, ExitCode::kMatches) << json.err;
  const nlohmann::json document = nlohmann::json::parse(json.out);
  EXPECT_EQ(document["total"], 2);
  ASSERT_EQ(document["hits"].size(), 2u);
  for (const nlohmann::json& hit : document["hits"]) {
    const std::string heading = std::to_string(hit["rank"].get<int>()) + ". " +
                                hit["title"].get<std::string>() + "\n";
    EXPECT_NE(text.out.find(heading), std::string::npos)
        << heading << " not in:\n"
        << text.out;
    EXPECT_NE(text.out.find("   " + hit["snippet"].get<std::string>() + "\n"),
              std::string::npos)
        << hit["snippet"] << " not in:\n"
        << text.out;
  }
  EXPECT_NE(text.out.find("Outlets: Russia Today 1, SouthFront 1\n"),
            std::string::npos)
      << text.out;
}

TEST_F(SearchCommandTest, MarksHighlightsWithStarsWhenNotATerminal) {
  const Outcome text = run("defeat", OutputFormat::kText);
  EXPECT_NE(text.out.find("The army was **defeated** near Donetsk."),
            std::string::npos)
      << text.out;
}

}  // namespace
}  // namespace news::searcher
