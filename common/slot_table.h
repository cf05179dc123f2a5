// One value slot of every document in memory (SlotTable), for exact facet
// counts without a value read per match (searcher/match_counts.h), and the
// form news-index stores it in as database metadata, so that a new
// process need not read the slot's whole value stream first (~45 ns a
// document: 9 ms at 200,000 articles, for each facet).
//
// A stored table describes one state of the database: it carries the
// revision, document count and last document id it was made for, and is
// used only while the database still has all three. Any other writer's
// commit raises the revision, so a table is never read stale.
// docs/design.md "Stored slot tables"; docs/schema.md gives the format.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news {

// A set of document ids, as a bitmap up to the database's last id.
class DocidSet {
 public:
  explicit DocidSet(Xapian::docid last_docid)
      : words_(last_docid / 64 + 1, 0) {}

  void insert(Xapian::docid docid) {
    words_[docid / 64] |= std::uint64_t{1} << (docid % 64);
  }
  bool contains(Xapian::docid docid) const {
    return docid / 64 < words_.size() &&
           (words_[docid / 64] >> (docid % 64) & 1) != 0;
  }
  // Keeps the ids that are also in `other`.
  void intersect(const DocidSet& other);
  // Adds the ids of `other`.
  void unite(const DocidSet& other);
  // Drops the ids that are in `other`.
  void subtract(const DocidSet& other);
  std::uint64_t size() const;

  // Calls visit(docid) for each id in ascending order.
  template <typename Visit>
  void for_each(Visit visit) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      std::uint64_t word = words_[i];
      while (word != 0) {
        const int bit = __builtin_ctzll(word);
        visit(static_cast<Xapian::docid>(i * 64 + static_cast<unsigned>(bit)));
        word &= word - 1;
      }
    }
  }

 private:
  std::vector<std::uint64_t> words_;
};

// The state of a database a stored table was made for.
struct SlotTableStamp {
  Xapian::rev revision = 0;
  Xapian::doccount doc_count = 0;
  Xapian::docid last_docid = 0;

  bool operator==(const SlotTableStamp& other) const {
    return revision == other.revision && doc_count == other.doc_count &&
           last_docid == other.last_docid;
  }
};

// One value slot of every document: the distinct values, and each
// document's as an index into them.
class SlotTable {
 public:
  // Reads the slot's value stream.
  static SlotTable read(const Xapian::Database& database, Xapian::valueno slot);

  // The table store_slot_tables wrote for the slot, when it was written for
  // the state `database` (one index, not several searched as one) is in;
  // nullopt when there is none, it is stale or it is not readable.
  static std::optional<SlotTable> load(const Xapian::Database& database,
                                       Xapian::valueno slot);

  // The table of several indexes searched as one (Xapian numbers document
  // i of index k of n as (i - 1) * n + k + 1), from each index's table.
  static SlotTable interleave(const std::vector<SlotTable>& tables);

  // The stored form (docs/schema.md), and back; decode gives nullopt for
  // anything malformed.
  std::string encode(const SlotTableStamp& stamp) const;
  static std::optional<std::pair<SlotTableStamp, SlotTable>> decode(
      std::string_view bytes);

  // The document's value; empty when it has none or is past the table.
  std::string_view value_of(Xapian::docid docid) const {
    return docid < value_of_.size()
               ? std::string_view(values_[value_of_[docid]])
               : std::string_view();
  }
  Xapian::docid last_docid() const {
    return value_of_.empty() ? 0
                             : static_cast<Xapian::docid>(value_of_.size() - 1);
  }

  // Each distinct value with the number of documents of `matches` that hold
  // it, in order of first appearance in the table; values of no match are
  // left out, and so are documents without a value. With `separator`, a
  // value is a list and each of its non-empty items is counted (once per
  // occurrence), as the author slot needs.
  std::vector<std::pair<std::string, std::uint64_t>> count(
      const DocidSet& matches, std::optional<char> separator) const;

 private:
  // By document id; 0 means no value, i >= 1 is values_[i].
  std::vector<std::uint32_t> value_of_;
  std::vector<std::string> values_;
};

// The metadata key of a slot's stored table.
std::string slot_table_key(Xapian::valueno slot);

// Writes the tables of `slots` into the database's metadata and commits
// them, stamped with the revision that commit makes; when the revision
// after the commit is not that one, the tables are removed again (a
// searcher then reads the value streams). When every table is there and
// still valid, nothing is written (the revision stays). Call it with
// nothing pending (after a commit) and outside a transaction. Xapian
// errors propagate.
void store_slot_tables(Xapian::WritableDatabase& database,
                       const std::vector<Xapian::valueno>& slots);

}  // namespace news
