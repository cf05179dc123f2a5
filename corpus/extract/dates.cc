#include "corpus/extract/dates.h"

#include <cctype>
#include <string>

#include "corpus/extract/line_text.h"

namespace news::corpus {
namespace {

struct Token {
  enum class Kind { kNumber, kWord } kind;
  std::string_view text;
  std::size_t begin = 0;  // byte offsets in the line
  std::size_t end = 0;
};

// ASCII words and digit runs; everything else separates tokens.
std::vector<Token> tokenize(std::string_view line) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (std::isdigit(c) || std::isalpha(c)) {
      const bool is_number = std::isdigit(c) != 0;
      const std::size_t begin = i;
      while (i < line.size()) {
        const auto next = static_cast<unsigned char>(line[i]);
        if (is_number ? !std::isdigit(next) : !std::isalpha(next)) break;
        ++i;
      }
      tokens.push_back({is_number ? Token::Kind::kNumber : Token::Kind::kWord,
                        line.substr(begin, i - begin), begin, i});
    } else {
      ++i;
    }
  }
  return tokens;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// 1..12 for an English month name or abbreviation ("mar", "sept"), else 0.
int month_number(std::string_view word) {
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  for (int month = 1; month <= 12; ++month) {
    const std::string_view name = kMonths[month - 1];
    if (lower == name) return month;
    if (lower.size() >= 3 && lower.size() < name.size() &&
        name.substr(0, lower.size()) == lower && lower.size() <= 4) {
      return month;  // "Mar", "Sept"
    }
  }
  return 0;
}

bool is_ordinal_suffix(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  return lower == "st" || lower == "nd" || lower == "rd" || lower == "th";
}

// The text between two tokens is a plain separator: spaces, commas, one
// period (abbreviations), nothing else and not too much of it.
bool is_date_gap(std::string_view line, const Token& left, const Token& right) {
  const std::string_view gap = line.substr(left.end, right.begin - left.end);
  if (gap.empty() || gap.size() > 4) return false;
  for (const char c : gap) {
    if (c != ' ' && c != ',' && c != '.') return false;
  }
  return true;
}

bool is_day(const Token& token) {
  return token.kind == Token::Kind::kNumber && token.text.size() <= 2;
}

bool is_year(const Token& token) {
  return token.kind == Token::Kind::kNumber && token.text.size() == 4;
}

std::optional<Date> valid(const Date date) {
  if (!date.is_valid()) return std::nullopt;
  return date;
}

// "2019-03-23", "2019/03/23" starting at tokens[i].
std::optional<Date> iso_at(std::string_view line,
                           const std::vector<Token>& tokens, std::size_t i) {
  if (i + 2 >= tokens.size() || !is_year(tokens[i])) return std::nullopt;
  const Token& month = tokens[i + 1];
  const Token& day = tokens[i + 2];
  if (month.kind != Token::Kind::kNumber || month.text.size() != 2 ||
      day.kind != Token::Kind::kNumber || day.text.size() != 2) {
    return std::nullopt;
  }
  const char separator = line[tokens[i].end];
  if ((separator != '-' && separator != '/') ||
      month.begin != tokens[i].end + 1 || day.begin != month.end + 1 ||
      line[month.end] != separator) {
    return std::nullopt;
  }
  return valid({to_int(tokens[i].text), to_int(month.text), to_int(day.text)});
}

// Index just past a day token and its optional ordinal suffix ("23rd").
std::size_t skip_ordinal(const std::vector<Token>& tokens, std::size_t i) {
  if (i + 1 < tokens.size() && tokens[i + 1].begin == tokens[i].end &&
      is_ordinal_suffix(tokens[i + 1].text)) {
    return i + 2;
  }
  return i + 1;
}

// "March 23, 2019", "March 23rd 2019" starting at tokens[i].
std::optional<Date> month_first_at(std::string_view line,
                                   const std::vector<Token>& tokens,
                                   std::size_t i) {
  if (tokens[i].kind != Token::Kind::kWord) return std::nullopt;
  const int month = month_number(tokens[i].text);
  if (month == 0 || i + 2 >= tokens.size() || !is_day(tokens[i + 1]) ||
      !is_date_gap(line, tokens[i], tokens[i + 1])) {
    return std::nullopt;
  }
  const std::size_t year_index = skip_ordinal(tokens, i + 1);
  if (year_index >= tokens.size() || !is_year(tokens[year_index]) ||
      !is_date_gap(line, tokens[year_index - 1], tokens[year_index])) {
    return std::nullopt;
  }
  return valid(
      {to_int(tokens[year_index].text), month, to_int(tokens[i + 1].text)});
}

// "23 March 2019", "23rd of March, 2019" starting at tokens[i].
std::optional<Date> day_first_at(std::string_view line,
                                 const std::vector<Token>& tokens,
                                 std::size_t i) {
  if (!is_day(tokens[i])) return std::nullopt;
  std::size_t month_index = skip_ordinal(tokens, i);
  if (month_index < tokens.size() && tokens[month_index].text == "of" &&
      is_date_gap(line, tokens[month_index - 1], tokens[month_index])) {
    ++month_index;
  }
  if (month_index + 1 >= tokens.size() ||
      tokens[month_index].kind != Token::Kind::kWord ||
      !is_date_gap(line, tokens[month_index - 1], tokens[month_index])) {
    return std::nullopt;
  }
  const int month = month_number(tokens[month_index].text);
  const Token& year = tokens[month_index + 1];
  if (month == 0 || !is_year(year) ||
      !is_date_gap(line, tokens[month_index], year)) {
    return std::nullopt;
  }
  return valid({to_int(year.text), month, to_int(tokens[i].text)});
}

}  // namespace

std::optional<Date> find_date_in_line(std::string_view line) {
  const std::vector<Token> tokens = tokenize(line);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (auto date = iso_at(line, tokens, i)) return date;
    if (auto date = month_first_at(line, tokens, i)) return date;
    if (auto date = day_first_at(line, tokens, i)) return date;
  }
  return std::nullopt;
}

bool is_dateline_like(std::string_view line) {
  const std::size_t words = count_words_up_to(line, 12);
  if (words == 0 || words > 12) return false;
  if (line.find("(@") != std::string_view::npos ||
      line.find("pic.twitter") != std::string_view::npos) {
    return false;
  }
  return words <= 5 || !ends_like_sentence(line);
}

std::optional<Dateline> find_dateline(
    const std::vector<std::string_view>& lines, const std::size_t title_index) {
  for (std::size_t i = 0; i < title_index && i < lines.size(); ++i) {
    if (!is_dateline_like(lines[i])) continue;
    if (const auto date = find_date_in_line(lines[i])) {
      return Dateline{*date, i};
    }
  }
  std::size_t seen = 0;
  for (std::size_t i = title_index + 1; i < lines.size(); ++i) {
    if (trim(lines[i]).empty()) continue;
    if (++seen > kBylineAreaLines || !is_dateline_like(lines[i])) break;
    if (const auto date = find_date_in_line(lines[i])) {
      return Dateline{*date, i};
    }
  }
  return std::nullopt;
}

}  // namespace news::corpus
