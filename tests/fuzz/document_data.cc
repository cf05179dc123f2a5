#include "common/document_data.h"

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

}  // namespace

void fuzz_document_data(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
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
}

}  // namespace news::fuzz
