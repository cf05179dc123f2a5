#include <string>
#include <string_view>

#include "common/text/utf8.h"
#include "corpus/readers/text_reader.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"

namespace news::fuzz {

void fuzz_text_decode(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const text::RepairedText repaired = text::repair_utf8(bytes);
  check(text::is_valid_utf8(repaired.text), "repair_utf8 gives valid UTF-8");
  if (text::is_valid_utf8(bytes)) {
    check(repaired.replaced_count == 0, "valid UTF-8 needs no repair");
    const std::string_view without_bom =
        bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
    check(repaired.text == without_bom, "repair keeps valid UTF-8 as is");
  } else {
    check(repaired.replaced_count > 0, "invalid UTF-8 counts a repair");
  }

  const bool is_binary = corpus::looks_binary(bytes);
  const Result<corpus::DecodedText> decoded = corpus::decode_text(bytes);
  if (!decoded.ok()) {
    check(decoded.error().code() == ErrorCode::kBadInput,
          "decode_text fails only with kBadInput");
    return;
  }
  check(!is_binary, "decode_text rejects what looks_binary");
  const std::string& text = decoded.value().text;
  check(text::is_valid_utf8(text), "decoded text is valid UTF-8");
  check(text.find('\r') == std::string::npos, "decoded text has no CR");
  check(text.find("\xEF\xBB\xBF") == std::string::npos,
        "decoded text has no byte-order mark");
  check(decoded.value().replaced_sequences == repaired.replaced_count,
        "decode_text counts the repairs of repair_utf8");

  // Clean text decodes to itself (when it still passes the binary sniff:
  // the decode may have raised the share of control characters).
  const Result<corpus::DecodedText> again = corpus::decode_text(text);
  if (again.ok()) {
    check(again.value().text == text, "decode_text is idempotent");
    check(again.value().replaced_sequences == 0,
          "decoded text needs no repair");
  }
}

}  // namespace news::fuzz
