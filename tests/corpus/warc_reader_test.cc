// WARC files built in the test from real saved pages (trafilatura-eval):
// one article per HTML response, URL from WARC-Target-URI, the capture date
// kept apart from the publication date; plain, multi-member gzip, truncated
// and damaged.
#include "corpus/readers/warc_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/corpus/record_test_util.h"
#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

using testing::gzip_member;
using testing::read_articles;
using testing::read_bytes;
using testing::RecordingSink;
using testing::starts_with;
using testing::TempDir;
using testing::write_file;

constexpr char kZeitUrl[] =
    "https://www.zeit.de/2019/43/"
    "klimaschutz-banken-unternehmen-fracking-oelfoerderung-fossile-brennstoffe";
constexpr char kBlogUrl[] =
    "https://www.investmentwatchblog.com/"
    "biggest-money-laundering-scheme-in-history-uncovered-in-ukraine/";

std::string page(const std::string& name) {
  return read_bytes(testing::corpora_dir() / "trafilatura-eval" / "html" /
                    name);
}

std::string warc_record(const std::string& type, const std::string& uri,
                        const std::string& content_type,
                        const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type +
         "\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) +
         ">\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2020-01-02T03:04:05Z\r\nContent-Type: " +
         content_type + "\r\nContent-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

std::string response(const std::string& uri, const std::string& http) {
  return warc_record("response", uri, "application/http; msgtype=response",
                     http);
}

// The records of a small crawl: warcinfo, a request, the Zeit page, a
// redirect, an image, the blog page (chunked transfer coding).
std::vector<std::string> crawl_records() {
  const std::string zeit = page("0a12df42d1764095989ab078ee0f940b.html");
  const std::string blog = page("0a3108e507c54157a95fe7a1338f5e9c.html");
  std::string chunked;
  for (std::size_t at = 0; at < blog.size(); at += 4096) {
    const std::string chunk = blog.substr(at, 4096);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", chunk.size());
    chunked += std::string(size) + "\r\n" + chunk + "\r\n";
  }
  chunked += "0\r\n\r\n";
  return {
      warc_record("warcinfo", "", "application/warc-fields",
                  "software: news-search test\r\n"),
      warc_record("request", kZeitUrl, "application/http; msgtype=request",
                  "GET / HTTP/1.1\r\nHost: www.zeit.de\r\n\r\n"),
      response(kZeitUrl,
               "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
               "charset=UTF-8\r\n\r\n" +
                   zeit),
      response("http://zeit.de/", "HTTP/1.1 301 Moved\r\nLocation: " +
                                      std::string(kZeitUrl) + "\r\n\r\n"),
      response("https://www.zeit.de/logo.png",
               "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"),
      response(kBlogUrl,
               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
               "Transfer-Encoding: chunked\r\n\r\n" +
                   chunked),
  };
}

std::string joined(const std::vector<std::string>& records) {
  std::string text;
  for (const std::string& record : records) text += record;
  return text;
}

void expect_crawl_articles(const std::vector<Article>& articles,
                           const std::string& path) {
  ASSERT_EQ(articles.size(), 2u);
  const Article& zeit = articles[0];
  EXPECT_EQ(zeit.source.path, path);
  EXPECT_EQ(zeit.source.record, 3u);  // warcinfo and request count
  EXPECT_EQ(zeit.url, kZeitUrl);
  EXPECT_EQ(zeit.id, kZeitUrl);
  EXPECT_EQ(zeit.title, "Klimaschutz: Bohren, bis es heiß wird");
  EXPECT_EQ(zeit.language, "de");
  // The page's own date, never the capture date.
  ASSERT_TRUE(zeit.published.has_value());
  EXPECT_EQ(zeit.published->to_iso(), "2019-10-19");
  ASSERT_TRUE(zeit.crawled.has_value());
  EXPECT_EQ(zeit.crawled->to_iso(), "2020-01-02");
  EXPECT_NE(zeit.body.find("Weltweit finanzieren Banken und Investoren"),
            std::string::npos);

  const Article& blog = articles[1];
  EXPECT_EQ(blog.source.record, 6u);
  EXPECT_EQ(blog.url, kBlogUrl);
  EXPECT_EQ(blog.title,
            "Biggest money laundering scheme in history uncovered in Ukraine");
  EXPECT_EQ(blog.crawled->to_iso(), "2020-01-02");
  EXPECT_NE(blog.published, blog.crawled);
}

TEST(WarcReader, EveryHtmlResponseBecomesAnArticle) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const std::string path = dir.file("crawl.warc");
  write_file(path, joined(crawl_records()));
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  expect_crawl_articles(articles, path);
}

TEST(WarcReader, ReadsOneGzipMemberPerRecord) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const std::string path = dir.file("crawl.warc.gz");
  std::string packed;
  for (const std::string& record : crawl_records()) {
    packed += gzip_member(record);
  }
  write_file(path, packed);
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  expect_crawl_articles(articles, path);
}

TEST(WarcReader, ATruncatedArchiveKeepsTheRecordsBeforeTheCut) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  std::string text = joined(crawl_records());
  text.resize(text.size() - 20000);  // inside the blog page's block
  const std::string path = dir.file("cut.warc");
  write_file(path, text);
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_EQ(articles[0].url, kZeitUrl);
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_EQ(sink.errors[0].source()->record, 6u);
  EXPECT_NE(sink.errors[0].message().find("record truncated (Content-Length"),
            std::string::npos)
      << sink.dump();

  // The same cut inside a gzip member.
  std::string packed;
  for (const std::string& record : crawl_records()) {
    packed += gzip_member(record);
  }
  packed.resize(packed.size() - 5000);
  const std::string packed_path = dir.file("cut.warc.gz");
  write_file(packed_path, packed);
  RecordingSink packed_sink;
  EXPECT_EQ(read_articles({packed_path}, packed_sink).size(), 1u);
  ASSERT_EQ(packed_sink.errors.size(), 1u) << packed_sink.dump();
  EXPECT_TRUE(packed_sink.has(packed_path, "truncated gzip"))
      << packed_sink.dump();
  EXPECT_TRUE(packed_sink.has(packed_path, "in record 6"))
      << packed_sink.dump();
}

TEST(WarcReader, SkipsDamageToTheNextRecord) {
  NEWS_REQUIRE_CORPORA();
  std::vector<std::string> records = crawl_records();
  // A record without Content-Length, then stray bytes between records.
  records.insert(records.begin() + 3,
                 "WARC/1.0\r\nWARC-Type: response\r\n\r\nlost\r\n\r\n");
  records.insert(records.begin() + 5, "garbage that is no record\r\n");
  TempDir dir;
  const std::string path = dir.file("damaged.warc");
  write_file(path, joined(records));
  RecordingSink sink;
  const std::vector<Article> articles = read_articles({path}, sink);
  ASSERT_EQ(articles.size(), 2u) << sink.dump();
  EXPECT_EQ(articles[1].url, kBlogUrl);
  ASSERT_EQ(sink.errors.size(), 2u) << sink.dump();
  EXPECT_EQ(sink.errors[0].to_string(),
            path +
                ":4: WARC record without a valid Content-Length; skipped "
                "to the next record");
  EXPECT_NE(sink.errors[1].message().find("not a WARC record"),
            std::string::npos)
      << sink.dump();
}

TEST(WarcReader, ATruncatedOversizedResponseIsReportedOnce) {
  // Found by fuzz_warc: a response over the block cap and cut short was
  // reported twice (too large, then truncated).
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>A page.</p>";
  std::string text = response("https://example.org/a", http);
  text.resize(text.size() - 10);  // inside the block
  TempDir dir;
  InputFile file;
  file.path = dir.file("cut.warc");
  file.format = Format::kWarc;
  write_file(file.path, text);
  WarcReaderOptions options;
  options.max_block_bytes = 16;
  RecordingSink sink;
  EXPECT_TRUE(WarcReader(options).read(file, sink).empty());
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_TRUE(sink.has(file.path, "record truncated (Content-Length"))
      << sink.dump();

  // Whole, it is reported as too large.
  write_file(file.path, response("https://example.org/a", http));
  RecordingSink whole;
  EXPECT_TRUE(WarcReader(options).read(file, whole).empty());
  ASSERT_EQ(whole.errors.size(), 1u) << whole.dump();
  EXPECT_TRUE(whole.has(file.path, "is larger than the")) << whole.dump();
}

TEST(WarcReader, ATargetUriIsMadeWellFormedUtf8) {
  // Found by fuzz_warc: a Latin-1 byte in WARC-Target-URI went on into the
  // article's URL and id.
  TempDir dir;
  InputFile file;
  file.path = dir.file("latin1.warc");
  file.format = Format::kWarc;
  write_file(file.path, warc_record("resource", "https://example.org/caf\xE9",
                                    "text/html", "<p>A page.</p>"));
  RecordingSink sink;
  const std::vector<RawDocument> pages = WarcReader().read(file, sink);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].target_url, "https://example.org/caf\xEF\xBF\xBD");
}

TEST(HttpResponse, UndoesCodingsAndReadsTheCharset) {
  const Result<HttpResponse> plain = parse_http_response(
      "HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n"
      "\r\n<p>caf\xE9</p>");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain.value().status, 200);
  EXPECT_EQ(plain.value().content_type, "text/html");
  EXPECT_EQ(plain.value().charset, "iso-8859-1");
  EXPECT_EQ(plain.value().body, "<p>caf\xE9</p>");

  const Result<HttpResponse> packed =
      parse_http_response("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" +
                          gzip_member("<p>packed</p>"));
  ASSERT_TRUE(packed.ok());
  EXPECT_EQ(packed.value().body, "<p>packed</p>");

  EXPECT_FALSE(parse_http_response("not http at all").ok());
}

}  // namespace
}  // namespace news::corpus
