// Character sets of HTML pages: which charset a page is in (byte-order mark,
// the transport's declaration, the page's own <meta charset> or http-equiv
// Content-Type in its first 4 KB) and decoding to UTF-8 with ICU converters.
// Internal to the HTML extractor; exposed for its tests.
#pragma once

#include <string>
#include <string_view>

namespace news::corpus::html {

// How many leading bytes are searched for a <meta> charset declaration.
inline constexpr std::size_t kCharsetSniffBytes = 4096;

// The charset of a page, lower case: "utf-8", "utf-16le", "utf-16be" for a
// byte-order mark (which wins, as in HTML5); else declared_charset when
// non-empty; else the <meta charset=...> or <meta http-equiv=Content-Type
// content="...; charset=..."> (or <?xml encoding=...?>) in the first
// kCharsetSniffBytes; else "" (unknown). Labels are cleaned (quotes, case)
// but not validated.
std::string sniff_charset(std::string_view bytes,
                          std::string_view declared_charset);

struct DecodedPage {
  std::string text;     // UTF-8, well-formed, without a byte-order mark
  std::string charset;  // what was used: "utf-8", "windows-1252", ...
  std::size_t replaced_count = 0;  // undecodable sequences replaced
};

// bytes decoded to UTF-8 from charset (a label as sniff_charset gives it).
// Latin-1 and ASCII labels decode as windows-1252 (as browsers do); a UTF-16
// label on a page without a UTF-16 byte-order mark is read as UTF-8 (HTML5);
// an unknown charset ("") is UTF-8 when the bytes are well-formed UTF-8,
// else windows-1252; a label ICU does not know falls back the same way.
// Invalid UTF-8 is repaired with U+FFFD. Never fails.
DecodedPage decode_page(std::string_view bytes, std::string_view charset);

}  // namespace news::corpus::html
