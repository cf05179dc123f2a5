#include "corpus/extract/dates.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

#include "corpus/extract/line_text.h"

namespace news::corpus {
namespace {

struct Token {
  enum class Kind { kNumber, kWord } kind;
  std::string_view text;
  std::size_t begin = 0;  // byte offsets in the line
  std::size_t end = 0;
};

// One code point of line at byte i (advanced past it); U+FFFD for bad
// bytes, which then separate tokens.
UChar32 next_code_point(std::string_view line, std::size_t& i) {
  UChar32 c = 0;
  auto index = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(line.data()), index,
          static_cast<int32_t>(line.size()), c);
  i = static_cast<std::size_t>(index);
  return c < 0 ? 0xFFFD : c;
}

bool is_ascii_digit(UChar32 c) { return c >= '0' && c <= '9'; }

bool is_word_char(UChar32 c) {
  if (is_ascii_digit(c)) return false;
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) ||
         (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

// ASCII digit runs and runs of letters (any script); everything else
// separates tokens.
std::vector<Token> tokenize(std::string_view line) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t begin = i;
    const UChar32 c = next_code_point(line, i);
    const bool is_number = is_ascii_digit(c);
    if (!is_number && !is_word_char(c)) continue;
    std::size_t end = i;
    while (end < line.size()) {
      std::size_t next = end;
      const UChar32 d = next_code_point(line, next);
      if (is_number ? !is_ascii_digit(d) : !is_word_char(d)) break;
      end = next;
    }
    tokens.push_back({is_number ? Token::Kind::kNumber : Token::Kind::kWord,
                      line.substr(begin, end - begin), begin, end});
    i = end;
  }
  return tokens;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// Case-folded (NFKC_Casefold, so composed and decomposed accents agree).
std::string fold(std::string_view word) {
  bool is_ascii = true;
  for (const char c : word) is_ascii = is_ascii && (c & 0x80) == 0;
  if (is_ascii) {
    std::string lower(word);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* folder =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return std::string(word);
  const icu::UnicodeString folded =
      folder->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                            word.data(), static_cast<int32_t>(word.size()))),
                        status);
  if (U_FAILURE(status)) return std::string(word);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

struct MonthName {
  std::string_view name;  // case folded
  int month;
};

// Full month names (folded) in English, German, French, Spanish, Portuguese
// and Russian (nominative and genitive), with common spellings without
// accents. Abbreviations are matched as prefixes of these (month_number).
constexpr MonthName kMonthNames[] = {
    // English
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    // German (and Austrian "Jänner", "Feber")
    {"januar", 1},
    {"jänner", 1},
    {"jaenner", 1},
    {"februar", 2},
    {"feber", 2},
    {"märz", 3},
    {"maerz", 3},
    {"marz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"dezember", 12},
    // French
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    // Spanish
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    // Portuguese
    {"janeiro", 1},
    {"fevereiro", 2},
    {"março", 3},
    {"marco", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
    // Russian, nominative
    {"январь", 1},
    {"февраль", 2},
    {"март", 3},
    {"апрель", 4},
    {"май", 5},
    {"июнь", 6},
    {"июль", 7},
    {"август", 8},
    {"сентябрь", 9},
    {"октябрь", 10},
    {"ноябрь", 11},
    {"декабрь", 12},
    // Russian, genitive ("23 марта")
    {"января", 1},
    {"февраля", 2},
    {"марта", 3},
    {"апреля", 4},
    {"мая", 5},
    {"июня", 6},
    {"июля", 7},
    {"августа", 8},
    {"сентября", 9},
    {"октября", 10},
    {"ноября", 11},
    {"декабря", 12},
    // German "Mrz." is no prefix of a name.
    {"mrz", 3},
};

// 1..12 for a month name or abbreviation in one of the six languages
// ("Mar", "Sept", "févr.", "марта", "сент"), else 0. An abbreviation is a
// prefix of three or four letters of a name that names one month only
// ("jui" could be juin or juillet: no month).
int month_number(std::string_view word) {
  const std::size_t length = code_point_count(word);
  if (length < 3 || length > 10) return 0;
  const std::string folded = fold(word);
  int month = 0;
  for (const MonthName& name : kMonthNames) {
    if (folded == name.name) return name.month;
    if (length <= 4 && name.name.size() > folded.size() &&
        name.name.substr(0, folded.size()) == folded) {
      if (month != 0 && month != name.month) return 0;
      month = name.month;
    }
  }
  return month;
}

// The text between two tokens.
std::string_view gap(std::string_view line, const Token& left,
                     const Token& right) {
  return line.substr(left.end, right.begin - left.end);
}

// The gap between two tokens is a plain separator: white space (including
// no-break spaces), commas, a period (abbreviations, "23. März"), a hyphen
// or slash ("23-Mar-2019"); nothing else and at most four characters.
bool is_date_gap(std::string_view line, const Token& left, const Token& right) {
  const std::string_view text = gap(line, left, right);
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const UChar32 c = next_code_point(text, i);
    if (++count > 4) return false;
    if (c != ',' && c != '.' && c != '-' && c != '/' &&
        !u_hasBinaryProperty(c, UCHAR_WHITE_SPACE)) {
      return false;
    }
  }
  return count > 0;
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

// Whether tokens[i] and tokens[i + 1] are numbers joined by exactly the
// one character separator.
bool joined_by(std::string_view line, const std::vector<Token>& tokens,
               std::size_t i, char separator) {
  return i + 1 < tokens.size() && tokens[i].kind == Token::Kind::kNumber &&
         tokens[i + 1].kind == Token::Kind::kNumber &&
         tokens[i + 1].begin == tokens[i].end + 1 &&
         line[tokens[i].end] == separator;
}

// Whether the numeric date tokens[first..last] is part of a longer run of
// numbers with the same separator ("1.2.3.2019", a version or address).
bool is_inside_longer_run(std::string_view line,
                          const std::vector<Token>& tokens, std::size_t first,
                          std::size_t last, char separator) {
  return (first > 0 && joined_by(line, tokens, first - 1, separator)) ||
         joined_by(line, tokens, last, separator);
}

// "2019-03-23", "2019/03/23", "2019.03.23" starting at tokens[i].
std::optional<Date> iso_at(std::string_view line,
                           const std::vector<Token>& tokens, std::size_t i) {
  if (i + 2 >= tokens.size() || !is_year(tokens[i])) return std::nullopt;
  const char separator = tokens[i].end < line.size() ? line[tokens[i].end] : 0;
  if (separator != '-' && separator != '/' && separator != '.') {
    return std::nullopt;
  }
  if (!joined_by(line, tokens, i, separator) ||
      !joined_by(line, tokens, i + 1, separator) ||
      tokens[i + 1].text.size() > 2 || tokens[i + 2].text.size() > 2 ||
      is_inside_longer_run(line, tokens, i, i + 2, separator)) {
    return std::nullopt;
  }
  return valid({to_int(tokens[i].text), to_int(tokens[i + 1].text),
                to_int(tokens[i + 2].text)});
}

// "23.03.2019" (day first), "23/03/2019" or "03/23/2019" (whichever order
// the numbers allow) starting at tokens[i].
std::optional<Date> numeric_at(std::string_view line,
                               const std::vector<Token>& tokens,
                               std::size_t i) {
  if (i + 2 >= tokens.size() || !is_day(tokens[i]) || !is_day(tokens[i + 1]) ||
      !is_year(tokens[i + 2])) {
    return std::nullopt;
  }
  const char separator = line[tokens[i].end];
  if ((separator != '.' && separator != '/' && separator != '-') ||
      !joined_by(line, tokens, i, separator) ||
      !joined_by(line, tokens, i + 1, separator) ||
      is_inside_longer_run(line, tokens, i, i + 2, separator)) {
    return std::nullopt;
  }
  const int first = to_int(tokens[i].text);
  const int second = to_int(tokens[i + 1].text);
  const int year = to_int(tokens[i + 2].text);
  if (separator == '.' || first == second || (first > 12 && second <= 12)) {
    return valid({year, second, first});
  }
  if (second > 12 && first <= 12) return valid({year, first, second});
  return std::nullopt;  // "03/04/2019": 3 April or March 4?
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "2019年3月23日" and Korean "2019년 3월 23일" starting at tokens[i].
std::optional<Date> cjk_at(const std::vector<Token>& tokens, std::size_t i) {
  if (i + 5 >= tokens.size() || !is_year(tokens[i]) || !is_day(tokens[i + 2]) ||
      !is_day(tokens[i + 4])) {
    return std::nullopt;
  }
  const std::string_view year_mark = tokens[i + 1].text;
  const std::string_view month_mark = tokens[i + 3].text;
  const std::string_view day_mark = tokens[i + 5].text;
  const bool is_cjk =
      year_mark == "年" && month_mark == "月" && starts_with(day_mark, "日");
  const bool is_korean =
      year_mark == "년" && month_mark == "월" && starts_with(day_mark, "일");
  if (!is_cjk && !is_korean) return std::nullopt;
  return valid({to_int(tokens[i].text), to_int(tokens[i + 2].text),
                to_int(tokens[i + 4].text)});
}

bool is_one_of(std::string_view word,
               std::initializer_list<std::string_view> choices) {
  for (const std::string_view choice : choices) {
    if (word == choice) return true;
  }
  return false;
}

// Index just past a day token and its ordinal suffix, if any: "23rd",
// "1er", "1re", "1º", "1.º", "23-го".
std::size_t skip_ordinal(std::string_view line,
                         const std::vector<Token>& tokens, std::size_t i) {
  if (i + 1 >= tokens.size() || tokens[i + 1].kind != Token::Kind::kWord) {
    return i + 1;
  }
  const std::string_view between = gap(line, tokens[i], tokens[i + 1]);
  // Folding makes "º" and "ª" the letters "o" and "a".
  const std::string suffix = fold(tokens[i + 1].text);
  const bool is_suffix =
      (between.empty() &&
       is_one_of(suffix, {"st", "nd", "rd", "th", "er", "re", "o", "a"})) ||
      (between == "." && is_one_of(suffix, {"o", "a"})) ||
      (between == "-" && is_one_of(suffix, {"го", "е"}));
  return is_suffix ? i + 2 : i + 1;
}

// Index past an optional connecting word at tokens[i] ("23rd of March",
// "23 de marzo de 2019", "marzo del 2019").
std::size_t skip_connector(std::string_view line,
                           const std::vector<Token>& tokens, std::size_t i) {
  if (i >= tokens.size() || i == 0 || tokens[i].kind != Token::Kind::kWord ||
      !is_date_gap(line, tokens[i - 1], tokens[i])) {
    return i;
  }
  const std::string word = fold(tokens[i].text);
  return is_one_of(word, {"of", "de", "del"}) ? i + 1 : i;
}

// "March 23, 2019", "March 23rd 2019", "marzo 23 de 2019" at tokens[i].
std::optional<Date> month_first_at(std::string_view line,
                                   const std::vector<Token>& tokens,
                                   std::size_t i) {
  if (tokens[i].kind != Token::Kind::kWord || i + 2 >= tokens.size() ||
      !is_day(tokens[i + 1]) || !is_date_gap(line, tokens[i], tokens[i + 1])) {
    return std::nullopt;
  }
  const std::size_t year_index =
      skip_connector(line, tokens, skip_ordinal(line, tokens, i + 1));
  if (year_index >= tokens.size() || !is_year(tokens[year_index]) ||
      !is_date_gap(line, tokens[year_index - 1], tokens[year_index])) {
    return std::nullopt;
  }
  const int month = month_number(tokens[i].text);
  if (month == 0) return std::nullopt;
  return valid(
      {to_int(tokens[year_index].text), month, to_int(tokens[i + 1].text)});
}

// "23 March 2019", "23rd of March, 2019", "23. März 2019", "1er mars 2019",
// "23 de marzo de 2019", "23 марта 2019" starting at tokens[i].
std::optional<Date> day_first_at(std::string_view line,
                                 const std::vector<Token>& tokens,
                                 std::size_t i) {
  if (!is_day(tokens[i])) return std::nullopt;
  const std::size_t month_index =
      skip_connector(line, tokens, skip_ordinal(line, tokens, i));
  if (month_index >= tokens.size() ||
      tokens[month_index].kind != Token::Kind::kWord ||
      !is_date_gap(line, tokens[month_index - 1], tokens[month_index])) {
    return std::nullopt;
  }
  const std::size_t year_index = skip_connector(line, tokens, month_index + 1);
  if (year_index >= tokens.size() || !is_year(tokens[year_index]) ||
      !is_date_gap(line, tokens[year_index - 1], tokens[year_index])) {
    return std::nullopt;
  }
  const int month = month_number(tokens[month_index].text);
  if (month == 0) return std::nullopt;
  return valid(
      {to_int(tokens[year_index].text), month, to_int(tokens[i].text)});
}

// The UTC calendar day of a count of days since 1970-01-01 (H. Hinnant's
// civil_from_days).
Date civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 +
                                    day_of_era / 36524 - day_of_era / 146096) /
                                   365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
  const auto day =
      static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const auto month = static_cast<int>(shifted_month < 10 ? shifted_month + 3
                                                         : shifted_month - 9);
  const auto year =
      static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

bool is_all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<Date> find_date_in_line(std::string_view line) {
  const std::vector<Token> tokens = tokenize(line);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (auto date = iso_at(line, tokens, i)) return date;
    if (auto date = numeric_at(line, tokens, i)) return date;
    if (auto date = cjk_at(tokens, i)) return date;
    if (auto date = month_first_at(line, tokens, i)) return date;
    if (auto date = day_first_at(line, tokens, i)) return date;
  }
  return std::nullopt;
}

std::optional<Date> parse_date_value(std::string_view value) {
  const std::string_view text = trim(value);
  if (is_all_digits(text)) {
    if (text.size() == 8) return parse_iso_date(text);
    std::int64_t seconds = 0;
    for (const char c : text) seconds = seconds * 10 + (c - '0');
    if (text.size() == 13) {
      seconds /= 1000;
    } else if (text.size() != 9 && text.size() != 10) {
      return std::nullopt;
    }
    return valid(civil_from_days(seconds / 86400));
  }
  return find_date_in_line(text);
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
