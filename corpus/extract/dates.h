// Publication dates in scraped text dumps and in metadata fields. A date is
// only taken when the text states a full calendar date (with a year); in a
// dump, only in the head or byline area of the page: body sentences ("on
// December 12th, 2018, Estonia decided") and dates without a year ("March
// 23rd", "23 марта") never give one. Dates are never invented: unknown stays
// unknown.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace news::corpus {

// The first full date written in line (UTF-8), in one of these forms:
// - ISO 8601 "2019-03-23", "2019-03-23T23:30:00-05:00" (the calendar day as
//   written, whatever the zone) and "2019/03/23";
// - RFC 2822 "Sat, 23 Mar 2019 10:00:00 +0000";
// - written day-month-year and month-day-year with month names and their
//   abbreviations in English, German, French, Spanish, Portuguese and
//   Russian (nominative and genitive), any case, with or without accents:
//   "23 March 2019", "March 23rd, 2019", "23rd of March, 2019", "23 Mar
//   2019", "23. März 2019", "le 1er mars 2019", "23 de marzo de 2019",
//   "23 de março de 2019", "1º de maio de 2019", "23 марта 2019 г.",
//   "23-Mar-2019";
// - numeric with a four-digit year last: "23.03.2019" (dots: always day
//   first, as written in Europe and Russia); "23/03/2019" and "03/23/2019"
//   only when the order is unambiguous (one of the first two numbers is
//   over 12, or both are equal);
// - CJK "2019年3月23日" and Korean "2019년 3월 23일".
// nullopt when there is none, the year is missing, or the day does not
// exist ("February 30, 2019", "31.04.2019").
std::optional<Date> find_date_in_line(std::string_view line);

// The date a metadata or record field holds (JSON "date", CSV "published",
// a <meta> or JSON-LD value): any form find_date_in_line() reads, and also
// "20190323" (YYYYMMDD) and Unix epoch time as a bare number, seconds when
// it has 9 or 10 digits, milliseconds when it has 13 (the UTC calendar
// day). Leading and trailing white space is ignored. nullopt for anything
// else ("yesterday", "March 2019", "", "12345").
std::optional<Date> parse_date_value(std::string_view value);

// Whether line has the shape of a dateline or byline ("Published: March 5,
// 2019", "By Jane Doe | 2019-03-05", "5 March 2019 10:30 GMT") rather than
// a sentence of the article: at most 12 words, not a sentence of more than
// five words ("The sentence will be announced on February 25th, 2005."),
// and not a tweet embed ("- Jane (@jane) March 5, 2019").
bool is_dateline_like(std::string_view line);

struct Dateline {
  Date date;
  std::size_t line_index = 0;  // the line that stated it
};

// The publication date of a dump whose title is lines[title_index]: the
// first full date on a dateline-like line of the head before the title, or
// of the byline area right after it (up to kBylineAreaLines non-empty lines,
// ending at the first line that is not dateline-like). nullopt when there
// is none.
inline constexpr std::size_t kBylineAreaLines = 5;
std::optional<Dateline> find_dateline(
    const std::vector<std::string_view>& lines, std::size_t title_index);

}  // namespace news::corpus
