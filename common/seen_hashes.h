// SeenHashes: which strings were seen before, by their 64-bit hash, in a
// bounded open-addressing table (8 bytes a slot, at most half of them full).
// A set of strings costs ~60 bytes an entry in nodes and string copies; this
// costs 16. Two strings with the same 64-bit hash count as one (with a
// million strings, a chance of about 3 in 100 million).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/hash.h"

namespace news {

class SeenHashes {
 public:
  // Remembers up to max_entries strings; one more forgets all of them first
  // (the caller must accept seeing a string again as new).
  explicit SeenHashes(std::size_t max_entries) : max_entries_(max_entries) {}

  // True if bytes was not seen since construction or the last forgetting.
  bool insert(std::string_view bytes) { return insert_hash(fnv1a64(bytes)); }

  // The same for a string given by its fnv1a64 (hashed in pieces, say).
  bool insert_hash(std::uint64_t hash) {
    if (hash == 0) hash = 1;  // 0 marks an empty slot
    if (const std::uint64_t* slot = find_slot(hash);
        slot != nullptr && *slot == hash) {
      return false;
    }
    if (size_ >= max_entries_) {
      std::fill(slots_.begin(), slots_.end(), 0);
      size_ = 0;
    }
    if ((size_ + 1) * 2 > slots_.size()) grow();
    *find_slot(hash) = hash;
    ++size_;
    return true;
  }

  std::size_t size() const { return size_; }

 private:
  // FNV-1a's low bits follow the last bytes closely; spread all of them.
  static std::uint64_t mix(std::uint64_t hash) {
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdULL;
    hash ^= hash >> 33;
    return hash;
  }

  // The slot holding hash, else the empty one where it would go; none while
  // the table has no slots.
  std::uint64_t* find_slot(std::uint64_t hash) {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = mix(hash) & mask;
    while (slots_[i] != 0 && slots_[i] != hash) i = (i + 1) & mask;
    return &slots_[i];
  }

  void grow() {
    std::vector<std::uint64_t> old(slots_.empty() ? 1024 : slots_.size() * 2,
                                   0);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const std::uint64_t hash : old) {
      if (hash == 0) continue;
      std::size_t i = mix(hash) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = hash;
    }
  }

  std::size_t max_entries_;
  std::size_t size_ = 0;
  std::vector<std::uint64_t> slots_;  // a power of two of them, or none
};

}  // namespace news
