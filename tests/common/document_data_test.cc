#include "common/document_data.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace news {
namespace {

// Every field of two decoded records but the body agrees.
void expect_same_but_body(const Article& a, const Article& b,
                          const std::string& record) {
  EXPECT_EQ(a.id, b.id) << record;
  EXPECT_EQ(a.title, b.title) << record;
  EXPECT_EQ(a.url, b.url) << record;
  EXPECT_EQ(a.outlet, b.outlet) << record;
  EXPECT_EQ(a.language, b.language) << record;
  EXPECT_EQ(a.source.path, b.source.path) << record;
  EXPECT_EQ(a.authors, b.authors) << record;
  EXPECT_EQ(a.published, b.published) << record;
  EXPECT_EQ(a.source.record, b.source.record) << record;
  EXPECT_EQ(a.facts.title_rule, b.facts.title_rule) << record;
  EXPECT_EQ(a.facts.outlet_rule, b.facts.outlet_rule) << record;
  EXPECT_EQ(a.facts.date_rule, b.facts.date_rule) << record;
}

TEST(DocumentData, RoundTripsEveryField) {
  Article article;
  article.id = "path:/x/a.txt";
  article.url = "https://example.org/a";
  article.outlet = "SouthFront";
  article.title = "Title \u00e9";
  article.authors = {"A. Writer"};
  article.published = Date{2019, 3, 23};
  article.language = "en";
  article.body = "First.\n\nSecond \"quoted\".";
  article.source = SourceRef{"/x/a.txt", 3, 0};
  article.facts = {"first-line", "text:support-banner", "none"};

  const Result<Article> decoded =
      decode_document_data(encode_document_data(article));
  ASSERT_TRUE(decoded.ok()) << decoded.error().to_string();
  const Article& back = decoded.value();
  EXPECT_EQ(back.id, article.id);
  EXPECT_EQ(back.url, article.url);
  EXPECT_EQ(back.outlet, article.outlet);
  EXPECT_EQ(back.title, article.title);
  EXPECT_EQ(back.authors, article.authors);
  EXPECT_EQ(back.published, article.published);
  EXPECT_EQ(back.body, article.body);
  EXPECT_EQ(back.source.record, 3u);
  EXPECT_EQ(back.facts.outlet_rule, "text:support-banner");
}

TEST(DocumentData, DisplayValueKeepsEveryFieldOfAHit) {
  Article article;
  article.id = "https://example.org/a";
  article.url = "https://example.org/a";
  article.outlet = "Russia Today";
  article.title = "T\u00edtulo: \"quoted\"\tand tabbed";
  article.authors = {"A. Writer", "", "B\u00e9 Other"};
  article.published = Date{2019, 3, 23};
  article.language = "es";
  article.body = "Not kept.";
  article.source = SourceRef{"/x/a b.jsonl", 7, 0};
  article.facts = {"json:title", "json:outlet", "json:date"};

  const std::optional<std::string> value = encode_display_value(article);
  ASSERT_TRUE(value.has_value());
  const std::optional<Article> back = decode_display_value(*value);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->id, article.id);
  EXPECT_EQ(back->title, article.title);
  EXPECT_EQ(back->outlet, article.outlet);
  EXPECT_EQ(back->published, article.published);
  EXPECT_EQ(back->url, article.url);
  EXPECT_EQ(back->source.path, article.source.path);
  EXPECT_EQ(back->language, article.language);
  EXPECT_EQ(back->authors, article.authors);
  EXPECT_TRUE(back->body.empty());

  // Empty fields, no date and no authors read back as such.
  Article bare;
  bare.id = "x";
  const std::optional<Article> bare_back =
      decode_display_value(encode_display_value(bare).value());
  ASSERT_TRUE(bare_back.has_value());
  EXPECT_EQ(bare_back->id, "x");
  EXPECT_TRUE(bare_back->title.empty());
  EXPECT_FALSE(bare_back->published.has_value());
  EXPECT_TRUE(bare_back->authors.empty());
}

TEST(DocumentData, DisplayValueRefusesWhatItCannotHold) {
  Article article;
  article.id = "x";
  article.title = std::string("a\0b", 3);
  EXPECT_FALSE(encode_display_value(article).has_value());
  article.title = "ok";
  article.authors = {std::string("\0", 1)};
  EXPECT_FALSE(encode_display_value(article).has_value());

  // Fields joined by NUL bytes.
  const auto join = [](std::vector<std::string> fields) {
    std::string value;
    for (const std::string& field : fields) {
      if (!value.empty() || &field != &fields.front()) value.push_back('\0');
      value += field;
    }
    return value;
  };
  for (const std::string& value : {
           std::string(),
           std::string("d1"),
           join({"d2", "id", "t", "o", "", "u", "p", "en"}),
           join({"d1", "id", "t", "o", "", "u", "p"}),  // a field short
           join({"d1", "id", "t", "o", "2019-03-23", "u", "p", "en"}),
           join({"d1", "id", "t", "o", "20191340", "u", "p", "en"}),
           join({"d1", "id", "t", "o", "2019032", "u", "p", "en"}),
           std::string("{\"v\":1}"),
       }) {
    EXPECT_FALSE(decode_display_value(value).has_value())
        << ::testing::PrintToString(value);
  }
  const std::optional<Article> read = decode_display_value(
      join({"d1", "id", "t", "o", "20190323", "u", "p", "en", "a1", "a2"}));
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->published, (Date{2019, 3, 23}));
  EXPECT_EQ(read->authors, (std::vector<std::string>{"a1", "a2"}));
}

TEST(DocumentData, RejectsForeignData) {
  EXPECT_FALSE(decode_document_data("not json").ok());
  EXPECT_FALSE(decode_document_data("{\"title\":\"x\"}").ok());
  EXPECT_EQ(decode_document_data("[1,2]").error().code(), ErrorCode::kIndex);
}

TEST(DocumentData, ReadsEveryRecordAsTheGeneralJsonParserDoes) {
  const std::vector<std::string> records = {
      R"({"v":1,"id":"a","title":"Caf\u00e9 \ud83d\ude00 \"q\" \\ \/",)"
      R"("body":"line\nnext\ttab\u0000nul","date":"2019-03-23",)"
      R"("authors":["A","B"],"record":7,"facts":{"title":"t","x":"y"}})",
      R"( { "v" : 1 , "id" : "spaced" , "date" : null , "record" : 0 } )",
      R"({"v":1,"id":"first","id":"last","facts":{},"facts":{"date":"d"}})",
      R"({"v":1,"extra":true,"more":null,"num":12,"str":"s","body":"é中😀"})",
      R"({"v":1,"authors":["A",5,null],"record":-1,"date":5})",
      R"({"v":1,"record":1.5,"facts":"none","authors":"A"})",
      R"({"v":1,"record":18446744073709551616})",
      R"({"v":2,"v":1,"id":"version twice"})",
      R"({"v":1,"id":5})",
      R"({"v":1,"id":null})",
      R"({"v":"1"})",
      R"({"v":1.0})",
      R"({"v":1,"title":"lone \udc00 half"})",
      R"({"v":1,"title":"high \ud800 alone"})",
      R"({"v":1,"title":"bad \x escape"})",
      "{\"v\":1,\"title\":\"raw\ttab\"}",
      "{\"v\":1,\"title\":\"bad \xC3\x28 utf8\"}",
      "{\"v\":1,\"title\":\"overlong \xC0\xAF\"}",
      "{\"v\":1,\"title\":\"surrogate \xED\xA0\x80\"}",
      R"({"v":1,"id":"trailing"} x)",
      R"({"v":1,"id":"unclosed")",
      R"({"v":1,"nested":{"a":1}})",
      R"({"v":1,"facts":{"title":5}})",
      R"({})",
      "",
      // Long plain runs, read eight bytes at a time, with the bytes that
      // end a run at every offset of a word.
      R"({"v":1,"title":"abcdefgh\\ijklmnop\"qrstuvwx","body":"0123456789é"})",
      R"({"v":1,"title":"abcdefgh\ijklmnop"})",
      R"({"v":1,"title":"abcdefghijklmno\u0041pqrstuvwxyz~~~~~~~\u007f"})",
      "{\"v\":1,\"body\":\"abcdefghijklm\x1fnopq\"}",
      "{\"v\":1,\"body\":\"abcdefghijklmn\x7f\x7f\x7f\x7f\x7fopq\"}",
      "{\"v\":1,\"body\":\"abcdefghijk\xE4\xB8\xADlmnopqrstu\"}",
      "{\"v\":1,\"body\":\"abcdefghijk\xE4\xB8lmnopqrstu\"}",
      R"({"v":1,"body":"abcdefghijklmnopqrstuvwxyz)",
      R"({"v":1,"body":5})",
      R"({"v":1,"id":"body last","body":"abcdefghijklmnop"})",
  };
  for (const std::string& record : records) {
    const Result<Article> fast = decode_document_data(record);
    const Result<Article> reference = decode_document_data_reference(record);
    ASSERT_EQ(fast.ok(), reference.ok()) << record;
    if (!fast.ok()) continue;
    expect_same_but_body(fast.value(), reference.value(), record);
    EXPECT_EQ(fast.value().body, reference.value().body) << record;
  }
  // Without the body, a record is accepted or refused as with it, and reads
  // the same but for the empty body.
  for (const std::string& record : records) {
    const Result<Article> whole = decode_document_data(record);
    const Result<Article> bodiless =
        decode_document_data(record, RecordParts::kWithoutBody);
    ASSERT_EQ(whole.ok(), bodiless.ok()) << record;
    ASSERT_EQ(decode_document_data_fast(record).has_value(),
              decode_document_data_fast(record, RecordParts::kWithoutBody)
                  .has_value())
        << record;
    if (!whole.ok()) continue;
    expect_same_but_body(whole.value(), bodiless.value(), record);
    EXPECT_TRUE(bodiless.value().body.empty()) << record;
  }
  // The shapes the indexer writes are read without the general parser.
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_TRUE(decode_document_data_fast(records[i]).has_value())
        << records[i];
  }
  Article article;
  article.id = "x";
  article.body = "B\u00e9\n\"";
  article.authors = {"A"};
  article.published = Date{2020, 1, 2};
  EXPECT_TRUE(decode_document_data_fast(encode_document_data(article)));
  const Result<Article> escaped = decode_document_data(records[0]);
  ASSERT_TRUE(escaped.ok());
  EXPECT_EQ(escaped.value().title, "Caf\u00e9 \U0001F600 \"q\" \\ /");
  EXPECT_EQ(escaped.value().body, std::string("line\nnext\ttab\0nul", 17));
  EXPECT_EQ(decode_document_data(records[2]).value().id, "last");
  // Long runs are read by the fast reader itself, escapes and all.
  const std::optional<Article> runs = decode_document_data_fast(
      R"({"v":1,"title":"abcdefgh\\ijklmnop\"qrstuvwx","body":"0123456789é"})");
  ASSERT_TRUE(runs.has_value());
  EXPECT_EQ(runs->title, "abcdefgh\\ijklmnop\"qrstuvwx");
  EXPECT_EQ(runs->body, "0123456789é");
  const std::optional<Article> bodiless = decode_document_data_fast(
      R"({"v":1,"body":"abcdefghijklmnopqrstuvwxyz","id":"after"})",
      RecordParts::kWithoutBody);
  ASSERT_TRUE(bodiless.has_value());
  EXPECT_EQ(bodiless->id, "after");
  EXPECT_TRUE(bodiless->body.empty());
}

}  // namespace
}  // namespace news
