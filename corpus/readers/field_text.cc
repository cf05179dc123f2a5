#include "corpus/readers/field_text.h"

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

}  // namespace news::corpus
