// Stable, platform-independent hashing for ids and keys that are stored in
// the index (so they must never change between runs or machines).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace news {

// 64-bit FNV-1a of the bytes.
constexpr std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// 16 lower-case hex digits.
std::string to_hex(std::uint64_t value);

}  // namespace news
