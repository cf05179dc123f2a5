#include "common/seen_hashes.h"

#include <gtest/gtest.h>

#include <string>

namespace news {
namespace {

TEST(SeenHashes, TellsNewStringsFromSeenOnesThroughGrowth) {
  SeenHashes seen(100000);
  for (int i = 0; i < 50000; ++i) {
    ASSERT_TRUE(seen.insert("word" + std::to_string(i))) << i;
  }
  EXPECT_EQ(seen.size(), 50000u);
  for (int i = 0; i < 50000; ++i) {
    ASSERT_FALSE(seen.insert("word" + std::to_string(i))) << i;
  }
  EXPECT_TRUE(seen.insert("word50000"));
  EXPECT_TRUE(seen.insert(""));
  EXPECT_FALSE(seen.insert(""));
}

TEST(SeenHashes, AHashGivenInPiecesIsTheWholeStringsHash) {
  SeenHashes seen(10);
  EXPECT_TRUE(seen.insert("Spolice"));
  EXPECT_FALSE(seen.insert_hash(fnv1a64("police", fnv1a64("S"))));
  EXPECT_TRUE(seen.insert_hash(fnv1a64("police", fnv1a64(""))));
}

TEST(SeenHashes, ForgetsEverythingOncePastItsBound) {
  SeenHashes seen(3);
  EXPECT_TRUE(seen.insert("a"));
  EXPECT_TRUE(seen.insert("b"));
  EXPECT_TRUE(seen.insert("c"));
  EXPECT_FALSE(seen.insert("a"));
  EXPECT_TRUE(seen.insert("d"));  // the fourth: a, b, c are forgotten
  EXPECT_EQ(seen.size(), 1u);
  EXPECT_TRUE(seen.insert("a"));
  EXPECT_FALSE(seen.insert("d"));
}

}  // namespace
}  // namespace news
