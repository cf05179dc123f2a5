// Exact totals and facet counts over many matches without a value read per
// match. Xapian's ValueCountMatchSpy reads each match's value from the value
// stream (~45 ns a value and slot) on top of the matcher's own work per match
// (~50 ns with BoolWeight); over a word that most articles hold, that was
// 20 of a query's 25 ms at 200,000 articles. Here a facet's slot is read
// once into memory (SlotTable: a small number per document), and the
// matching documents are found by walking the posting lists of the query's
// terms into a bitmap (match_by_postings), ~5 ns a posting, when the query
// is made of terms and boolean operators, as every query the searcher builds
// is except phrases, NEAR and wildcards. Those are counted by Xapian's
// matcher with DocidSpy instead. docs/design.md, "Exact counts".
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace news::searcher {

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

// The sum of the term frequencies of the query's terms (all documents for
// MatchAll): what match_by_postings walks. nullopt when the query holds an
// operator it cannot evaluate (phrase, NEAR, wildcard, value range, elite
// set, XOR, a posting source).
std::optional<std::uint64_t> posting_walk_cost(
    const Xapian::Query& query, const Xapian::Database& database);

// The documents that match `query`, the same set as Xapian's matcher finds,
// from the posting lists of its terms; nullopt when posting_walk_cost is.
std::optional<DocidSet> match_by_postings(const Xapian::Query& query,
                                          const Xapian::Database& database);

// Records each document the matcher passes it (Enquire::add_matchspy).
// Only for a database of one shard: Xapian 1.4 gives a match spy documents
// whose get_docid() is their id in their own shard.
class DocidSpy : public Xapian::MatchSpy {
 public:
  explicit DocidSpy(DocidSet& matches) : matches_(matches) {}
  void operator()(const Xapian::Document& document, double) override {
    matches_.insert(document.get_docid());
  }

 private:
  DocidSet& matches_;
};

// One value slot of every document, read once from its value stream: the
// distinct values, and each document's as an index into them.
class SlotTable {
 public:
  static SlotTable read(const Xapian::Database& database, Xapian::valueno slot);

  // Each distinct value with the number of documents of `matches` that hold
  // it, in order of first appearance in the index; values of no match are
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

}  // namespace news::searcher
