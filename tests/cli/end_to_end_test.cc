// End to end on the real corpora: news-index over the seed, ptc-propaganda
// and Wikinews text dumps, then news-search as a user runs it.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/command.h"
#include "tests/support/test_support.h"

namespace news::testing {
namespace {

using nlohmann::json;

class EndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!has_corpora()) return;
    temp_ = new TempDir();
    index_ = temp_->file("index");
    first_run_ =
        new CommandResult(run_command(news_index_path(), index_args()));
  }
  static void TearDownTestSuite() {
    delete first_run_;
    delete temp_;
    first_run_ = nullptr;
    temp_ = nullptr;
  }
  void SetUp() override {
    NEWS_REQUIRE_CORPORA();
    ASSERT_EQ(first_run_->exit_code, 0) << first_run_->err;
  }

  static std::vector<std::string> index_args() {
    return {"-d",
            index_,
            "--progress=never",
            (corpora_dir() / "seed").string(),
            (corpora_dir() / "ptc-propaganda").string(),
            (corpora_dir() / "wikinews-en-2004" / "txt").string()};
  }

  static json search_json(std::vector<std::string> args) {
    args.insert(args.begin(), {"-d", index_, "--format", "json"});
    const CommandResult result = run_command(news_search_path(), args);
    EXPECT_LE(result.exit_code, 1) << result.err;
    return json::parse(result.out);
  }

  static Xapian::doccount document_count() {
    return Xapian::Database(index_).get_doccount();
  }

  static TempDir* temp_;
  static std::string index_;
  static CommandResult* first_run_;
};

TempDir* EndToEnd::temp_ = nullptr;
std::string EndToEnd::index_;
CommandResult* EndToEnd::first_run_ = nullptr;

const std::string kSeedFile = "seed/000_86c32a640fda023d.txt";

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Lower case with every run of white space as one space.
std::string squeeze(const std::string& text) {
  std::string out;
  for (const char c : lower(text)) {
    const bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (is_space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

TEST_F(EndToEnd, IndexesEveryArticleOfTheThreeCorpora) {
  // 1 seed + 536 ptc-propaganda + 101 Wikinews articles.
  EXPECT_EQ(document_count(), 638u) << first_run_->err;
}

TEST_F(EndToEnd, CaliphateRanksTheSeedFirst) {
  const json result = search_json({"caliphate"});
  ASSERT_FALSE(result["hits"].empty());
  const json& first = result["hits"][0];
  EXPECT_TRUE(ends_with(first["path"], kSeedFile)) << first.dump(2);
  EXPECT_EQ(first["title"],
            "ISIS-Defeater Club Expands, But Who Really Defeated The "
            "Caliphate and Why?");
  EXPECT_EQ(first["outlet"], "SouthFront");
  EXPECT_TRUE(first["date"].is_null());
}

TEST_F(EndToEnd, SnippetHighlightsTheStemmedMatch) {
  const json result = search_json({"defeat", "--outlet", "SouthFront"});
  ASSERT_EQ(result["hits"].size(), 1u) << result.dump(2);
  const std::string snippet = result["hits"][0]["snippet"];
  const bool has_inflected_mark =
      snippet.find("**defeated**") != std::string::npos ||
      snippet.find("**defeating**") != std::string::npos;
  EXPECT_TRUE(has_inflected_mark) << snippet;
}

// The English articles whose body or title holds a word with this English
// stem, read from each one's term list: what a stemmed query must find.
std::set<Xapian::docid> english_articles_with_stem(
    const Xapian::Database& database, const std::string& stem,
    bool is_body_only) {
  const Xapian::Stem english("english");
  std::set<Xapian::docid> found;
  for (auto posting = database.postlist_begin("Len");
       posting != database.postlist_end("Len"); ++posting) {
    for (auto term = database.termlist_begin(*posting);
         term != database.termlist_end(*posting); ++term) {
      std::string word = *term;
      if (!is_body_only && word.size() > 1 && word[0] == 'S' &&
          word[1] >= 'a' && word[1] <= 'z') {
        word.erase(0, 1);
      }
      if (word.empty() || word[0] < 'a' || word[0] > 'z') continue;
      if (english(word) == stem) {
        found.insert(*posting);
        break;
      }
    }
  }
  return found;
}

TEST_F(EndToEnd, StemmedQueriesFindEveryArticleHoldingAFormOfTheStem) {
  // Words that are their own stem ("said", "war") have no Z term in an
  // article (schema version 2), others ("elections") do; the query must
  // find both kinds of articles, and those with "elected" for "election"
  // only when the stems agree.
  const Xapian::Database database(index_);
  const Xapian::Stem english("english");
  for (const std::string word : {"said", "war", "elections", "attacked",
                                 "president", "minister", "oil", "running"}) {
    const std::set<Xapian::docid> expected =
        english_articles_with_stem(database, english(word), false);
    ASSERT_FALSE(expected.empty()) << word;
    const json result =
        search_json({word, "lang:en", "--lang", "en", "--limit", "1000"});
    std::set<Xapian::docid> found;
    for (const json& hit : result["hits"]) {
      found.insert(hit["docid"].get<Xapian::docid>());
    }
    EXPECT_EQ(found, expected) << word;
  }
}

TEST_F(EndToEnd, OtherXapianClientsExpandStemsWithTheSynonymTable) {
  // A client with QueryParser's FLAG_AUTO_SYNONYMS, searching the body
  // only, finds the articles whose body holds a form of the stem.
  const Xapian::Database database(index_);
  Xapian::QueryParser parser;
  parser.set_database(database);
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  const Xapian::Stem english("english");
  for (const std::string word : {"said", "war", "elections", "running"}) {
    const Xapian::Query query(
        Xapian::Query::OP_FILTER,
        parser.parse_query(word, Xapian::QueryParser::FLAG_AUTO_SYNONYMS),
        Xapian::Query("Len"));
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    const Xapian::MSet matches = enquire.get_mset(0, database.get_doccount());
    std::set<Xapian::docid> found;
    for (auto match = matches.begin(); match != matches.end(); ++match) {
      found.insert(*match);
    }
    EXPECT_EQ(found, english_articles_with_stem(database, english(word), true))
        << word << " parsed as " << query.get_description();
  }
  const auto synonyms_of = [&database](const std::string& term) {
    return std::vector<std::string>(database.synonyms_begin(term),
                                    database.synonyms_end(term));
  };
  EXPECT_EQ(synonyms_of("Zsaid"), std::vector<std::string>{"said"});
  EXPECT_EQ(synonyms_of("ZSwar"), std::vector<std::string>{"Swar"});
  EXPECT_TRUE(synonyms_of("Zpresid").empty());  // not a word
}

TEST_F(EndToEnd, OutletFacetSumsToTheMatchCount) {
  const json result = search_json({"president", "--limit", "3"});
  const std::uint64_t total = result["total"];
  ASSERT_GT(total, 3u);
  EXPECT_EQ(result["hits"].size(), 3u);
  std::uint64_t sum = 0;
  for (const json& facet : result["facets"]["outlet"])
    sum += facet["count"].get<std::uint64_t>();
  EXPECT_EQ(sum, total) << result["facets"].dump(2);
}

TEST_F(EndToEnd, PhraseQueryFindsOnlyExactPhrases) {
  const json phrase = search_json({"\"oil convoys\"", "--limit", "100"});
  const json words = search_json({"oil convoys", "--limit", "100"});
  ASSERT_FALSE(phrase["hits"].empty());
  EXPECT_GE(words["total"].get<int>(), phrase["total"].get<int>());
  for (const json& hit : phrase["hits"]) {
    const std::string text = squeeze(read_file(hit["path"]));
    EXPECT_NE(text.find("oil convoys"), std::string::npos) << hit["path"];
  }
  // "president bush" as words matches articles where the two are apart; the
  // phrase must not.
  const json apart = search_json({"\"bush president\"", "--limit", "100"});
  for (const json& hit : apart["hits"]) {
    const std::string text = squeeze(read_file(hit["path"]));
    EXPECT_NE(text.find("bush president"), std::string::npos) << hit["path"];
  }
}

TEST_F(EndToEnd, TitleAndOutletFieldsFilter) {
  const json title = search_json({"title:caliphate", "--limit", "100"});
  ASSERT_FALSE(title["hits"].empty());
  bool has_seed = false;
  for (const json& hit : title["hits"]) {
    EXPECT_NE(lower(hit["title"]).find("caliphate"), std::string::npos)
        << hit["title"];
    has_seed = has_seed || ends_with(hit["path"], kSeedFile);
  }
  EXPECT_TRUE(has_seed) << title.dump(2);
  const json outlet = search_json({"isis outlet:southfront"});
  ASSERT_EQ(outlet["total"], 1);
  const json excluded = search_json({"caliphate NOT outlet:SouthFront"});
  for (const json& hit : excluded["hits"]) {
    EXPECT_NE(hit["outlet"], "SouthFront");
  }
}

TEST_F(EndToEnd, RunningTheIndexerTwiceAddsNothing) {
  const Xapian::doccount before = document_count();
  const CommandResult again = run_command(news_index_path(), index_args());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(document_count(), before);
  EXPECT_NE(again.err.find("0 articles indexed"), std::string::npos)
      << again.err;
}

TEST_F(EndToEnd, JsonAndTextShowTheSameHits) {
  const json result = search_json({"oil", "--limit", "5"});
  const CommandResult text =
      run_command(news_search_path(),
                  {"-d", index_, "--limit", "5", "--color", "never", "oil"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  ASSERT_EQ(result["hits"].size(), 5u);
  std::size_t previous = 0;
  for (const json& hit : result["hits"]) {
    const std::string title = hit["title"];
    const std::size_t at = text.out.find(title, previous);
    EXPECT_NE(at, std::string::npos)
        << "title missing or out of order: " << title;
    if (at != std::string::npos) previous = at;
  }
}

}  // namespace
}  // namespace news::testing
