// UTF-8 checking and repair. Scraped text often has stray Latin-1 bytes or
// truncated sequences; repair keeps the rest of the text instead of failing.
#pragma once

#include <string>
#include <string_view>

namespace news::text {

// True when bytes is well-formed UTF-8 (no overlongs, surrogates or values
// past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

struct RepairedText {
  std::string text;
  std::size_t replaced_count = 0;  // ill-formed sequences replaced
};

// A copy of bytes in which every ill-formed sequence is replaced by U+FFFD,
// and a leading byte-order mark is dropped.
RepairedText repair_utf8(std::string_view bytes);

}  // namespace news::text
