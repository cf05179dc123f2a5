#include "common/date.h"

#include <gtest/gtest.h>

namespace news {
namespace {

TEST(Date, ParsesIsoAndCompactForms) {
  struct Case {
    std::string text;
    std::optional<Date> expected;
  };
  const Case cases[] = {
      {"2019-03-23", Date{2019, 3, 23}}, {"20190323", Date{2019, 3, 23}},
      {"2020-02-29", Date{2020, 2, 29}}, {"2019-02-29", std::nullopt},
      {"2019-13-01", std::nullopt},      {"2019-3-23", std::nullopt},
      {"yesterday", std::nullopt},       {"", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(parse_iso_date(c.text), c.expected) << "text: " << c.text;
  }
}

TEST(Date, PrintsIsoAndCompactForms) {
  const Date date{2004, 11, 5};
  EXPECT_EQ(date.to_iso(), "2004-11-05");
  EXPECT_EQ(date.to_compact(), "20041105");
}

TEST(Date, KnowsMonthLengthsAndTheNextDay) {
  EXPECT_EQ(days_in_month(2019, 2), 28);
  EXPECT_EQ(days_in_month(2020, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(next_day(Date{2019, 12, 31}), (Date{2020, 1, 1}));
  EXPECT_EQ(next_day(Date{2020, 2, 28}), (Date{2020, 2, 29}));
  EXPECT_EQ(next_day(Date{2019, 4, 30}), (Date{2019, 5, 1}));
}

}  // namespace
}  // namespace news
