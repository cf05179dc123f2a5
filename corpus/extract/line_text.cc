#include "corpus/extract/line_text.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <array>

namespace news::corpus {
namespace {

// Calls visit(code_point, byte_begin, byte_end) for each code point of text;
// ill-formed bytes arrive as negative code points.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit visit) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t offset = 0;
  while (offset < length) {
    const std::int32_t begin = offset;
    UChar32 code_point = 0;
    U8_NEXT(bytes, offset, length, code_point);
    if (!visit(code_point, static_cast<std::size_t>(begin),
               static_cast<std::size_t>(offset))) {
      return;
    }
  }
}

// ASCII answers without ICU's property lookup (most of news text is
// ASCII); they are ICU's answers for those code points.
bool is_ascii_letter(const UChar32 code_point) {
  return (code_point >= 'a' && code_point <= 'z') ||
         (code_point >= 'A' && code_point <= 'Z');
}

bool is_space(const UChar32 code_point) {
  if (code_point < 0x80) {
    return code_point == ' ' || (code_point >= '\t' && code_point <= '\r');
  }
  return u_isUWhiteSpace(code_point);
}

bool is_letter(const UChar32 code_point) {
  if (code_point < 0x80) return is_ascii_letter(code_point);
  return u_isalpha(code_point);
}

bool is_letter_or_digit(const UChar32 code_point) {
  if (code_point < 0x80) {
    return is_ascii_letter(code_point) ||
           (code_point >= '0' && code_point <= '9');
  }
  return u_isalnum(code_point);
}

bool is_ascii_digit(const char c) { return c >= '0' && c <= '9'; }

// What fold_line_up_to does with each ASCII character.
enum class AsciiKind : std::uint8_t { kOther, kSpace, kDigit, kUpper };

constexpr std::array<AsciiKind, 128> make_ascii_kinds() {
  std::array<AsciiKind, 128> kinds{};
  for (int c = 0; c < 128; ++c) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      kinds[c] = AsciiKind::kSpace;  // is_space()'s ASCII answer
    } else if (c >= '0' && c <= '9') {
      kinds[c] = AsciiKind::kDigit;
    } else if (c >= 'A' && c <= 'Z') {
      kinds[c] = AsciiKind::kUpper;
    }
  }
  return kinds;
}

constexpr std::array<AsciiKind, 128> kAsciiKinds = make_ascii_kinds();

// Appends the Unicode (full, default) case folding of code_point, whose
// bytes in the text are raw, as ICU's UnicodeString::foldCase() gives it; an
// ill-formed sequence (negative code_point) becomes U+FFFD as it does there.
// Folding maps each code point on its own, so callers fold ASCII themselves
// and call this only for the rest.
void append_folded(std::string& out, const UChar32 code_point,
                   std::string_view raw) {
  if (code_point < 0) {
    out += "\xEF\xBF\xBD";
    return;
  }
  UChar source[2];
  std::int32_t source_length = 0;
  UBool is_error = false;
  U16_APPEND(source, source_length, 2, code_point, is_error);
  UChar target[8];
  UErrorCode status = U_ZERO_ERROR;
  const std::int32_t target_length = u_strFoldCase(
      target, 8, source, source_length, U_FOLD_CASE_DEFAULT, &status);
  if (is_error || U_FAILURE(status)) {
    out.append(raw);
    return;
  }
  for (std::int32_t i = 0; i < target_length;) {
    UChar32 folded = 0;
    U16_NEXT(target, i, target_length, folded);
    char bytes[4];
    std::int32_t size = 0;
    U8_APPEND_UNSAFE(bytes, size, folded);
    out.append(bytes, static_cast<std::size_t>(size));
  }
}

}  // namespace

std::string_view trim(std::string_view line) {
  // From both ends inwards: the cost is the white space, not the line.
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(line.data());
  const auto length = static_cast<std::int32_t>(line.size());
  std::int32_t first = 0;
  while (first < length) {
    std::int32_t next = first;
    UChar32 code_point = 0;
    U8_NEXT(bytes, next, length, code_point);
    if (!is_space(code_point)) break;
    first = next;
  }
  std::int32_t last = length;
  while (last > first) {
    std::int32_t previous = last;
    UChar32 code_point = 0;
    U8_PREV(bytes, first, previous, code_point);
    if (!is_space(code_point)) break;
    last = previous;
  }
  return line.substr(static_cast<std::size_t>(first),
                     static_cast<std::size_t>(last - first));
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(begin));
      break;
    }
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

std::size_t count_words(std::string_view line) {
  return count_words_up_to(line, line.size());
}

std::size_t count_words_up_to(std::string_view line, const std::size_t limit) {
  std::size_t words = 0;
  bool in_token = false;
  bool token_counted = false;
  for_each_code_point(line, [&](UChar32 code_point, std::size_t, std::size_t) {
    if (is_space(code_point)) {
      in_token = false;
      return true;
    }
    if (!in_token) {
      in_token = true;
      token_counted = false;
    }
    if (!token_counted && is_letter_or_digit(code_point)) {
      ++words;
      token_counted = true;
    }
    return words <= limit;
  });
  return words;
}

std::size_t count_letters(std::string_view line) {
  return count_letters_up_to(line, line.size());
}

std::size_t count_letters_up_to(std::string_view line,
                                const std::size_t limit) {
  std::size_t letters = 0;
  for_each_code_point(line, [&](UChar32 code_point, std::size_t, std::size_t) {
    if (is_letter(code_point)) ++letters;
    return letters <= limit;
  });
  return letters;
}

std::string fold_line(std::string_view line) {
  return fold_line_up_to(line, std::string::npos);
}

std::string fold_line_up_to(std::string_view line,
                            const std::size_t max_bytes) {
  // One pass, ASCII without ICU. Case folding turns no character into white
  // space or an ASCII digit (nor those into anything else), so spaces and
  // digit runs are found on the unfolded text.
  std::string result;
  result.reserve(line.size());
  bool pending_space = false;
  bool in_number = false;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(line.data());
  const auto length = static_cast<std::int32_t>(line.size());
  std::int32_t offset = 0;
  while (offset < length && result.size() <= max_bytes) {
    const std::uint8_t byte = bytes[offset];
    if (byte < 0x80) {
      // ASCII, most of the text: one table lookup.
      ++offset;
      const AsciiKind kind = kAsciiKinds[byte];
      if (kind == AsciiKind::kSpace) {
        pending_space = true;
        in_number = false;
        continue;
      }
      const bool is_digit = kind == AsciiKind::kDigit;
      if (in_number && !pending_space) {
        if (is_digit) continue;
        if ((byte == ',' || byte == '.') && offset < length &&
            is_ascii_digit(line[static_cast<std::size_t>(offset)])) {
          continue;
        }
      }
      if (pending_space && !result.empty()) result += ' ';
      pending_space = false;
      in_number = is_digit;
      result += is_digit                    ? '0'
                : kind == AsciiKind::kUpper ? static_cast<char>(byte + 32)
                                            : static_cast<char>(byte);
      continue;
    }
    const std::int32_t begin = offset;
    UChar32 code_point = 0;
    U8_NEXT(bytes, offset, length, code_point);
    if (is_space(code_point)) {
      pending_space = true;
      in_number = false;
      continue;
    }
    const bool is_ascii = code_point >= 0 && code_point < 0x80;
    const char c = line[static_cast<std::size_t>(begin)];
    const bool is_digit = is_ascii && is_ascii_digit(c);
    if (in_number && !pending_space) {
      // A digit run with its separators ("2,500", "19.68") folds to one "0".
      if (is_digit) continue;
      if ((c == ',' || c == '.') && offset < length &&
          is_ascii_digit(line[static_cast<std::size_t>(offset)])) {
        continue;
      }
    }
    if (pending_space && !result.empty()) result += ' ';
    pending_space = false;
    in_number = is_digit;
    if (is_digit) {
      result += '0';
    } else if (is_ascii) {
      result += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      append_folded(result, code_point,
                    line.substr(static_cast<std::size_t>(begin),
                                static_cast<std::size_t>(offset - begin)));
    }
  }
  return result;
}

std::string line_key(std::string_view line) {
  return key_of_folded(fold_line(line));
}

std::string key_of_folded(std::string_view folded) {
  std::string key;
  key.reserve(folded.size());
  bool pending_space = false;
  for_each_code_point(
      folded, [&](UChar32 code_point, std::size_t begin, std::size_t end) {
        if (is_letter_or_digit(code_point)) {
          if (pending_space && !key.empty()) key += ' ';
          pending_space = false;
          if (end - begin == 1) {
            key += folded[begin];
          } else {
            key.append(folded, begin, end - begin);
          }
        } else {
          pending_space = true;
        }
        return true;
      });
  return key;
}

bool ends_like_sentence(std::string_view line) {
  line = trim(line);
  // Strip closing quotes and brackets: ASCII, and the UTF-8 forms of
  // ’ ” » (all three-byte sequences starting E2 80 or two-byte C2 BB).
  while (!line.empty()) {
    const char last = line.back();
    if (last == '"' || last == '\'' || last == ')' || last == ']') {
      line.remove_suffix(1);
    } else if (line.size() >= 3 &&
               line.substr(line.size() - 3, 2) == "\xE2\x80" &&
               (line.back() == '\x99' || line.back() == '\x9D')) {
      line.remove_suffix(3);
    } else if (line.size() >= 2 && line.substr(line.size() - 2) == "\xC2\xBB") {
      line.remove_suffix(2);
    } else {
      break;
    }
  }
  if (line.empty()) return false;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?') return true;
  return line.size() >= 3 && line.substr(line.size() - 3) == "\xE2\x80\xA6";
}

std::uint64_t hash_text(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<std::uint8_t>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace news::corpus
