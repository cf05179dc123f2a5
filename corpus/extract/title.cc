#include "corpus/extract/title.h"

#include <string>

#include "corpus/extract/line_text.h"

namespace news::corpus {
namespace {

bool is_byline(std::string_view line, std::size_t words) {
  return words <= 6 && fold_line(line).substr(0, 3) == "by ";
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
  return is_first_line && words == 1 &&
         (line.back() == '!' || line.back() == '?');
}

std::optional<std::size_t> find_title_line(
    const std::vector<std::string_view>& lines,
    const std::vector<bool>& is_furniture) {
  bool is_first_line = true;
  for (std::size_t i = 0; i < lines.size() && i < is_furniture.size(); ++i) {
    if (trim(lines[i]).empty()) continue;
    if (!is_furniture[i] && is_title_like(lines[i], is_first_line)) return i;
    is_first_line = false;
  }
  return std::nullopt;
}

}  // namespace news::corpus
