// Exact counts without match spies (searcher/match_counts.h): the set of
// matching documents walked from posting lists against Xapian's matcher,
// slot tables against ValueCountMatchSpy, and whole searches counted each
// way (ExactCounts) on an index of the real corpora, one index and two.
#include "searcher/match_counts.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/schema.h"
#include "common/text/analyzer.h"
#include "indexer/indexer.h"
#include "indexer/options.h"
#include "searcher/query_builder.h"
#include "searcher/searcher.h"
#include "tests/support/test_support.h"

namespace news::searcher {
namespace {

// The document ids Xapian's matcher finds for `query`, every one.
std::set<Xapian::docid> matched_by_xapian(const Xapian::Database& database,
                                          const Xapian::Query& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet mset =
      enquire.get_mset(0, database.get_doccount(), database.get_doccount());
  std::set<Xapian::docid> ids;
  for (auto item = mset.begin(); item != mset.end(); ++item) ids.insert(*item);
  return ids;
}

std::set<Xapian::docid> as_set(const DocidSet& matches) {
  std::set<Xapian::docid> ids;
  matches.for_each([&](Xapian::docid id) { ids.insert(id); });
  return ids;
}

// Two indexes of the real corpora (texts in several languages, with
// authors, outlets, dates and sites), built once for the suite: "all" of
// them, and the same articles in two parts.
class MatchCountsOnCorpora : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!::news::testing::has_corpora()) return;
    temp_ = new ::news::testing::TempDir();
    const auto corpus = [](const char* name) {
      return (::news::testing::corpora_dir() / name).string();
    };
    build(temp_->file("all"),
          {corpus("seed"), corpus("ptc-propaganda"), corpus("wikinews-en-2004"),
           corpus("ru-news-samples"), corpus("fakenewscorpus-sample")});
    build(temp_->file("part1"), {corpus("seed"), corpus("ptc-propaganda"),
                                 corpus("ru-news-samples")});
    build(temp_->file("part2"),
          {corpus("wikinews-en-2004"), corpus("fakenewscorpus-sample")});
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }

  static void build(const std::string& database,
                    const std::vector<std::string>& inputs) {
    std::vector<std::string> args = {"news-index", "-d", database,
                                     "--progress=never", "--quiet"};
    args.insert(args.end(), inputs.begin(), inputs.end());
    std::vector<const char*> argv;
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    Result<indexer::ParsedIndexOptions> parsed = indexer::parse_index_options(
        static_cast<int>(argv.size()), argv.data());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message();
    std::ostringstream messages;
    indexer::IndexReport report(messages, false, false);
    // Some corpus files are reported and skipped; the rest is indexed.
    (void)indexer::run_index(parsed.value().options, report);
    ASSERT_GT(Xapian::Database(database).get_doccount(), 300u) << database;
  }

  void SetUp() override { NEWS_REQUIRE_CORPORA(); }

  static std::string path(const char* name) { return temp_->file(name); }

  static ::news::testing::TempDir* temp_;
};

::news::testing::TempDir* MatchCountsOnCorpora::temp_ = nullptr;

// Requests that cover the query language and the filters; the words are
// frequent in these corpora (most match hundreds of articles).
std::vector<SearchRequest> varied_requests() {
  std::vector<SearchRequest> requests;
  const auto add = [&](const std::string& query) -> SearchRequest& {
    SearchRequest request;
    request.query = query;
    request.facets = {Facet::kOutlet, Facet::kLanguage, Facet::kYear,
                      Facet::kMonth,  Facet::kAuthor,   Facet::kSite};
    requests.push_back(request);
    return requests.back();
  };
  add("the");
  add("president");
  add("the president");
  add("war OR election");
  add("the -president");
  add("the NOT said");
  add("title:police");
  add("\"the president\"");
  add("presid*");
  add("Путин");
  add("date:2004");
  add("said").is_any = true;
  add("government").sort = SortOrder::kDateDescending;
  add("government").sort = SortOrder::kDateAscending;
  add("people").is_count_only = true;
  add("people").offset = 7;
  add("world").from = Date{2004, 1, 1};
  add("world").to = Date{2016, 12, 31};
  add("news").language = "en";
  add("police").excluded_outlets = {"unknown"};
  add("zzzzunfindable");
  SearchRequest& no_facets = add("the");
  no_facets.facets = {};
  no_facets.is_count_only = true;
  return requests;
}

// What a search answers, all of it that a counting method could change.
struct Answer {
  std::uint64_t total = 0;
  bool is_exact = false;
  std::vector<std::string> hit_ids;
  std::map<std::string, std::map<std::string, std::uint64_t>> facets;
  std::map<std::string, std::uint64_t> value_counts;

  bool operator==(const Answer& other) const {
    return total == other.total && is_exact == other.is_exact &&
           hit_ids == other.hit_ids && facets == other.facets &&
           value_counts == other.value_counts;
  }
};

std::ostream& operator<<(std::ostream& out, const Answer& answer) {
  out << "total " << answer.total << (answer.is_exact ? " exact" : "") << ", "
      << answer.hit_ids.size() << " hits";
  for (const auto& [facet, counts] : answer.facets) {
    out << "; " << facet << ":";
    for (const auto& [value, count] : counts) {
      out << " " << value << "=" << count;
    }
  }
  return out;
}

Answer answer_of(Searcher& searcher, const SearchRequest& request) {
  const Result<SearchResults> results = searcher.search(request);
  EXPECT_TRUE(results.ok())
      << request.query << ": " << results.error().message();
  Answer answer;
  if (!results.ok()) return answer;
  answer.total = results.value().summary.total_matches;
  answer.is_exact = results.value().summary.is_total_exact;
  for (const Hit& hit : results.value().hits) answer.hit_ids.push_back(hit.id);
  for (const FacetGroup& group : results.value().facets) {
    answer.value_counts[group.name] = group.value_count;
    for (const FacetCount& count : group.counts) {
      answer.facets[group.name][count.value] = count.count;
    }
  }
  return answer;
}

TEST_F(MatchCountsOnCorpora, PostingWalkFindsWhatTheMatcherFinds) {
  const Xapian::Database database(path("all"));
  text::Analyzer analyzer("en");
  std::size_t walked = 0;
  for (const SearchRequest& request : varied_requests()) {
    QueryBuilder builder(analyzer, database);
    const Result<Xapian::Query> query = builder.build(request);
    ASSERT_TRUE(query.ok()) << request.query;
    const std::optional<DocidSet> walk =
        match_by_postings(query.value(), database);
    const std::optional<std::uint64_t> cost =
        posting_walk_cost(query.value(), database);
    ASSERT_EQ(walk.has_value(), cost.has_value()) << request.query;
    if (!walk) continue;
    ++walked;
    const std::set<Xapian::docid> expected =
        matched_by_xapian(database, query.value());
    EXPECT_EQ(as_set(*walk), expected)
        << request.query << " as " << query.value().get_description();
    EXPECT_GE(*cost, expected.size()) << request.query;
  }
  // Phrases and wildcards are left to the matcher; the rest is walked.
  EXPECT_EQ(walked, varied_requests().size() - 2);
  // So are queries built by hand with other operators.
  const Xapian::Query phrase(Xapian::Query::OP_PHRASE, Xapian::Query("Zthe"),
                             Xapian::Query("Zpresid"));
  EXPECT_FALSE(match_by_postings(phrase, database).has_value());
  const Xapian::Query range(Xapian::Query::OP_VALUE_RANGE,
                            schema::kSlotPublished, "2004", "2005");
  EXPECT_FALSE(posting_walk_cost(range, database).has_value());
  const Xapian::Query everything = Xapian::Query::MatchAll;
  EXPECT_EQ(match_by_postings(everything, database)->size(),
            database.get_doccount());
  EXPECT_EQ(match_by_postings(Xapian::Query(), database)->size(), 0u);
}

TEST_F(MatchCountsOnCorpora, SlotTablesCountAsValueCountMatchSpy) {
  const Xapian::Database database(path("all"));
  for (const char* word : {"the", "Zpresid", "war", ""}) {
    const Xapian::Query query =
        *word != '\0' ? Xapian::Query(word) : Xapian::Query::MatchAll;
    DocidSet matches(database.get_lastdocid());
    for (const Xapian::docid id : matched_by_xapian(database, query)) {
      matches.insert(id);
    }
    ASSERT_GT(matches.size(), 20u) << word;
    for (const Xapian::valueno slot :
         {schema::kSlotOutlet, schema::kSlotLanguage, schema::kSlotYearMonth,
          schema::kSlotHost, schema::kSlotAuthors}) {
      Xapian::Enquire enquire(database);
      enquire.set_query(query);
      Xapian::ValueCountMatchSpy spy(slot);
      enquire.add_matchspy(&spy);
      enquire.get_mset(0, 0, database.get_doccount());
      std::map<std::string, std::uint64_t> expected;
      for (auto value = spy.values_begin(); value != spy.values_end();
           ++value) {
        expected[*value] = value.get_termfreq();
      }
      std::map<std::string, std::uint64_t> counted;
      for (const auto& [value, count] :
           SlotTable::read(database, slot).count(matches, std::nullopt)) {
        EXPECT_EQ(counted.count(value), 0u) << value;
        counted[value] = count;
      }
      EXPECT_EQ(counted, expected) << word << " slot " << slot;
      ASSERT_FALSE(counted.empty()) << word << " slot " << slot;
    }
  }
}

TEST_F(MatchCountsOnCorpora, AuthorListsCountEachAuthor) {
  const Xapian::Database database(path("all"));
  DocidSet matches(database.get_lastdocid());
  for (const Xapian::docid id :
       matched_by_xapian(database, Xapian::Query::MatchAll)) {
    matches.insert(id);
  }
  std::map<std::string, std::uint64_t> expected;
  for (auto value = database.valuestream_begin(schema::kSlotAuthors);
       value != database.valuestream_end(schema::kSlotAuthors); ++value) {
    const std::string list = *value;
    std::size_t begin = 0;
    while (begin <= list.size()) {
      std::size_t end = list.find(schema::kListSeparator, begin);
      if (end == std::string::npos) end = list.size();
      if (end > begin) ++expected[list.substr(begin, end - begin)];
      begin = end + 1;
    }
  }
  std::map<std::string, std::uint64_t> counted;
  for (const auto& [value, count] :
       SlotTable::read(database, schema::kSlotAuthors)
           .count(matches, schema::kListSeparator)) {
    counted[value] = count;
  }
  EXPECT_EQ(counted, expected);
  // Some articles name several authors.
  std::uint64_t listed = 0;
  for (const auto& [author, count] : counted) listed += count;
  EXPECT_GT(listed, matches.size() / 10);
}

// Every way of counting answers every request alike, in one index and in
// the same articles as two indexes searched together, with the tables the
// indexes store and with tables read from the value streams; in the
// combined search the matcher-fed tables are not used (DocidSpy), which
// the searcher falls back from by itself.
TEST_F(MatchCountsOnCorpora, EveryCountingMethodAnswersAlike) {
  struct Method {
    ExactCounts how;
    bool is_stored;
    std::unique_ptr<Searcher> searcher;
  };
  for (const std::vector<std::string>& paths :
       {std::vector<std::string>{path("all")},
        std::vector<std::string>{path("part1"), path("part2")}}) {
    std::vector<Method> methods;
    for (const ExactCounts how :
         {ExactCounts::kSpies, ExactCounts::kTablesByPostings,
          ExactCounts::kTablesByMatcher, ExactCounts::kAuto}) {
      for (const bool is_stored : {true, false}) {
        if (how == ExactCounts::kSpies && !is_stored) continue;
        Result<Searcher> opened = Searcher::open(paths);
        ASSERT_TRUE(opened.ok()) << opened.error().message();
        methods.push_back(
            {how, is_stored,
             std::make_unique<Searcher>(std::move(opened.value()))});
        methods.back().searcher->set_exact_counts(how);
        methods.back().searcher->set_stored_tables(is_stored);
      }
    }
    std::size_t with_many_matches = 0;
    // Twice: a warm kAuto searcher reads its tables during the first round.
    for (int round = 0; round < 2; ++round) {
      for (const SearchRequest& request : varied_requests()) {
        const Answer expected = answer_of(*methods.front().searcher, request);
        with_many_matches += expected.total > 100 ? 1 : 0;
        for (std::size_t i = 1; i < methods.size(); ++i) {
          EXPECT_EQ(answer_of(*methods[i].searcher, request), expected)
              << request.query << " counted by method "
              << static_cast<int>(methods[i].how)
              << (methods[i].is_stored ? " with stored tables" : "") << " in "
              << paths.size() << " index(es)";
        }
      }
    }
    EXPECT_GT(with_many_matches, 20u);
  }
}

// news-index stores a table of each facet slot that describes the index
// it leaves, document by document.
TEST_F(MatchCountsOnCorpora, IndexesStoreTheirFacetTables) {
  for (const char* name : {"all", "part1", "part2"}) {
    const Xapian::Database database(path(name));
    for (const Xapian::valueno slot : schema::kStoredTableSlots) {
      const std::optional<SlotTable> stored = SlotTable::load(database, slot);
      ASSERT_TRUE(stored.has_value()) << name << " slot " << slot;
      ASSERT_EQ(stored->last_docid(), database.get_lastdocid());
      const SlotTable read = SlotTable::read(database, slot);
      std::size_t with_value = 0;
      for (Xapian::docid id = 1; id <= database.get_lastdocid(); ++id) {
        ASSERT_EQ(stored->value_of(id), read.value_of(id))
            << name << " slot " << slot << " document " << id;
        with_value += read.value_of(id).empty() ? 0 : 1;
      }
      // Some articles have a value in each slot (dates, authors and sites
      // are rare in some corpora).
      EXPECT_GT(with_value, 0u) << name << " slot " << slot;
    }
  }
}

// The outlet facet of "the" over every match, by a searcher counting from
// tables (stored ones or not) in the indexes at `paths`.
std::map<std::string, std::uint64_t> outlets_of_the(
    const std::vector<std::string>& paths, bool is_stored) {
  Result<Searcher> opened = Searcher::open(paths);
  EXPECT_TRUE(opened.ok());
  if (!opened.ok()) return {};
  opened.value().set_exact_counts(ExactCounts::kTablesByPostings);
  opened.value().set_stored_tables(is_stored);
  SearchRequest request;
  request.query = "the";
  request.facets = {Facet::kOutlet};
  return answer_of(opened.value(), request).facets["outlet"];
}

// The searcher counts from the stored tables while they describe the
// index's state, and from its value streams once another commit made them
// stale: a table made up for the test shows which one it used.
TEST_F(MatchCountsOnCorpora, SearcherUsesStoredTablesOnlyWhileCurrent) {
  namespace fs = std::filesystem;
  ::news::testing::TempDir temp;
  const std::string copy = temp.file("copy");
  fs::copy(path("part2"), copy, fs::copy_options::recursive);
  const std::map<std::string, std::uint64_t> real =
      outlets_of_the({copy}, false);
  ASSERT_GT(real.size(), 1u);
  std::uint64_t total = 0;
  for (const auto& [outlet, count] : real) total += count;
  {
    Xapian::WritableDatabase database(copy, Xapian::DB_OPEN);
    // Every document from the outlet "Made up".
    Xapian::WritableDatabase made_up(temp.file("made-up"), Xapian::DB_CREATE);
    for (Xapian::docid id = 1; id <= database.get_lastdocid(); ++id) {
      Xapian::Document document;
      document.add_value(schema::kSlotOutlet, "Made up");
      made_up.add_document(document);
    }
    made_up.commit();
    const SlotTableStamp next{database.get_revision() + 1,
                              database.get_doccount(),
                              database.get_lastdocid()};
    database.set_metadata(
        slot_table_key(schema::kSlotOutlet),
        SlotTable::read(made_up, schema::kSlotOutlet).encode(next));
    database.commit();
  }
  EXPECT_EQ(outlets_of_the({copy}, true),
            (std::map<std::string, std::uint64_t>{{"Made up", total}}));
  EXPECT_EQ(outlets_of_the({copy}, false), real);
  // Searched with another index, the made-up table is used for this one.
  const std::map<std::string, std::uint64_t> both =
      outlets_of_the({path("part1"), copy}, true);
  ASSERT_EQ(both.count("Made up"), 1u);
  EXPECT_EQ(both.at("Made up"), total);
  {
    Xapian::WritableDatabase database(copy, Xapian::DB_OPEN);
    database.set_metadata("test:other-writer", "was here");
    database.commit();
  }
  EXPECT_EQ(outlets_of_the({copy}, true), real);
}

}  // namespace
}  // namespace news::searcher
