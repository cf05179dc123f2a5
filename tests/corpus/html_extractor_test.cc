// The HTML extractor on real pages of trafilatura's evaluation set: which
// title, date, authors, language and site a user sees, where the article
// text starts and ends, and that page furniture stays out.
#include "corpus/html/html_extractor.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

std::string read_page(const std::string& name) {
  const auto path = testing::corpora_dir() / "trafilatura-eval" / "html" / name;
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct PageCase {
  const char* file;
  const char* title;
  const char* title_rule;
  const char* date;  // ISO, "" for none
  const char* first_author;
  const char* language;
  const char* site_name;
  const char* body_start;
  const char* body_end;
  const char* body_excludes;  // boilerplate of the page
};

TEST(HtmlExtractor, ReadsMetadataAndArticleTextOfRealPages) {
  NEWS_REQUIRE_CORPORA();
  const PageCase kCases[] = {
      {"bbc.com.52241221.html",
       "New York ramps up mass burials amid virus outbreak", "html:og:title",
       "2020-04-10", "BBC News", "en", "BBC News",
       "Images have emerged of coffins being buried in a mass grave in New "
       "York City",
       "68%of coronavirus deaths in Chicago were African American",
       "Share this with"},
      {"0a12df42d1764095989ab078ee0f940b.html",  // zeit.de
       "Klimaschutz: Bohren, bis es heiß wird", "html:og:title", "2019-10-19",
       "Heike Buchter", "de", "ZEIT ONLINE", "KlimaschutzBohren, bis es heiß",
       "", "Cookies & Tracking"},
      {"elpais.com.ciencia.html",
       "¿Ha llegado realmente la Antártida a los 20 grados?", "html:og:title",
       "2020-02-19", "Nuño Domínguez", "es", "EL PAÍS",
       "Que en la Antártida se registren temperaturas de más de 20 grados",
       "suscribirse aquí a nuestra newsletter.", "Más información"},
      {"cbsnews.com.carolina.html",
       "Black voters in South Carolina are crucial for Democratic candidates",
       "html:og:title", "2020-02-24", "CBS News", "en", "CBS News",
       "The stakes are high for all of the candidates ahead of Tuesday's",
       "\"Yeah. So that's important. I need to know,\" Chisholm said.",
       "Copyright"},
      {"theverge.com.ios13.html",
       "iOS 13 will fix the FaceTime eye contact problem", "html:og:title",
       "2019-07-03", "Jon Porter", "", "The Verge", "",
       "Update July 3rd, 8:05AM ET: Added ARKit explanation and tweet.",
       "Most Popular"},
  };
  for (const PageCase& page : kCases) {
    SCOPED_TRACE(page.file);
    const Result<HtmlExtraction> result =
        extract_html(read_page(page.file), "");
    ASSERT_TRUE(result.ok()) << result.error().to_string();
    const HtmlMetadata& metadata = result.value().metadata;
    const std::string& body = result.value().body;
    EXPECT_EQ(metadata.title, page.title);
    EXPECT_EQ(metadata.title_rule, page.title_rule);
    EXPECT_EQ(metadata.published ? metadata.published->to_iso() : "",
              page.date);
    ASSERT_FALSE(metadata.authors.empty());
    EXPECT_EQ(metadata.authors.front(), page.first_author);
    EXPECT_EQ(metadata.language, page.language);
    EXPECT_EQ(metadata.site_name, page.site_name);
    EXPECT_TRUE(starts_with(body, page.body_start)) << body.substr(0, 200);
    EXPECT_TRUE(ends_with(body, page.body_end))
        << body.substr(body.size() - std::min<std::size_t>(body.size(), 200));
    EXPECT_EQ(body.find(page.body_excludes), std::string::npos);
    EXPECT_EQ(body.find("\n\n\n"), std::string::npos);
  }
}

TEST(HtmlExtractor, GivesTheCanonicalUrlAndTheRuleOfTheDate) {
  NEWS_REQUIRE_CORPORA();
  const Result<HtmlExtraction> result =
      extract_html(read_page("bbc.com.52241221.html"), "");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().metadata.canonical_url,
            "https://www.bbc.com/news/world-us-canada-52241221");
  EXPECT_EQ(result.value().metadata.date_rule, "html:json-ld:datePublished");
}

TEST(HtmlExtractor, DecodesALatin1PageByItsMetaCharset) {
  NEWS_REQUIRE_CORPORA();
  // nachrichten.at, <meta charset=iso-8859-1>, bytes in ISO-8859-1.
  const Result<HtmlExtraction> result =
      extract_html(read_page("0b96fc66e2c94f45a1b923ec9a31fcf2.html"), "");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().metadata.title,
            "Was bringen \"alternative\" Therapien bei Krebs?");
  EXPECT_TRUE(starts_with(result.value().body,
                          "Scharlatanerie oder berechtigte Hoffnung? "
                          "Krebspatienten bedienen sich oft "
                          "komplementärmedizinischer Methoden."));
}

TEST(HtmlExtractor, ReadsAUtf8PageWithAByteOrderMark) {
  NEWS_REQUIRE_CORPORA();
  const Result<HtmlExtraction> result =
      extract_html(read_page("Osthessen-news.de-Buergermeisterwahl.html"), "");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(
      result.value().metadata.title,
      "Claudia Brandes und ihr links-grünes Bündnis müssen jetzt liefern");
  EXPECT_EQ(result.value().metadata.published->to_iso(), "2023-11-06");
  EXPECT_NE(result.value().body.find("Bürgermeisterin"), std::string::npos);
}

struct CharsetCase {
  const char* name;
  std::string bytes;
  const char* declared;
  const char* expected_body;
};

TEST(HtmlExtractor, DecodesEachCharsetOnce) {
  const std::string kParagraph = "Caf\xE9 na\xEFve \x93quoted\x94 \x80 5.";
  const CharsetCase kCases[] = {
      {"windows-1252 by meta",
       "<html><head><meta charset=\"windows-1252\"></head><body><p>" +
           kParagraph + "</p></body></html>",
       "", "Café naïve “quoted” € 5."},
      {"iso-8859-1 by http-equiv, read as windows-1252",
       "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
       "charset=ISO-8859-1\"></head><body><p>" +
           kParagraph + "</p></body></html>",
       "", "Café naïve “quoted” € 5."},
      {"declared by the transport",
       "<html><body><p>" + kParagraph + "</p></body></html>", "latin1",
       "Café naïve “quoted” € 5."},
      {"no declaration and not UTF-8",
       "<html><body><p>" + kParagraph + "</p></body></html>", "",
       "Café naïve “quoted” € 5."},
      {"UTF-8 with a byte-order mark beats the meta",
       "\xEF\xBB\xBF<html><head><meta charset=iso-8859-1></head><body><p>"
       "Caf\xC3\xA9 \xE2\x82\xAC 5.</p></body></html>",
       "", "Café € 5."},
      {"UTF-8 declared, one bad byte repaired",
       "<html><head><meta charset=utf-8></head><body><p>Caf\xC3\xA9 \xFF "
       "5.</p></body></html>",
       "", "Café \xEF\xBF\xBD 5."},
      {"decomposed accents come out NFC",
       "<html><body><p>Cafe\xCC\x81 5.</p></body></html>", "", "Café 5."},
  };
  for (const CharsetCase& test : kCases) {
    const Result<HtmlExtraction> result =
        extract_html(test.bytes, test.declared);
    ASSERT_TRUE(result.ok()) << test.name;
    EXPECT_EQ(result.value().body, test.expected_body) << test.name;
  }
}

// Pages whose whole article sits in an element the furniture rules drop:
// an <aside> (rnz.de), an element with id "read_more" (phillyvoice.com), a
// div classed "article-header" around "entry-content-read-more" (pagesix).
// The text the evaluation set expects is found all the same.
TEST(HtmlExtractor, FindsAnArticleThatFurnitureRulesWouldDropWhole) {
  NEWS_REQUIRE_CORPORA();
  struct Case {
    const char* file;
    std::vector<std::string> expected;
  };
  const Case kCases[] = {
      {"rnz.de.witzel.html", {"Für einen Roman", "Auszeichnung der Branche."}},
      {"phillyvoice.com-Sixers.html",
       {"It was an underwhelming first quarter on both sides",
        "The Sixers went 0-for-9 from three-point range in the period"}},
      {"pagesix.com.myers.html",
       {"Dee Dee Myers \u2014 a White House press secretary for Bill Clinton",
        "Her last day is April 1"}},
  };
  for (const Case& page : kCases) {
    SCOPED_TRACE(page.file);
    const Result<HtmlExtraction> result =
        extract_html(read_page(page.file), "");
    ASSERT_TRUE(result.ok()) << result.error().to_string();
    for (const std::string& text : page.expected) {
      EXPECT_NE(result.value().body.find(text), std::string::npos)
          << text << "\n"
          << result.value().body.substr(0, 300);
    }
  }
}

TEST(HtmlExtractor, AnArticleInAnAsideIsFoundWhenNothingElseIsText) {
  const std::string paragraph =
      "The council voted on Tuesday to close the old bridge to cars, after "
      "engineers found cracks in two of its piers, and buses will use it "
      "until the repairs begin in June.";
  const std::string second =
      "Residents were told on Sunday that the road over the pass stays "
      "closed to trucks, and that the school will open again on Wednesday.";
  // Menus with more text than the article, each a small part of the page,
  // as is the <aside>: the furniture rules drop them all.
  std::string menu;
  for (int i = 0; i < 60; ++i) {
    if (i % 15 == 0) menu += "<nav>";
    menu += "<a href=/s" + std::to_string(i) + ">Section number " +
            std::to_string(i) + "</a> ";
    if (i % 15 == 14) menu += "</nav>";
  }
  const std::string page =
      "<html><body>" + menu +
      "<h1>Bridge to close</h1><aside class=\"story\"><p>" + paragraph +
      "</p><p>" + second + "</p></aside></body></html>";
  const Result<HtmlExtraction> result = extract_html(page, "");
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  EXPECT_NE(result.value().body.find(paragraph + "\n\n" + second),
            std::string::npos)
      << result.value().body;
  EXPECT_EQ(result.value().body.find("Section number"), std::string::npos)
      << result.value().body;
}

TEST(HtmlExtractor, ReportsAPageWithoutTextAsBadInput) {
  const char* kPages[] = {
      "<html><head><title>Only a title</title></head><body></body></html>",
      "<html><head><title>x</title><script>var a = 'no text';</script></head>"
      "<body><nav><a href=/>Home</a></nav></body></html>",
      "no markup at all, just a line of text",
      "",
  };
  for (const char* page : kPages) {
    const Result<HtmlExtraction> result = extract_html(page, "");
    ASSERT_FALSE(result.ok()) << page;
    EXPECT_EQ(result.error().code(), ErrorCode::kBadInput) << page;
  }
}

TEST(HtmlExtractor, SurvivesGarbageBytes) {
  std::string garbage;
  std::uint32_t state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1103515245U + 12345U;
    garbage.push_back(static_cast<char>(state >> 24));
  }
  const std::string deep = std::string(20000, '<') + "div>" +
                           std::string(50000, 'x') + "<p>" +
                           std::string(20000, '>');
  std::string nested;
  // gumbo-parser takes time quadratic in the depth of open elements.
  for (int i = 0; i < 500; ++i) nested += "<div><span><b>";
  nested += "text, text, text, text.";
  const std::string inputs[] = {
      garbage,
      "<" + garbage,
      deep,
      nested,
      "<html><script type=\"application/ld+json\">" + std::string(10000, '[') +
          "</script><body><p>Some text here.</p></body></html>",
      "<html><script type=\"application/ld+json\">{\"@type\": \"Article\", "
      "\"headline\": 5, \"author\": [null, {\"name\": []}, \"A\"], "
      "\"datePublished\": {}}</script><body><p>Text.</p></body></html>",
  };
  for (const std::string& input : inputs) {
    const Result<HtmlExtraction> result = extract_html(input, "");
    if (!result.ok()) {
      EXPECT_EQ(result.error().code(), ErrorCode::kBadInput);
    }
  }
}

}  // namespace
}  // namespace news::corpus
