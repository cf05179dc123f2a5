// StemCache: Snowball's stems of recent words, remembered in a fixed table.
// Stemming a word costs ~2,400 instructions, and an article asks for the
// stem of each of its ~450 distinct words, most of which the articles before
// it asked for too. A hash map of every form met grows with the vocabulary
// and misses the processor's caches; this table is direct-mapped (a word's
// hash picks its one slot, a new word overwrites it), holds short words in
// place, never allocates after construction and costs one or two cache
// lines per lookup.
#pragma once

#include <xapian.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace news::text {

class StemCache {
 public:
  // Words and stems longer than this many bytes are stemmed every time.
  static constexpr std::size_t kMaxBytes = 23;

  // stemmer: copied (Xapian::Stem is a reference-counted handle).
  // slots_log2: the table holds 2^slots_log2 words of 48 bytes each.
  explicit StemCache(const Xapian::Stem& stemmer, unsigned slots_log2 = 15);

  // stemmer(word). The view is valid until the next call.
  std::string_view stem(std::string_view word);

  // Lookups answered from the table, and all lookups (for measurements).
  std::uint64_t hits() const { return hits_; }
  std::uint64_t lookups() const { return lookups_; }

 private:
  struct Slot {
    std::uint8_t word_size = 0;  // 0: empty (no word is empty)
    std::uint8_t stem_size = 0;
    std::array<char, kMaxBytes> word;
    std::array<char, kMaxBytes> stem;
  };

  Xapian::Stem stemmer_;
  std::unique_ptr<Slot[]> slots_;
  std::size_t mask_;
  std::string long_stem_;  // the answer for words that do not fit a slot
  std::uint64_t hits_ = 0;
  std::uint64_t lookups_ = 0;
};

}  // namespace news::text
