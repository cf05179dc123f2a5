// Small helpers over one line of UTF-8 text, shared by the extractors:
// trimming with Unicode spaces, counting words and letters, and the
// normalised form and hash under which a line is compared across files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace news::corpus {

// line without leading and trailing white space (ASCII and Unicode spaces
// such as U+00A0). Costs the white space it removes, not the line.
std::string_view trim(std::string_view line);

// text split at '\n' (no '\r' expected: readers normalise line endings).
// The views point into text.
std::vector<std::string_view> split_lines(std::string_view text);

// Number of white-space separated tokens that contain a letter or a digit.
std::size_t count_words(std::string_view line);
// count_words(), but counting stops past limit (the result is then
// limit + 1): "more than limit words" costs only as much of the line as it
// takes to see it.
std::size_t count_words_up_to(std::string_view line, std::size_t limit);

// Number of letters (Unicode alphabetic code points) in line.
std::size_t count_letters(std::string_view line);
// count_letters(), stopping past limit like count_words_up_to().
std::size_t count_letters_up_to(std::string_view line, std::size_t limit);

// Case-folded copy of line with runs of white space collapsed to one space,
// trimmed, and every run of digits (with the "," or "." between them)
// replaced by a single "0": "21 Comments" and "5 comments" fold alike.
std::string fold_line(std::string_view line);
// fold_line() when it is at most max_bytes long; otherwise its first bytes,
// more than max_bytes of them (a long line is not folded to its end only to
// learn that it is long).
std::string fold_line_up_to(std::string_view line, std::size_t max_bytes);

// fold_line() reduced further to its letters and digits: every other
// character becomes a space, spaces are collapsed. "Read more »" and
// "READ MORE:" both give "read more".
std::string line_key(std::string_view line);
// line_key() of the line whose fold_line() is folded, for a caller that
// needs both without folding twice.
std::string key_of_folded(std::string_view folded);

// True when line (trimmed) ends like a sentence: with . ! ? or an ellipsis,
// possibly followed by closing quotes or brackets.
bool ends_like_sentence(std::string_view line);

// 64-bit FNV-1a hash of text; stable across runs and platforms.
std::uint64_t hash_text(std::string_view text);

}  // namespace news::corpus
