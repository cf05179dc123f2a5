#include "common/error.h"

#include <cstdint>
#include <cstdio>

namespace news {
namespace {

// Length of the well-formed UTF-8 sequence at text[i] (1 to 4), or 0 when
// the bytes there are ill-formed (no overlongs, surrogates or values past
// U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<std::uint8_t>(text[k]);
  };
  const auto in = [](std::uint8_t b, std::uint8_t lo, std::uint8_t hi) {
    return b >= lo && b <= hi;
  };
  const std::uint8_t lead = byte(i);
  const std::size_t left = text.size() - i;
  if (lead < 0x80) return 1;
  if (in(lead, 0xC2, 0xDF)) {
    return left >= 2 && in(byte(i + 1), 0x80, 0xBF) ? 2 : 0;
  }
  if (in(lead, 0xE0, 0xEF)) {
    const std::uint8_t lo = lead == 0xE0 ? 0xA0 : 0x80;
    const std::uint8_t hi = lead == 0xED ? 0x9F : 0xBF;
    return left >= 3 && in(byte(i + 1), lo, hi) && in(byte(i + 2), 0x80, 0xBF)
               ? 3
               : 0;
  }
  if (in(lead, 0xF0, 0xF4)) {
    const std::uint8_t lo = lead == 0xF0 ? 0x90 : 0x80;
    const std::uint8_t hi = lead == 0xF4 ? 0x8F : 0xBF;
    return left >= 4 && in(byte(i + 1), lo, hi) &&
                   in(byte(i + 2), 0x80, 0xBF) && in(byte(i + 3), 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

std::string hex_escape(const char* format, unsigned value) {
  char escaped[8];
  std::snprintf(escaped, sizeof escaped, format, value);
  return escaped;
}

}  // namespace

std::string printable_path(std::string_view path) {
  std::string printable;
  printable.reserve(path.size());
  for (std::size_t i = 0; i < path.size();) {
    const std::size_t length = utf8_sequence_length(path, i);
    const auto byte = static_cast<std::uint8_t>(path[i]);
    if (length == 0) {
      printable += hex_escape("\\x%02X", byte);
      ++i;
      continue;
    }
    if (length == 1) {
      if (byte == '\n') {
        printable += "\\n";
      } else if (byte == '\t') {
        printable += "\\t";
      } else if (byte == '\r') {
        printable += "\\r";
      } else if (byte < 0x20 || byte == 0x7F) {
        printable += hex_escape("\\x%02X", byte);
      } else {
        printable += path[i];
      }
      ++i;
      continue;
    }
    // C1 controls (C2 80..C2 9F) and U+2028, U+2029 (E2 80 A8/A9) break or
    // garble a terminal line too.
    const auto second = static_cast<std::uint8_t>(path[i + 1]);
    if (length == 2 && byte == 0xC2 && second <= 0x9F) {
      printable += hex_escape("\\u%04X", second);
    } else if (length == 3 && byte == 0xE2 && second == 0x80 &&
               (static_cast<std::uint8_t>(path[i + 2]) == 0xA8 ||
                static_cast<std::uint8_t>(path[i + 2]) == 0xA9)) {
      printable += hex_escape(
          "\\u%04X",
          0x2000u + (static_cast<std::uint8_t>(path[i + 2]) - 0x80u));
    } else {
      printable.append(path, i, length);
    }
    i += length;
  }
  return printable;
}

std::string SourceRef::to_string() const {
  const std::string printable = printable_path(path);
  if (record == 0) return printable;
  return printable + ":" + std::to_string(record);
}

std::string Error::to_string() const {
  if (!source_) return message_;
  return source_->to_string() + ": " + message_;
}

}  // namespace news
