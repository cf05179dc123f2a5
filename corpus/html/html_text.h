// Small text helpers shared by the HTML extractors: white space as a browser
// renders it (runs of spaces, tabs, newlines and Unicode spaces such as
// U+00A0 shown as one space) and counts over UTF-8 text.
// Internal to the HTML extractor; exposed for its tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace news::corpus::html {

// Length in bytes of a white-space character (ASCII space, tab, newline,
// carriage return, form feed, U+00A0, U+1680, U+2000..U+200A, U+2028,
// U+2029, U+202F, U+205F, U+3000) at the start of text, 0 if none.
std::size_t space_length(std::string_view text);

// Appends text to out with every run of white space as one space; a space
// is written only between words: never at the start of out, and never after
// a space already at the end of out.
void append_collapsed(std::string& out, std::string_view text);

// text with white space collapsed and trimmed at both ends.
std::string collapse_whitespace(std::string_view text);

// Number of characters (code points) of UTF-8 text, white space excluded.
std::size_t visible_length(std::string_view text);

// text with ASCII letters lower-cased (other bytes kept).
std::string ascii_lower(std::string_view text);

}  // namespace news::corpus::html
