#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "searcher/format/json_formatter.h"
#include "searcher/format/result_formatter.h"
#include "searcher/format/text_formatter.h"

namespace news::searcher {
namespace {

SearchResults sample_results() {
  SearchResults results;
  results.summary.query = "defeat";
  results.summary.parsed_query = "Query(Zdefeat@1)";
  results.summary.provenance.tool_version = "news-search 9.9";
  results.summary.provenance.databases = {
      {"db1", 10, "2024-05-01T12:00:00Z", "1", "u1"},
      {"db2", 20, "2024-05-02T12:00:00Z", "1", "u2"}};
  results.summary.provenance.analyzer_settings = "analyzer=1";
  results.summary.provenance.main_language = "en";
  results.summary.stemmer_language = "en";
  results.summary.total_matches = 3;
  results.summary.offset = 0;
  results.summary.limit = 2;

  Hit first;
  first.rank = 1;
  first.docid = 7;
  first.weight = 1.5;
  first.percent = 100;
  first.id = "https://example.org/war";
  first.title = "Army defeated";
  first.outlet = "SouthFront";
  first.published = Date{2019, 3, 23};
  first.path = "corpus/war.txt";
  first.url = "https://example.org/war";
  first.snippet.text = "The army was defeated near Donetsk\u2026";
  first.snippet.highlights = {{13, 21}};

  Hit second;
  second.rank = 2;
  second.docid = 3;
  second.weight = 0.75;
  second.percent = 50;
  second.id = "corpus/x.txt";
  second.title = "Bad\x1b[31mtitle";
  second.outlet = "unknown";
  second.path = "corpus/x.txt";
  second.snippet.text = "Defeating tea.";
  second.snippet.highlights = {{0, 9}};

  results.hits = {first, second};
  results.facets = {{"outlet", {{"SouthFront", 2}, {"unknown", 1}}}};
  return results;
}

std::string render(OutputFormat format, bool is_color) {
  std::ostringstream out;
  FormatOptions options;
  options.format = format;
  options.is_color = is_color;
  const std::unique_ptr<ResultFormatter> formatter =
      make_formatter(options, out);
  write_results(sample_results(), *formatter);
  return out.str();
}

TEST(TextFormatter, WritesHeaderHitsAndFacetsForPeople) {
  EXPECT_EQ(render(OutputFormat::kText, false),
            "3 matches for \"defeat\"; showing 1-2\n"
            "\n"
            "1. Army defeated\n"
            "   SouthFront \u00b7 2019-03-23 \u00b7 corpus/war.txt \u00b7 "
            "https://example.org/war\n"
            "   The army was **defeated** near Donetsk\u2026\n"
            "\n"
            "2. Bad [31mtitle\n"
            "   unknown \u00b7 corpus/x.txt\n"
            "   **Defeating** tea.\n"
            "\n"
            "Outlets: SouthFront 2, unknown 1\n"
            "\n"
            "More: --offset 2\n");
}

TEST(TextFormatter, MarksHighlightsWithAnsiBoldInColor) {
  const std::string text = render(OutputFormat::kText, true);
  EXPECT_NE(text.find("The army was \x1b[1mdefeated\x1b[0m near"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("**"), std::string::npos) << text;
}

TEST(TextFormatter, SaysSoWhenNothingMatched) {
  SearchResults results;
  results.summary.query = "zebra";
  results.summary.limit = 10;
  std::ostringstream out;
  TextFormatter formatter(out, false);
  write_results(results, formatter);
  EXPECT_EQ(out.str(), "No matches for \"zebra\"\n");
}

TEST(UseColor, FollowsTheColorModeAndTheTerminal) {
  EXPECT_TRUE(use_color(ColorMode::kAuto, true));
  EXPECT_FALSE(use_color(ColorMode::kAuto, false));
  EXPECT_TRUE(use_color(ColorMode::kAlways, false));
  EXPECT_FALSE(use_color(ColorMode::kNever, true));
}

TEST(JsonFormatter, WritesOneVersionedDocument) {
  const std::string text = render(OutputFormat::kJson, false);
  const nlohmann::json document = nlohmann::json::parse(text);
  EXPECT_EQ(document["format"], "news-search/2");
  EXPECT_EQ(document["query"], "defeat");
  EXPECT_EQ(document["parsed_query"], "Query(Zdefeat@1)");
  EXPECT_EQ(document["database"], nlohmann::json::array({"db1", "db2"}));
  EXPECT_EQ(document["total"], 3);
  EXPECT_EQ(document["offset"], 0);
  EXPECT_EQ(document["limit"], 2);
  ASSERT_EQ(document["hits"].size(), 2u);

  const nlohmann::json& first = document["hits"][0];
  EXPECT_EQ(first["rank"], 1);
  EXPECT_EQ(first["docid"], 7);
  EXPECT_DOUBLE_EQ(first["score"].get<double>(), 1.5);
  EXPECT_EQ(first["percent"], 100);
  EXPECT_EQ(first["id"], "https://example.org/war");
  EXPECT_EQ(first["title"], "Army defeated");
  EXPECT_EQ(first["outlet"], "SouthFront");
  EXPECT_EQ(first["date"], "2019-03-23");
  EXPECT_EQ(first["path"], "corpus/war.txt");
  EXPECT_EQ(first["url"], "https://example.org/war");
  EXPECT_EQ(first["snippet"], "The army was **defeated** near Donetsk\u2026");
  EXPECT_EQ(first["snippet_text"], "The army was defeated near Donetsk\u2026");
  EXPECT_EQ(first["highlights"], nlohmann::json::parse("[[13, 21]]"));

  const nlohmann::json& second = document["hits"][1];
  EXPECT_TRUE(second["date"].is_null());
  EXPECT_EQ(second["title"], "Bad\x1b[31mtitle");  // JSON escapes it

  EXPECT_EQ(document["facets"], nlohmann::json::parse(R"({"outlet": [
                {"value": "SouthFront", "count": 2},
                {"value": "unknown", "count": 1}]})"));
}

TEST(JsonFormatter, ListsTheSameHitsAsTheTextFormat) {
  const nlohmann::json document =
      nlohmann::json::parse(render(OutputFormat::kJson, false));
  const std::string text = render(OutputFormat::kText, false);
  for (const nlohmann::json& hit : document["hits"]) {
    const std::string line = std::to_string(hit["rank"].get<int>()) + ". ";
    EXPECT_NE(text.find(line), std::string::npos) << line;
    EXPECT_NE(text.find(hit["snippet"].get<std::string>()), std::string::npos)
        << hit["snippet"];
  }
}

}  // namespace
}  // namespace news::searcher
