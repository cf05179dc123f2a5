#include "corpus/html/html_text.h"

namespace news::corpus::html {

std::size_t space_length(std::string_view text) {
  if (text.empty()) return 0;
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char first = byte(0);
  if (first == ' ' || first == '\t' || first == '\n' || first == '\r' ||
      first == '\f' || first == '\v') {
    return 1;
  }
  if (first == 0xC2 && text.size() >= 2 && byte(1) == 0xA0) return 2;
  if (first == 0xE1 && text.size() >= 3 && byte(1) == 0x9A && byte(2) == 0x80) {
    return 3;
  }
  if (first == 0xE2 && text.size() >= 3) {
    const unsigned char second = byte(1);
    const unsigned char third = byte(2);
    if (second == 0x80 &&
        (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF)) {
      return 3;
    }
    if (second == 0x81 && third == 0x9F) return 3;
  }
  if (first == 0xE3 && text.size() >= 3 && byte(1) == 0x80 && byte(2) == 0x80) {
    return 3;
  }
  return 0;
}

void append_collapsed(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t space = space_length(text.substr(i));
    if (space > 0) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
        out.push_back(' ');
      }
      i += space;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && space_length(text.substr(i)) == 0) ++i;
    out.append(text.substr(start, i - start));
  }
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  append_collapsed(out, text);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) {
    out.pop_back();
  }
  return out;
}

std::size_t visible_length(std::string_view text) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t space = space_length(text.substr(i));
    if (space > 0) {
      i += space;
      continue;
    }
    // Count lead bytes only.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    ++i;
  }
  return count;
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

}  // namespace news::corpus::html
