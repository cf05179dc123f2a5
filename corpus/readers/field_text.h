// The text of one record field (JSON string, CSV cell) made clean like a
// text dump: well-formed UTF-8 (ill-formed bytes become U+FFFD), "\n" line
// endings, no byte-order marks, NFC.
#pragma once

#include <string>
#include <string_view>

namespace news::corpus {

std::string clean_field_text(std::string_view text);

// A clean field's text that holds no HTML, with its character references
// decoded ("it&rsquo;s" -> "it’s"; see text::decode_entities), still NFC.
std::string decode_field_references(std::string_view text);

}  // namespace news::corpus
