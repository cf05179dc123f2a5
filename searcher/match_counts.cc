#include "searcher/match_counts.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace news::searcher {

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

using Op = Xapian::Query::op;

// The term of a LEAF_TERM query.
std::string term_of(const Xapian::Query& query) {
  return *query.get_terms_begin();
}

bool is_walkable(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
    case Xapian::Query::LEAF_MATCH_ALL:
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return true;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_SCALE_WEIGHT:
      break;
    default:
      return false;
  }
  const std::size_t count = query.get_num_subqueries();
  if (count == 0) return false;
  for (std::size_t i = 0; i < count; ++i) {
    if (!is_walkable(query.get_subquery(i))) return false;
  }
  return true;
}

std::uint64_t walk_cost(const Xapian::Query& query,
                        const Xapian::Database& database) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      return database.get_termfreq(term_of(query));
    case Xapian::Query::LEAF_MATCH_ALL:
      return database.get_doccount();
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return 0;
    case Xapian::Query::OP_AND_MAYBE:  // matches as its first subquery
      return walk_cost(query.get_subquery(0), database);
    default:
      break;
  }
  std::uint64_t cost = 0;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    cost += walk_cost(query.get_subquery(i), database);
  }
  return cost;
}

// Adds the documents of `query` (walkable) to `into`.
void add_matches(const Xapian::Query& query, const Xapian::Database& database,
                 DocidSet& into) {
  const Op type = query.get_type();
  switch (type) {
    case Xapian::Query::LEAF_TERM:
    case Xapian::Query::LEAF_MATCH_ALL: {
      // The empty term's posting list holds every document.
      const std::string term =
          type == Xapian::Query::LEAF_TERM ? term_of(query) : std::string();
      const Xapian::PostingIterator end = database.postlist_end(term);
      for (Xapian::PostingIterator posting = database.postlist_begin(term);
           posting != end; ++posting) {
        into.insert(*posting);
      }
      return;
    }
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return;
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        add_matches(query.get_subquery(i), database, into);
      }
      return;
    case Xapian::Query::OP_SCALE_WEIGHT:
    case Xapian::Query::OP_AND_MAYBE:
      add_matches(query.get_subquery(0), database, into);
      return;
    default:
      break;
  }
  // AND, FILTER, AND_NOT: evaluated apart, then added.
  const Xapian::docid last = database.get_lastdocid();
  DocidSet result(last);
  add_matches(query.get_subquery(0), database, result);
  for (std::size_t i = 1; i < query.get_num_subqueries(); ++i) {
    DocidSet other(last);
    add_matches(query.get_subquery(i), database, other);
    if (type == Xapian::Query::OP_AND_NOT) {
      result.subtract(other);
    } else {
      result.intersect(other);
    }
  }
  into.unite(result);
}

}  // namespace

std::optional<std::uint64_t> posting_walk_cost(
    const Xapian::Query& query, const Xapian::Database& database) {
  if (!is_walkable(query)) return std::nullopt;
  return walk_cost(query, database);
}

std::optional<DocidSet> match_by_postings(const Xapian::Query& query,
                                          const Xapian::Database& database) {
  if (!is_walkable(query)) return std::nullopt;
  DocidSet matches(database.get_lastdocid());
  add_matches(query, database, matches);
  return matches;
}

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

}  // namespace news::searcher
