// Generic boilerplate line rules, and boilerplate learned from a corpus.
#include "corpus/extract/boilerplate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "corpus/article_source.h"
#include "corpus/extract/line_text.h"
#include "tests/corpus/recording_sink.h"
#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

using news::testing::corpora_dir;
using news::testing::RecordingSink;
using news::testing::TempDir;

struct LineCase {
  const char* line;
  LineKind expected;
};

TEST(BoilerplateRules, ClassifyFurnitureAndKeepContent) {
  const LineCase kCases[] = {
      // Lines without words.
      {"21", LineKind::kNoLetters},
      {"0", LineKind::kNoLetters},
      {"()", LineKind::kNoLetters},
      {"x", LineKind::kNoLetters},
      {"2,500 $", LineKind::kNoLetters},
      {"$5,000", LineKind::kNoLetters},
      {"* * *", LineKind::kNoLetters},
      // Donation counters and banners.
      {"3 DAYS LEFT UNTIL THE END OF NOVEMBER", LineKind::kDonationCounter},
      {"$12,340 raised of $50,000 goal", LineKind::kDonationCounter},
      {"Support SouthFront", LineKind::kBanner},
      {"Support The Guardian", LineKind::kBanner},
      {"Donate", LineKind::kBanner},
      {"Donate now!", LineKind::kBanner},
      {"Sign up for our daily newsletter", LineKind::kBanner},
      {"Get Ground Game in your inbox: Daily updates", LineKind::kBanner},
      // Comment widgets.
      {"Subscribe", LineKind::kCommentWidget},
      {"Notify of", LineKind::kCommentWidget},
      {"guest", LineKind::kCommentWidget},
      {"21 Comments", LineKind::kCommentWidget},
      {"1 Comment", LineKind::kCommentWidget},
      {"Comments (4)", LineKind::kCommentWidget},
      {"Oldest", LineKind::kCommentWidget},
      {"Newest Most Voted", LineKind::kCommentWidget},
      {"Inline Feedbacks", LineKind::kCommentWidget},
      {"View all comments", LineKind::kCommentWidget},
      {"Leave a comment", LineKind::kCommentWidget},
      {"Leave a Reply", LineKind::kCommentWidget},
      {"Your email address will not be published. Required fields are "
       "marked *",
       LineKind::kCommentWidget},
      {"Login", LineKind::kCommentWidget},
      {"Would love your thoughts, please comment.x", LineKind::kCommentWidget},
      // Share bars.
      {"Share", LineKind::kShareBar},
      {"Tweet", LineKind::kShareBar},
      {"Share on Facebook", LineKind::kShareBar},
      {"Email", LineKind::kShareBar},
      {"Print", LineKind::kShareBar},
      {"WhatsApp", LineKind::kShareBar},
      {"Share Tweet Email Print", LineKind::kShareBar},
      // Related blocks.
      {"MORE ON THE TOPIC:", LineKind::kRelatedMarker},
      {"Related:", LineKind::kRelatedMarker},
      {"You may also like", LineKind::kRelatedMarker},
      {"Read more", LineKind::kRelatedMarker},
      {"Read more: Why the caliphate fell", LineKind::kRelatedLink},
      {"Related: Russia tackles oil convoys", LineKind::kRelatedLink},
      // Cookie banners.
      {"We use cookies to improve your experience. By continuing to browse "
       "you agree.",
       LineKind::kCookieBanner},
      {"Accept all cookies", LineKind::kCookieBanner},
      // Captions.
      {"ILLUSTRATIVE IMAGE", LineKind::kCaption},
      {"Photo: Reuters", LineKind::kCaption},
      {"Image: SANA", LineKind::kCaption},
      {"(Photo by John Moore/Getty Images)", LineKind::kCaption},
      {"Getty Images", LineKind::kCaption},
      {"Credit: AP", LineKind::kCaption},
      {"Soldiers in Raqqa. (AFP Photo/Delil Souleiman)", LineKind::kCaption},
      // Navigation, copyright.
      {"Advertisement", LineKind::kNavigation},
      {"Tags: Syria, ISIS", LineKind::kNavigation},
      {"Skip to content", LineKind::kNavigation},
      {"Home | Sports | World | Science | Middle East | Video",
       LineKind::kNavigation},
      {"News \u2022 Politics \u2022 Elections", LineKind::kNavigation},
      {"Home|World|Business", LineKind::kNavigation},
      {"© 2019 SouthFront", LineKind::kCopyright},
      {"Copyright 2019 Example News. All rights reserved.",
       LineKind::kCopyright},
      // Content, including lines that share words with furniture.
      {"ISIS-Defeater Club Expands, But Who Really Defeated The Caliphate "
       "and Why?",
       LineKind::kContent},
      {"This is substantiated by two observations:", LineKind::kContent},
      {"  1. The actual fight against ISIS began just a few months after "
       "Russia began its operation.",
       LineKind::kContent},
      {"Support for the bill grew in March.", LineKind::kContent},
      {"Support grows for the reform", LineKind::kContent},
      {"The photo by the river was taken in 2016.", LineKind::kContent},
      {"Share prices fell sharply on Monday after the announcement.",
       LineKind::kContent},
      {"Perhaps.", LineKind::kContent},
      // Pipes in headlines: two items, or an item of more words than a menu.
      {"Trump wins the vote | The Courier", LineKind::kContent},
      {"Live | Why the bridge must close | Day 3", LineKind::kContent},
      {"Votes | 12 | 15", LineKind::kContent},
      {"Patel is 32.", LineKind::kContent},
      {"Donated blood saves lives", LineKind::kContent},
      {"SouthFront", LineKind::kContent},  // only furniture once the outlet
                                           // is known (extractor rule)
  };
  for (const LineCase& test : kCases) {
    EXPECT_STREQ(line_kind_name(classify_line(test.line)),
                 line_kind_name(test.expected))
        << "line: \"" << test.line << '"';
  }
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// A small article page of a made-up outlet, with its recurring furniture
// around one of five different stories.
std::string page(int number) {
  const char* const kStories[][3] = {
      {"Council votes on the harbour budget after a long debate",
       "The city council approved the harbour budget on Tuesday after a "
       "debate that lasted most of the night.",
       "Members said the plan would fund schools and roads."},
      {"Storm closes mountain passes for a second day",
       "Heavy snow kept the northern passes closed as crews worked to clear "
       "drifts higher than their trucks.",
       "Drivers were told to wait in the valley towns."},
      {"Local team wins the regional chess final",
       "Four students from the river school won the regional final after a "
       "tense last game against the champions.",
       "They will travel to the national final in May."},
      {"Library reopens after two years of repairs",
       "The old library opened its doors again with a new roof, a lift and "
       "a reading room for children.",
       "Visitors queued before the doors opened at nine."},
      {"Ferry service to the islands resumes in spring",
       "The island ferry will sail again from April after the operator "
       "found a second boat for the route.",
       "Tickets go on sale next week."},
  };
  const auto& story = kStories[(number - 1) % 5];
  return std::string(
             "Breaking Nowhere Network\n"
             "Home | World | Politics | Economy\n"
             "\n") +
         story[0] + "\n\n" + story[1] + "\n\n" + story[2] +
         "\n\n"
         "Become a Nowhere insider today and never miss a story.\n"
         "Nowhere Network is reader funded since 1999.\n";
}

// The story title page(n) was written with, from a "pageN.txt" path.
std::string page_title(const std::string& path) {
  const int number = path[path.size() - 5] - '0';
  const std::string text = page(number);
  const auto begin = text.find("\n\n") + 2;
  return text.substr(begin, text.find('\n', begin) - begin);
}

// The articles of every file under root after learning with `threads`.
std::vector<Article> learned_articles(const std::string& root,
                                      unsigned threads) {
  CorpusOptions options;
  options.roots = {root};
  ArticleSource source(options);
  RecordingSink sink;
  const std::vector<InputFile> files = source.list_inputs(sink);
  source.learn(files, sink, threads);
  std::vector<Article> articles;
  for (const InputFile& file : files) {
    for (Article& article : source.read_articles(file, sink)) {
      articles.push_back(std::move(article));
    }
  }
  return articles;
}

// classify_line's shortcut for prose (no folding over 40 words unless the
// line may speak of cookies) answers as the full rules do.
TEST(BoilerplateRules, ProseShortcutAgreesWithTheFullRules) {
  const std::string prose =
      "The committee met on Tuesday and agreed, after a long debate about "
      "the budget, the schedule and the many objections raised by members "
      "of the public who had written in, to postpone the vote until the "
      "next session in the spring, when the new figures will be known to "
      "everyone involved.";
  const std::vector<std::string> lines = {
      prose,
      // Long cookie banners, in any case, and with a KELVIN SIGN for the
      // "k", which case folding turns into ASCII.
      "We use cookies to give you the best experience on our website, to "
      "analyse our traffic and to show you personalised content and ads; by "
      "continuing to use the site you accept the use of cookies as set out "
      "in our policy, which you can read at any time from the link below.",
      "WE USE COOKIES to give you the best experience on our website, to "
      "analyse our traffic and to show you personalised content and ads; by "
      "continuing to use the site you accept that, as set out in the policy "
      "that you can read at any time from the link at the foot of the page.",
      "We use coo\xE2\x84\xAAies to give you the best experience on our "
      "website, to analyse our traffic and to show you personalised content "
      "and ads; by continuing to use the site you accept that, as set out in "
      "our policy, which you can read at any time from the link below.",
      "Cookie-free: " + prose,
  };
  std::size_t banners = 0;
  for (const std::string& line : lines) {
    EXPECT_EQ(classify_line(line), classify_line_in_full(line)) << line;
    banners += classify_line(line) == LineKind::kCookieBanner ? 1 : 0;
  }
  EXPECT_EQ(banners, 3u);
  EXPECT_EQ(classify_line(prose), LineKind::kContent);

  NEWS_REQUIRE_CORPORA();
  std::size_t checked = 0;
  std::size_t long_lines = 0;
  for (const auto& file :
       ::news::testing::read_files_under(corpora_dir(), 12u << 20)) {
    for (const std::string_view line : split_lines(file.text)) {
      ASSERT_EQ(classify_line(line), classify_line_in_full(line))
          << file.path << ": " << line;
      ++checked;
      long_lines += count_words(line) > kMaxFurnitureWords ? 1 : 0;
    }
  }
  EXPECT_GT(checked, 50'000u);
  EXPECT_GT(long_lines, 2'000u);
}

TEST(LearnedBoilerplate, LearningInThreadsGivesWhatOneThreadGives) {
  NEWS_REQUIRE_CORPORA();
  // More files than one block of digests (1,024): the real articles three
  // times over, in three folders (three groups).
  TempDir dir;
  const std::filesystem::path from =
      corpora_dir() / "ptc-propaganda" / "train-articles";
  for (const char* folder : {"a", "b", "c"}) {
    std::filesystem::create_directories(dir.path() / folder);
    for (const auto& entry : std::filesystem::directory_iterator(from)) {
      std::filesystem::copy_file(entry.path(),
                                 dir.path() / folder / entry.path().filename());
    }
  }
  const std::vector<Article> one = learned_articles(dir.path().string(), 1);
  const std::vector<Article> three = learned_articles(dir.path().string(), 3);
  ASSERT_EQ(one.size(), three.size());
  ASSERT_GT(one.size(), 1024u);
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].title, three[i].title) << one[i].source.path;
    EXPECT_EQ(one[i].body, three[i].body) << one[i].source.path;
  }
}

TEST(LearnedBoilerplate, RemovesLinesRecurringAcrossAFolder) {
  TempDir dir;
  // Long furniture lines (more than 8 words) need five files.
  for (int i = 1; i <= 5; ++i) {
    write_file(dir.file("page" + std::to_string(i) + ".txt"), page(i));
  }
  CorpusOptions options;
  options.roots = {dir.path().string()};
  ArticleSource source(options);
  RecordingSink sink;
  const std::vector<InputFile> files = source.list_inputs(sink);
  ASSERT_EQ(files.size(), 5u) << sink.dump();
  source.learn(files, sink);
  for (const InputFile& file : files) {
    const auto articles = source.read_articles(file, sink);
    ASSERT_EQ(articles.size(), 1u) << sink.dump();
    const Article& article = articles[0];
    EXPECT_EQ(article.title, page_title(file.path)) << file.path;
    EXPECT_EQ(article.body.find("Breaking Nowhere"), std::string::npos)
        << article.body;
    EXPECT_EQ(article.body.find("Home | World"), std::string::npos)
        << article.body;
    EXPECT_EQ(article.body.find("Nowhere insider"), std::string::npos)
        << article.body;
    EXPECT_EQ(article.body.find("reader funded"), std::string::npos)
        << article.body;
    EXPECT_FALSE(article.body.empty());
  }
}

TEST(LearnedBoilerplate, WithoutLearningOnlyGenericRulesApply) {
  TempDir dir;
  write_file(dir.file("page1.txt"), page(1));
  CorpusOptions options;
  options.roots = {dir.path().string()};
  ArticleSource source(options);
  RecordingSink sink;
  const auto files = source.list_inputs(sink);
  ASSERT_EQ(files.size(), 1u);
  const auto articles = source.read_articles(files[0], sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  // Nothing says "Breaking Nowhere Network" is furniture: it is the title,
  // and the sign-off sentences stay in the body.
  EXPECT_EQ(articles[0].title, "Breaking Nowhere Network");
  EXPECT_NE(articles[0].body.find("reader funded"), std::string::npos);
}

TEST(LearnedBoilerplate, KeepsSentencesOfDuplicatedArticles) {
  TempDir dir;
  const std::string article =
      "Same story everywhere\n\nA sentence that every copy of the story "
      "shares word for word.\n\nAnother shared sentence of the story.\n";
  for (int i = 1; i <= 4; ++i) {
    write_file(dir.file("copy" + std::to_string(i) + ".txt"), article);
  }
  CorpusOptions options;
  options.roots = {dir.path().string()};
  ArticleSource source(options);
  RecordingSink sink;
  const auto files = source.list_inputs(sink);
  source.learn(files, sink);
  for (const InputFile& file : files) {
    const auto articles = source.read_articles(file, sink);
    ASSERT_EQ(articles.size(), 1u) << sink.dump();
    EXPECT_EQ(articles[0].title, "Same story everywhere");
    EXPECT_NE(articles[0].body.find("Another shared sentence"),
              std::string::npos);
  }
}

TEST(BoilerplateLearner, NeedsThreeFilesAndAShareOfTheGroup) {
  const auto file = [](std::string_view story) {
    return std::vector<std::string_view>{"Nowhere Network menu", story};
  };
  BoilerplateLearner learner;
  learner.add_file(1, file("First story"));
  learner.add_file(1, file("Second story"));
  learner.add_file(1, file("Second story"));  // the same page again
  EXPECT_EQ(learner.finish().size(), 0u) << "two distinct files are not enough";
  learner.add_file(1, file("Third story"));
  const auto hash = learnable_line_hash("NOWHERE   network MENU");
  ASSERT_TRUE(hash.has_value());
  const LearnedBoilerplate learned = learner.finish();
  ASSERT_NE(learned.lines_for(1), nullptr);
  EXPECT_EQ(learned.lines_for(1)->count(*hash), 1u);
  EXPECT_EQ(learned.lines_for(1)->count(*learnable_line_hash("Second story")),
            0u);
  EXPECT_EQ(learned.lines_for(2), nullptr) << "groups are separate";
  // In a big group, three files are below the 5% share.
  const std::vector<std::string_view> other = {"Some other line"};
  for (int i = 0; i < 100; ++i) {
    const std::string unique = std::string("Other story ") +
                               static_cast<char>('a' + i % 26) +
                               static_cast<char>('a' + i / 26);
    learner.add_file(1, {unique});
  }
  const LearnedBoilerplate diluted = learner.finish();
  EXPECT_TRUE(diluted.lines_for(1) == nullptr ||
              diluted.lines_for(1)->count(*hash) == 0);
}

TEST(BoilerplateLearner, StaysBoundedAndKeepsRecurringLines) {
  LearnOptions options;
  options.max_counted_lines = 50;
  BoilerplateLearner learner(options);
  const std::vector<std::string_view> furniture = {"Recurring furniture line"};
  for (int i = 0; i < 200; ++i) {
    // Digits fold alike, so make each line unique with letters.
    const std::string unique = std::string("Unique line ") +
                               static_cast<char>('a' + i % 26) +
                               static_cast<char>('a' + i / 26);
    learner.add_file(7, {unique, furniture[0]});
  }
  const auto learned = learner.finish();
  ASSERT_NE(learned.lines_for(7), nullptr);
  EXPECT_EQ(learned.lines_for(7)->count(*learnable_line_hash(furniture[0])),
            1u);
}

}  // namespace
}  // namespace news::corpus
