// HTML metadata rules: dates as written, site affixes of titles, language
// tags, JSON-LD shapes, and which source wins.
#include <gtest/gtest.h>

#include <string>

#include "corpus/html/dom.h"
#include "corpus/html/metadata.h"

namespace news::corpus::html {
namespace {

TEST(HtmlMetadata, ReadsTheCalendarDayAsWritten) {
  const struct {
    const char* text;
    const char* expected;  // ISO or ""
  } kCases[] = {
      {"2019-10-16T23:30:00-05:00", "2019-10-16"},
      {"2019-10-16T01:30:00+09:00", "2019-10-16"},
      {"2019-10-16", "2019-10-16"},
      {" 2019/10/16 ", "2019-10-16"},
      {"20191016", "2019-10-16"},
      {"20191016T120000Z", "2019-10-16"},
      {"16.10.2019", "2019-10-16"},
      {"Stand: 16.10.2019, 12:00 Uhr", "2019-10-16"},
      {"October 16, 2019", "2019-10-16"},
      {"2019-02-30", ""},
      {"2019-13-01", ""},
      {"yesterday", ""},
      {"2019", ""},
      {"", ""},
  };
  for (const auto& test : kCases) {
    const std::optional<Date> date = parse_page_date(test.text);
    EXPECT_EQ(date ? date->to_iso() : "", test.expected)
        << "text: \"" << test.text << '"';
  }
}

TEST(HtmlMetadata, StripsOnlyAffixesThatNameTheSite) {
  const struct {
    const char* title;
    const char* site_name;
    const char* host;
    const char* expected;
  } kCases[] = {
      {"Headline of the day | The Site", "The Site", "", "Headline of the day"},
      {"Headline of the day - ZEIT ONLINE", "", "zeit.de",
       "Headline of the day"},
      {"Headline of the day — Example.com", "", "example.com",
       "Headline of the day"},
      {"The Site | Headline of the day", "The Site", "", "Headline of the day"},
      {"Headline | Section | The Site", "The Site", "", "Headline | Section"},
      {"Trump - the interview", "The Site", "site.com",
       "Trump - the interview"},
      {"Headline - Part two", "", "", "Headline - Part two"},
      {"The Site", "The Site", "", "The Site"},
  };
  for (const auto& test : kCases) {
    EXPECT_EQ(strip_site_affix(test.title, test.site_name, test.host),
              test.expected)
        << "title: \"" << test.title << '"';
  }
}

TEST(HtmlMetadata, ReducesLanguageTagsToTheirLanguage) {
  const struct {
    const char* tag;
    const char* expected;
  } kCases[] = {
      {"en-US", "en"}, {"de_DE", "de"},   {"DE", "de"},    {" fr ", "fr"},
      {"haw", "haw"},  {"e", ""},         {"1en", ""},     {"english", ""},
      {"", ""},        {"zh-Hant", "zh"}, {"pt-br", "pt"},
  };
  for (const auto& test : kCases) {
    EXPECT_EQ(language_code(test.tag), test.expected)
        << "tag: \"" << test.tag << '"';
  }
}

TEST(HtmlMetadata, ReadsJsonLdGraphsAndAuthorShapes) {
  const Dom dom = Dom::parse(R"(<html lang="en-GB"><head>
<title>Page title - Example News</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "https://example.com/#site", "name": "Example News"},
  {"@type": "Person", "@id": "https://example.com/#jane", "name": "Jane Doe"},
  {"@type": ["NewsArticle"], "headline": "The headline",
   "datePublished": "2021-03-04T23:59:00-08:00",
   "author": [{"@id": "https://example.com/#jane"}, "John Roe",
              {"@type": "Person", "name": "https://example.com/people/x"}],
   "publisher": {"@type": "Organization", "name": "Example Publisher"}}
]}
</script>
<link rel="canonical" href="https://example.com/news/1">
</head><body><h1>The headline on the page</h1><p>Text.</p></body></html>)");
  const HtmlMetadata metadata = extract_metadata(dom);
  EXPECT_EQ(metadata.title, "The headline");
  EXPECT_EQ(metadata.title_rule, "html:json-ld:headline");
  ASSERT_TRUE(metadata.published.has_value());
  EXPECT_EQ(metadata.published->to_iso(), "2021-03-04");
  EXPECT_EQ(metadata.date_rule, "html:json-ld:datePublished");
  EXPECT_EQ(metadata.authors,
            (std::vector<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_EQ(metadata.site_name, "Example Publisher");
  EXPECT_EQ(metadata.canonical_url, "https://example.com/news/1");
  EXPECT_EQ(metadata.language, "en");
}

TEST(HtmlMetadata, FallsBackFromMetaTagsToMarkup) {
  const struct {
    const char* name;
    const char* page;
    const char* title;
    const char* title_rule;
    const char* date;
    const char* date_rule;
    const char* author;
  } kCases[] = {
      {"og and article: meta",
       R"(<meta property="og:title" content="OG headline | Site">
<meta property="og:site_name" content="Site">
<meta property="article:published_time" content="2020-01-02T10:00:00Z">
<meta property="article:author" content="https://facebook.com/someone">
<meta name="author" content="Ann Author"><title>Other</title>)",
       "OG headline", "html:og:title", "2020-01-02",
       "html:meta:article:published_time", "Ann Author"},
      {"time element and rel=author",
       R"(<title>Post title | My Blog</title><body><h1>My Blog</h1>
<time datetime="2018-07-09">July 9</time><a rel="author" href="/a">By Bo Bee</a>)",
       "Post title", "html:title", "2018-07-09", "html:time", "Bo Bee"},
      {"meta name=date and h1",
       R"(<meta name="date" content="2017-05-06"><body><h1>Only h1</h1>)",
       "Only h1", "html:h1", "2017-05-06", "html:meta:date", ""},
      {"date in the URL path, last resort",
       R"(<link rel="canonical" href="https://example.com/2016/03/04/story">
<body><p>Text.</p>)",
       "", "none", "2016-03-04", "html:url", ""},
      {"nothing", R"(<body><p>Text.</p>)", "", "none", "", "none", ""},
  };
  for (const auto& test : kCases) {
    const HtmlMetadata metadata = extract_metadata(Dom::parse(test.page));
    EXPECT_EQ(metadata.title, test.title) << test.name;
    EXPECT_EQ(metadata.title_rule, test.title_rule) << test.name;
    EXPECT_EQ(metadata.published ? metadata.published->to_iso() : "", test.date)
        << test.name;
    EXPECT_EQ(metadata.date_rule, test.date_rule) << test.name;
    EXPECT_EQ(metadata.authors.empty() ? "" : metadata.authors.front(),
              test.author)
        << test.name;
  }
}

}  // namespace
}  // namespace news::corpus::html
