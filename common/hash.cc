#include "common/hash.h"

namespace news {

std::string to_hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i) {
    hex[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
    value >>= 4;
  }
  return hex;
}

}  // namespace news
