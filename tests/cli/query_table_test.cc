// The research query language on the real corpora (issue 4): news-index
// over the seed, ptc-propaganda and Wikinews text dumps, then news-search
// as a script or a researcher runs it. Expected sets come from the articles
// themselves (their files, their stored dates and outlets read with Xapian),
// not from news-search.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/schema.h"
#include "tests/cli/command.h"
#include "tests/support/test_support.h"

namespace news::testing {
namespace {

using nlohmann::json;

std::string joined(const std::vector<std::string>& args) {
  std::string text;
  for (const std::string& arg : args) text += "'" + arg + "' ";
  return text;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Lower case with every run of non-alphanumeric characters as one space, so
// that phrases can be looked up in an article's file.
std::string words_of(const std::string& text) {
  std::string out = " ";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0) {
      out.push_back(static_cast<char>(std::tolower(byte)));
    } else if (out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

// What the index holds for one article, read with Xapian directly.
struct StoredFacts {
  std::string date;  // YYYYMMDD or ""
  std::string outlet;
  std::string language;
  std::string year;
  std::string month;  // YYYY-MM or ""
  std::string site;
  std::vector<std::string> authors;
};

class QueryTable : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!has_corpora()) return;
    temp_ = new TempDir();
    index_ = temp_->file("index");
    indexed_ = new CommandResult(run_command(
        news_index_path(),
        {"-d", index_, "--progress=never", (corpora_dir() / "seed").string(),
         (corpora_dir() / "ptc-propaganda").string(),
         (corpora_dir() / "wikinews-en-2004" / "txt").string()}));
    facts_ = new std::map<std::string, StoredFacts>();
    if (indexed_->exit_code != 0) return;
    Xapian::Database database(index_);
    for (auto id = database.allterms_begin(schema::kIdPrefix);
         id != database.allterms_end(schema::kIdPrefix); ++id) {
      const Xapian::Document document =
          database.get_document(*database.postlist_begin(*id));
      StoredFacts facts;
      facts.date = document.get_value(schema::kSlotPublished);
      facts.outlet = document.get_value(schema::kSlotOutlet);
      facts.language = document.get_value(schema::kSlotLanguage);
      facts.year = document.get_value(schema::kSlotYear);
      facts.month = document.get_value(schema::kSlotYearMonth);
      if (!facts.month.empty()) facts.month.insert(4, "-");
      facts.site = document.get_value(schema::kSlotHost);
      const std::string authors = document.get_value(schema::kSlotAuthors);
      std::size_t begin = 0;
      while (begin < authors.size()) {
        std::size_t end = authors.find(schema::kListSeparator, begin);
        if (end == std::string::npos) end = authors.size();
        facts.authors.push_back(authors.substr(begin, end - begin));
        begin = end + 1;
      }
      (*facts_)[document.get_value(schema::kSlotId)] = facts;
    }
  }
  static void TearDownTestSuite() {
    delete facts_;
    delete indexed_;
    delete temp_;
    facts_ = nullptr;
    indexed_ = nullptr;
    temp_ = nullptr;
  }
  void SetUp() override {
    NEWS_REQUIRE_CORPORA();
    ASSERT_EQ(indexed_->exit_code, 0) << indexed_->err;
  }

  static CommandResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {"-d", index_});
    return run_command(news_search_path(), args);
  }

  // Every hit of the query (the page is made big enough), as JSON.
  static json search_all(std::vector<std::string> args) {
    args.insert(args.begin(), {"--format", "json", "--limit", "1000"});
    const CommandResult result = search(args);
    EXPECT_LE(result.exit_code, 1) << joined(args) << result.err;
    if (result.exit_code > 1) return json::object({{"hits", json::array()}});
    return json::parse(result.out);
  }

  static std::vector<std::string> hit_ids(const json& result) {
    std::vector<std::string> ids;
    for (const json& hit : result["hits"]) ids.push_back(hit["id"]);
    return ids;
  }

  // The ids of the articles whose stored facts satisfy `wanted`.
  static std::set<std::string> ids_where(
      const std::function<bool(const StoredFacts&)>& wanted) {
    std::set<std::string> ids;
    for (const auto& [id, facts] : *facts_) {
      if (wanted(facts)) ids.insert(id);
    }
    return ids;
  }

  static std::string id_of(const std::string& path_suffix) {
    for (const auto& entry : *facts_) {
      if (ends_with(entry.first, path_suffix)) return entry.first;
    }
    return "(no article " + path_suffix + ")";
  }

  static TempDir* temp_;
  static std::string index_;
  static CommandResult* indexed_;
  static std::map<std::string, StoredFacts>* facts_;
};

TempDir* QueryTable::temp_ = nullptr;
std::string QueryTable::index_;
CommandResult* QueryTable::indexed_ = nullptr;
std::map<std::string, StoredFacts>* QueryTable::facts_ = nullptr;

const std::string kSeed = "seed/000_86c32a640fda023d.txt";
const std::string kCongo =
    "txt/051_Dem_Republic_of_Congo_prepares_to_confront_Rwanda.txt";
const std::string kDelta =
    "txt/052_Delta_4_Heavy_rocket_poised_for_maiden_launch.txt";
const std::string kManBitesDog =
    "txt/067_Man_bites_dog_charged_with_animal_cruelty.txt";
const std::string kTsunamiToll =
    "txt/084_Tsunami_toll_passes_80_000_people_as_relief_effort_continues.txt";
const std::string kCanadaFreePress = "test-articles/article833039623.txt";
const std::string kGuardianFake = "train-articles/article999001621.txt";

// One row of the table: a query (with flags) and what its hits must be.
struct QueryCase {
  std::vector<std::string> args;
  std::string first_hit;                  // path suffix; "" = not checked
  std::vector<std::string> must_include;  // path suffixes among the hits
  // Every hit's file must contain each of these phrases (lower case words).
  std::vector<std::string> every_hit_has;
  // Every hit's file must contain one of these.
  std::vector<std::string> every_hit_has_one_of = {};
  std::string every_hit_outlet = "";  // "" = not checked
  std::string no_hit_outlet = "";     // "" = not checked
  std::size_t min_total = 1;
};

TEST_F(QueryTable, FindsWhatEachQueryDescribes) {
  const std::vector<QueryCase> cases = {
      {{"caliphate"}, kSeed, {kSeed}, {"caliph"}},
      // Fields.
      {{"title:caliphate"}, kSeed, {kSeed}, {"caliph"}},
      {{"title:\"man bites dog\""},
       kManBitesDog,
       {kManBitesDog},
       {"man bites dog"}},
      {{"body:tsunami", "toll"}, "", {kTsunamiToll}, {"tsunami", "toll"}},
      {{"isis outlet:southfront"}, kSeed, {kSeed}, {"isis"}, {}, "SouthFront"},
      // An outlet with spaces, as a field and as a flag, in any case.
      {{"outlet:\"Canada Free Press\""},
       kCanadaFreePress,
       {kCanadaFreePress},
       {},
       {},
       "Canada Free Press"},
      {{"--outlet", "canada free  press", "obama"},
       kCanadaFreePress,
       {kCanadaFreePress},
       {"obama"},
       {},
       "Canada Free Press"},
      {{"lang:en", "tsunami"}, "", {kTsunamiToll}, {"tsunami"}},
      {{"--lang", "en", "tsunami"}, "", {kTsunamiToll}, {"tsunami"}},
      // Phrases, NEAR and ADJ, wildcards.
      {{"\"oil convoys\""}, "", {}, {"oil convoys"}},
      {{"\"man bites dog\""}, kManBitesDog, {kManBitesDog}, {"man bites dog"}},
      {{"tsunami NEAR/3 toll"},
       kTsunamiToll,
       {kTsunamiToll},
       {"tsunami", "toll"}},
      {{"caliphate NEAR isis"}, "", {kSeed}, {"caliph", "isis"}},
      {{"tsunami ADJ/2 toll"},
       kTsunamiToll,
       {kTsunamiToll},
       {"tsunami", "toll"}},
      {{"tsunam*"}, "", {kTsunamiToll}, {"tsunam"}},
      {{"caliph* AND isis"}, "", {kSeed}, {"caliph", "isis"}},
      // Boolean operators and exclusions.
      {{"tsunami OR caliphate"},
       "",
       {kSeed, kTsunamiToll},
       {},
       {"tsunami", "caliph"}},
      {{"(tsunami OR caliphate) AND relief"},
       "",
       {kTsunamiToll},
       {"relief"},
       {"tsunami", "caliph"}},
      {{"caliphate NOT outlet:SouthFront"},
       "",
       {},
       {"caliph"},
       {},
       "",
       "SouthFront"},
      {{"caliphate", "--exclude-outlet", "southfront"},
       "",
       {},
       {"caliph"},
       {},
       "",
       "SouthFront"},
      {{"tsunami -relief"}, "", {}, {"tsunami"}},
      {{"tsunami XOR relief"}, "", {}, {}, {"tsunami", "relief"}},
      {{"--any", "tsunami", "caliphate"},
       "",
       {kSeed, kTsunamiToll},
       {},
       {"tsunami", "caliph"}},
  };
  for (const QueryCase& test : cases) {
    const std::string name = joined(test.args);
    const json result = search_all(test.args);
    const std::vector<std::string> ids = hit_ids(result);
    ASSERT_GE(ids.size(), test.min_total) << name;
    if (!test.first_hit.empty()) {
      EXPECT_TRUE(ends_with(ids.front(), test.first_hit))
          << name << " ranks first " << ids.front();
    }
    for (const std::string& wanted : test.must_include) {
      EXPECT_NE(std::find(ids.begin(), ids.end(), id_of(wanted)), ids.end())
          << name << " misses " << wanted;
    }
    for (const json& hit : result["hits"]) {
      const std::string text =
          words_of(hit["title"].get<std::string>() + " " +
                   read_file(hit["path"].get<std::string>()));
      for (const std::string& phrase : test.every_hit_has) {
        EXPECT_NE(text.find(" " + phrase), std::string::npos)
            << name << ": " << hit["path"] << " lacks " << phrase;
      }
      if (!test.every_hit_has_one_of.empty()) {
        EXPECT_TRUE(std::any_of(
            test.every_hit_has_one_of.begin(), test.every_hit_has_one_of.end(),
            [&text](const std::string& word) {
              return text.find(" " + word) != std::string::npos;
            }))
            << name << ": " << hit["path"];
      }
      if (!test.every_hit_outlet.empty()) {
        EXPECT_EQ(hit["outlet"], test.every_hit_outlet) << name;
      }
      if (!test.no_hit_outlet.empty()) {
        EXPECT_NE(hit["outlet"], test.no_hit_outlet) << name;
      }
    }
  }
}

TEST_F(QueryTable, DateRangesIncludeBothEnds) {
  // The Wikinews datelines give these articles their dates.
  ASSERT_EQ((*facts_)[id_of(kCongo)].date, "20041203");
  ASSERT_EQ((*facts_)[id_of(kDelta)].date, "20041213");
  struct DateCase {
    std::vector<std::string> args;
    std::string first;  // YYYYMMDD, inclusive; "" = open
    std::string last;
  };
  const std::vector<DateCase> cases = {
      {{"date:2004-12-03..2004-12-13"}, "20041203", "20041213"},
      {{"date:..2004-12-15"}, "", "20041215"},
      {{"date:2004-12-22.."}, "20041222", ""},
      {{"date:2004-12-22"}, "20041222", "20041222"},
      {{"date:2004-12"}, "20041201", "20041231"},
      {{"date:2004"}, "20040101", "20041231"},
      {{"date:2004..2018"}, "20040101", "20181231"},
      {{"date:2018-11.."}, "20181101", ""},
      {{"--from", "2004-12-03", "--to", "2004-12-13", "date:1000.."},
       "20041203",
       "20041213"},
      {{"--from", "2004-12-22", "the"}, "20041222", ""},
      {{"--to", "2004-12", "the"}, "", "20041231"},
  };
  for (const DateCase& test : cases) {
    const std::string name = joined(test.args);
    const json result = search_all(test.args);
    const std::vector<std::string> found = hit_ids(result);
    std::set<std::string> expected = ids_where([&test](const StoredFacts& f) {
      return !f.date.empty() && (test.first.empty() || f.date >= test.first) &&
             (test.last.empty() || f.date <= test.last);
    });
    if (test.args.back() == "the") {
      // Only articles with the word: all of them here, "the" is everywhere
      // but a dated article without it would not be expected.
      std::set<std::string> with_word(found.begin(), found.end());
      for (auto it = expected.begin(); it != expected.end();) {
        it = with_word.count(*it) != 0 ? std::next(it) : expected.erase(it);
      }
    }
    ASSERT_FALSE(expected.empty()) << name;
    EXPECT_EQ(std::set<std::string>(found.begin(), found.end()), expected)
        << name;
  }
  // Both ends of a one-day range are that day.
  const json congo = search_all({"date:2004-12-03..2004-12-03"});
  EXPECT_EQ(hit_ids(congo), std::vector<std::string>{id_of(kCongo)});
}

TEST_F(QueryTable, SortsByDateWithUndatedLastAndStableTies) {
  const json oldest = search_all({"date:1000..9999", "--sort", "date"});
  const json newest = search_all({"date:1000..9999", "--sort", "-date"});
  const std::set<std::string> dated =
      ids_where([](const StoredFacts& f) { return !f.date.empty(); });
  ASSERT_EQ(oldest["hits"].size(), dated.size());
  ASSERT_GE(dated.size(), 10u);
  EXPECT_TRUE(ends_with(oldest["hits"][0]["id"], kCongo)) << oldest["hits"][0];
  EXPECT_TRUE(ends_with(newest["hits"][0]["id"], kGuardianFake))
      << newest["hits"][0];
  std::vector<std::pair<std::string, std::string>> keys;
  for (const json& hit : oldest["hits"]) {
    keys.emplace_back(hit["date"].get<std::string>(), hit["id"]);
  }
  // Dates ascending; equal dates by id.
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  std::vector<std::string> descending;
  for (const json& hit : newest["hits"]) descending.push_back(hit["date"]);
  EXPECT_TRUE(std::is_sorted(descending.rbegin(), descending.rend()));

  // Undated articles come after every dated one, in both orders.
  for (const std::string order : {"date", "-date"}) {
    const json all = search_all({"president", "--sort", order});
    bool has_seen_undated = false;
    for (const json& hit : all["hits"]) {
      if (hit["date"].is_null()) {
        has_seen_undated = true;
      } else {
        EXPECT_FALSE(has_seen_undated) << order << ": " << hit["id"];
      }
    }
  }
  // The same listing twice, and paged, is the same listing.
  const json again = search_all({"date:1000..9999", "--sort", "date"});
  EXPECT_EQ(hit_ids(again), hit_ids(oldest));
  const CommandResult page =
      search({"--format", "json", "--sort", "date", "--offset", "3", "--limit",
              "4", "date:1000..9999"});
  const json paged = json::parse(page.out);
  ASSERT_EQ(paged["hits"].size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(paged["hits"][i]["id"], oldest["hits"][i + 3]["id"]);
    EXPECT_EQ(paged["hits"][i]["rank"], i + 4);
  }
}

TEST_F(QueryTable, FacetCountsEqualABruteForceCount) {
  for (const std::vector<std::string>& query :
       {std::vector<std::string>{"president"},
        {"the"},
        {"date:2004"},
        {"tsunami OR caliphate OR obama"},
        {"NOT", "zzzzunfindable"}}) {
    std::vector<std::string> args = query;
    args.insert(args.end(), {"--facets", "outlet,lang,year,month,author,site"});
    const json result = search_all(args);
    const std::uint64_t total = result["total"];
    ASSERT_EQ(result["hits"].size(), total) << joined(query);
    ASSERT_TRUE(result["total_exact"].get<bool>());
    // Count by hand over the stored facts of every matching article.
    std::map<std::string, std::map<std::string, std::uint64_t>> expected;
    for (const json& hit : result["hits"]) {
      const StoredFacts& facts = facts_->at(hit["id"]);
      ++expected["outlet"][facts.outlet];
      if (!facts.language.empty()) ++expected["lang"][facts.language];
      if (!facts.year.empty()) ++expected["year"][facts.year];
      if (!facts.month.empty()) ++expected["month"][facts.month];
      if (!facts.site.empty()) ++expected["site"][facts.site];
      for (const std::string& author : facts.authors) {
        ++expected["author"][author];
      }
    }
    for (const std::string facet :
         {"outlet", "lang", "year", "month", "author", "site"}) {
      std::map<std::string, std::uint64_t> counted;
      std::vector<std::uint64_t> order;
      for (const json& count : result["facets"][facet]) {
        counted[count["value"]] = count["count"];
        order.push_back(count["count"]);
      }
      EXPECT_EQ(counted, expected[facet]) << joined(query) << " " << facet;
      EXPECT_TRUE(std::is_sorted(order.rbegin(), order.rend())) << facet;
    }
  }
  // --facet-limit keeps the most frequent values; --count the same counts
  // without hits.
  const json limited =
      search_all({"the", "--facet-limit", "2", "--facets", "outlet"});
  const json full = search_all({"the", "--facets", "outlet"});
  ASSERT_EQ(limited["facets"]["outlet"].size(), 2u);
  EXPECT_EQ(limited["facets"]["outlet"][0], full["facets"]["outlet"][0]);
  EXPECT_EQ(limited["facets"]["outlet"][1], full["facets"]["outlet"][1]);
  const CommandResult counted =
      search({"--count", "--format", "json", "--facets", "outlet", "the"});
  ASSERT_EQ(counted.exit_code, 0) << counted.err;
  const json count_only = json::parse(counted.out);
  EXPECT_TRUE(count_only["hits"].empty());
  EXPECT_EQ(count_only["total"], full["total"]);
  EXPECT_EQ(count_only["facets"], full["facets"]);
}

// Runs python3 on `script` with the file as its argument; its stdout.
std::string run_python(const std::string& script, const std::string& file) {
  const CommandResult result =
      run_command("/usr/bin/python3", {"-c", script, file});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.out;
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

TEST_F(QueryTable, EveryFormatParsesWithPythonAndCarriesTheSameHits) {
  // Each script prints the ids of the hits as a JSON array, plus the titles
  // and bodies in the second and third element, using only the standard
  // parsers.
  const std::map<std::string, std::string> readers = {
      {"json", R"(import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["format"] == "news-search/2"
assert d["provenance"]["index"][0]["documents"] > 0
h = d["hits"]
print(json.dumps([[x["id"] for x in h], [x["title"] for x in h], [x["body"] for x in h]])))"},
      {"jsonl", R"(import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert lines[-1]["type"] == "summary" and lines[-1]["format"] == "news-search/2"
assert lines[-1]["returned"] == len(lines) - 1
h = [l for l in lines if l["type"] == "hit"]
print(json.dumps([[x["id"] for x in h], [x["title"] for x in h], [x["body"] for x in h]])))"},
      {"csv", R"(import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
print(json.dumps([[r["id"] for r in rows], [r["title"] for r in rows], [r["body"] for r in rows]])))"},
      {"tsv", R"(import csv, json, sys
def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[s[i + 1]]); i += 2
        else:
            out.append(s[i]); i += 1
    return "".join(out)
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
print(json.dumps([[unescape(r["id"]) for r in rows], [unescape(r["title"]) for r in rows], [unescape(r["body"]) for r in rows]])))"},
  };
  TempDir dir;
  std::optional<json> reference;
  for (const auto& [format, script] : readers) {
    const CommandResult result =
        search({"--format", format, "--limit", "25", "--fields",
                "rank,id,title,outlet,date,url,snippet,body", "president"});
    ASSERT_EQ(result.exit_code, 0) << format << ": " << result.err;
    const std::string file = dir.file("out." + format);
    write_file(file, result.out);
    const json parsed = json::parse(run_python(script, file));
    ASSERT_EQ(parsed[0].size(), 25u) << format;
    // Bodies hold paragraphs (newlines) and titles commas and quotes: the
    // quoting must carry them through.
    EXPECT_NE(parsed[2][0].get<std::string>().find('\n'), std::string::npos)
        << format;
    if (!reference) {
      reference = parsed;
    } else {
      EXPECT_EQ(parsed, *reference) << format;
    }
  }
}

TEST_F(QueryTable, BatchGivesTheSameResultsAsOneCallPerQuery) {
  TempDir dir;
  const std::string batch = dir.file("queries");
  write_file(
      batch,
      "tsunami\n"
      "# a comment, skipped\n"
      "\n"
      "{\"id\": \"dated\", \"query\": \"the\", \"from\": \"2004-12-03\", "
      "\"to\": \"2004-12-13\", \"sort\": \"date\"}\n"
      "title:\"man bites dog\"\n"
      "{\"id\": 7, \"query\": \"president\", \"limit\": 3, "
      "\"offset\": 2, \"facets\": [\"outlet\", \"year\"]}\n"
      "unknownfield:x\n"
      "zzzzunfindable\n");
  const CommandResult result =
      search({"--batch", batch, "--format", "jsonl", "--limit", "5"});
  // One query had a syntax error: exit 2, the others still answered.
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("batch line 7"), std::string::npos) << result.err;
  std::map<std::size_t, std::vector<json>> blocks;
  std::istringstream lines(result.out);
  std::string line;
  while (std::getline(lines, line)) {
    const json object = json::parse(line);
    blocks[object["batch"]["line"].get<std::size_t>()].push_back(object);
  }
  ASSERT_EQ(blocks.size(), 6u) << result.out;
  EXPECT_EQ(blocks[7].back()["type"], "error");
  EXPECT_EQ(blocks[7].back()["error"]["code"], "query_syntax");
  EXPECT_EQ(blocks[4].back()["batch"]["id"], "dated");
  EXPECT_EQ(blocks[6].back()["batch"]["id"], "7");

  const std::map<std::size_t, std::vector<std::string>> singles = {
      {1, {"tsunami", "--limit", "5"}},
      {4,
       {"the", "--limit", "5", "--from", "2004-12-03", "--to", "2004-12-13",
        "--sort", "date"}},
      {5, {"title:\"man bites dog\"", "--limit", "5"}},
      {6,
       {"president", "--limit", "3", "--offset", "2", "--facets",
        "outlet,year"}},
      {8, {"zzzzunfindable", "--limit", "5"}},
  };
  for (const auto& [number, args] : singles) {
    std::vector<std::string> full = args;
    full.insert(full.begin(), {"--format", "jsonl"});
    const CommandResult single = search(full);
    std::vector<json> expected;
    std::istringstream single_lines(single.out);
    while (std::getline(single_lines, line)) {
      json object = json::parse(line);
      expected.push_back(object);
    }
    const std::vector<json>& got = blocks[number];
    ASSERT_EQ(got.size(), expected.size()) << "line " << number;
    for (std::size_t i = 0; i < got.size(); ++i) {
      json without_tag = got[i];
      without_tag.erase("batch");
      EXPECT_EQ(without_tag, expected[i]) << "line " << number;
    }
  }
}

TEST_F(QueryTable, BadQueriesExitTwoWithAMessageSayingWhere) {
  struct BadCase {
    std::vector<std::string> args;
    std::string message;  // a fragment of stderr
  };
  const std::vector<BadCase> cases = {
      {{"tsunami AND"}, "column 9 of \"tsunami AND\": \"AND\" needs a term"},
      {{"OR tsunami"}, "column 1"},
      {{"(tsunami OR relief"}, "\"(\" opened here is never closed"},
      {{"tsunami)"}, "column 8"},
      {{"\"tsunami toll"}, "quote opened here is never closed"},
      {{"tsunami NEAR"}, "\"NEAR\" needs a word or phrase on both sides"},
      {{"ADJ/3 toll"}, "\"ADJ/3\" needs"},
      {{"NOT NOT tsunami"}, "\"NOT\" needs a term after it"},
      {{"foo:bar tsunami"}, "unknown field \"foo\""},
      {{"tsunami Title:x"}, "column 9 of \"tsunami Title:x\": unknown field"},
      {{"date:2019-02-30"}, "\"2019-02-30\" is not a date"},
      {{"date:2019-13-01..2019-12-31"}, "\"2019-13-01\" is not a date"},
      {{"date:2019-01-01..2019-02-29"}, "\"2019-02-29\" is not a date"},
      {{"date:2019..2018"}, "ends before it starts"},
      {{"date:.."}, "needs at least one end"},
      {{"outlet:"}, "field \"outlet\" needs a value"},
      {{""}, "no query given"},
      {{"   "}, "no query given"},
      {{}, "no query given"},
      {{"--from", "2019-02-30", "x"}, "--from must be a date"},
      {{"--to", "yesterday", "x"}, "--to must be a date"},
      {{"--sort", "oldest", "x"}, "--sort must be one of"},
      {{"--facets", "color", "x"}, "--facets must be one of"},
      {{"--fields", "title,nope", "x"}, "--fields must be one of"},
      {{"--format", "xml", "x"}, "--format must be one of"},
  };
  for (const BadCase& test : cases) {
    const CommandResult result = search(test.args);
    EXPECT_EQ(result.exit_code, 2) << joined(test.args) << result.out;
    EXPECT_TRUE(result.out.empty()) << joined(test.args);
    EXPECT_EQ(result.err.rfind("news-search: ", 0), 0u) << result.err;
    EXPECT_NE(result.err.find(test.message), std::string::npos)
        << joined(test.args) << " said: " << result.err;
  }
  // URLs in free text are not fields.
  EXPECT_LE(search({"http://example.org tsunami"}).exit_code, 1);
}

TEST_F(QueryTable, StatsAndShowDescribeTheIndex) {
  const CommandResult stats = search({"--stats", "--format", "json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const json document = json::parse(stats.out);
  EXPECT_EQ(document["documents"], facts_->size());
  const std::set<std::string> dated =
      ids_where([](const StoredFacts& f) { return !f.date.empty(); });
  EXPECT_EQ(document["dated"], dated.size());
  EXPECT_EQ(document["first_date"], "2004-12-03");
  std::uint64_t outlet_sum = 0;
  for (const json& outlet : document["outlets"])
    outlet_sum += outlet["count"].get<std::uint64_t>();
  EXPECT_EQ(outlet_sum, facts_->size());
  // Each outlet's count is its number of articles.
  std::map<std::string, std::uint64_t> by_outlet;
  for (const auto& [id, facts] : *facts_) ++by_outlet[facts.outlet];
  ASSERT_EQ(document["outlets"].size(), by_outlet.size());
  for (const json& outlet : document["outlets"]) {
    EXPECT_EQ(outlet["count"], by_outlet[outlet["value"].get<std::string>()])
        << outlet["value"];
  }
  EXPECT_EQ(document["facet_tables"], "current");
  EXPECT_GT(document["size_bytes"].get<std::uint64_t>(), 0u);
  EXPECT_EQ(document["schema"], std::to_string(schema::kVersion));
  const CommandResult text_stats = search({"--stats"});
  EXPECT_NE(text_stats.out.find("Documents: " + std::to_string(facts_->size())),
            std::string::npos)
      << text_stats.out;

  const std::string seed = id_of(kSeed);
  const CommandResult shown = search({"--show", seed, "--format", "json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const json article = json::parse(shown.out);
  EXPECT_EQ(article["id"], seed);
  EXPECT_EQ(article["outlet"], "SouthFront");
  EXPECT_NE(article["body"].get<std::string>().find("caliphate"),
            std::string::npos);
  const CommandResult by_docid =
      search({"--show", std::to_string(article["docid"].get<int>()), "--format",
              "json"});
  ASSERT_EQ(by_docid.exit_code, 0) << by_docid.err;
  EXPECT_EQ(json::parse(by_docid.out)["id"], seed);
  const CommandResult text = search({"--show", seed});
  EXPECT_NE(text.out.find("outlet:  SouthFront"), std::string::npos)
      << text.out;
  const CommandResult missing = search({"--show", "path:/no/such/article"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no article"), std::string::npos);
  EXPECT_EQ(search({"--stats", "tsunami"}).exit_code, 2);
}

// --stats says whether the stored facet tables are current, and counts the
// same with them, with stale ones and with none.
TEST_F(QueryTable, StatsTellWhetherTheFacetTablesAreCurrent) {
  namespace fs = std::filesystem;
  TempDir dir;
  const std::string copy = dir.file("copy");
  fs::copy(index_, copy, fs::copy_options::recursive);
  const auto stats_of = [&]() {
    const CommandResult result = run_command(
        news_search_path(), {"-d", copy, "--stats", "--format", "json"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  };
  const json current = stats_of();
  ASSERT_EQ(current["facet_tables"], "current");
  {
    Xapian::WritableDatabase database(copy, Xapian::DB_OPEN);
    database.set_metadata("test:other-writer", "was here");
    database.commit();
  }
  const json stale = stats_of();
  EXPECT_EQ(stale["facet_tables"], "stale");
  EXPECT_EQ(stale["outlets"], current["outlets"]);
  EXPECT_EQ(stale["languages"], current["languages"]);
  const CommandResult text =
      run_command(news_search_path(), {"-d", copy, "--stats"});
  EXPECT_NE(text.out.find("out of date"), std::string::npos) << text.out;
  {
    Xapian::WritableDatabase database(copy, Xapian::DB_OPEN);
    for (const Xapian::valueno slot : schema::kStoredTableSlots) {
      database.set_metadata(schema::kMetaSlotTablePrefix + std::to_string(slot),
                            "");
    }
    database.commit();
  }
  const json none = stats_of();
  EXPECT_EQ(none["facet_tables"], "none");
  EXPECT_EQ(none["outlets"], current["outlets"]);
  // A run of news-index over the same files, which changes no article,
  // stores them again.
  const CommandResult again = run_command(
      news_index_path(),
      {"-d", copy, "--progress=never", (corpora_dir() / "seed").string(),
       (corpora_dir() / "ptc-propaganda").string(),
       (corpora_dir() / "wikinews-en-2004" / "txt").string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 new, 0 changed"), std::string::npos) << again.err;
  const json refreshed = stats_of();
  EXPECT_EQ(refreshed["facet_tables"], "current");
  EXPECT_EQ(refreshed["outlets"], current["outlets"]);
}

TEST_F(QueryTable, ExitCodesAndAClosedPipe) {
  EXPECT_EQ(search({"tsunami"}).exit_code, 0);
  EXPECT_EQ(search({"zzzzunfindable"}).exit_code, 1);
  EXPECT_EQ(search({"--count", "zzzzunfindable"}).exit_code, 1);
  EXPECT_EQ(run_command(news_search_path(), {"-d", temp_->file("none"), "x"})
                .exit_code,
            3);
  // `news-search ... | head -0`: the reader is gone before the output.
  for (const std::string format : {"text", "json", "jsonl", "csv"}) {
    int pipe_ends[2];
    ASSERT_EQ(pipe(pipe_ends), 0);
    close(pipe_ends[0]);
    TempDir dir;
    const std::string err_path = dir.file("err");
    const pid_t pid = fork();
    if (pid == 0) {
      const int err = open(err_path.c_str(), O_WRONLY | O_CREAT, 0600);
      dup2(pipe_ends[1], 1);
      dup2(err, 2);
      const std::string program = news_search_path();
      execl(program.c_str(), program.c_str(), "-d", index_.c_str(), "--limit",
            "200", "--format", format.c_str(), "the",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(pipe_ends[1]);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status)) << format << " died of a signal";
    EXPECT_EQ(WEXITSTATUS(status), 0) << format;
    EXPECT_EQ(read_file(err_path), "") << format;
  }
}

}  // namespace
}  // namespace news::testing
