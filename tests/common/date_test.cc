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

}  // namespace
}  // namespace news
