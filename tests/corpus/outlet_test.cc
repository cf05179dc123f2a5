// Outlet evidence in the text: never invented, spelled as written.
#include "corpus/extract/outlet.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace news::corpus {
namespace {

struct OutletCase {
  std::vector<std::string_view> lines;
  const char* expected_name;  // "" for none
  const char* expected_rule;
};

TEST(OutletEvidence, NamesOnlyWhatTheTextStates) {
  const OutletCase kCases[] = {
      {{"Support SouthFront", "Body."}, "SouthFront", "text:support-banner"},
      {{"Support The Daily Example", "Body.", "The Daily Example"},
       "The Daily Example",
       "text:support-banner"},
      {{"Support Daily Example", "Text.", "Support Daily Example"},
       "Daily Example",
       "text:support-banner"},
      // A single banner for a cause or a plain word is no evidence.
      {{"Support Ukraine", "Body."}, "", ""},
      {{"Support us", "Body."}, "", ""},
      {{"Support for the bill grew.", "Body."}, "", ""},
      {{"Body.", "\xC2\xA9 2019 Example Times. All rights reserved."},
       "Example Times",
       "text:copyright"},
      {{"Copyright \xC2\xA9 2015-2019 Example Post | Privacy"},
       "Example Post",
       "text:copyright"},
      {{"(c) 2018 by Example Herald"}, "Example Herald", "text:copyright"},
      // Agency credits are not the publisher.
      {{"Copyright 2019 The Associated Press. All rights reserved."}, "", ""},
      {{"\xC2\xA9 Getty Images"}, "", ""},
      {{"\xC2\xA9 Claudio Reyes/AFP"}, "", ""},
      {{"\xC2\xA9 AFP Cardinal O'Malley speaks"}, "", ""},
      {{"\xC2\xA9 Provided by Quartz"}, "", ""},
      {{"\xC2\xA9 2018 Los Angeles Times, Distributed by Tribune Content "
        "Agency, LLC."},
       "",
       ""},
      {{"Nothing here names an outlet."}, "", ""},
  };
  for (const OutletCase& test : kCases) {
    const auto guess = find_outlet_in_text(test.lines);
    std::string lines;
    for (const auto line : test.lines) lines += std::string(line) + " / ";
    EXPECT_EQ(guess ? guess->name : "", test.expected_name)
        << "lines: " << lines;
    EXPECT_EQ(guess ? guess->rule : "", test.expected_rule)
        << "lines: " << lines;
  }
}

TEST(OutletEvidence, FirstFolderUnderTheRoot) {
  InputFile file;
  file.root = "/data/corpus";
  file.path = "/data/corpus/SouthFront/2019/a.txt";
  ASSERT_TRUE(outlet_from_dir(file).has_value());
  EXPECT_EQ(outlet_from_dir(file)->name, "SouthFront");
  file.path = "/data/corpus/a.txt";
  EXPECT_FALSE(outlet_from_dir(file).has_value()) << "file directly in root";
  file.root = "";
  file.path = "/data/corpus/SouthFront/a.txt";
  EXPECT_FALSE(outlet_from_dir(file).has_value()) << "path list entry";
}

}  // namespace
}  // namespace news::corpus
