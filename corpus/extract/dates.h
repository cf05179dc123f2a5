// Publication dates in scraped text dumps. A date is only taken when the
// text states a full calendar date (with a year) in the head or byline area
// of the page; body sentences ("on December 12th, 2018, Estonia decided")
// and dates without a year ("March 23rd") never give one. Dates are never
// invented: unknown stays unknown.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace news::corpus {

// The first full date written in line, in one of these forms:
//   ISO 8601 "2019-03-23" (also "2019-03-23T10:00:00Z") and "2019/03/23";
//   "March 23, 2019", "Mar. 23 2019", "March 23rd, 2019";
//   "23 March 2019", "23rd of March, 2019", "23 Mar 2019".
// nullopt when there is none or the day does not exist ("February 30,
// 2019"). Month names are English.
std::optional<Date> find_date_in_line(std::string_view line);

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
