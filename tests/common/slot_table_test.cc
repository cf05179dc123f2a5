// Slot tables (common/slot_table.h): the stored form and back, tables of
// several indexes searched as one against Xapian's own numbering, and
// stored tables used only while they describe the database's state.
#include "common/slot_table.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "common/schema.h"
#include "tests/support/test_support.h"

namespace news {
namespace {

TEST(DocidSet, InsertsCountsAndCombines) {
  DocidSet a(200);
  for (const Xapian::docid id : {1u, 63u, 64u, 65u, 128u, 200u}) a.insert(id);
  EXPECT_EQ(a.size(), 6u);
  EXPECT_TRUE(a.contains(64));
  EXPECT_FALSE(a.contains(2));
  EXPECT_FALSE(a.contains(100'000));
  std::vector<Xapian::docid> visited;
  a.for_each([&](Xapian::docid id) { visited.push_back(id); });
  EXPECT_EQ(visited, (std::vector<Xapian::docid>{1, 63, 64, 65, 128, 200}));

  DocidSet b(200);
  for (const Xapian::docid id : {2u, 64u, 200u}) b.insert(id);
  DocidSet both = a;
  both.intersect(b);
  EXPECT_EQ(both.size(), 2u);
  EXPECT_TRUE(both.contains(64) && both.contains(200));
  DocidSet either = a;
  either.unite(b);
  EXPECT_EQ(either.size(), 7u);
  DocidSet only_a = a;
  only_a.subtract(b);
  EXPECT_EQ(only_a.size(), 4u);
  EXPECT_FALSE(only_a.contains(64));
  EXPECT_TRUE(only_a.contains(63));
}

constexpr Xapian::valueno kSlot = 4;

// A database whose document i (from 1 to count) has value_of(i) in kSlot
// (none when empty); documents listed in `deleted` are removed after.
template <typename ValueOf>
void fill(Xapian::WritableDatabase& database, Xapian::docid count,
          ValueOf value_of, const std::vector<Xapian::docid>& deleted = {}) {
  for (Xapian::docid i = 1; i <= count; ++i) {
    Xapian::Document document;
    const std::string value = value_of(i);
    if (!value.empty()) document.add_value(kSlot, value);
    document.add_term("T" + std::to_string(i));
    database.add_document(document);
  }
  for (const Xapian::docid id : deleted) database.delete_document(id);
  database.commit();
}

// Every document's value as the table has it, against the database.
void expect_values_of(const SlotTable& table, const Xapian::Database& database,
                      Xapian::valueno slot) {
  ASSERT_EQ(table.last_docid(), database.get_lastdocid());
  std::size_t with_value = 0;
  for (Xapian::docid id = 1; id <= database.get_lastdocid(); ++id) {
    std::string expected;
    try {
      expected = database.get_document(id).get_value(slot);
    } catch (const Xapian::DocNotFoundError&) {
    }
    EXPECT_EQ(table.value_of(id), expected) << "document " << id;
    with_value += expected.empty() ? 0 : 1;
  }
  EXPECT_GT(with_value, 0u);
}

std::map<std::string, std::uint64_t> counts_of_all(const SlotTable& table) {
  DocidSet all(table.last_docid());
  for (Xapian::docid id = 1; id <= table.last_docid(); ++id) all.insert(id);
  std::map<std::string, std::uint64_t> counts;
  for (const auto& [value, count] : table.count(all, std::nullopt)) {
    counts[value] = count;
  }
  return counts;
}

TEST(SlotTable, EncodesAndDecodesInEachWidth) {
  ::news::testing::TempDir temp;
  // 3, 1,000 and 70,000 distinct values: one, two and four bytes a document.
  for (const Xapian::docid distinct : {3u, 1000u, 70000u}) {
    const std::string path = temp.file("db" + std::to_string(distinct));
    Xapian::WritableDatabase database(path, Xapian::DB_CREATE);
    fill(database, 80'000, [&](Xapian::docid i) {
      return i % 7 == 0 ? std::string() : "v" + std::to_string(i % distinct);
    });
    const SlotTable table = SlotTable::read(database, kSlot);
    const SlotTableStamp stamp{12, 80'000, 80'000};
    const std::string bytes = table.encode(stamp);
    const auto decoded = SlotTable::decode(bytes);
    ASSERT_TRUE(decoded.has_value()) << distinct;
    EXPECT_EQ(decoded->first, stamp);
    expect_values_of(decoded->second, database, kSlot);
    EXPECT_EQ(counts_of_all(decoded->second), counts_of_all(table));
    const std::size_t width = distinct < 256 ? 1 : distinct < 65536 ? 2 : 4;
    EXPECT_GE(bytes.size(), 80'001 * width);
    EXPECT_LT(bytes.size(), 80'001 * width + distinct * 12 + 64) << distinct;
  }
}

TEST(SlotTable, RejectsMalformedBytes) {
  ::news::testing::TempDir temp;
  Xapian::WritableDatabase database(temp.file("db"), Xapian::DB_CREATE);
  fill(database, 300,
       [](Xapian::docid i) { return "v" + std::to_string(i % 9); });
  const std::string bytes =
      SlotTable::read(database, kSlot).encode(SlotTableStamp{1, 300, 300});
  ASSERT_TRUE(SlotTable::decode(bytes).has_value());
  EXPECT_FALSE(SlotTable::decode("").has_value());
  EXPECT_FALSE(SlotTable::decode("NSST").has_value());
  // Cut anywhere, or with a byte more.
  for (std::size_t size = 0; size < bytes.size(); size += 7) {
    EXPECT_FALSE(SlotTable::decode(bytes.substr(0, size)).has_value()) << size;
  }
  EXPECT_FALSE(SlotTable::decode(bytes + "x").has_value());
  std::string wrong_magic = bytes;
  wrong_magic[0] = 'X';
  EXPECT_FALSE(SlotTable::decode(wrong_magic).has_value());
  std::string wrong_format = bytes;
  wrong_format[4] = 2;
  EXPECT_FALSE(SlotTable::decode(wrong_format).has_value());
  // A document's value index past the values (9 of them).
  std::string past = bytes;
  past.back() = 10;
  EXPECT_FALSE(SlotTable::decode(past).has_value());
  // A value count far past the bytes there are.
  std::string huge = bytes;
  huge[21] = '\xff';
  huge[22] = '\xff';
  EXPECT_FALSE(SlotTable::decode(huge).has_value());
}

TEST(SlotTable, InterleavesAsXapianNumbersSeveralIndexes) {
  ::news::testing::TempDir temp;
  // Unequal sizes, deleted documents (the last of one among them), and
  // documents without a value.
  const std::vector<std::pair<Xapian::docid, std::vector<Xapian::docid>>>
      shapes = {{50, {3, 4}}, {7, {7}}, {120, {}}};
  std::vector<SlotTable> tables;
  Xapian::Database combined;
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    const std::string path = temp.file("db" + std::to_string(k));
    {
      Xapian::WritableDatabase database(path, Xapian::DB_CREATE);
      fill(
          database, shapes[k].first,
          [&](Xapian::docid i) {
            return i % 5 == 0 ? std::string()
                              : "s" + std::to_string((i + k) % 4);
          },
          shapes[k].second);
    }
    const Xapian::Database one(path);
    tables.push_back(SlotTable::read(one, kSlot));
    combined.add_database(one);
  }
  const SlotTable interleaved = SlotTable::interleave(tables);
  expect_values_of(interleaved, combined, kSlot);
  EXPECT_EQ(counts_of_all(interleaved),
            counts_of_all(SlotTable::read(combined, kSlot)));
}

TEST(SlotTable, StoredTableServesOnlyTheStateItWasMadeFor) {
  ::news::testing::TempDir temp;
  const std::string path = temp.file("db");
  const std::vector<Xapian::valueno> slots = {kSlot, kSlot + 1};
  Xapian::WritableDatabase database(path, Xapian::DB_CREATE);
  fill(database, 500,
       [](Xapian::docid i) { return "o" + std::to_string(i % 13); }, {1, 2});
  EXPECT_FALSE(SlotTable::load(database, kSlot).has_value());
  store_slot_tables(database, slots);
  const Xapian::rev stored_at = database.get_revision();
  {
    const Xapian::Database reader(path);
    const std::optional<SlotTable> loaded = SlotTable::load(reader, kSlot);
    ASSERT_TRUE(loaded.has_value());
    expect_values_of(*loaded, reader, kSlot);
    // A slot no document has is stored too, empty.
    ASSERT_TRUE(SlotTable::load(reader, kSlot + 1).has_value());
    EXPECT_TRUE(counts_of_all(*SlotTable::load(reader, kSlot + 1)).empty());
  }
  // Valid tables are not written again.
  store_slot_tables(database, slots);
  EXPECT_EQ(database.get_revision(), stored_at);

  // Another writer's commit, even one that changes a value only, makes
  // them stale.
  Xapian::Document changed = database.get_document(20);
  changed.add_value(kSlot, "changed");
  database.replace_document(20, changed);
  database.commit();
  EXPECT_FALSE(SlotTable::load(database, kSlot).has_value());
  EXPECT_FALSE(SlotTable::load(Xapian::Database(path), kSlot).has_value());
  store_slot_tables(database, slots);
  const std::optional<SlotTable> again = SlotTable::load(database, kSlot);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->value_of(20), "changed");
  database.close();

  // A compaction renumbers the documents after the deleted first ones:
  // the copy's tables are not used.
  Xapian::Database(path).compact(temp.file("compacted"));
  const Xapian::Database compacted(temp.file("compacted"));
  ASSERT_EQ(compacted.get_lastdocid(), 498u);
  EXPECT_FALSE(SlotTable::load(compacted, kSlot).has_value());
}

TEST(SlotTable, KeyIsTheSchemaPrefixAndTheSlot) {
  EXPECT_EQ(slot_table_key(1), "news-search:slot-table:1");
  EXPECT_EQ(slot_table_key(schema::kSlotAuthors),
            std::string(schema::kMetaSlotTablePrefix) + "8");
}

}  // namespace
}  // namespace news
