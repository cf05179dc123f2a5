#include "common/text/utf8.h"

#include <gtest/gtest.h>

namespace news::text {
namespace {

TEST(Utf8, RepairsIllFormedSequences) {
  struct Case {
    std::string input;
    std::string expected;
    std::size_t replaced;
  };
  const Case cases[] = {
      {"plain ascii", "plain ascii", 0},
      {"caf\xc3\xa9", "caf\xc3\xa9", 0},
      {"caf\xe9 au lait", "caf\xef\xbf\xbd au lait", 1},
      {"\xef\xbb\xbf"
       "bom dropped",
       "bom dropped", 0},
      {"truncated \xe2\x82", "truncated \xef\xbf\xbd", 1},
      {"overlong \xc0\xaf", "overlong \xef\xbf\xbd", 1},
      {"surrogate \xed\xa0\x80!", "surrogate \xef\xbf\xbd!", 1},
      {"\xff\xfe two", "\xef\xbf\xbd\xef\xbf\xbd two", 2},
      {"emoji \xf0\x9f\x98\x80", "emoji \xf0\x9f\x98\x80", 0},
  };
  for (const Case& c : cases) {
    const RepairedText repaired = repair_utf8(c.input);
    EXPECT_EQ(repaired.text, c.expected) << "input: " << c.input;
    EXPECT_EQ(repaired.replaced_count, c.replaced) << "input: " << c.input;
    EXPECT_TRUE(is_valid_utf8(repaired.text)) << "input: " << c.input;
  }
}

TEST(Utf8, ValidatesWellFormedText) {
  EXPECT_TRUE(is_valid_utf8("\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd"));
  EXPECT_FALSE(is_valid_utf8("\xc3"));
  EXPECT_FALSE(is_valid_utf8("\xf5\x80\x80\x80"));
}

}  // namespace
}  // namespace news::text
