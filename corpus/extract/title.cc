#include "corpus/extract/title.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <string>

#include "corpus/extract/line_text.h"

namespace news::corpus {
namespace {

bool is_byline(std::string_view line, std::size_t words) {
  return words <= 6 && fold_line(line).substr(0, 3) == "by ";
}

// How many letters (up to limit) of the line belong to scripts written
// without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar. A
// headline in them is one "word" to a count by spaces.
std::size_t count_unspaced_letters_up_to(std::string_view line,
                                         const std::size_t limit) {
  std::size_t letters = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(line.data());
  const auto length = static_cast<int32_t>(line.size());
  for (int32_t i = 0; i < length && letters < limit;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0x0E00 || !u_isalpha(c)) continue;  // below Thai: none of these
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
      case USCRIPT_HAN:
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
      case USCRIPT_THAI:
      case USCRIPT_LAO:
      case USCRIPT_KHMER:
      case USCRIPT_MYANMAR:
        ++letters;
        break;
      default:
        break;
    }
  }
  return letters;
}

}  // namespace

bool is_title_like(std::string_view line, const bool is_first_line) {
  line = trim(line);
  if (line.size() > kMaxTitleBytes || count_letters_up_to(line, 2) < 2) {
    return false;
  }
  const std::size_t words = count_words_up_to(line, kMaxTitleWords);
  if (words > kMaxTitleWords || is_byline(line, words)) return false;
  if (words >= 2) return true;
  if (words == 1 && count_unspaced_letters_up_to(line, 4) >= 4) return true;
  return is_first_line && words == 1 &&
         (line.back() == '!' || line.back() == '?');
}

std::optional<std::size_t> find_title_line(
    const std::vector<std::string_view>& lines,
    const std::vector<bool>& is_furniture, const std::size_t from) {
  bool is_first_line = from == 0;
  for (std::size_t i = from; i < lines.size() && i < is_furniture.size(); ++i) {
    if (trim(lines[i]).empty()) continue;
    if (!is_furniture[i] && is_title_like(lines[i], is_first_line)) return i;
    is_first_line = false;
  }
  return std::nullopt;
}

}  // namespace news::corpus
