// Titles of scraped text dumps: the first substantial line that is not page
// furniture.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace news::corpus {

// Longest title accepted, in words and in bytes (trimmed); longer lines
// are paragraphs, and a line of megabytes is not looked at further.
inline constexpr std::size_t kMaxTitleWords = 40;
inline constexpr std::size_t kMaxTitleBytes = 2048;

// Whether line can be a headline: at most kMaxTitleBytes long, it has at
// least two letters, between two and kMaxTitleWords words (a single word only
// when is_first_line and it ends with "!" or "?", as in "Shock!"), and is not a
// byline ("By Jane Doe"). Boilerplate is judged by the caller.
bool is_title_like(std::string_view line, bool is_first_line);

// Index of the title in lines: the first line from lines[from] on that is
// title-like and for which is_furniture[i] is false; nullopt when there is
// none. is_furniture has one entry per line. A caller that rejected an
// earlier candidate passes from > 0, which is then not the first line.
std::optional<std::size_t> find_title_line(
    const std::vector<std::string_view>& lines,
    const std::vector<bool>& is_furniture, std::size_t from = 0);

}  // namespace news::corpus
