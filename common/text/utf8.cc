#include "common/text/utf8.h"

#include <cstdint>

namespace news::text {
namespace {

// Length of the well-formed UTF-8 sequence at bytes[i], or 0 when the bytes
// there are ill-formed (RFC 3629 table: no overlongs, no surrogates, nothing
// past U+10FFFF).
std::size_t sequence_length(std::string_view bytes, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<std::uint8_t>(bytes[k]);
  };
  const std::uint8_t lead = byte(i);
  const std::size_t left = bytes.size() - i;
  if (lead < 0x80) return 1;
  const auto in = [](std::uint8_t b, std::uint8_t lo, std::uint8_t hi) {
    return b >= lo && b <= hi;
  };
  if (in(lead, 0xC2, 0xDF)) {
    return left >= 2 && in(byte(i + 1), 0x80, 0xBF) ? 2 : 0;
  }
  if (in(lead, 0xE0, 0xEF)) {
    if (left < 3) return 0;
    const std::uint8_t lo = lead == 0xE0 ? 0xA0 : 0x80;
    const std::uint8_t hi = lead == 0xED ? 0x9F : 0xBF;
    return in(byte(i + 1), lo, hi) && in(byte(i + 2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(lead, 0xF0, 0xF4)) {
    if (left < 4) return 0;
    const std::uint8_t lo = lead == 0xF0 ? 0x90 : 0x80;
    const std::uint8_t hi = lead == 0xF4 ? 0x8F : 0xBF;
    return in(byte(i + 1), lo, hi) && in(byte(i + 2), 0x80, 0xBF) &&
                   in(byte(i + 3), 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t length = sequence_length(bytes, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

RepairedText repair_utf8(std::string_view bytes) {
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  RepairedText result;
  result.text.reserve(bytes.size());
  std::size_t clean_begin = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t length = sequence_length(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    result.text.append(bytes.substr(clean_begin, i - clean_begin));
    result.text.append(kReplacement);
    ++result.replaced_count;
    // Skip the lead byte and any continuation bytes that belonged to it, so
    // one broken character becomes one replacement.
    ++i;
    while (i < bytes.size() &&
           (static_cast<std::uint8_t>(bytes[i]) & 0xC0) == 0x80) {
      ++i;
    }
    clean_begin = i;
  }
  result.text.append(bytes.substr(clean_begin));
  return result;
}

}  // namespace news::text
