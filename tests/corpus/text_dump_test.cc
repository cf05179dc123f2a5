// Extraction from real scraped dumps: the seed page with its furniture, the
// PTC propaganda corpus and Wikinews.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/article_source.h"
#include "corpus/extract/line_text.h"
#include "corpus/extract/text_dump_extractor.h"
#include "tests/corpus/record_test_util.h"
#include "tests/corpus/recording_sink.h"
#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

namespace fs = std::filesystem;
using news::testing::corpora_dir;
using news::testing::RecordingSink;
using news::testing::TempDir;
using news::testing::write_file;

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The one article of a file read with options (learning skipped).
std::vector<Article> read_one(const fs::path& path, CorpusOptions options,
                              RecordingSink& sink) {
  options.roots = {path.string()};
  ArticleSource source(options);
  const std::vector<InputFile> files = source.list_inputs(sink);
  EXPECT_EQ(files.size(), 1u) << path;
  if (files.empty()) return {};
  return source.read_articles(files.front(), sink);
}

// What "title = first line, body = the rest" means for the headline-blank-
// paragraphs shape: the lines after the title, trimmed, with runs of blank
// lines turned into one paragraph break.
std::string rest_as_body(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);  // title
  std::string body;
  bool pending_break = false;
  while (std::getline(lines, line)) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos) {
      pending_break = !body.empty();
      continue;
    }
    const auto last = line.find_last_not_of(" \t");
    if (!body.empty()) body += pending_break ? "\n\n" : "\n";
    pending_break = false;
    body += line.substr(first, last - first + 1);
  }
  return body;
}

class SeedArticle : public ::testing::Test {
 protected:
  void SetUp() override {
    NEWS_REQUIRE_CORPORA();
    articles_ = read_one(corpora_dir() / "seed" / "000_86c32a640fda023d.txt",
                         CorpusOptions{}, sink_);
    ASSERT_EQ(articles_.size(), 1u) << sink_.dump();
  }
  const Article& article() const { return articles_.front(); }

  RecordingSink sink_;
  std::vector<Article> articles_;
};

TEST_F(SeedArticle, HasTheHeadlineAsTitle) {
  EXPECT_EQ(article().title,
            "ISIS-Defeater Club Expands, But Who Really Defeated The "
            "Caliphate and Why?");
  EXPECT_EQ(article().facts.title_rule, "text:first-substantial-line");
}

TEST_F(SeedArticle, TakesTheOutletFromTheSupportBanner) {
  EXPECT_EQ(article().outlet, "SouthFront");
  EXPECT_EQ(article().facts.outlet_rule, "text:support-banner");
}

TEST_F(SeedArticle, HasNoDateBecauseNoneIsStatedWithAYear) {
  EXPECT_FALSE(article().published.has_value())
      << article().published->to_iso();
  EXPECT_EQ(article().facts.date_rule, "none");
}

TEST_F(SeedArticle, BodyRunsFromFirstToLastParagraph) {
  const std::string& body = article().body;
  EXPECT_TRUE(starts_with(body,
                          "The ISIS-defeater club seems to be expanding, as "
                          "the UK, France and Estonia"))
      << body.substr(0, 200);
  EXPECT_TRUE(ends_with(body,
                        "consolidating the Syrian territory much easier and "
                        "earlier."))
      << body.substr(body.size() > 200 ? body.size() - 200 : 0);
}

TEST_F(SeedArticle, BodyKeepsParagraphsAndTheNumberedList) {
  const std::string& body = article().body;
  EXPECT_NE(body.find("seeking results.\n\nIsrael"), std::string::npos) << body;
  EXPECT_NE(body.find("observations:\n\n1. The actual fight against ISIS"),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("ISIS members.\n2. The Global Coalition"),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("oil business"), std::string::npos);
}

TEST_F(SeedArticle, BodyHasNoPageFurniture) {
  const std::string& body = article().body;
  const char* const kFurniture[] = {
      "Support SouthFront",
      "ILLUSTRATIVE IMAGE",
      "MORE ON THE TOPIC",
      "Subscribe",
      "Notify of",
      "guest",
      "21 Comments",
      "Oldest",
      "Newest Most Voted",
      "Inline Feedbacks",
      "View all comments",
      "3 DAYS LEFT",
      "2,500 $",
      "5,000 $",
      "Would love your thoughts",
      "\n()",
      "\nx",
      "\n21\n",
  };
  for (const char* furniture : kFurniture) {
    EXPECT_EQ(body.find(furniture), std::string::npos)
        << "furniture \"" << furniture << "\" left in the body";
  }
  // The headline (printed twice on the page) is the title, not body text.
  EXPECT_EQ(body.find("ISIS-Defeater Club Expands"), std::string::npos);
}

TEST_F(SeedArticle, HasIdentityLanguageAndSource) {
  const fs::path path = corpora_dir() / "seed" / "000_86c32a640fda023d.txt";
  EXPECT_EQ(article().id, "path:" + fs::canonical(path).string());
  EXPECT_EQ(article().source.path, path.string());
  EXPECT_EQ(article().language, "en");
  EXPECT_TRUE(sink_.errors.empty()) << sink_.dump();
}

TEST(TextDump, OutletFlagOverridesTextEvidence) {
  NEWS_REQUIRE_CORPORA();
  CorpusOptions options;
  options.outlet = "South Front Mirror";
  RecordingSink sink;
  const auto articles = read_one(
      corpora_dir() / "seed" / "000_86c32a640fda023d.txt", options, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_EQ(articles[0].outlet, "South Front Mirror");
  EXPECT_EQ(articles[0].facts.outlet_rule, "flag:--outlet");
}

TEST(TextDump, PtcArticleHasFirstLineAsTitleAndTheRestAsBody) {
  // The scraped page carries one "SPONSORED" label between paragraphs,
  // which is furniture; everything else after the title is the body.
  NEWS_REQUIRE_CORPORA();
  const fs::path path = corpora_dir() / "ptc-propaganda" / "train-articles" /
                        "article111111114.txt";
  RecordingSink sink;
  const auto articles = read_one(path, CorpusOptions{}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  const std::string text = read_file(path);
  EXPECT_EQ(articles[0].title, text.substr(0, text.find('\n')));
  std::string expected_body = rest_as_body(text);
  const auto label = expected_body.find("\n\nSPONSORED");
  ASSERT_NE(label, std::string::npos) << "fixture changed";
  expected_body.erase(label, std::string("\n\nSPONSORED").size());
  EXPECT_EQ(articles[0].body, expected_body);
  EXPECT_EQ(articles[0].outlet, "unknown");
  EXPECT_EQ(articles[0].facts.outlet_rule, "none");
  EXPECT_FALSE(articles[0].published.has_value());
}

TEST(TextDump, AHeadlineWithoutSpacesIsATitle) {
  // Chinese, Japanese and Thai headlines have no spaces between words.
  TempDir dir;
  const struct {
    const char* name;
    std::string title;
    std::string body;
  } dumps[] = {
      {"zh.txt", "\u4e2d\u56fd\u7ecf\u6d4e\u53d1\u5c55\u62a5\u544a\u53d1\u5e03",
       "\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd\u6210\u7acb\u4e03\u5341"
       "\u5e74"
       "\u6765\uff0c\u4eba\u6c11\u751f\u6d3b\u6c34\u5e73\u4e0d\u65ad\u63d0"
       "\u9ad8"
       "\uff0c\u7ecf\u6d4e\u6301\u7eed\u53d1\u5c55\u3002"},
      {"th.txt",
       "\u0e23\u0e31\u0e10\u0e1a\u0e32\u0e25\u0e1b\u0e23\u0e30\u0e01\u0e32"
       "\u0e28",
       "\u0e23\u0e31\u0e10\u0e1a\u0e32\u0e25\u0e1b\u0e23\u0e30\u0e01\u0e32"
       "\u0e28"
       "\u0e41\u0e1c\u0e19\u0e43\u0e2b\u0e21\u0e48 "
       "\u0e27\u0e31\u0e19\u0e19\u0e35\u0e49"
       "\u0e17\u0e35\u0e48\u0e01\u0e23\u0e38\u0e07\u0e40\u0e17\u0e1e\u0e2f"},
  };
  for (const auto& dump : dumps) {
    const fs::path path = dir.path() / dump.name;
    std::ofstream(path) << dump.title << "\n\n" << dump.body << "\n";
    RecordingSink sink;
    const auto articles = read_one(path, CorpusOptions{}, sink);
    ASSERT_EQ(articles.size(), 1u) << dump.name << ": " << sink.dump();
    EXPECT_EQ(articles[0].title, dump.title) << dump.name;
    EXPECT_EQ(articles[0].body, dump.body) << dump.name;
  }
  // A single short word is still no headline.
  const fs::path word = dir.path() / "word.txt";
  std::ofstream(word) << "\u65b0\u95fb\n\n\u4e2d\u534e\u4eba\u6c11\n";
  RecordingSink sink;
  EXPECT_TRUE(read_one(word, CorpusOptions{}, sink).empty());
}

TEST(TextDump, PtcArticleWithByteOrderMarkHasCleanTitle) {
  NEWS_REQUIRE_CORPORA();
  const fs::path path = corpora_dir() / "ptc-propaganda" / "train-articles" /
                        "article705409419.txt";
  RecordingSink sink;
  const auto articles = read_one(path, CorpusOptions{}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  std::string text = read_file(path);
  ASSERT_EQ(text.substr(0, 3), "\xEF\xBB\xBF") << "fixture lost its BOM";
  text.erase(0, 3);
  EXPECT_EQ(articles[0].title, text.substr(0, text.find('\n')));
  EXPECT_EQ(articles[0].title.substr(0, 7), "Vatican");
  EXPECT_EQ(articles[0].body, rest_as_body(text));
}

TEST(TextDump, WikinewsArticleHasFirstLineAsTitleAndParagraphsAsBody) {
  NEWS_REQUIRE_CORPORA();
  const fs::path path =
      corpora_dir() / "wikinews-en-2004" / "txt" /
      "000_President_of_China_lunches_with_Brazilian_President.txt";
  RecordingSink sink;
  const auto articles = read_one(path, CorpusOptions{}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  const std::string text = read_file(path);
  EXPECT_EQ(articles[0].title,
            "President of China lunches with Brazilian President");
  EXPECT_EQ(articles[0].body, rest_as_body(text));
  EXPECT_NE(articles[0].body.find("kinds of meat.\n\nSome Brazilian ministers"),
            std::string::npos);
}

// Wikinews' text dumps keep the page's character references ("Green Belt
// Movement &mdash; a non-governmental organization"): they are decoded, so
// they neither split words nor reach snippets.
TEST(TextDump, WikinewsCharacterReferencesAreDecoded) {
  NEWS_REQUIRE_CORPORA();
  const fs::path path =
      corpora_dir() / "wikinews-en-2004" / "txt" /
      "065_Nobel_Peace_Prize_awarded_to_Kenyan_environmental_activist.txt";
  ASSERT_NE(read_file(path).find("Movement &mdash; a non-governmental"),
            std::string::npos);
  RecordingSink sink;
  const auto articles = read_one(path, CorpusOptions{}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_NE(articles[0].body.find("Green Belt Movement \u2014 a "
                                  "non-governmental organization"),
            std::string::npos)
      << articles[0].body;
  EXPECT_EQ(articles[0].body.find("&mdash;"), std::string::npos);
}

// Every article of a whole corpus folder, after the learning pass.
std::vector<Article> read_corpus(const fs::path& root, RecordingSink& sink,
                                 std::size_t& file_count) {
  CorpusOptions options;
  options.roots = {root.string()};
  ArticleSource source(options);
  const std::vector<InputFile> files = source.list_inputs(sink);
  file_count = files.size();
  source.learn(files, sink);
  std::vector<Article> articles;
  for (const InputFile& file : files) {
    for (Article& article : source.read_articles(file, sink)) {
      articles.push_back(std::move(article));
    }
  }
  return articles;
}

TEST(TextDump, EveryPtcArticleHasTitleAndBody) {
  NEWS_REQUIRE_CORPORA();
  RecordingSink sink;
  std::size_t file_count = 0;
  const auto articles =
      read_corpus(corpora_dir() / "ptc-propaganda", sink, file_count);
  EXPECT_EQ(file_count, 536u);
  EXPECT_EQ(articles.size(), file_count) << sink.dump();
  for (const Article& article : articles) {
    EXPECT_FALSE(article.title.empty()) << article.source.path;
    EXPECT_FALSE(article.body.empty()) << article.source.path;
  }
}

// Taiga's texts keep their headlines in separate metadata tables: read
// without the table (--manifest), a text is an article without a title, not
// a skipped file.
TEST(TextDump, TaigaTextsWithoutAHeadlineLineAreUntitledArticles) {
  NEWS_REQUIRE_CORPORA();
  const fs::path taiga = corpora_dir() / "ru-news-samples" / "taiga";
  for (const char* name :
       {"Arzamas/texts/arzamas_101.txt", "Lenta/texts/20091231boeviks.txt",
        "NPlus1/texts/20160915autonomous.txt",
        "NPlus1/texts/20160915build-em-up.txt"}) {
    RecordingSink sink;
    const auto articles = read_one(taiga / name, CorpusOptions{}, sink);
    ASSERT_EQ(articles.size(), 1u) << name << "\n" << sink.dump();
    EXPECT_TRUE(sink.errors.empty()) << name << "\n" << sink.dump();
    const Article& article = articles[0];
    EXPECT_EQ(article.title, "") << name;
    EXPECT_EQ(article.facts.title_rule, "none") << name;
    std::string text = read_file(taiga / name);
    text = text.substr(text.find_first_not_of(" \n"));
    EXPECT_EQ(article.body.substr(0, 200), text.substr(0, 200)) << name;
    EXPECT_GT(article.body.size() * 10, text.size() * 9) << name;
    EXPECT_EQ(article.language, "ru") << name;
  }
}

// A page whose headline is one word (not title-like), with a dateline
// above paragraphs longer than a headline, and whose first title-like line
// is in the comment widget under the article.
TEST(TextDump, APageWhoseOnlyHeadlineLikeLineIsInTheFooterKeepsItsArticle) {
  TempDir dir;
  const std::string path = dir.file("page.txt");
  const std::string first =
      "Firefighters from three counties spent the night on the ridge above "
      "the reservoir, where the wind turned twice before dawn and pushed the "
      "flames back towards the pine plantations that burned in the summer of "
      "2017, a fire chief said at a briefing in the school gym on Sunday.";
  const std::string second =
      "Residents of the lower valley were told on Sunday morning that they "
      "could return home, although the road over the pass stays closed to "
      "trucks until engineers have checked the two bridges that the heat may "
      "have weakened, and the school will open again on Wednesday.";
  write_file(path,
             "We use cookies to improve your experience on our site. Accept\n\n"
             "Wildfire\n\n"
             "Support The Valley Courier\n\n"
             "March 3, 2021\n\n"
             "By Ann Lee\n\n" +
                 first + "\n\n" + second +
                 "\n\nShare this:\nFacebook\nTwitter\n\nSubscribe\n"
                 "Notify of\nguest\n2 Comments\nOldest\nNewest Most Voted\n\n"
                 "\u00A9 2021 The Valley Courier. All rights reserved.\n");
  RecordingSink sink;
  const auto articles = read_one(path, CorpusOptions{}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  const Article& article = articles[0];
  EXPECT_EQ(article.title, "");
  EXPECT_EQ(article.facts.title_rule, "none");
  EXPECT_EQ(article.body, "Wildfire\n\n" + first + "\n\n" + second);
  ASSERT_TRUE(article.published.has_value());
  EXPECT_EQ(article.published->to_iso(), "2021-03-03");
  EXPECT_EQ(article.facts.date_rule, "text:dateline");
  EXPECT_EQ(article.outlet, "The Valley Courier");
}

// Headlines in a media label's style; a "WATCH:" line in the body labels an
// embed and stays out of it.
TEST(TextDump, PtcHeadlinesStartingWithWatchAreTitles) {
  NEWS_REQUIRE_CORPORA();
  for (const char* name : {"article755393220.txt", "article999000565.txt"}) {
    const fs::path path =
        corpora_dir() / "ptc-propaganda" / "train-articles" / name;
    RecordingSink sink;
    const auto articles = read_one(path, CorpusOptions{}, sink);
    ASSERT_EQ(articles.size(), 1u) << name << "\n" << sink.dump();
    const std::string text = read_file(path);
    const std::string first_line = text.substr(0, text.find('\n'));
    ASSERT_EQ(fold_line(first_line).substr(0, 6), "watch:")
        << "fixture changed";
    EXPECT_EQ(articles[0].title, first_line) << name;
    EXPECT_EQ(articles[0].facts.title_rule, kTitleRule) << name;
    // The body runs from the first paragraph (the page's furniture rules
    // still apply further down).
    const std::string expected = rest_as_body(text);
    const std::string first_paragraph = expected.substr(0, expected.find('\n'));
    EXPECT_EQ(articles[0].body.substr(0, first_paragraph.size()),
              first_paragraph)
        << name;
    EXPECT_GT(articles[0].body.size() * 4, expected.size() * 3) << name;
  }
}

TEST(TextDump, DatelinesAreNotTitlesButHeadlinesWithDatesAre) {
  const std::string paragraph =
      "The council voted on Tuesday to close the old bridge to cars from the "
      "first of June, after engineers found cracks in two of its piers.";
  const std::string embed = "WATCH: The council votes on the bridge";
  struct Case {
    std::string head;
    std::string title;
    std::string date;
  };
  const Case kCases[] = {
      {"Posted on November 22, 2016 by Jane Ellen Doe\n\nBridge to close to "
       "cars",
       "Bridge to close to cars", "2016-11-22"},
      {"Wednesday, 1 February 2017\n\nBridge to close to cars",
       "Bridge to close to cars", "2017-02-01"},
      {"Updated 3 March 2021 10:15 GMT\n\nBridge to close to cars",
       "Bridge to close to cars", "2021-03-03"},
      {"Bridge Closes March 4, 2021\n\nMarch 5, 2021",
       "Bridge Closes March 4, 2021", "2021-03-05"},
      {"WATCH: Bridge to close to cars\n\nMarch 5, 2021",
       "WATCH: Bridge to close to cars", "2021-03-05"},
  };
  for (const Case& test : kCases) {
    TempDir dir;
    const std::string path = dir.file("page.txt");
    write_file(path, test.head + "\n\n" + paragraph + "\n\n" + embed + "\n\n" +
                         paragraph + "\n");
    RecordingSink sink;
    const auto articles = read_one(path, CorpusOptions{}, sink);
    ASSERT_EQ(articles.size(), 1u) << test.head << "\n" << sink.dump();
    EXPECT_EQ(articles[0].title, test.title) << test.head;
    ASSERT_TRUE(articles[0].published.has_value()) << test.head;
    EXPECT_EQ(articles[0].published->to_iso(), test.date) << test.head;
    EXPECT_EQ(articles[0].body, paragraph + "\n\n" + paragraph) << test.head;
  }
}

// Scraped pages often print the headline twice, with a banner between; the
// dateline follows the second copy.
TEST(TextDump, TheDatelineAfterARepeatedHeadlineIsFound) {
  const std::string paragraph =
      "The council voted on Tuesday to close the old bridge to cars from the "
      "first of June, after engineers found cracks in two of its piers.";
  TempDir dir;
  const std::string path = dir.file("page.txt");
  write_file(path,
             "Council votes to close the old bridge to cars from June after "
             "engineers find cracks in two piers\n\n"
             "Support The Valley Courier\n\n"
             "Council votes to close the old bridge to cars from June after "
             "engineers find cracks in two piers\n\n"
             "Thursday, 16 May 2019\n\nBy Ann Lee\n\n" +
                 paragraph + "\n");
  RecordingSink sink;
  const auto articles = read_one(path, CorpusOptions{}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_EQ(articles[0].title,
            "Council votes to close the old bridge to cars from June after "
            "engineers find cracks in two piers");
  ASSERT_TRUE(articles[0].published.has_value());
  EXPECT_EQ(articles[0].published->to_iso(), "2019-05-16");
  EXPECT_EQ(articles[0].body, paragraph);
}

TEST(TextDump, EveryWikinewsArticleHasFirstLineAsTitleAndABody) {
  NEWS_REQUIRE_CORPORA();
  RecordingSink sink;
  std::size_t file_count = 0;
  const auto articles =
      read_corpus(corpora_dir() / "wikinews-en-2004" / "txt", sink, file_count);
  EXPECT_EQ(file_count, 101u);
  EXPECT_EQ(articles.size(), file_count) << sink.dump();
  for (const Article& article : articles) {
    const std::string text = read_file(article.source.path);
    EXPECT_EQ(article.title, text.substr(0, text.find('\n')))
        << article.source.path;
    EXPECT_FALSE(article.body.empty()) << article.source.path;
  }
}

}  // namespace
}  // namespace news::corpus
