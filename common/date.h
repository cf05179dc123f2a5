// A calendar day, the only form a publication date takes inside the system.
// Dates are never invented: an unknown date is an empty std::optional<Date>.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace news {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // True when year is in 1000..9999 and the day exists in that month.
  bool is_valid() const;
  // "2019-03-23".
  std::string to_iso() const;
  // "20190323": the value-slot form, which sorts as the date does.
  std::string to_compact() const;

  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
};

// Days in a month of the Gregorian calendar (month 1..12).
int days_in_month(int year, int month);

// The day after date (a valid date).
Date next_day(Date date);

// Parses "YYYY-MM-DD" or "YYYYMMDD"; nullopt for anything else or an
// impossible day.
std::optional<Date> parse_iso_date(std::string_view text);

}  // namespace news
