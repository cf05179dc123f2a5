// Stable, platform-independent hashing for ids and keys that are stored in
// the index (so they must never change between runs or machines).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace news {

inline constexpr std::uint64_t kFnv1a64Basis = 0xcbf29ce484222325ULL;

// 64-bit FNV-1a of the bytes, continuing from hash (to hash a stream in
// pieces, pass the previous result).
constexpr std::uint64_t fnv1a64(std::string_view bytes,
                                std::uint64_t hash = kFnv1a64Basis) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// 16 lower-case hex digits.
std::string to_hex(std::uint64_t value);

}  // namespace news
