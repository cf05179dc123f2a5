#include "common/slot_table.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"

namespace news::fuzz {

void fuzz_slot_table(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto decoded = SlotTable::decode(bytes);
  if (!decoded) return;
  const auto& [stamp, table] = *decoded;
  check(table.last_docid() == stamp.last_docid,
        "a table has a code for every document up to the stamp's last id");
  // Written again (in the smallest width), it reads the same.
  const auto again = SlotTable::decode(table.encode(stamp));
  check(again.has_value() && again->first == stamp,
        "a decoded table re-encodes to one that decodes");
  std::vector<Xapian::docid> with_value;
  for (Xapian::docid id = 0; id <= table.last_docid(); ++id) {
    check(again->second.value_of(id) == table.value_of(id),
          "a re-encoded table holds the same values");
    if (!table.value_of(id).empty()) with_value.push_back(id);
  }
  check(table.value_of(table.last_docid() + 1).empty(),
        "no value past the last document");
  // Counting every document counts each document with a value once (lists
  // split on a separator count at least as many items).
  DocidSet all(table.last_docid());
  for (Xapian::docid id = 1; id <= table.last_docid(); ++id) all.insert(id);
  std::uint64_t counted = 0;
  for (const auto& [value, count] : table.count(all, std::nullopt)) {
    check(!value.empty() && count > 0, "counted values are real and present");
    counted += count;
  }
  std::uint64_t documents = 0;
  for (const Xapian::docid id : with_value) documents += id > 0 ? 1 : 0;
  check(counted == documents, "every document with a value is counted once");
  (void)table.count(all, '\t');
  // Two copies searched as one: document i of copy k is 2 (i - 1) + k + 1.
  const SlotTable both = SlotTable::interleave({table, table});
  for (Xapian::docid id = 1; id <= table.last_docid(); ++id) {
    check(both.value_of(2 * (id - 1) + 1) == table.value_of(id) &&
              both.value_of(2 * (id - 1) + 2) == table.value_of(id),
          "an interleaved table maps each index's documents");
  }
}

}  // namespace news::fuzz
