#include "searcher/match_counts.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace news::searcher {

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

}  // namespace news::searcher
