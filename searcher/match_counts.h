// Exact totals and facet counts over many matches without a value read per
// match. Xapian's ValueCountMatchSpy reads each match's value from the value
// stream (~45 ns a value and slot) on top of the matcher's own work per match
// (~50 ns with BoolWeight); over a word that most articles hold, that was
// 20 of a query's 25 ms at 200,000 articles. Here a facet's slot is held
// in memory (common/slot_table.h: a small number per document), and the
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

#include "common/slot_table.h"

namespace news::searcher {

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

}  // namespace news::searcher
