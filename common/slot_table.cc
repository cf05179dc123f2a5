#include "common/slot_table.h"

#include <algorithm>
#include <type_traits>
#include <unordered_map>

#include "common/schema.h"

namespace news {

void DocidSet::intersect(const DocidSet& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    words_[i] &= i < other.words_.size() ? other.words_[i] : 0;
  }
}

void DocidSet::unite(const DocidSet& other) {
  const std::size_t common = std::min(words_.size(), other.words_.size());
  for (std::size_t i = 0; i < common; ++i) words_[i] |= other.words_[i];
}

void DocidSet::subtract(const DocidSet& other) {
  const std::size_t common = std::min(words_.size(), other.words_.size());
  for (std::size_t i = 0; i < common; ++i) words_[i] &= ~other.words_[i];
}

std::uint64_t DocidSet::size() const {
  std::uint64_t count = 0;
  for (const std::uint64_t word : words_) {
    count += static_cast<std::uint64_t>(__builtin_popcountll(word));
  }
  return count;
}

namespace {

// The stored form: "NSST", format 1, then little-endian integers.
constexpr std::string_view kMagic = "NSST";
constexpr unsigned char kFormat = 1;

void put(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) {
    out.push_back(static_cast<char>(value >> (8 * i) & 0xff));
  }
}

// Reads little-endian integers from a byte string, failing (once and for
// all) at its end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  std::uint64_t get(std::size_t width) {
    if (!has(width)) {
      is_ok_ = false;
      return 0;
    }
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i) {
      value |= std::uint64_t{static_cast<unsigned char>(bytes_[at_ + i])}
               << (8 * i);
    }
    at_ += width;
    return value;
  }
  std::string_view take(std::size_t size) {
    if (!has(size)) {
      is_ok_ = false;
      return {};
    }
    const std::string_view part = bytes_.substr(at_, size);
    at_ += size;
    return part;
  }
  bool has(std::size_t size) const {
    return is_ok_ && bytes_.size() - at_ >= size;
  }
  bool ok() const { return is_ok_; }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
  bool is_ok_ = true;
};

SlotTableStamp stamp_of(const Xapian::Database& database) {
  return SlotTableStamp{database.get_revision(), database.get_doccount(),
                        database.get_lastdocid()};
}

}  // namespace

SlotTable SlotTable::read(const Xapian::Database& database,
                          Xapian::valueno slot) {
  SlotTable table;
  table.value_of_.assign(std::size_t{database.get_lastdocid()} + 1, 0);
  table.values_.emplace_back();
  std::unordered_map<std::string, std::uint32_t> index;
  // Neighbouring documents often share a value (one outlet's files).
  std::uint32_t previous = 0;
  const Xapian::ValueIterator end = database.valuestream_end(slot);
  for (Xapian::ValueIterator value = database.valuestream_begin(slot);
       value != end; ++value) {
    const std::string& text = *value;
    if (previous == 0 || table.values_[previous] != text) {
      const auto [at, is_new] = index.try_emplace(
          text, static_cast<std::uint32_t>(table.values_.size()));
      if (is_new) table.values_.push_back(text);
      previous = at->second;
    }
    table.value_of_[value.get_docid()] = previous;
  }
  return table;
}

std::string SlotTable::encode(const SlotTableStamp& stamp) const {
  std::string out(kMagic);
  out.push_back(static_cast<char>(kFormat));
  put(out, stamp.revision, 8);
  put(out, stamp.doc_count, 4);
  put(out, stamp.last_docid, 4);
  put(out, values_.size() - 1, 4);
  for (std::size_t i = 1; i < values_.size(); ++i) {
    put(out, values_[i].size(), 4);
    out += values_[i];
  }
  const int width = values_.size() <= 0x100     ? 1
                    : values_.size() <= 0x10000 ? 2
                                                : 4;
  out.push_back(static_cast<char>(width));
  out.reserve(out.size() + value_of_.size() * static_cast<std::size_t>(width));
  for (const std::uint32_t index : value_of_) put(out, index, width);
  return out;
}

std::optional<std::pair<SlotTableStamp, SlotTable>> SlotTable::decode(
    std::string_view bytes) {
  Reader reader(bytes);
  if (reader.take(kMagic.size()) != kMagic || reader.get(1) != kFormat) {
    return std::nullopt;
  }
  SlotTableStamp stamp;
  stamp.revision = static_cast<Xapian::rev>(reader.get(8));
  stamp.doc_count = static_cast<Xapian::doccount>(reader.get(4));
  stamp.last_docid = static_cast<Xapian::docid>(reader.get(4));
  const std::uint64_t count = reader.get(4);
  // Each value takes at least its length's 4 bytes.
  if (!reader.has(count * 4)) return std::nullopt;
  SlotTable table;
  table.values_.reserve(count + 1);
  table.values_.emplace_back();
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::size_t size = reader.get(4);
    // Xapian has no empty values: an empty one is an absent one.
    if (size == 0) return std::nullopt;
    table.values_.emplace_back(reader.take(size));
  }
  const std::size_t width = reader.get(1);
  if (width != 1 && width != 2 && width != 4) return std::nullopt;
  const std::size_t documents = std::size_t{stamp.last_docid} + 1;
  if (!reader.has(documents * width)) return std::nullopt;
  const std::string_view codes = reader.take(documents * width);
  if (!reader.ok() || !reader.at_end()) return std::nullopt;
  // Most of the work of reading a table: one loop per width.
  table.value_of_.resize(documents);
  const auto* code = reinterpret_cast<const unsigned char*>(codes.data());
  std::uint32_t largest = 0;
  std::uint32_t* const out = table.value_of_.data();
  const auto unpack = [&](auto width_constant) {
    constexpr std::size_t kWidth = decltype(width_constant)::value;
    std::uint32_t most = 0;
    for (std::size_t i = 0; i < documents; ++i) {
      const unsigned char* byte = code + i * kWidth;
      std::uint32_t value = byte[0];
      if constexpr (kWidth >= 2) value |= std::uint32_t{byte[1]} << 8;
      if constexpr (kWidth == 4) {
        value |= std::uint32_t{byte[2]} << 16 | std::uint32_t{byte[3]} << 24;
      }
      out[i] = value;
      most = std::max(most, value);
    }
    largest = most;
  };
  if (width == 1) {
    unpack(std::integral_constant<std::size_t, 1>());
  } else if (width == 2) {
    unpack(std::integral_constant<std::size_t, 2>());
  } else {
    unpack(std::integral_constant<std::size_t, 4>());
  }
  if (largest > count) return std::nullopt;
  return std::make_pair(stamp, std::move(table));
}

std::optional<SlotTable> SlotTable::load(const Xapian::Database& database,
                                         Xapian::valueno slot) {
  std::optional<std::pair<SlotTableStamp, SlotTable>> stored =
      decode(database.get_metadata(slot_table_key(slot)));
  if (!stored || !(stored->first == stamp_of(database))) return std::nullopt;
  return std::move(stored->second);
}

SlotTable SlotTable::interleave(const std::vector<SlotTable>& tables) {
  SlotTable combined;
  combined.values_.emplace_back();
  const std::size_t n = tables.size();
  std::size_t last = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t size = tables[k].value_of_.size();
    if (size > 1) last = std::max(last, (size - 2) * n + k + 1);
  }
  combined.value_of_.assign(last + 1, 0);
  std::unordered_map<std::string_view, std::uint32_t> index;
  for (std::size_t k = 0; k < n; ++k) {
    const SlotTable& table = tables[k];
    // The combined index of each of this table's values, made on first use
    // so that values keep their order of first appearance by shard.
    std::vector<std::uint32_t> mapped(table.values_.size(), 0);
    for (std::size_t docid = 1; docid < table.value_of_.size(); ++docid) {
      const std::uint32_t local = table.value_of_[docid];
      if (local == 0) continue;
      if (mapped[local] == 0) {
        const auto [at, is_new] = index.try_emplace(
            table.values_[local],
            static_cast<std::uint32_t>(combined.values_.size()));
        if (is_new) combined.values_.push_back(table.values_[local]);
        mapped[local] = at->second;
      }
      combined.value_of_[(docid - 1) * n + k + 1] = mapped[local];
    }
  }
  return combined;
}

std::vector<std::pair<std::string, std::uint64_t>> SlotTable::count(
    const DocidSet& matches, std::optional<char> separator) const {
  std::vector<std::uint64_t> counts(values_.size(), 0);
  matches.for_each([&](Xapian::docid docid) {
    if (docid < value_of_.size()) ++counts[value_of_[docid]];
  });
  std::vector<std::pair<std::string, std::uint64_t>> found;
  std::unordered_map<std::string_view, std::size_t> item_at;
  for (std::size_t i = 1; i < values_.size(); ++i) {
    if (counts[i] == 0) continue;
    if (!separator) {
      found.emplace_back(values_[i], counts[i]);
      continue;
    }
    const std::string_view list = values_[i];
    std::size_t begin = 0;
    while (begin < list.size()) {
      std::size_t end = list.find(*separator, begin);
      if (end == std::string_view::npos) end = list.size();
      if (end > begin) {
        const std::string_view item = list.substr(begin, end - begin);
        const auto [at, is_new] = item_at.try_emplace(item, found.size());
        if (is_new) found.emplace_back(std::string(item), 0);
        found[at->second].second += counts[i];
      }
      begin = end + 1;
    }
  }
  return found;
}

std::string slot_table_key(Xapian::valueno slot) {
  return schema::kMetaSlotTablePrefix + std::to_string(slot);
}

void store_slot_tables(Xapian::WritableDatabase& database,
                       const std::vector<Xapian::valueno>& slots) {
  const bool all_valid =
      std::all_of(slots.begin(), slots.end(), [&](Xapian::valueno slot) {
        return SlotTable::load(database, slot).has_value();
      });
  if (all_valid) return;
  // Glass raises the revision by one a commit.
  SlotTableStamp stamp = stamp_of(database);
  ++stamp.revision;
  for (const Xapian::valueno slot : slots) {
    database.set_metadata(slot_table_key(slot),
                          SlotTable::read(database, slot).encode(stamp));
  }
  database.commit();
  if (database.get_revision() == stamp.revision) return;
  for (const Xapian::valueno slot : slots) {
    database.set_metadata(slot_table_key(slot), "");
  }
  database.commit();
}

}  // namespace news
