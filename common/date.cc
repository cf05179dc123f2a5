#include "common/date.h"

#include <cstdio>

namespace news {
namespace {

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool parse_digits(std::string_view text, int& out) {
  if (text.empty()) return false;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[month - 1];
}

Date next_day(Date date) {
  if (++date.day > days_in_month(date.year, date.month)) {
    date.day = 1;
    if (++date.month > 12) {
      date.month = 1;
      ++date.year;
    }
  }
  return date;
}

bool Date::is_valid() const {
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return false;
  return day >= 1 && day <= days_in_month(year, month);
}

std::string Date::to_iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string Date::to_compact() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
  return buffer;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  Date date;
  bool parsed = false;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    parsed = parse_digits(text.substr(0, 4), date.year) &&
             parse_digits(text.substr(5, 2), date.month) &&
             parse_digits(text.substr(8, 2), date.day);
  } else if (text.size() == 8) {
    parsed = parse_digits(text.substr(0, 4), date.year) &&
             parse_digits(text.substr(4, 2), date.month) &&
             parse_digits(text.substr(6, 2), date.day);
  }
  if (!parsed || !date.is_valid()) return std::nullopt;
  return date;
}

}  // namespace news
