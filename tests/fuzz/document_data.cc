#include "common/document_data.h"

#include <optional>
#include <string>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"

namespace news::fuzz {
namespace {

bool same_article(const Article& a, const Article& b) {
  return a.id == b.id && a.url == b.url && a.outlet == b.outlet &&
         a.title == b.title && a.authors == b.authors &&
         a.published == b.published && a.language == b.language &&
         a.body == b.body && a.source.path == b.source.path &&
         a.source.record == b.source.record &&
         a.facts.title_rule == b.facts.title_rule &&
         a.facts.outlet_rule == b.facts.outlet_rule &&
         a.facts.date_rule == b.facts.date_rule;
}

// The display value's reader: what it accepts it wrote itself, and writing
// it again gives the same bytes.
void check_display_value(std::string_view bytes) {
  const std::optional<Article> display = decode_display_value(bytes);
  if (!display) return;
  check(!display->published || display->published->is_valid(),
        "a display value's date is valid");
  const std::optional<std::string> again = encode_display_value(*display);
  check(again.has_value() && *again == bytes,
        "a display value re-encodes to the same bytes");
}

}  // namespace

void fuzz_document_data(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check_display_value(bytes);
  const Result<Article> decoded = decode_document_data(bytes);
  // The fast reader and the general JSON parser agree on every input.
  const Result<Article> reference = decode_document_data_reference(bytes);
  check(decoded.ok() == reference.ok(),
        "the record reader accepts what the JSON parser accepts");
  if (decoded.ok()) {
    check(same_article(decoded.value(), reference.value()),
          "the record reader reads what the JSON parser reads");
  }
  // Leaving the body out changes nothing else.
  Result<Article> bodiless =
      decode_document_data(bytes, RecordParts::kWithoutBody);
  check(bodiless.ok() == decoded.ok(),
        "a record is accepted without its body as with it");
  if (decoded.ok() && bodiless.ok()) {
    check(bodiless.value().body.empty(), "a body left out is empty");
    Article with_body = bodiless.value();
    with_body.body = decoded.value().body;
    check(same_article(with_body, decoded.value()),
          "a record reads the same without its body");
  }
  if (!decoded.ok()) {
    check(decoded.error().code() == ErrorCode::kIndex,
          "a foreign record is a kIndex error");
    return;
  }
  const Article& article = decoded.value();
  check(!article.published || article.published->is_valid(),
        "a decoded date is valid");
  // nlohmann::json's parser rejects invalid UTF-8, so every decoded string
  // is valid and survives a round trip unchanged.
  const std::string encoded = encode_document_data(article);
  const Result<Article> again = decode_document_data(encoded);
  check(again.ok(), "an encoded record decodes");
  check(same_article(again.value(), article),
        "a decoded record re-encodes to the same article");
  // The display value of a record's article holds the same hit fields.
  if (const std::optional<std::string> display =
          encode_display_value(article)) {
    const std::optional<Article> shown = decode_display_value(*display);
    check(shown.has_value(), "an encoded display value decodes");
    check(shown->id == article.id && shown->title == article.title &&
              shown->outlet == article.outlet &&
              shown->published == article.published &&
              shown->url == article.url &&
              shown->source.path == article.source.path &&
              shown->language == article.language &&
              shown->authors == article.authors,
          "a display value keeps the hit fields of its article");
  }
}

}  // namespace news::fuzz
