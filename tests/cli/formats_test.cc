// A folder mixing every input format, built from the real corpora (JSON
// Lines, a JSON file with HTML bodies, CSV, HTML pages, a WARC of real
// pages gzipped per record, a gzipped text dump with a manifest) and a few
// damaged inputs: news-index takes it in one run, reports each damaged
// record as file:line and goes on, and news-search's outlet facet shows the
// outlets of every format. Also --extract-only in both formats.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/command.h"
#include "tests/support/test_support.h"

namespace news::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

void copy_into(const fs::path& from, const fs::path& to) {
  write_file(to, read_file(from.string()));
}

std::string gzip_member(const std::string& text) {
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8,
               Z_DEFAULT_STRATEGY);
  std::string compressed(deflateBound(&stream, text.size()), '\0');
  stream.next_in =
      reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));  // zlib API
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_out = static_cast<uInt>(compressed.size());
  deflate(&stream, Z_FINISH);
  compressed.resize(stream.total_out);
  deflateEnd(&stream);
  return compressed;
}

// Lines first..last (1-based, inclusive) of a file, each with its "\n".
std::string lines_of(const fs::path& path, std::size_t first,
                     std::size_t last) {
  const std::string text = read_file(path.string());
  std::string result;
  std::size_t line = 1;
  std::size_t begin = 0;
  while (begin < text.size() && line <= last) {
    std::size_t end = text.find('\n', begin);
    end = end == std::string::npos ? text.size() : end + 1;
    if (line >= first) result += text.substr(begin, end - begin);
    begin = end;
    ++line;
  }
  return result;
}

std::string warc_response(const std::string& uri, const std::string& html) {
  const std::string block =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" +
      html;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2021-05-06T07:08:09Z\r\nContent-Type: "
         "application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

constexpr char kBlogUrl[] =
    "https://www.investmentwatchblog.com/"
    "biggest-money-laundering-scheme-in-history-uncovered-in-ukraine/";

// The mixed folder; returns it.
fs::path build_mixed_folder(const fs::path& root) {
  const fs::path corpora = corpora_dir();
  const fs::path dir = root / "mixed";
  // JSON Lines: three wikinewssum sources (two Yahoo Brasil, one BBC).
  write_file(dir / "sources.jsonl",
             lines_of(corpora / "wikinewssum-sources" / "sources.jsonl", 1, 3));
  // CSV with quoted multi-line fields: the first three FakeNewsCorpus rows.
  write_file(
      dir / "fakenews.csv",
      lines_of(corpora / "fakenewscorpus-sample" / "news_sample.csv", 1, 260));
  // Russian: an ODS table, and RIA's JSON lines with HTML bodies.
  copy_into(corpora / "ru-news-samples" / "ods" / "rt.csv",
            dir / "ru" / "rt.csv");
  copy_into(corpora / "ru-news-samples" / "ria.json", dir / "ru" / "ria.json");
  // A saved page, and a WARC (gzip member per record) of another page.
  const fs::path html = corpora / "trafilatura-eval" / "html";
  copy_into(html / "0a12df42d1764095989ab078ee0f940b.html",
            dir / "pages" / "zeit.html");
  write_file(
      dir / "crawl.warc.gz",
      gzip_member(warc_response(
          kBlogUrl,
          read_file(
              (html / "0a3108e507c54157a95fe7a1338f5e9c.html").string()))));
  // A gzipped text dump whose metadata comes from the manifest.
  write_file(dir / "dumps" / "lunch.txt.gz",
             gzip_member(read_file(
                 (corpora / "wikinews-en-2004" / "txt" /
                  "000_President_of_China_lunches_with_Brazilian_President.txt")
                     .string())));
  write_file(root / "manifest.csv",
             "file,outlet,date,url\nlunch.txt.gz,Wikinews,2004-11-13,"
             "https://en.wikinews.org/wiki/"
             "President_of_China_lunches_with_Brazilian_President\n");
  // Damage: a broken JSON line between two good ones, a stray CSV quote,
  // a page without a body, an archive cut inside its record.
  write_file(
      dir / "bad" / "broken.jsonl",
      lines_of(corpora / "wikinewssum-sources" / "sources.jsonl", 4, 4) +
          "{\"title\": \"cut\n" +
          lines_of(corpora / "wikinewssum-sources" / "sources.jsonl", 5, 5));
  write_file(dir / "bad" / "quote.csv",
             "title,text,domain\n\"Stray,\"quote\"here,x.com\n"
             "Kept row,\"A body that is kept.\",kept.example\n");
  write_file(dir / "bad" / "empty.html",
             "<!doctype html><html><head><title>Nothing</title></head>"
             "<body></body></html>");
  std::string cut = warc_response("https://cut.example/", "<p>lost</p>");
  cut.resize(cut.size() - 10);
  write_file(dir / "bad" / "cut.warc", cut);
  return dir;
}

class MixedFormats : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!has_corpora()) return;
    temp_ = new TempDir();
    folder_ = new fs::path(build_mixed_folder(temp_->path()));
    index_ = new std::string(temp_->file("index"));
    run_ = new CommandResult(run_command(
        news_index_path(), {"-d", *index_, "--progress=never", "--manifest",
                            temp_->file("manifest.csv"), folder_->string()}));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete index_;
    delete folder_;
    delete temp_;
    run_ = nullptr;
  }
  void SetUp() override { NEWS_REQUIRE_CORPORA(); }

  static std::string in_folder(const std::string& relative) {
    return (*folder_ / relative).string();
  }

  static json search(std::vector<std::string> args) {
    args.insert(args.begin(), {"-d", *index_, "--format", "json"});
    const CommandResult result = run_command(news_search_path(), args);
    EXPECT_LE(result.exit_code, 1) << result.err;
    return json::parse(result.out);
  }

  static std::map<std::string, int> outlet_facet() {
    const json result = search({"--count", "NOT zzzzqqq"});
    std::map<std::string, int> counts;
    for (const json& entry : result["facets"]["outlet"]) {
      counts[entry["value"].get<std::string>()] = entry["count"].get<int>();
    }
    return counts;
  }

  static TempDir* temp_;
  static fs::path* folder_;
  static std::string* index_;
  static CommandResult* run_;
};

TempDir* MixedFormats::temp_ = nullptr;
fs::path* MixedFormats::folder_ = nullptr;
std::string* MixedFormats::index_ = nullptr;
CommandResult* MixedFormats::run_ = nullptr;

// Count of the first of names present in counts (an outlet named by its
// host until the outlet table names it).
int count_of(const std::map<std::string, int>& counts,
             std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (const auto found = counts.find(name); found != counts.end()) {
      return found->second;
    }
  }
  return 0;
}

TEST_F(MixedFormats, IndexesEveryFormatInOneRunAndSaysRecordsWereSkipped) {
  EXPECT_EQ(run_->exit_code, 1) << run_->err;
  // 3 + 3 + 9 + 10 + 1 + 1 + 1, and 2 from broken.jsonl, 1 from quote.csv.
  EXPECT_NE(run_->err.find("31 articles indexed"), std::string::npos)
      << run_->err;
}

TEST_F(MixedFormats, ReportsEachDamagedRecordWithItsLocation) {
  const std::string& err = run_->err;
  EXPECT_NE(err.find("news-index: " + in_folder("bad/broken.jsonl") +
                     ":2: not valid JSON"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("news-index: " + in_folder("bad/quote.csv") +
                     ":2: unbalanced quote"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("news-index: " + in_folder("bad/empty.html") + ": "),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("news-index: " + in_folder("bad/cut.warc") +
                     ":1: record truncated"),
            std::string::npos)
      << err;
}

TEST_F(MixedFormats, OutletFacetShowsTheOutletsOfEveryFormat) {
  const std::map<std::string, int> counts = outlet_facet();
  std::string shown;
  for (const auto& [name, count] : counts) {
    shown += name + "=" + std::to_string(count) + " ";
  }
  // CSV domain column, manifest, HTML site name, URL hosts.
  // Hosts in the built-in outlet table are shown by their display names.
  EXPECT_EQ(count_of(counts, {"AWM"}), 1) << shown;
  EXPECT_EQ(count_of(counts, {"Before It's News"}), 1) << shown;
  EXPECT_EQ(count_of(counts, {"CNN Next"}), 1) << shown;
  EXPECT_EQ(count_of(counts, {"kept.example"}), 1) << shown;
  EXPECT_EQ(count_of(counts, {"Wikinews"}), 1) << shown;
  EXPECT_EQ(count_of(counts, {"ZEIT ONLINE", "Die Zeit"}), 1) << shown;
  EXPECT_EQ(count_of(counts, {"investmentwatchblog.com", "InvestmentWatch"}), 1)
      << shown;
  EXPECT_EQ(count_of(counts, {"russian.rt.com", "RT"}), 9) << shown;
  EXPECT_EQ(count_of(counts, {"news.bbc.co.uk", "BBC"}), 1) << shown;
  // RIA's records name no outlet and carry no URL.
  EXPECT_EQ(count_of(counts, {"unknown"}), 10) << shown;
}

TEST_F(MixedFormats, ArticlesOfEachFormatCarryTheirMetadata) {
  const json lunch = search(
      {"--fields", "title,outlet,date,url,path", "Granja do Torto barbecue"});
  ASSERT_GE(lunch["hits"].size(), 1u) << lunch.dump();
  const json& hit = lunch["hits"][0];
  EXPECT_EQ(hit["title"],
            "President of China lunches with Brazilian President");
  EXPECT_EQ(hit["outlet"], "Wikinews");
  EXPECT_EQ(hit["date"], "2004-11-13");
  EXPECT_EQ(hit["path"], in_folder("dumps/lunch.txt.gz"));

  const json crawl =
      search({"--fields", "title,date,url", "laundering", "Ukraine"});
  ASSERT_GE(crawl["hits"].size(), 1u) << crawl.dump();
  EXPECT_EQ(crawl["hits"][0]["url"], kBlogUrl);
  // The capture date (2021-05-06) is not a publication date.
  EXPECT_NE(crawl["hits"][0]["date"], "2021-05-06");
}

TEST_F(MixedFormats, ExtractOnlyPrintsWhatWouldBeIndexedWithoutADatabase) {
  const std::string scratch = temp_->file("never-created");
  const CommandResult jsonl = run_command(
      news_index_path(), {"--extract-only", "--format", "jsonl", "--manifest",
                          temp_->file("manifest.csv"), folder_->string()});
  EXPECT_EQ(jsonl.exit_code, 1) << jsonl.err;
  EXPECT_FALSE(fs::exists(scratch));
  std::vector<json> articles;
  std::size_t begin = 0;
  while (begin < jsonl.out.size()) {
    const std::size_t end = jsonl.out.find('\n', begin);
    articles.push_back(json::parse(jsonl.out.substr(begin, end - begin)));
    begin = end + 1;
  }
  ASSERT_EQ(articles.size(), 31u);
  const json* fakenews = nullptr;
  for (const json& article : articles) {
    if (article["source"]["path"] == in_folder("fakenews.csv") &&
        article["source"]["record"] == 2) {
      fakenews = &article;
    }
  }
  ASSERT_NE(fakenews, nullptr);
  EXPECT_EQ((*fakenews)["title"],
            "Church Congregation Brings Gift to Waitresses Working on "
            "Christmas Eve, Has Them Crying (video)");
  EXPECT_EQ((*fakenews)["outlet"], "AWM");
  EXPECT_EQ((*fakenews)["authors"], json::array({"Ruth Harris"}));
  EXPECT_EQ((*fakenews)["date"], nullptr);
  EXPECT_EQ((*fakenews)["facts"]["title"], "record:title");
  EXPECT_EQ((*fakenews)["facts"]["outlet"], "record:domain");
  EXPECT_EQ((*fakenews)["facts"]["date"], "none");
  EXPECT_EQ((*fakenews)["body"].get<std::string>().rfind(
                "Sometimes the power of Christmas", 0),
            0u);

  const CommandResult text = run_command(
      news_index_path(), {"--extract-only", in_folder("pages/zeit.html")});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out.rfind("== " + in_folder("pages/zeit.html") + "\n", 0), 0u)
      << text.out.substr(0, 300);
  EXPECT_NE(text.out.find("title:   Klimaschutz: Bohren, bis es heiß wird  "
                          "[html:og:title]\n"),
            std::string::npos)
      << text.out.substr(0, 600);
  EXPECT_NE(text.out.find("date:    2019-10-19  [html:json-ld:datePublished]"),
            std::string::npos)
      << text.out.substr(0, 600);
}

TEST_F(MixedFormats, BadFieldAndFormatOptionsAreUsageErrors) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"--extract-only", "--field", "colour=red", "x"},
           {"--extract-only", "--format", "xml", "x"},
           {"-d", "idx", "--format", "jsonl", "x"},
           {"--extract-only", "--manifest", "/nonexistent/m.csv", "x"}}) {
    const CommandResult result = run_command(news_index_path(), args);
    EXPECT_EQ(result.exit_code, 2) << args[1] << " " << result.err;
  }
}

}  // namespace
}  // namespace news::testing
