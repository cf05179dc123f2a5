// Language detection on real articles from the shared corpora: Russian
// outlets, the multilingual sources cited by Wikinews, web pages in a dozen
// languages, and early English Wikinews.
#include "corpus/extract/language.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The text of an HTML page, roughly: script and style elements and tags
// dropped. Good enough to judge a page's language; not an extractor.
std::string html_text(const std::string& html) {
  std::string text;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      text += html[i++];
      continue;
    }
    for (const char* element : {"script", "style"}) {
      if (html.compare(i + 1, std::strlen(element), element) == 0) {
        const std::size_t close = html.find(std::string("</") + element, i);
        i = close == std::string::npos ? html.size() : close;
      }
    }
    const std::size_t end = html.find('>', i);
    i = end == std::string::npos ? html.size() : end + 1;
    text += ' ';
  }
  return text;
}

struct FileCase {
  const char* relative_path;  // under the shared corpora
  const char* expected_code;
};

TEST(LanguageDetection, RussianOutletsAreRussian) {
  NEWS_REQUIRE_CORPORA();
  const FileCase kCases[] = {
      {"ru-news-samples/taiga/KP/texts/10@2598286.txt", "ru"},
      {"ru-news-samples/taiga/Lenta/texts/20091231boeviks.txt", "ru"},
      {"ru-news-samples/taiga/NPlus1/texts/20160915autonomous.txt", "ru"},
      {"ru-news-samples/taiga/Interfax/texts/business199005.txt", "ru"},
      {"ru-news-samples/taiga/Arzamas/texts/arzamas_101.txt", "ru"},
      {"ru-news-samples/taiga/Fontanka/texts/2007/fontanka_20070101001.txt",
       "ru"},
      {"ru-news-samples/bsnlp-nord-stream/Nord_Stream_2_extra.xml_file_1.txt",
       "ru"},
  };
  for (const FileCase& test : kCases) {
    const std::string text =
        read_whole(testing::corpora_dir() / test.relative_path);
    ASSERT_FALSE(text.empty()) << test.relative_path;
    const LanguageGuess guess = detect_language(text);
    EXPECT_EQ(guess.code, test.expected_code) << test.relative_path;
    EXPECT_TRUE(guess.is_reliable) << test.relative_path;
    EXPECT_GT(guess.confidence, 0.8) << test.relative_path;
  }
}

TEST(LanguageDetection, WikinewsSourcesAreInTheirLanguages) {
  NEWS_REQUIRE_CORPORA();
  struct RecordCase {
    const char* url;
    const char* expected_code;
  };
  const RecordCase kCases[] = {
      {"http://br.news.yahoo.com/041113/25/p0en.html", "pt"},
      {"http://www1.folha.uol.com.br/folha/mundo/ult94u23513.shtml", "pt"},
      {"http://www.nos.nl/nieuws/artikelen/2004/11/16/godslastering", "nl"},
      {"http://derstandard.at/?id=1873924", "de"},
      {"http://spoe.at/www/page_17163.html", "de"},
      {"http://www.dn.se/DNet/jsp/"
       "polopoly.jsp?d=1298&a=354238&previousRenderType=6",
       "sv"},
      {"http://www.afp.com/english/newsml/stories/041229202127", "fr"},
      // Labelled "no" in the corpus, but the article is in English.
      {"http://p2pnet.net/story/3150", "en"},
      // Texts with U+0095 (a cp1252 bullet decoded as Latin-1), which stops
      // CLD2 unless it is removed first.
      {"http://www.miami.com/mld/miamiherald/news/10298240.htm", "en"},
      {"http://www.washingtonpost.com/wp-dyn/articles/A45726-2005Jan3.html",
       "en"},
  };
  std::ifstream in(testing::corpora_dir() / "wikinewssum-sources" /
                   "sources.jsonl");
  ASSERT_TRUE(in) << "wikinewssum-sources/sources.jsonl";
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(in, line);) {
    records.push_back(nlohmann::json::parse(line));
  }
  for (const RecordCase& test : kCases) {
    const auto record =
        std::find_if(records.begin(), records.end(), [&](const auto& r) {
          return r.at("url").template get<std::string>().rfind(test.url, 0) ==
                 0;
        });
    ASSERT_NE(record, records.end()) << test.url;
    const LanguageGuess guess =
        detect_language(record->at("text").get<std::string>());
    EXPECT_EQ(guess.code, test.expected_code) << test.url;
    EXPECT_TRUE(guess.is_reliable) << test.url;
  }
}

TEST(LanguageDetection, WebPagesInManyLanguagesAndScripts) {
  NEWS_REQUIRE_CORPORA();
  const FileCase kCases[] = {
      {"trafilatura-eval/html/tine.no.fotballskole.html", "no"},
      {"trafilatura-eval/html/xinhuanet.com.c_1125597921.html", "zh"},
      {"trafilatura-eval/html/"
       "banyuetan.org.1000200033136171577956287380194268_1.html",
       "zh"},
      {"trafilatura-eval/html/nhk.or.jp.k100.html", "ja"},
      {"trafilatura-eval/html/assabah.com.tn.article.html", "ar"},
      {"trafilatura-eval/html/lastampa.it.temperature.html", "it"},
      {"trafilatura-eval/html/elpais.com.ciencia.html", "es"},
      {"trafilatura-eval/html/ledevoir.com.trottinettes.html", "fr"},
      {"trafilatura-eval/html/spiegel.de.albtraum.html", "de"},
      {"trafilatura-eval/html/"
       "Unijne fundusze coraz bli\u017cej. Sejm zag\u0142osowa\u0142 _za_ - "
       "Polityka - rp.pl.html",
       "pl"},
      {"wikinews-en-2004/txt/"
       "001_Palestinians_to_elect_new_president_on_January_9.txt",
       "en"},
  };
  for (const FileCase& test : kCases) {
    const std::string html =
        read_whole(testing::corpora_dir() / test.relative_path);
    ASSERT_FALSE(html.empty()) << test.relative_path;
    const LanguageGuess guess = detect_language(html_text(html));
    EXPECT_EQ(guess.code, test.expected_code) << test.relative_path;
    EXPECT_TRUE(guess.is_reliable) << test.relative_path;
  }
}

TEST(LanguageDetection, UnreliableTextsFallBackToTheHint) {
  struct HintCase {
    std::string text;
    const char* hint;
    const char* expected_code;
    bool is_reliable;
  };
  const HintCase kCases[] = {
      {"", "", "", false},
      {"", "de", "de", false},
      {"OK", "", "", false},
      {"OK", "pt-BR", "pt", false},
      {"12345 67890", "RU", "ru", false},
      // A clear text wins over a wrong hint.
      {"Die Bundesregierung hat am Montag beschlossen, die Steuern f\u00fcr "
       "kleine und mittlere Unternehmen im kommenden Jahr deutlich zu "
       "senken.",
       "en", "de", true},
      // Ill-formed UTF-8 and C1 controls inside do not stop detection.
      {"\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \xff\xfe "
       "\u0420\u043e\u0441\u0441\u0438\u0438 \u0412\u043b\u0430\u0434\u0438"
       "\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d \u0432\u0441\u0442"
       "\u0440\u0435\u0442\u0438\u043b\u0441\u044f \u0441 \u0436\u0443\u0440"
       "\u043d\u0430\u043b\u0438\u0441\u0442\u0430\u043c\u0438 \u00c2\u0095 "
       "\u043d\u0430\u043a\u0430\u043d\u0443\u043d\u0435 \u0432\u0438\u0437"
       "\u0438\u0442\u0430 \u0432 \u042f\u043f\u043e\u043d\u0438\u044e.",
       "", "ru", true},
      // Traditional Chinese is "zh" too.
      {"\u4e2d\u83ef\u4eba\u6c11\u5171\u548c\u570b\u662f\u4e00\u500b\u570b"
       "\u5bb6\uff0c\u53f0\u7063\u7684\u653f\u5e9c\u5728\u53f0\u5317\u3002",
       "", "zh", true},
  };
  for (const HintCase& test : kCases) {
    const LanguageGuess guess = detect_language(test.text, test.hint);
    EXPECT_EQ(guess.code, test.expected_code)
        << "text: \"" << test.text << "\" hint: " << test.hint;
    EXPECT_EQ(guess.is_reliable, test.is_reliable)
        << "text: \"" << test.text << "\" hint: " << test.hint;
  }
}

}  // namespace
}  // namespace news::corpus
