// The date finder: which lines state a publication date, and which do not.
#include "corpus/extract/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace news::corpus {
namespace {

struct DateCase {
  const char* line;
  const char* expected;  // ISO date, or "" for none
};

std::string found(std::string_view line) {
  const std::optional<Date> date = find_date_in_line(line);
  return date ? date->to_iso() : "";
}

TEST(DateFinder, ReadsFullDatesAndRejectsPartialOnes) {
  const DateCase kCases[] = {
      {"2019-03-05", "2019-03-05"},
      {"Published: 2019-03-05T10:15:00Z", "2019-03-05"},
      {"By Jane Doe | 2019-03-05", "2019-03-05"},
      {"2019/03/05", "2019-03-05"},
      {"March 23, 2019", "2019-03-23"},
      {"Published: March 5, 2019", "2019-03-05"},
      {"March 23rd, 2019", "2019-03-23"},
      {"Saturday, March 23rd 2019 - 10:30", "2019-03-23"},
      {"Mar. 23, 2019", "2019-03-23"},
      {"Sept 1, 2018", "2018-09-01"},
      {"23 March 2019", "2019-03-23"},
      {"5 March 2019", "2019-03-05"},
      {"Updated 23rd of March, 2019", "2019-03-23"},
      {"23 Mar 2019 12:00 GMT", "2019-03-23"},
      {"december 12th, 2018", "2018-12-12"},
      // No year: not a date.
      {"March 23rd", ""},
      {"On March 23rd, French President Emmanuel Macron said", ""},
      {"3 DAYS LEFT UNTIL THE END OF NOVEMBER", ""},
      {"23 March", ""},
      // Impossible days and things that only look like dates.
      {"February 30, 2019", ""},
      {"2019-13-01", ""},
      {"2019-02-29", ""},
      {"May 2019", ""},
      {"in 2016", ""},
      {"4,013 ISIS members", ""},
      {"19,68 combat sorties", ""},
      {"12019-03-05", ""},
      {"", ""},
  };
  for (const DateCase& test : kCases) {
    EXPECT_EQ(found(test.line), test.expected)
        << "line: \"" << test.line << '"';
  }
}

struct DatelineCase {
  std::vector<std::string_view> lines;
  std::size_t title_index;
  const char* expected;  // ISO date or ""
};

TEST(DateFinder, TakesDatesOnlyFromTheHeadAndBylineArea) {
  const DatelineCase kCases[] = {
      {{"Headline of the story", "", "Published: March 5, 2019", "",
        "The story begins with a long sentence that runs well over a "
        "dozen words in all."},
       0,
       "2019-03-05"},
      {{"March 5, 2019", "Headline of the story", "Body sentence."},
       1,
       "2019-03-05"},
      {{"Headline of the story", "By Jane Doe | 2019-03-05", "Body."},
       0,
       "2019-03-05"},
      // A date inside a body sentence is not a publication date.
      {{"Headline of the story", "",
        "It also should be reminded that on December 12th, 2018, Estonia "
        "decided to continue its deployment."},
       0,
       ""},
      // Past the byline area.
      {{"Headline", "a", "b", "c", "d", "e", "5 March 2019"}, 0, ""},
      // No year anywhere.
      {{"3 DAYS LEFT UNTIL THE END OF NOVEMBER", "Headline of the story",
        "On March 23rd, a thing happened."},
       1,
       ""},
  };
  for (const DatelineCase& test : kCases) {
    const auto dateline = find_dateline(test.lines, test.title_index);
    std::string lines;
    for (const auto line : test.lines) lines += std::string(line) + " / ";
    EXPECT_EQ(dateline ? dateline->date.to_iso() : "", test.expected)
        << "lines: " << lines;
  }
}

}  // namespace
}  // namespace news::corpus
