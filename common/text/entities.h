// HTML character references in text that is not HTML. Scraped plain-text
// dumps and the text fields of JSON Lines and CSV exports often keep the
// references of the page they came from ("it&rsquo;s", "Paris &ndash;
// London", "Trump&#039;s"); left alone they split words and show up in
// snippets.
#pragma once

#include <string>
#include <string_view>

namespace news::text {

// text with its well-formed character references decoded: "&name;" for the
// names of HTML 4 and "&apos;" (Latin-1, punctuation, symbols, Greek),
// "&#123;" and "&#x7B;" for any Unicode scalar value, with 0x80-0x9F read
// as windows-1252 (as browsers do: "&#146;" is U+2019). Only a reference
// with its ';' counts, so "AT&T", "S&P;", "&copy" and "&foo;" stay as they
// are, as do references to NUL, surrogates, values past U+10FFFF and
// control characters other than tab and line feed. One pass: "&amp;lt;"
// becomes "&lt;". text must be UTF-8; the result is too.
std::string decode_entities(std::string_view text);

}  // namespace news::text
