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

// Every language the finder claims, in the forms its newspapers print.
TEST(DateFinder, ReadsWrittenDatesInSixLanguages) {
  const DateCase kCases[] = {
      // English
      {"Saturday 23rd March, 2019", "2019-03-23"},
      {"1st Feb 2020", "2020-02-01"},
      {"Feb 2nd, 2020", "2020-02-02"},
      {"23-Mar-2019", "2019-03-23"},
      {"MARCH 23, 2019", "2019-03-23"},
      // German
      {"23. M\u00e4rz 2019", "2019-03-23"},
      {"Ver\u00f6ffentlicht am 1. Oktober 2019, 10:00 Uhr", "2019-10-01"},
      {"Montag, 5. Dez. 2016", "2016-12-05"},
      {"23. Maerz 2019", "2019-03-23"},
      {"12. J\u00e4nner 2018", "2018-01-12"},
      {"23. Mrz. 2019", "2019-03-23"},
      // German with a decomposed umlaut (a + U+0308)
      {"23. Ma\u0308rz 2019", "2019-03-23"},
      // French
      {"le 23 mars 2019", "2019-03-23"},
      {"le 1er mars 2019", "2019-03-01"},
      {"Publi\u00e9 le 12 f\u00e9vrier 2018 \u00e0 10h00", "2018-02-12"},
      {"3 f\u00e9vr. 2018", "2018-02-03"},
      {"15 ao\u00fbt 2017", "2017-08-15"},
      {"15 aout 2017", "2017-08-15"},
      {"mardi 4 d\u00e9cembre 2018", "2018-12-04"},
      {"23\u00a0mars\u00a02019", "2019-03-23"},
      // Spanish
      {"23 de marzo de 2019", "2019-03-23"},
      {"1 de enero del 2020", "2020-01-01"},
      {"1.\u00ba de septiembre de 2019", "2019-09-01"},
      {"5 de setiembre de 2019", "2019-09-05"},
      {"marzo 23 de 2019", "2019-03-23"},
      {"24 dic. 2018", "2018-12-24"},
      // Portuguese
      {"23 de mar\u00e7o de 2019", "2019-03-23"},
      {"23 de marco de 2019", "2019-03-23"},
      {"1\u00ba de maio de 2019", "2019-05-01"},
      {"S\u00e1b, 13 de novembro de 2004", "2004-11-13"},
      {"7 out 2019", "2019-10-07"},
      {"10 fev. 2021", "2021-02-10"},
      // Russian: genitive, nominative, abbreviations, any case
      {"23 \u043c\u0430\u0440\u0442\u0430 2019", "2019-03-23"},
      {"23 \u043c\u0430\u0440\u0442\u0430 2019 \u0433.", "2019-03-23"},
      {"1 \u0441\u0435\u043d\u0442\u044f\u0431\u0440\u044f 2014 "
       "\u0433\u043e\u0434\u0430",
       "2014-09-01"},
      {"23 \u041c\u0410\u0420\u0422\u0410 2019", "2019-03-23"},
      {"7 \u043d\u043e\u044f\u0431. 2016", "2016-11-07"},
      {"31 \u0434\u0435\u043a 1999, 18:07", "1999-12-31"},
      {"\u043c\u0430\u0439 9, 2015", "2015-05-09"},
      // No year, impossible days: not dates in any language.
      {"23 \u043c\u0430\u0440\u0442\u0430", ""},
      {"le 23 mars", ""},
      {"23 de marzo", ""},
      {"30 \u0444\u0435\u0432\u0440\u0430\u043b\u044f 2019", ""},
      {"31 de abril de 2019", ""},
      {"en mars 2019", ""},
      // "jui" could be juin or juillet.
      {"3 jui 2019", ""},
  };
  for (const DateCase& test : kCases) {
    EXPECT_EQ(found(test.line), test.expected)
        << "line: \"" << test.line << '"';
  }
}

TEST(DateFinder, ReadsIsoRfc2822AndUnambiguousNumericDates) {
  const DateCase kCases[] = {
      // ISO 8601 with time and zone: the calendar day as written.
      {"2019-03-23T23:30:00-05:00", "2019-03-23"},
      {"2019-03-23T00:15:00+09:00", "2019-03-23"},
      {"2019-03-23 10:00:00.123Z", "2019-03-23"},
      {"2019.03.23", "2019-03-23"},
      // RFC 2822
      {"Sat, 23 Mar 2019 10:00:00 +0000", "2019-03-23"},
      {"Mon, 1 Jul 2019 08:00:00 GMT", "2019-07-01"},
      // European numeric: dots are always day first.
      {"23.03.2019", "2019-03-23"},
      {"05.04.2019 12:30", "2019-04-05"},
      {"1.2.2019", "2019-02-01"},
      {"31.04.2019", ""},
      // Slashes only when the order is clear.
      {"23/03/2019", "2019-03-23"},
      {"03/23/2019", "2019-03-23"},
      {"04/04/2019", "2019-04-04"},
      {"03/04/2019", ""},
      // Longer runs of numbers are versions or addresses, not dates.
      {"version 1.2.3.2019", ""},
      {"10.1.23.2019.5", ""},
      // CJK and Korean
      {"2019\u5e743\u670823\u65e5", "2019-03-23"},
      {"\u53d1\u5e03\u65f6\u95f4\uff1a2019\u5e74 3\u6708 23\u65e5 "
       "10:00",
       "2019-03-23"},
      {"2019\ub144 3\uc6d4 23\uc77c", "2019-03-23"},
      {"2019\u5e7413\u670823\u65e5", ""},
  };
  for (const DateCase& test : kCases) {
    EXPECT_EQ(found(test.line), test.expected)
        << "line: \"" << test.line << '"';
  }
}

TEST(DateValue, ParsesFieldValuesAndRejectsNonDates) {
  const DateCase kCases[] = {
      {"2019-03-23", "2019-03-23"},
      {"  2019-03-23T10:00:00Z ", "2019-03-23"},
      {"2019/03/23", "2019-03-23"},
      {"20190323", "2019-03-23"},
      {"Sat, 23 Mar 2019 10:00:00 +0000", "2019-03-23"},
      {"23 \u043c\u0430\u0440\u0442\u0430 2019", "2019-03-23"},
      {"23 de mar\u00e7o de 2019", "2019-03-23"},
      {"March 23rd, 2019", "2019-03-23"},
      // Epoch seconds (9 or 10 digits) and milliseconds (13), UTC day.
      {"1553335200", "2019-03-23"},
      {"1553385599", "2019-03-23"},
      {"1553385600", "2019-03-24"},
      {"1553335200000", "2019-03-23"},
      {"999999999", "2001-09-09"},
      {"0", ""},
      {"12345", ""},
      {"12345678901", ""},
      {"20191332", ""},
      {"yesterday", ""},
      {"March 2019", ""},
      {"23 March", ""},
      {"", ""},
      {"   ", ""},
  };
  for (const DateCase& test : kCases) {
    const std::optional<Date> date = parse_date_value(test.line);
    EXPECT_EQ(date ? date->to_iso() : "", test.expected)
        << "value: \"" << test.line << '"';
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
