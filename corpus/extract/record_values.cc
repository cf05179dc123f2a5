#include "corpus/extract/record_values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>

#include "corpus/extract/dates.h"
#include "corpus/extract/line_text.h"

namespace news::corpus {
namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return result;
}

bool is_digit(const char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

int to_int(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::optional<Date> valid(const Date date) {
  return date.is_valid() ? std::optional<Date>(date) : std::nullopt;
}

// "2019-03-23", "2019/03/23", "2019-3-5", optionally followed by a time.
std::optional<Date> parse_iso_like(std::string_view text) {
  if (text.size() < 8 || !all_digits(text.substr(0, 4))) return std::nullopt;
  if (all_digits(text.substr(0, 8)) &&
      (text.size() == 8 || text[8] == 'T' || text[8] == ' ')) {
    return valid({to_int(text.substr(0, 4)), to_int(text.substr(4, 2)),
                  to_int(text.substr(6, 2))});
  }
  const char separator = text[4];
  if (separator != '-' && separator != '/') return std::nullopt;
  std::size_t i = 5;
  std::size_t begin = i;
  while (i < text.size() && is_digit(text[i]) && i - begin < 2) ++i;
  if (i == begin || i >= text.size() || text[i] != separator) {
    return std::nullopt;
  }
  const int month = to_int(text.substr(begin, i - begin));
  begin = ++i;
  while (i < text.size() && is_digit(text[i]) && i - begin < 2) ++i;
  if (i == begin) return std::nullopt;
  const int day = to_int(text.substr(begin, i - begin));
  // A time, a zone or nothing may follow; another digit may not.
  if (i < text.size() && is_digit(text[i])) return std::nullopt;
  return valid({to_int(text.substr(0, 4)), month, day});
}

// "23.03.2019" and "23.03.2019 10:00".
std::optional<Date> parse_dotted(std::string_view text) {
  const std::size_t first = text.find('.');
  if (first == std::string_view::npos || first == 0 || first > 2) {
    return std::nullopt;
  }
  const std::size_t second = text.find('.', first + 1);
  if (second == std::string_view::npos || second - first - 1 == 0 ||
      second - first - 1 > 2 || text.size() < second + 5) {
    return std::nullopt;
  }
  const std::string_view day = text.substr(0, first);
  const std::string_view month = text.substr(first + 1, second - first - 1);
  const std::string_view year = text.substr(second + 1, 4);
  if (!all_digits(day) || !all_digits(month) || !all_digits(year)) {
    return std::nullopt;
  }
  if (text.size() > second + 5 && is_digit(text[second + 5])) {
    return std::nullopt;
  }
  return valid({to_int(year), to_int(month), to_int(day)});
}

std::optional<Date> parse_epoch(std::string_view text) {
  if (!all_digits(text) || text.size() < 9 || text.size() > 13) {
    return std::nullopt;
  }
  long long seconds = std::stoll(std::string(text));
  if (text.size() >= 12) seconds /= 1000;
  const std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  if (gmtime_r(&time, &utc) == nullptr) return std::nullopt;
  return valid({utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday});
}

// RFC 2822: "[Sat, ]23 Mar 2019 ..." (English month abbreviations).
std::optional<Date> parse_rfc2822(std::string_view text) {
  if (const std::size_t comma = text.find(',');
      comma != std::string_view::npos && comma <= 10) {
    text.remove_prefix(comma + 1);
  }
  text = trim(text);
  std::size_t i = 0;
  while (i < text.size() && is_digit(text[i])) ++i;
  if (i == 0 || i > 2 || i >= text.size() || text[i] != ' ') {
    return std::nullopt;
  }
  const int day = to_int(text.substr(0, i));
  const std::string month_name = lower(text.substr(i + 1, 3));
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"};
  const auto month = std::find(kMonths.begin(), kMonths.end(), month_name);
  if (month == kMonths.end()) return std::nullopt;
  const std::size_t year_begin = text.find(' ', i + 1);
  if (year_begin == std::string_view::npos || text.size() < year_begin + 5 ||
      !all_digits(text.substr(year_begin + 1, 4))) {
    return std::nullopt;
  }
  return valid({to_int(text.substr(year_begin + 1, 4)),
                static_cast<int>(month - kMonths.begin()) + 1, day});
}

void add_name(std::vector<std::string>& names, std::string_view name) {
  name = trim(name);
  static constexpr std::string_view kBy = "by ";
  if (name.size() > kBy.size() && lower(name.substr(0, 3)) == kBy) {
    name = trim(name.substr(kBy.size()));
  }
  while (!name.empty() && (name.back() == '.' || name.back() == ',')) {
    name.remove_suffix(1);
  }
  if (name.empty()) return;
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    names.emplace_back(name);
  }
}

// Splits text at every occurrence of one of separators.
std::vector<std::string_view> split_any(
    std::string_view text, const std::vector<std::string_view>& separators) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    bool is_split = false;
    for (const std::string_view separator : separators) {
      if (text.substr(i, separator.size()) == separator) {
        parts.push_back(text.substr(begin, i - begin));
        i += separator.size();
        begin = i;
        is_split = true;
        break;
      }
    }
    if (!is_split) ++i;
  }
  parts.push_back(text.substr(begin));
  return parts;
}

bool is_single_word(std::string_view text) {
  text = trim(text);
  return !text.empty() && text.find(' ') == std::string_view::npos;
}

}  // namespace

std::optional<Date> parse_record_date(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  if (auto date = parse_iso_like(text)) return date;
  if (auto date = parse_epoch(text)) return date;
  if (auto date = parse_dotted(text)) return date;
  if (auto date = parse_rfc2822(text)) return date;
  if (text.size() <= 200) return find_date_in_line(text);
  return std::nullopt;
}

std::vector<std::string> split_authors(std::string_view text) {
  std::vector<std::string> names;
  for (const std::string_view line : split_any(text, {"\n", ";", "|"})) {
    for (const std::string_view part :
         split_any(line, {" and ", " And ", " AND ", " & "})) {
      const std::vector<std::string_view> pieces = split_any(part, {","});
      // "Doe, Jane": a surname and a first name, not two people.
      if (pieces.size() == 2 && is_single_word(pieces[0]) &&
          is_single_word(pieces[1])) {
        add_name(names, part);
        continue;
      }
      for (const std::string_view piece : pieces) add_name(names, piece);
    }
  }
  return names;
}

std::string normalize_url(std::string_view url) {
  url = trim(url);
  if (const std::size_t hash = url.find('#'); hash != std::string_view::npos) {
    url = url.substr(0, hash);
  }
  std::string result(url);
  const std::size_t scheme_end = result.find("://");
  if (scheme_end == std::string::npos) return result;
  const std::size_t host_end = result.find_first_of("/?", scheme_end + 3);
  const std::size_t end =
      host_end == std::string::npos ? result.size() : host_end;
  for (std::size_t i = 0; i < end; ++i) {
    result[i] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(result[i])));
  }
  return result;
}

std::string url_host(std::string_view url) {
  url = trim(url);
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme_end + 3);
  std::string host(rest.substr(0, rest.find_first_of("/?#")));
  if (const std::size_t at = host.rfind('@'); at != std::string::npos) {
    host.erase(0, at + 1);
  }
  if (const std::size_t colon = host.find(':'); colon != std::string::npos) {
    host.erase(colon);
  }
  host = lower(host);
  const std::size_t path = rest.find('/');
  if (host == "web.archive.org" && path != std::string_view::npos &&
      rest.substr(path, 5) == "/web/") {
    // /web/<timestamp>[modifier]/<original url>
    const std::size_t inner = rest.find("/http", path + 5);
    if (inner != std::string_view::npos) {
      return url_host(rest.substr(inner + 1));
    }
  }
  if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
  return host;
}

bool looks_like_html(std::string_view text) {
  const std::string_view trimmed = trim(text);
  if (!trimmed.empty() && trimmed.front() == '<') return true;
  const std::string head = lower(text.substr(0, 64 * 1024));
  for (const char* tag : {"<p>", "<p ", "</p>", "<div", "<br>", "<br/>",
                          "<br />", "<li>", "<h2", "<table"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

std::string normalize_language(std::string_view text) {
  text = trim(text);
  text = text.substr(0, text.find_first_of("-_"));
  if (text.size() < 2 || text.size() > 3) return "";
  for (const char c : text) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return "";
  }
  return lower(text);
}

bool is_http_url(std::string_view text) {
  text = trim(text);
  const std::string head = lower(text.substr(0, 8));
  return (head.compare(0, 7, "http://") == 0 ||
          head.compare(0, 8, "https://") == 0) &&
         text.find(' ') == std::string_view::npos;
}

}  // namespace news::corpus
