#include "corpus/readers/field_text.h"

#include "common/text/entities.h"
#include "common/text/utf8.h"
#include "corpus/readers/text_reader.h"

namespace news::corpus {

std::string clean_field_text(std::string_view text) {
  Result<DecodedText> decoded = decode_text(text);
  if (decoded.ok()) return std::move(decoded).value().text;
  // A field full of control characters is still the record's text: keep it
  // repaired rather than lose the record.
  return text::repair_utf8(text).text;
}

std::string decode_field_references(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  Result<DecodedText> decoded = decode_text(text, true);
  if (decoded.ok()) return std::move(decoded).value().text;
  return text::decode_entities(text);
}

}  // namespace news::corpus
