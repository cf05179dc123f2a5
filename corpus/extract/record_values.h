// Values of record fields and archive headers turned into typed article
// metadata: dates, author lists, URLs and their hosts, and whether a field
// holds HTML.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace news::corpus {

// The calendar day of a date field, in these forms:
//   ISO 8601 "2019-03-23", "2019-03-23T10:00:00+03:00", "2019-03-23
//   14:00:00" (the day as written: no time zone arithmetic), "2019/03/23",
//   "20190323";
//   RFC 2822 "Sat, 23 Mar 2019 10:00:00 +0000" (and without the weekday);
//   epoch seconds "1553335200" (9 to 11 digits; 12 to 13 digits are taken
//   as milliseconds), as a UTC day;
//   "23.03.2019" (day first, as written in Europe);
//   the written forms find_date_in_line() knows ("March 23, 2019").
// nullopt for anything else, a date without a year, or a day that does not
// exist.
std::optional<Date> parse_record_date(std::string_view text);

// The names in an author field: one per line (JSON arrays arrive so), and
// within a line split at ";", "|", " and ", " & " and commas ("A, B and C"
// -> A, B, C), except that "Doe, Jane" (two single words) stays one name.
// A leading "By " is dropped; names are trimmed, empty ones left out,
// duplicates kept once.
std::vector<std::string> split_authors(std::string_view text);

// url trimmed, with scheme and host in lower case and without its
// #fragment: the form article ids are made of. "" for "".
std::string normalize_url(std::string_view url);

// The host of url, lower case, without "www.", port and user info; for a
// web.archive.org copy ("https://web.archive.org/web/2004.../http://x.com/")
// the host of the archived page. "" when url has no host.
std::string url_host(std::string_view url);

// Whether a field value is an HTML document or fragment rather than text:
// it starts with '<' (after white space), or has a block tag such as <p>,
// <div>, <br>.
bool looks_like_html(std::string_view text);

// A language code as given by a record or page ("pt-BR", "EN", "en_US")
// in the form articles carry: ISO 639 lower case, region dropped ("pt").
// "" when text is not a plausible code (2 or 3 letters).
std::string normalize_language(std::string_view text);

// Whether text is an http(s) URL (an outlet field that holds one is a URL).
bool is_http_url(std::string_view text);

}  // namespace news::corpus
