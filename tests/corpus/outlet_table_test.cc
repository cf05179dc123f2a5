// The outlet table: hosts and URLs to display names, the built-in entries
// for the outlets of the shared corpora, and a user's file on top.
#include "corpus/extract/outlet_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

struct LookupCase {
  const char* input;
  const char* expected;  // "" for unknown
};

std::string or_empty(const std::optional<std::string>& name) {
  return name ? *name : "";
}

TEST(OutletTable, MapsHostsAndTheirSubdomains) {
  const OutletTable table = OutletTable::built_in();
  const LookupCase kCases[] = {
      {"bbc.co.uk", "BBC"},
      {"news.bbc.co.uk", "BBC"},
      {"www.bbc.com", "BBC"},
      {"rt.com", "RT"},
      {"russian.rt.com", "RT"},
      {"RIA.RU", "RIA Novosti"},
      {"tass.com", "TASS"},
      {"tass.ru.", "TASS"},
      {"meduza.io:443", "Meduza"},
      {"lenta.ru", "Lenta.ru"},
      {"southfront.org", "SouthFront"},
      {"www.reuters.com", "Reuters"},
      {"www.nytimes.com", "The New York Times"},
      {"theguardian.com", "The Guardian"},
      {"edition.cnn.com", "CNN"},
      {"money.cnn.com", "CNN Money"},
      {"www1.folha.uol.com.br", "Folha de S.Paulo"},
      {"www3.nhk.or.jp", "NHK"},
      // Neither the host nor a parent is an outlet.
      {"example.com", ""},
      {"co.uk", ""},
      {"uk", ""},
      {"", ""},
      {"notrt.com", ""},
  };
  for (const LookupCase& test : kCases) {
    EXPECT_EQ(or_empty(table.outlet_for_host(test.input)), test.expected)
        << "host: " << test.input;
  }
}

TEST(OutletTable, ReadsTheHostOfUrls) {
  const OutletTable table = OutletTable::built_in();
  const LookupCase kCases[] = {
      {"https://www.rt.com/news/453436-venezuela/", "RT"},
      {"http://edition.cnn.com/2004/WORLD/", "CNN"},
      {"https://user@WWW.TASS.RU:443/politika/1", "TASS"},
      {"//ria.ru/20190323/x.html", "RIA Novosti"},
      {"www.lenta.ru/news/2019/03/23/x/", "Lenta.ru"},
      {"https://meduza.io?x=1", "Meduza"},
      {"  https://southfront.org/x  ", "SouthFront"},
      // An archived copy names the archived page's outlet.
      {"https://web.archive.org/web/20041118233007/http://br.news.yahoo.com/"
       "041113/25/p0en.html",
       "Yahoo! Notícias"},
      {"https://web.archive.org/web/2005/http://unknown.example/x", ""},
      {"https://example.com/www.bbc.co.uk/", ""},
      {"not a url", ""},
      {"", ""},
      {"mailto:", ""},
  };
  for (const LookupCase& test : kCases) {
    EXPECT_EQ(or_empty(table.outlet_for_url(test.input)), test.expected)
        << "url: " << test.input;
  }
}

TEST(OutletTable, AUsersFileAddsHostsAndWinsOverTheBuiltInTable) {
  testing::TempDir dir;
  const std::string path = dir.file("outlets.csv");
  std::ofstream(path) << "\xEF\xBB\xBF# host,name\n"
                      << "\n"
                      << "rt.com,Russia Today\n"
                      << "https://www.example-news.org/,\"Example, News\"\n"
                      << "local.example\tThe Local Example\r\n"
                      << "  blog.example.net , Example Blog  \n";
  const Result<OutletTable> table = OutletTable::built_in().with_file(path);
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  const LookupCase kCases[] = {
      {"rt.com", "Russia Today"},
      {"russian.rt.com", "Russia Today"},
      {"example-news.org", "Example, News"},
      {"www.local.example", "The Local Example"},
      {"blog.example.net", "Example Blog"},
      {"example.net", ""},
      {"tass.ru", "TASS"},
  };
  for (const LookupCase& test : kCases) {
    EXPECT_EQ(or_empty(table.value().outlet_for_host(test.input)),
              test.expected)
        << "host: " << test.input;
  }
}

TEST(OutletTable, ABadFileIsAnErrorNamingItsLine) {
  testing::TempDir dir;
  const std::string path = dir.file("outlets.tsv");
  std::ofstream(path) << "rt.com\tRT\n# comment\nno separator here\n";
  const Result<OutletTable> table = OutletTable::built_in().with_file(path);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::kUsage);
  EXPECT_NE(table.error().to_string().find("outlets.tsv:3:"), std::string::npos)
      << table.error().to_string();

  const Result<OutletTable> missing =
      OutletTable::built_in().with_file(dir.file("absent.csv"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::kIo);
}

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The rows of an RFC 4180 CSV text (quoted fields may hold commas, quotes
// and newlines).
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool is_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        is_quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      is_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(OutletTable, KnowsEveryOutletOfTheFakeNewsCorpusSample) {
  NEWS_REQUIRE_CORPORA();
  const OutletTable table = OutletTable::built_in();
  const auto rows = csv_rows(read_whole(
      testing::corpora_dir() / "fakenewscorpus-sample" / "news_sample.csv"));
  ASSERT_GT(rows.size(), 100u);
  std::size_t domain_column = 0;
  while (domain_column < rows[0].size() && rows[0][domain_column] != "domain") {
    ++domain_column;
  }
  ASSERT_LT(domain_column, rows[0].size());
  std::set<std::string> domains;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (domain_column < rows[i].size()) domains.insert(rows[i][domain_column]);
  }
  EXPECT_EQ(domains.size(), 29u);
  for (const std::string& domain : domains) {
    EXPECT_TRUE(table.outlet_for_host(domain)) << "domain: " << domain;
  }
  EXPECT_EQ(or_empty(table.outlet_for_host("www.newsmax.com")), "Newsmax");
  EXPECT_EQ(or_empty(table.outlet_for_host("strategic-culture.org")),
            "Strategic Culture Foundation");
}

TEST(OutletTable, KnowsTheRussianOutletsOfTheRuNewsSamples) {
  NEWS_REQUIRE_CORPORA();
  const OutletTable table = OutletTable::built_in();
  // The ODS dumps: the url column of every article.
  const struct {
    const char* file;
    const char* expected;
  } kOds[] = {
      {"gazeta.csv", "Gazeta.ru"}, {"interfax.csv", "Interfax"},
      {"iz.csv", "Izvestia"},      {"meduza.csv", "Meduza"},
      {"ria.csv", "RIA Novosti"},  {"rt.csv", "RT"},
      {"tass-001.csv", "TASS"},
  };
  for (const auto& test : kOds) {
    const auto rows = csv_rows(read_whole(
        testing::corpora_dir() / "ru-news-samples" / "ods" / test.file));
    ASSERT_GT(rows.size(), 1u) << test.file;
    ASSERT_EQ(rows[0][1], "url") << test.file;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      EXPECT_EQ(or_empty(table.outlet_for_url(rows[i][1])), test.expected)
          << test.file << ": " << rows[i][1];
    }
  }
  // buriy's files are named for their outlet's host.
  const std::set<std::string> kNotNews = {"archive.is", "joomla.org",
                                          "kulichki.net", "olx.ba", "rzd.ru"};
  std::size_t known = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           testing::corpora_dir() / "ru-news-samples" / "buriy")) {
    if (entry.path().extension() != ".csv") continue;
    // "2014-08-ntv.ru.csv" -> "ntv.ru"
    const std::string stem = entry.path().stem().string();
    const std::string host = stem.substr(stem.find('-', 5) + 1);
    if (kNotNews.count(host) != 0) continue;
    EXPECT_TRUE(table.outlet_for_host(host)) << "host: " << host;
    ++known;
  }
  EXPECT_GT(known, 20u);
}

TEST(OutletTable, NamesTheOutletsOfWikinewsSources) {
  NEWS_REQUIRE_CORPORA();
  const OutletTable table = OutletTable::built_in();
  const LookupCase kCases[] = {
      {"news.bbc.co.uk", "BBC"},
      {"edition.cnn.com", "CNN"},
      {"www.nytimes.com", "The New York Times"},
      {"www.washingtonpost.com", "The Washington Post"},
      {"www.reuters.com", "Reuters"},
      {"www.guardian.co.uk", "The Guardian"},
      {"football.guardian.co.uk", "The Guardian"},
      {"news.independent.co.uk", "The Independent"},
      {"derstandard.at", "Der Standard"},
      {"www.heise.de", "heise online"},
      {"www.nos.nl", "NOS"},
      {"www.dn.se", "Dagens Nyheter"},
      {"www.estadao.com.br", "O Estado de S. Paulo"},
      {"ultimahora.publico.pt", "Público"},
      {"news.xinhuanet.com", "Xinhua"},
      {"www.chinadaily.com.cn", "China Daily"},
  };
  std::set<std::string> hosts;
  std::ifstream in(testing::corpora_dir() / "wikinewssum-sources" /
                   "sources.jsonl");
  for (std::string line; std::getline(in, line);) {
    const std::size_t key = line.find("\"outlet_host\": \"");
    if (key == std::string::npos) continue;
    const std::size_t begin = key + 16;
    hosts.insert(line.substr(begin, line.find('"', begin) - begin));
  }
  ASSERT_GT(hosts.size(), 100u);
  for (const LookupCase& test : kCases) {
    EXPECT_EQ(hosts.count(test.input), 1u)
        << "not in the corpus: " << test.input;
    EXPECT_EQ(or_empty(table.outlet_for_host(test.input)), test.expected)
        << "host: " << test.input;
  }
}

}  // namespace
}  // namespace news::corpus
