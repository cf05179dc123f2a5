// The symmetry rule end to end: tricky strings are indexed, then queried the
// way a user types them, and must be found.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/cli/command.h"
#include "tests/support/test_support.h"

namespace news::testing {
namespace {

TEST(Symmetry, TrickyWordsAreFoundAsUsersTypeThem) {
  struct Case {
    std::string indexed;  // a word in an article body
    std::string typed;    // the query a user types
  };
  const Case cases[] = {
      {"Luiz In\u00e1cio Lula", "Inacio"},
      {"Luiz Ina\u0301cio Lula", "in\u00e1cio"},
      {"na\u00efve", "naive"},
      {"Hezbollah\u2019s presence", "Hezbollah's"},
      {"it wasn\u2019t over", "\"wasn't over\""},
      {"the US-backed forces", "\"US-backed forces\""},
      {"the \ufb01nal offer", "final"},
      {"\uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48 text",
       "fullwidth"},
      {"co\u00adoperation", "cooperation"},
      {"zero\u200bwidth", "zerowidth"},
      {"Stra\u00dfe", "strasse"},
      {"the U.S. army", "U.S."},
      {"killed 4,013 members", "4,013"},
      {"\u041c\u043e\u0441\u043a\u0432\u0430 city",
       "\u043c\u043e\u0441\u043a\u0432\u0430"},
  };
  TempDir dir;
  const std::string folder = dir.file("news");
  std::filesystem::create_directory(folder);
  const char* const kHeadlines[] = {
      "Harbour",  "Harvest", "Election", "Museum",   "Bridge",
      "Festival", "Railway", "Library",  "Hospital", "Stadium",
      "Airport",  "Market",  "Theatre",  "Factory"};
  int number = 0;
  for (const Case& c : cases) {
    std::ofstream(folder + "/case" + std::to_string(number) + ".txt")
        << kHeadlines[number % 14] << " reopens after repairs\n\n"
        << "Some text before " << c.indexed << " and some text after.\n";
    ++number;
  }
  const std::string index = dir.file("index");
  const CommandResult indexed =
      run_command(news_index_path(), {"-d", index, "-q", folder});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  number = 0;
  for (const Case& c : cases) {
    const std::string expected_file =
        "case" + std::to_string(number++) + ".txt";
    const CommandResult found = run_command(
        news_search_path(), {"-d", index, "--format", "json", c.typed});
    EXPECT_EQ(found.exit_code, 0) << "indexed: " << c.indexed
                                  << " typed: " << c.typed << " " << found.err;
    EXPECT_NE(found.out.find(expected_file), std::string::npos)
        << "indexed: " << c.indexed << " typed: " << c.typed;
  }
}

}  // namespace
}  // namespace news::testing
