// Search across languages end to end: real Russian and German articles are
// found by a query in another inflected form of a word they contain (the
// Snowball stemmer of --lang at index and query time), and a Chinese word is
// found inside running text (ICU's dictionary segmentation on both sides).
// Text dumps carry their language by --lang; language detection is not yet
// wired into indexing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/command.h"
#include "tests/support/test_support.h"

namespace news::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes a text dump as scrapers save them: title line, blank line, body.
void write_dump(const std::string& path, const std::string& title,
                const std::string& body) {
  std::ofstream(path, std::ios::binary) << title << "\n\n" << body << "\n";
}

// The file names of the hits of a query, or the failure output.
struct Found {
  int exit_code = -1;
  std::set<std::string> files;
  std::string output;
};

Found search(const std::string& index, const std::string& language,
             const std::string& query) {
  const CommandResult result = run_command(
      news_search_path(), {"-d", index, "--lang", language, "--format", "json",
                           "--limit", "50", query});
  Found found;
  found.exit_code = result.exit_code;
  found.output = result.out + result.err;
  const json parsed = json::parse(result.out, nullptr, false);
  if (parsed.is_object() && parsed.contains("hits")) {
    for (const json& hit : parsed["hits"]) {
      found.files.insert(
          fs::path(hit.value("path", std::string())).filename().string());
    }
  }
  return found;
}

struct QueryCase {
  const char* query;     // a form that is not in the articles
  const char* expected;  // a file that must be found
};

TEST(Multilingual, RussianArticlesAreFoundByAnotherInflectedForm) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const std::string folder = dir.file("ru");
  fs::create_directory(folder);
  const fs::path taiga = corpora_dir() / "ru-news-samples" / "taiga";
  // A dump as scraped (short lines, the title first).
  fs::copy_file(taiga / "KP" / "texts" / "10@2598286.txt", folder + "/kp.txt");
  // Dumps of one paragraph a line, written with their title from the
  // corpus's metadata table.
  struct Text {
    const char* relative_path;
    const char* title;
    const char* file;
  };
  const Text kTexts[] = {
      {"Lenta/texts/20091231boeviks.txt",
       "\u0412 \u0414\u0430\u0433\u0435\u0441\u0442\u0430\u043d\u0435 "
       "\u0443\u043d\u0438\u0447\u0442\u043e\u0436\u0438\u043b\u0438 "
       "\u043b\u0438\u0434\u0435\u0440\u0430 \u0431\u043e\u0435\u0432\u0438"
       "\u043a\u043e\u0432",
       "lenta.txt"},
      {"NPlus1/texts/20160915build-em-up.txt",
       "MegaBots \u043f\u043e\u043a\u0430\u0436\u0435\u0442 "
       "\u0434\u043e\u0440\u0430\u0431\u043e\u0442\u043a\u0443 MegaBot Mk.II",
       "nplus1.txt"},
  };
  for (const Text& text : kTexts) {
    const std::string body = read_whole(taiga / text.relative_path);
    ASSERT_FALSE(body.empty()) << text.relative_path;
    write_dump(folder + "/" + text.file, text.title, body);
  }
  const std::string index = dir.file("index");
  const CommandResult indexed = run_command(
      news_index_path(), {"-d", index, "-q", "--lang", "ru", folder});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;

  const QueryCase kCases[] = {
      // "боевиков" (genitive plural) in the article.
      {"\u0431\u043e\u0435\u0432\u0438\u043a", "lenta.txt"},
      {"\u0431\u043e\u0435\u0432\u0438\u043a\u0430\u043c\u0438", "lenta.txt"},
      // "журналистами" (instrumental plural).
      {"\u0436\u0443\u0440\u043d\u0430\u043b\u0438\u0441\u0442", "kp.txt"},
      // "роботов", "робота", "роботы".
      {"\u0440\u043e\u0431\u043e\u0442", "nplus1.txt"},
      {"\u0440\u043e\u0431\u043e\u0442\u0443", "nplus1.txt"},
  };
  for (const QueryCase& test : kCases) {
    const std::string body_text = read_whole(folder + "/" + test.expected);
    // The query word itself is not in the article (only other forms are).
    EXPECT_EQ(body_text.find(std::string(" ") + test.query + " "),
              std::string::npos)
        << test.query;
    const Found found = search(index, "ru", test.query);
    EXPECT_EQ(found.exit_code, 0) << test.query << ": " << found.output;
    EXPECT_EQ(found.files.count(test.expected), 1u)
        << test.query << ": " << found.output;
  }
}

TEST(Multilingual, GermanQueriesFindTheirStemVariants) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const std::string folder = dir.file("de");
  fs::create_directory(folder);
  std::ifstream in(corpora_dir() / "wikinewssum-sources" / "sources.jsonl");
  ASSERT_TRUE(in);
  int written = 0;
  for (std::string line; std::getline(in, line);) {
    const json record = json::parse(line);
    if (record.value("language", "") != "de") continue;
    const std::string url = record.value("url", "");
    const std::string file =
        url.find("derstandard.at") != std::string::npos ? "derstandard.txt"
        : url.find("spoe.at") != std::string::npos      ? "spoe.txt"
                                                        : "";
    if (file.empty()) continue;
    write_dump(folder + "/" + file, record.value("title", ""),
               record.value("text", ""));
    ++written;
  }
  ASSERT_EQ(written, 2);
  const std::string index = dir.file("index");
  const CommandResult indexed = run_command(
      news_index_path(), {"-d", index, "-q", "--lang", "de", folder});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;

  const QueryCase kCases[] = {
      // "Parteien" in the article; "Partei" only in compounds there.
      {"Partei", "derstandard.txt"},
      // "Ergebnis", "Ergebnisse" in the article.
      {"Ergebnissen", "derstandard.txt"},
      // "Vorsitzenden", "Vorsitzender".
      {"Vorsitzende", "spoe.txt"},
      {"Vorsitzende", "derstandard.txt"},
      // "Wahl" in both; the plural in neither.
      {"Wahlen", "spoe.txt"},
  };
  for (const QueryCase& test : kCases) {
    const std::string body_text = read_whole(folder + "/" + test.expected);
    EXPECT_EQ(body_text.find(std::string(" ") + test.query + " "),
              std::string::npos)
        << test.query;
    const Found found = search(index, "de", test.query);
    EXPECT_EQ(found.exit_code, 0) << test.query << ": " << found.output;
    EXPECT_EQ(found.files.count(test.expected), 1u)
        << test.query << ": " << found.output;
  }
}

TEST(Multilingual, AChineseWordIsFoundInsideRunningText) {
  TempDir dir;
  const std::string folder = dir.file("zh");
  fs::create_directory(folder);
  // ICU's dictionary splits 中华人民共和国 into 中华 / 人民 / 共和国; 人民 also
  // stands alone later in the sentence.
  write_dump(folder + "/economy.txt",
             "\u4e2d\u56fd\u7ecf\u6d4e \u53d1\u5c55\u62a5\u544a "
             "\u53d1\u5e03",
             "\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd\u6210\u7acb\u4e03"
             "\u5341\u5e74\u6765\uff0c\u4eba\u6c11\u751f\u6d3b\u6c34\u5e73"
             "\u4e0d\u65ad\u63d0\u9ad8\uff0c\u7ecf\u6d4e\u6301\u7eed\u53d1"
             "\u5c55\u3002");
  write_dump(folder + "/other.txt", "Harbour reopens after repairs",
             "The harbour reopened on Monday after two years of repairs.");
  const std::string index = dir.file("index");
  const CommandResult indexed = run_command(
      news_index_path(), {"-d", index, "-q", "--lang", "zh", folder});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  const char* const kFound[] = {
      "\u4eba\u6c11",                                // 人民
      "\u5171\u548c\u56fd",                          // 共和国
      "\u751f\u6d3b",                                // 生活
      "\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd",  // the whole name
      "\u7ecf\u6d4e \u53d1\u5c55",                   // two words
  };
  for (const char* query : kFound) {
    const Found found = search(index, "zh", query);
    EXPECT_EQ(found.exit_code, 0) << query << ": " << found.output;
    EXPECT_EQ(found.files, std::set<std::string>{"economy.txt"})
        << query << ": " << found.output;
  }
  // 人民币 (renminbi) is another word, not a substring match.
  const Found none = search(index, "zh", "\u4eba\u6c11\u5e01");
  EXPECT_EQ(none.exit_code, 1) << none.output;
}

}  // namespace
}  // namespace news::testing
