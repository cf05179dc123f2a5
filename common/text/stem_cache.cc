#include "common/text/stem_cache.h"

#include <algorithm>

#include "common/hash.h"

namespace news::text {

StemCache::StemCache(const Xapian::Stem& stemmer, unsigned slots_log2)
    : stemmer_(stemmer),
      slots_(new Slot[std::size_t{1} << slots_log2]),
      mask_((std::size_t{1} << slots_log2) - 1) {}

std::string_view StemCache::stem(std::string_view word) {
  ++lookups_;
  if (word.empty() || word.size() > kMaxBytes) {
    long_stem_ = stemmer_(std::string(word));
    return long_stem_;
  }
  Slot& slot = slots_[fnv1a64(word) & mask_];
  if (slot.word_size == word.size() &&
      std::equal(word.begin(), word.end(), slot.word.begin())) {
    ++hits_;
    return {slot.stem.data(), slot.stem_size};
  }
  long_stem_ = stemmer_(std::string(word));
  if (long_stem_.size() > kMaxBytes) {
    slot.word_size = 0;
    return long_stem_;
  }
  slot.word_size = static_cast<std::uint8_t>(word.size());
  std::copy(word.begin(), word.end(), slot.word.begin());
  slot.stem_size = static_cast<std::uint8_t>(long_stem_.size());
  std::copy(long_stem_.begin(), long_stem_.end(), slot.stem.begin());
  return {slot.stem.data(), slot.stem_size};
}

}  // namespace news::text
