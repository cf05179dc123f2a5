// Record readers (JSON Lines, JSON arrays, CSV, TSV) on the real corpora,
// through ArticleSource as news-index uses them, and on small damaged
// copies of real records.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "corpus/extract/field_mapping.h"
#include "corpus/extract/record_values.h"
#include "corpus/readers/csv_reader.h"
#include "corpus/readers/jsonl_reader.h"
#include "tests/corpus/record_test_util.h"
#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

using testing::find_article;
using testing::gzip_member;
using testing::read_articles;
using testing::read_bytes;
using testing::RecordingSink;
using testing::starts_with;
using testing::TempDir;
using testing::write_file;
namespace fs = std::filesystem;

std::string corpus_file(const std::string& relative) {
  return (testing::corpora_dir() / relative).string();
}

// Lines first..last (1-based, inclusive) of a file, each with its "\n".
std::string lines_of(const std::string& path, std::size_t first,
                     std::size_t last) {
  const std::string text = read_bytes(path);
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

TEST(JsonlReader, ReadsEveryWikinewsSourceWithTitleUrlLanguageAndBody) {
  NEWS_REQUIRE_CORPORA();
  const std::string path = corpus_file("wikinewssum-sources/sources.jsonl");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  EXPECT_EQ(articles.size(), 234u);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();

  const Article* bbc = find_article(articles, path, 3);
  ASSERT_NE(bbc, nullptr);
  EXPECT_EQ(bbc->title, "Brazil backs China on trade bid");
  EXPECT_EQ(bbc->facts.title_rule, "record:title");
  EXPECT_EQ(bbc->url, "http://news.bbc.co.uk/2/low/americas/4008499.stm");
  EXPECT_EQ(bbc->id, bbc->url);
  EXPECT_EQ(bbc->language, "en");
  // No outlet field: the URL's host names it.
  EXPECT_TRUE(starts_with(bbc->facts.outlet_rule, "url:"))
      << bbc->facts.outlet_rule;
  EXPECT_FALSE(bbc->outlet.empty());
  // The headline repeated as the text's first line is not body.
  EXPECT_TRUE(starts_with(bbc->body, "China sees the deal")) << bbc->body;
  EXPECT_FALSE(bbc->published.has_value());

  const Article* yahoo = find_article(articles, path, 1);
  ASSERT_NE(yahoo, nullptr);
  EXPECT_EQ(yahoo->title, "Presidente da China almoça churrasco com Lula");
  EXPECT_EQ(yahoo->language, "pt");
  EXPECT_EQ(yahoo->url, "http://br.news.yahoo.com/041113/25/p0en.html");
}

TEST(JsonlReader, TakesTitlesAndDatesOfWikinewsArticles) {
  NEWS_REQUIRE_CORPORA();
  const std::string path = corpus_file("wikinews-en-2004/articles.jsonl");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  EXPECT_EQ(articles.size(), 101u);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  const Article* first = find_article(articles, path, 1);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->title,
            "President of China lunches with Brazilian President");
  ASSERT_TRUE(first->published.has_value());
  EXPECT_EQ(first->published->to_iso(), "2004-11-13");
  EXPECT_EQ(first->facts.date_rule, "record:date");
  EXPECT_TRUE(starts_with(first->body,
                          "Hu Jintao, the President of the "
                          "People's Republic of China"));
  EXPECT_EQ(first->outlet, "unknown");
  EXPECT_EQ(first->id, "path:" + fs::canonical(path).string() + "#1");
  // "date": null is no date, and no problem either.
  const Article* second = find_article(articles, path, 2);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->title, "Palestinians to elect new president on January 9");
  EXPECT_FALSE(second->published.has_value());
  EXPECT_EQ(second->facts.date_rule, "none");
}

TEST(JsonlReader, SendsHtmlBodiesThroughTheHtmlExtractor) {
  NEWS_REQUIRE_CORPORA();
  const std::string path = corpus_file("ru-news-samples/ria.json");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  EXPECT_EQ(articles.size(), 10u) << sink.dump();
  const Article* first = find_article(articles, path, 1);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->title,
            "большинство детей, которых пытались увезти в сша из гаити, не "
            "сироты");
  EXPECT_TRUE(starts_with(first->body, "москва, 31 янв - риа новости."))
      << first->body.substr(0, 200);
  for (const Article& article : articles) {
    EXPECT_EQ(article.body.find('<'), std::string::npos)
        << article.source.to_string();
  }
}

TEST(CsvReader, ReadsQuotedMultiLineFieldsOfTheFakeNewsCorpus) {
  NEWS_REQUIRE_CORPORA();
  const std::string path = corpus_file("fakenewscorpus-sample/news_sample.csv");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  EXPECT_EQ(articles.size(), 250u);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  // Records are numbered by the line they start on.
  std::vector<std::uint64_t> lines;
  for (const Article& article : articles)
    lines.push_back(article.source.record);
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end()));
  EXPECT_EQ(lines[0], 2u);
  EXPECT_EQ(lines[1], 15u);
  EXPECT_EQ(lines[2], 48u);

  const Article& first = articles[0];
  EXPECT_EQ(first.title,
            "Church Congregation Brings Gift to Waitresses Working on "
            "Christmas Eve, Has Them Crying (video)");
  // The domain column's host, shown by the outlet table's display name.
  EXPECT_EQ(first.outlet, "AWM");
  EXPECT_EQ(first.facts.outlet_rule, "record:domain");
  EXPECT_EQ(first.authors, std::vector<std::string>{"Ruth Harris"});
  EXPECT_EQ(first.url,
            "http://awm.com/church-congregation-brings-gift-to-waitresses-"
            "working-on-christmas-eve-has-them-crying-video/");
  EXPECT_TRUE(starts_with(first.body,
                          "Sometimes the power of Christmas will "
                          "make you do wild and wonderful things."));
  // The quoted field kept its paragraphs.
  EXPECT_NE(first.body.find("\n\nFor many religious people"),
            std::string::npos);
  // scraped_at is when the page was fetched, not published.
  EXPECT_FALSE(first.published.has_value());

  const auto outlets = std::count_if(
      articles.begin(), articles.end(), [](const Article& article) {
        return article.outlet == "Before It's News";
      });
  EXPECT_EQ(outlets, 155);

  // A title the scraper kept with the page's character references.
  const auto deport = std::find_if(
      articles.begin(), articles.end(), [](const Article& article) {
        return article.title.rfind("Teacher Tells Muslim Student", 0) == 0;
      });
  ASSERT_NE(deport, articles.end());
  EXPECT_EQ(deport->title.rfind("Teacher Tells Muslim Student Trump 'Is Going "
                                "To Deport You All'",
                                0),
            0u)
      << deport->title;
}

TEST(CsvReader, ReadsRussianOutletTables) {
  NEWS_REQUIRE_CORPORA();
  const std::string path = corpus_file("ru-news-samples/ods/rt.csv");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  EXPECT_EQ(articles.size(), 9u);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  const Article& first = articles.at(0);
  EXPECT_EQ(first.source.record, 2u);
  EXPECT_EQ(first.title,
            "Эксперт прокомментировал ситуацию с возможным лишением прав за "
            "нечитаемые номера");
  ASSERT_TRUE(first.published.has_value());
  EXPECT_EQ(first.published->to_iso(), "2019-06-26");
  EXPECT_EQ(first.url,
            "https://russian.rt.com/russia/news/644595-avto-ekspert-rossiya");
  EXPECT_TRUE(starts_with(first.body, "Как считает эксперт, россиянам"));
}

TEST(CsvReader, KeepsTheLastRecordOfACutFileAndSaysSo) {
  NEWS_REQUIRE_CORPORA();
  // buriy's samples end inside the quoted text of their only row.
  const std::string path =
      corpus_file("ru-news-samples/buriy/2014/2014-08-ntv.ru.csv");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_EQ(articles[0].url, "http://www.ntv.ru/novosti/1200239/");
  EXPECT_TRUE(starts_with(articles[0].body, "В пятницу российские спортсмены"));
  EXPECT_TRUE(sink.has(path, "the file ends inside a quoted field"))
      << sink.dump();
  EXPECT_EQ(sink.errors.at(0).source()->record, 2u);
}

TEST(CsvReader, ReadsATabSeparatedTableNamedCsv) {
  NEWS_REQUIRE_CORPORA();
  InputFile file;
  file.path = corpus_file("ru-news-samples/taiga/NPlus1/newmetadata.csv");
  file.format = Format::kCsv;
  RecordingSink sink;
  const std::vector<RawDocument> rows = CsvReader().read(file, sink);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  ASSERT_FALSE(rows.empty());
  const RecordField* textid = nullptr;
  for (const RecordField& field : rows[0].fields) {
    if (field.name == "textid") textid = &field;
  }
  ASSERT_NE(textid, nullptr);
  EXPECT_EQ(textid->value, "20160915chewing-stingray");
}

TEST(CsvReader, AMetadataTableIsReportedOnceAsNoArticles) {
  NEWS_REQUIRE_CORPORA();
  const std::string path =
      corpus_file("ru-news-samples/taiga/Lenta/newmetadata.csv");
  RecordingSink sink;
  EXPECT_TRUE(read_articles({path}, sink).empty());
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_TRUE(sink.has(path, "no article text column")) << sink.dump();
}

TEST(JsonlReader, ReportsTheLineOfABrokenRecordAndReadsTheRest) {
  NEWS_REQUIRE_CORPORA();
  const std::string source = corpus_file("wikinewssum-sources/sources.jsonl");
  TempDir dir;
  const std::string path = dir.file("sources.jsonl");
  write_file(path, lines_of(source, 1, 1) + "{\"title\": \"cut here\n" +
                       lines_of(source, 2, 3) + "\n[1, 2]\n");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  ASSERT_EQ(articles.size(), 3u) << sink.dump();
  EXPECT_EQ(articles[0].source.record, 1u);
  EXPECT_EQ(articles[1].source.record, 3u);
  EXPECT_EQ(articles[2].title, "Brazil backs China on trade bid");
  EXPECT_EQ(articles[2].source.record, 4u);
  ASSERT_EQ(sink.errors.size(), 2u) << sink.dump();
  EXPECT_EQ(sink.errors[0].to_string(),
            path +
                ":2: not valid JSON (line 1, column 20: syntax error while "
                "parsing value - invalid string: missing closing quote; "
                "last read: '\"cut here'); record skipped");
  EXPECT_EQ(sink.errors[1].to_string(),
            path + ":6: a JSON array, not an object; record skipped");
}

TEST(JsonlReader, ReadsAJsonArrayElementByElement) {
  NEWS_REQUIRE_CORPORA();
  const std::string source = corpus_file("wikinews-en-2004/articles.jsonl");
  std::string first = lines_of(source, 1, 1);
  std::string third = lines_of(source, 3, 3);
  first.pop_back();
  third.pop_back();
  TempDir dir;
  const std::string path = dir.file("articles.json");
  write_file(path, "[\n  " + first +
                       ",\n  {\"title\": \"broken\" \"text\"},\n  " + third +
                       "\n]\n");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  ASSERT_EQ(articles.size(), 2u) << sink.dump();
  EXPECT_EQ(articles[0].source.record, 1u);
  EXPECT_EQ(articles[0].title,
            "President of China lunches with Brazilian President");
  EXPECT_EQ(articles[1].source.record, 3u);
  EXPECT_EQ(articles[1].title,
            "Brazilian delegation returns from Arafat funeral");
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_EQ(sink.errors[0].source()->record, 2u);
  EXPECT_NE(sink.errors[0].message().find("not valid JSON (line 3)"),
            std::string::npos)
      << sink.dump();
}

TEST(JsonlReader, ReportsTextAfterTheEndOfAnArray) {
  // Found by fuzz_jsonl: a broken element with a stray ']' (here after an
  // extra '}') ended the array there, and the elements after it were
  // dropped unreported.
  TempDir dir;
  InputFile file;
  file.path = dir.file("broken.json");
  file.format = Format::kJsonl;
  write_file(
      file.path,
      "[{\"title\": \"A\"},\n {\"title\": \"B\"}}],\n {\"title\": \"C\"}]\n");
  RecordingSink sink;
  const std::vector<RawDocument> records = JsonlReader().read(file, sink);
  ASSERT_EQ(records.size(), 1u) << sink.dump();
  ASSERT_EQ(sink.errors.size(), 2u) << sink.dump();
  EXPECT_EQ(sink.errors[0].source()->record, 2u) << sink.dump();
  EXPECT_EQ(sink.errors[1].to_string(),
            file.path +
                ": text after the end of the JSON array (line 2); the rest "
                "of the file ignored");

  // An array then records as lines (an export appended to): said too.
  write_file(file.path, "[{\"title\": \"A\"}]\n\n{\"title\": \"B\"}\n");
  RecordingSink appended;
  EXPECT_EQ(JsonlReader().read(file, appended).size(), 1u);
  EXPECT_TRUE(appended.has(file.path,
                           "text after the end of the JSON array "
                           "(line 3)"))
      << appended.dump();

  // White space after the array is fine.
  write_file(file.path, "[{\"title\": \"A\"}]\n\n  \n");
  RecordingSink clean;
  EXPECT_EQ(JsonlReader().read(file, clean).size(), 1u);
  EXPECT_TRUE(clean.errors.empty()) << clean.dump();
}

// A real article's body, long enough to be one.
std::string wikinews_body(std::size_t line) {
  const std::string record =
      lines_of(corpus_file("wikinews-en-2004/articles.jsonl"), line, line);
  const nlohmann::json value = nlohmann::json::parse(record);
  for (const char* name : {"text", "body", "content"}) {
    if (value.contains(name)) return value[name].get<std::string>();
  }
  return {};
}

TEST(JsonlReader, ReadsAPrettyPrintedArticleOnePerFile) {
  NEWS_REQUIRE_CORPORA();
  // The shape news-please and many scrapers save: one indented object per
  // .json file, its members named otherwise (date_publish, source_domain).
  TempDir dir;
  const std::string path = dir.file("story.json");
  nlohmann::ordered_json story = {
      {"title", "President of China lunches with Brazilian President"},
      {"date_publish", "2004-11-12 10:00:00"},
      {"source_domain", "en.wikinews.org"},
      {"authors", {"Jane Doe"}},
      {"url", "https://en.wikinews.org/wiki/lunch"},
      {"maintext", wikinews_body(1)},
      {"language", "en"}};
  write_file(path, story.dump(4) + "\n");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  EXPECT_EQ(articles[0].source.record, 1u);
  EXPECT_EQ(articles[0].title,
            "President of China lunches with Brazilian President");
  ASSERT_TRUE(articles[0].published.has_value());
  EXPECT_EQ(articles[0].published->to_iso(), "2004-11-12");
  EXPECT_EQ(articles[0].authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(articles[0].language, "en");
  EXPECT_GT(articles[0].body.size(), 500u);

  // Several indented objects one after the other: one record each; a
  // broken one costs only itself.
  write_file(path, story.dump(2) + "\n{\n  \"title\": \"broken\" \"x\"\n}\n" +
                       story.dump(2) + "\n");
  RecordingSink several;
  const std::vector<Article> three = read_articles({path}, several);
  ASSERT_EQ(three.size(), 2u) << several.dump();
  EXPECT_EQ(three[0].source.record, 1u);
  EXPECT_EQ(three[1].source.record, 3u);
  ASSERT_EQ(several.errors.size(), 1u) << several.dump();
  EXPECT_EQ(several.errors[0].source()->record, 2u);
  EXPECT_NE(several.errors[0].message().find("not valid JSON (line"),
            std::string::npos)
      << several.dump();
}

TEST(JsonlReader, ReadsTheArticlesAnApiResponseWraps) {
  NEWS_REQUIRE_CORPORA();
  // A news API's response saved as it came, on one line: the articles are
  // inside, with camelCase names and the outlet as an object.
  TempDir dir;
  const std::string path = dir.file("response.json");
  nlohmann::ordered_json response = {
      {"status", "ok"},
      {"totalResults", 2},
      {"articles",
       {{{"source", {{"id", nullptr}, {"name", "Wikinews"}}},
         {"author", "Jane Doe"},
         {"title", "President of China lunches with Brazilian President"},
         {"url", "https://en.wikinews.org/wiki/a"},
         {"publishedAt", "2004-11-12T10:00:00Z"},
         {"content", wikinews_body(1)}},
        {{"source", {{"id", nullptr}, {"name", "Wikinews"}}},
         {"title", "Brazilian delegation returns from Arafat funeral"},
         {"url", "https://en.wikinews.org/wiki/b"},
         {"publishedAt", "2004-11-13T08:30:00Z"},
         {"description", wikinews_body(3)}}}}};
  write_file(path, response.dump() + "\n");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  ASSERT_EQ(articles.size(), 2u) << sink.dump();
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  EXPECT_EQ(articles[0].source.record, 1u);
  EXPECT_EQ(articles[1].source.record, 2u);
  EXPECT_NE(articles[0].id, articles[1].id);
  EXPECT_EQ(articles[0].outlet, "Wikinews");
  ASSERT_TRUE(articles[1].published.has_value());
  EXPECT_EQ(articles[1].published->to_iso(), "2004-11-13");
  EXPECT_EQ(articles[1].title,
            "Brazilian delegation returns from Arafat funeral");
  EXPECT_GT(articles[1].body.size(), 200u);

  // Its pretty-printed form reads the same.
  write_file(path, response.dump(2));
  RecordingSink pretty;
  EXPECT_EQ(read_articles({path}, pretty).size(), 2u) << pretty.dump();

  // An article whose authors are objects is an article, not a wrapper.
  nlohmann::ordered_json article = {
      {"headline", "Brazilian delegation returns from Arafat funeral"},
      {"author", {{{"@type", "Person"}, {"name", "Jane Doe"}}}},
      {"articleBody", "Short."},
      {"text", wikinews_body(3)}};
  write_file(path, article.dump() + "\n");
  RecordingSink single;
  const std::vector<Article> one = read_articles({path}, single);
  ASSERT_EQ(one.size(), 1u) << single.dump();
  EXPECT_EQ(one[0].authors, std::vector<std::string>{"Jane Doe"});
}

TEST(CsvReader, ReportsAnUnbalancedQuoteAndReadsTheRowsAfterIt) {
  NEWS_REQUIRE_CORPORA();
  const std::string source =
      corpus_file("fakenewscorpus-sample/news_sample.csv");
  TempDir dir;
  const std::string path = dir.file("news.csv");
  // Header and first row (lines 1-14), a row with a stray quote, then the
  // next two rows (lines 15-47 and 48-260).
  write_file(path,
             lines_of(source, 1, 14) +
                 "99,1,x.com,fake,http://x.com/,\"Stray quote,,,,,t,,,,,\n" +
                 lines_of(source, 15, 260));
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  ASSERT_EQ(articles.size(), 3u) << sink.dump();
  EXPECT_EQ(articles[0].source.record, 2u);
  EXPECT_EQ(articles[1].source.record, 16u);
  EXPECT_EQ(articles[1].title,
            "AWAKENING OF 12 STRANDS of DNA – “Reconnecting with You” Movie");
  EXPECT_EQ(articles[2].source.record, 49u);
  ASSERT_GE(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].source()->record, 15u) << sink.dump();
  EXPECT_NE(sink.errors[0].message().find("unbalanced quote"),
            std::string::npos)
      << sink.dump();
}

TEST(JsonlReader, ATruncatedGzipKeepsTheRecordsBeforeTheCut) {
  NEWS_REQUIRE_CORPORA();
  const std::string source = corpus_file("wikinewssum-sources/sources.jsonl");
  std::string packed = gzip_member(lines_of(source, 1, 40));
  packed.resize(packed.size() / 2);
  TempDir dir;
  const std::string path = dir.file("sources.jsonl.gz");
  write_file(path, packed);
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  EXPECT_GT(articles.size(), 5u);
  EXPECT_LT(articles.size(), 40u);
  EXPECT_EQ(articles[0].title, "Presidente da China almoça churrasco com Lula");
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_TRUE(sink.has(path, "truncated gzip")) << sink.dump();
  EXPECT_TRUE(sink.has(path, "the records before it were read")) << sink.dump();
}

TEST(CsvReader, ATruncatedGzipGivesOnlyTheRowsBeforeTheCut) {
  // Found by fuzz_csv: the row the cut falls in was read as a whole last
  // row, its text cut short.
  const std::string table = "title,text\nFirst,Body one.\nSecond,Body two.\n";
  const std::string packed = gzip_member(table);
  TempDir dir;
  InputFile file;
  file.path = dir.file("cut.csv.gz");
  file.format = Format::kCsv;
  file.compression = Compression::kGzip;
  // Past the 10-byte gzip header, up to the trailer's last byte.
  for (std::size_t cut = 10; cut < packed.size(); ++cut) {
    write_file(file.path, packed.substr(0, cut));
    RecordingSink sink;
    const std::vector<RawDocument> rows = CsvReader().read(file, sink);
    EXPECT_TRUE(sink.has(file.path, "truncated gzip")) << sink.dump();
    ASSERT_LE(rows.size(), 2u) << "cut at " << cut;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      ASSERT_EQ(rows[i].fields.size(), 2u);
      EXPECT_EQ(rows[i].fields[1].value, i == 0 ? "Body one." : "Body two.")
          << "cut at " << cut;
    }
  }
}

TEST(RecordFields, AnUnparseableDateIsReportedAndTheRecordKept) {
  TempDir dir;
  const std::string path = dir.file("x.jsonl");
  write_file(path,
             "{\"headline\": \"Storm hits coast\", \"body\": \"Winds rose.\", "
             "\"published_at\": \"yesterday\", \"byline\": \"Ann Lee, Bo Chen "
             "and Cy Diaz\", \"site_name\": \"The Coast Times\", \"Language\": "
             "\"en-GB\"}\n");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].title, "Storm hits coast");
  EXPECT_EQ(articles[0].outlet, "The Coast Times");
  EXPECT_EQ(articles[0].facts.outlet_rule, "record:site_name");
  EXPECT_EQ(articles[0].authors,
            (std::vector<std::string>{"Ann Lee", "Bo Chen", "Cy Diaz"}));
  EXPECT_EQ(articles[0].language, "en");
  EXPECT_FALSE(articles[0].published.has_value());
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].to_string(),
            path +
                ":1: field \"published_at\" is not a date (\"yesterday\"); "
                "date left unknown");
}

TEST(RecordFields, FieldOptionNamesTheColumns) {
  TempDir dir;
  const std::string path = dir.file("x.csv");
  write_file(
      path, "story,heading,paper\n\"Rain fell all day.\",Wet day,Daily Post\n");
  CorpusOptions options;
  options.roots = {path};
  for (const char* text : {"body=story", "TITLE=heading", "outlet=Paper"}) {
    Result<FieldOverride> parsed = parse_field_override(text);
    ASSERT_TRUE(parsed.ok()) << text;
    options.field_overrides.push_back(parsed.value());
  }
  RecordingSink sink;
  const std::vector<Article> articles = read_articles(options, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_EQ(articles[0].body, "Rain fell all day.");
  EXPECT_EQ(articles[0].title, "Wet day");
  EXPECT_EQ(articles[0].outlet, "Daily Post");
  EXPECT_EQ(articles[0].facts.outlet_rule, "record:paper");
}

TEST(RecordFields, BadFieldOptionsAreUsageErrors) {
  for (const char* text : {"body", "=text", "body=", "colour=red"}) {
    const Result<FieldOverride> parsed = parse_field_override(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code(), ErrorCode::kUsage) << text;
  }
}

TEST(HtmlReader, APageWithStrayNulBytesIsStillAPage) {
  NEWS_REQUIRE_CORPORA();
  // The saved page holds 22 NUL bytes among 194,619.
  const std::string path =
      corpus_file("trafilatura-eval/html/lostiempos.com-juicio.html");
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_EQ(articles[0].title,
            "Juicio por el caso golpe II entra en la recta final; sentencia "
            "podría dictarse este miércoles");
  EXPECT_EQ(articles[0].source.record, 0u);
}

TEST(HtmlReader, APageWithoutTextIsReportedAndSkipped) {
  TempDir dir;
  const std::string path = dir.file("empty.html");
  write_file(path,
             "<!doctype html><html><head><title>Nothing</title></head>"
             "<body><nav><a href=/>Home</a></nav></body></html>");
  RecordingSink sink;
  EXPECT_TRUE(read_articles({path}, sink).empty());
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_NE(sink.errors[0].message().find("; skipped"), std::string::npos)
      << sink.dump();
  EXPECT_EQ(sink.errors[0].source()->path, path);
}

TEST(RecordValues, ParsesDatesOfRecords) {
  const struct {
    const char* input;
    const char* expected;  // "" = no date
  } cases[] = {
      {"2019-03-23", "2019-03-23"},
      {"2019-06-26 14:00:00", "2019-06-26"},
      {"2019-03-23T23:30:00+03:00", "2019-03-23"},
      {"2019/3/5", "2019-03-05"},
      {"20190323", "2019-03-23"},
      {"Sat, 23 Mar 2019 10:00:00 +0000", "2019-03-23"},
      {"23 Mar 2019 10:00:00 GMT", "2019-03-23"},
      {"1553335200", "2019-03-23"},
      {"1553335200000", "2019-03-23"},
      {"01.01.2007", "2007-01-01"},
      {"March 23, 2019", "2019-03-23"},
      {"yesterday", ""},
      {"2019-02-30", ""},
      {"March 23", ""},
      {"", ""},
      {"12345", ""},
  };
  for (const auto& test : cases) {
    const std::optional<Date> date = parse_record_date(test.input);
    EXPECT_EQ(date ? date->to_iso() : "", test.expected) << test.input;
  }
}

TEST(RecordValues, SplitsAuthorLists) {
  const struct {
    const char* input;
    std::vector<std::string> expected;
  } cases[] = {
      {"Ruth Harris", {"Ruth Harris"}},
      {"A. Smith, B. Jones and C. Brown", {"A. Smith", "B. Jones", "C. Brown"}},
      {"By Jane Doe", {"Jane Doe"}},
      {"Doe, Jane", {"Doe, Jane"}},
      {"Ann Lee\nBo Chen", {"Ann Lee", "Bo Chen"}},
      {"Ann Lee; Ann Lee", {"Ann Lee"}},
      {"", {}},
  };
  for (const auto& test : cases) {
    EXPECT_EQ(split_authors(test.input), test.expected) << test.input;
  }
}

TEST(RecordValues, FindsHostsAndNormalisesUrls) {
  const struct {
    const char* url;
    const char* host;
    const char* normalized;
  } cases[] = {
      {"http://news.bbc.co.uk/2/low/americas/4008499.stm", "news.bbc.co.uk",
       "http://news.bbc.co.uk/2/low/americas/4008499.stm"},
      {"HTTPS://WWW.Example.COM:443/A/B#top", "example.com",
       "https://www.example.com:443/A/B"},
      {"https://web.archive.org/web/20041118233007/http://br.news.yahoo.com/x",
       "br.news.yahoo.com",
       "https://web.archive.org/web/20041118233007/http://br.news.yahoo.com/x"},
      {"not a url", "", "not a url"},
  };
  for (const auto& test : cases) {
    EXPECT_EQ(url_host(test.url), test.host) << test.url;
    EXPECT_EQ(normalize_url(test.url), test.normalized) << test.url;
  }
}

TEST(CsvParser, ParsesRecordsTable) {
  const struct {
    const char* input;
    CsvParse status;
    std::vector<std::string> cells;
    std::size_t line_count;
  } cases[] = {
      {"a,b,c\nnext", CsvParse::kRecord, {"a", "b", "c"}, 1},
      {"a,\"b,1\",c\r\n", CsvParse::kRecord, {"a", "b,1", "c"}, 1},
      {"\"two\nlines\",\"say \"\"hi\"\"\"\n",
       CsvParse::kRecord,
       {"two\nlines", "say \"hi\""},
       2},
      {",,\n", CsvParse::kRecord, {"", "", ""}, 1},
      {"\"open,b\nc,d\n", CsvParse::kUnclosedQuote, {}, 1},
      {"\"a\"b,c\n", CsvParse::kTextAfterQuote, {}, 1},
      {"last", CsvParse::kRecord, {"last"}, 1},
  };
  for (const auto& test : cases) {
    CsvRecord record;
    const CsvParse status = parse_csv_record(test.input, ',', true, record);
    EXPECT_EQ(status, test.status) << test.input;
    if (status == CsvParse::kRecord) {
      EXPECT_EQ(record.cells, test.cells) << test.input;
    }
    EXPECT_EQ(record.line_count, test.line_count) << test.input;
  }
  CsvRecord record;
  EXPECT_EQ(parse_csv_record("a,\"b", ',', false, record), CsvParse::kNeedMore);
  EXPECT_EQ(parse_csv_record("a,b", ',', false, record), CsvParse::kNeedMore);
}

}  // namespace
}  // namespace news::corpus
