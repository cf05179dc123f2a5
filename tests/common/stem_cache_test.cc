#include "common/text/stem_cache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "common/text/analyzer.h"
#include "tests/support/test_support.h"

namespace news::text {
namespace {

// The words of about max_bytes of the files under folder, in text order
// (repeats kept, as an indexer meets them).
std::vector<std::string> words_in_order(const std::filesystem::path& folder,
                                        std::size_t max_bytes) {
  Analyzer analyzer("");
  std::vector<std::string> words;
  for (const auto& file :
       ::news::testing::read_files_under(folder, max_bytes)) {
    for (Token& token : analyzer.tokenize(file.text)) {
      words.push_back(std::move(token.term));
    }
  }
  return words;
}

TEST(StemCache, GivesSnowballsStemsWhateverItEvicts) {
  const Xapian::Stem english("english");
  // A table of 4 slots evicts on nearly every word; one of 2^15 keeps most.
  StemCache tiny(english, 2);
  StemCache large(english);
  const std::vector<std::string> words = {
      "running", "runs", "ran", "running", "connection", "connected", "runs",
      "stress", "happy", "happiness",
      // Longer than a slot holds, in word or stem.
      "internationalisationally", "counterrevolutionaries",
      std::string(40, 'a'), "a", "running"};
  for (int round = 0; round < 3; ++round) {
    for (const std::string& word : words) {
      EXPECT_EQ(tiny.stem(word), english(word)) << word;
      EXPECT_EQ(large.stem(word), english(word)) << word;
    }
  }
  EXPECT_EQ(large.lookups(), 3 * words.size());
  EXPECT_GT(large.hits(), 2 * words.size() - 3);
}

TEST(StemCache, WithoutAStemmerGivesTheWord) {
  StemCache none{Xapian::Stem()};
  EXPECT_EQ(none.stem("running"), "running");
  EXPECT_EQ(none.stem("running"), "running");
}

TEST(StemCache, GivesSnowballsStemsForTheCorporaWords) {
  NEWS_REQUIRE_CORPORA();
  const std::filesystem::path corpora = ::news::testing::corpora_dir();
  for (const auto& [folder, language] :
       {std::pair{"ptc-propaganda", "english"},
        std::pair{"ru-news-samples", "russian"}}) {
    const std::vector<std::string> words =
        words_in_order(corpora / folder, 1 << 20);
    ASSERT_GT(words.size(), 20000u) << folder;
    const Xapian::Stem stemmer(language);
    StemCache small(stemmer, 8);
    StemCache large(stemmer);
    std::size_t wrong = 0;
    for (const std::string& word : words) {
      const std::string expected = stemmer(word);
      if (small.stem(word) != expected || large.stem(word) != expected) {
        if (++wrong <= 10) ADD_FAILURE() << folder << ": " << word;
      }
    }
    EXPECT_EQ(wrong, 0u) << folder;
    // News repeats its words: most lookups are answered from the table.
    std::cout << folder << ": " << large.hits() << " of " << large.lookups()
              << " lookups answered from the table\n";
    EXPECT_GT(large.hits() * 2, large.lookups())
        << folder << ": " << large.hits() << " of " << large.lookups();
  }
}

}  // namespace
}  // namespace news::text
