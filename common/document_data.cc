#include "common/document_data.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "common/schema.h"

namespace news {

std::string encode_document_data(const Article& article) {
  nlohmann::json record = {
      {"v", schema::kDocumentDataVersion},
      {"id", article.id},
      {"title", article.title},
      {"url", article.url},
      {"outlet", article.outlet},
      {"date", article.published ? nlohmann::json(article.published->to_iso())
                                 : nlohmann::json(nullptr)},
      {"authors", article.authors},
      {"lang", article.language},
      {"path", article.source.path},
      {"record", article.source.record},
      {"body", article.body},
      {"facts",
       {{"title", article.facts.title_rule},
        {"outlet", article.facts.outlet_rule},
        {"date", article.facts.date_rule}}},
  };
  // Invalid UTF-8 never reaches here (readers repair it); replace rather than
  // throw should a stray byte slip through.
  return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

Result<Article> decode_record(std::string_view data) {
  const nlohmann::json record = nlohmann::json::parse(data, nullptr, false);
  // The version must be an integer: value<int>() would cast a float past
  // INT_MAX (undefined behaviour).
  const auto version = record.find("v");  // end() for a non-object
  if (record.is_discarded() || !record.is_object() || version == record.end() ||
      !version->is_number_integer() ||
      version->get<std::int64_t>() != schema::kDocumentDataVersion) {
    return Error::index("document data is not a news-search record");
  }
  Article article;
  article.id = record.value("id", "");
  article.title = record.value("title", "");
  article.url = record.value("url", "");
  article.outlet = record.value("outlet", "");
  if (const auto date = record.find("date");
      date != record.end() && date->is_string()) {
    article.published = parse_iso_date(date->get<std::string>());
  }
  if (const auto authors = record.find("authors");
      authors != record.end() && authors->is_array()) {
    for (const auto& author : *authors) {
      if (author.is_string())
        article.authors.push_back(author.get<std::string>());
    }
  }
  article.language = record.value("lang", "");
  article.source.path = record.value("path", "");
  // Only a whole non-negative number: value<std::uint64_t>() would cast a
  // float past 2^64 (undefined behaviour).
  if (const auto number = record.find("record");
      number != record.end() && number->is_number_unsigned()) {
    article.source.record = number->get<std::uint64_t>();
  }
  article.body = record.value("body", "");
  if (const auto facts = record.find("facts");
      facts != record.end() && facts->is_object()) {
    article.facts.title_rule = facts->value("title", "");
    article.facts.outlet_rule = facts->value("outlet", "");
    article.facts.date_rule = facts->value("date", "");
  }
  return article;
}

}  // namespace

Result<Article> decode_document_data(std::string_view data) {
  // value() throws when a field has another type ({"v":"1"}, {"id":5}): such
  // a record is not ours either.
  try {
    return decode_record(data);
  } catch (const nlohmann::json::exception& error) {
    return Error::index(
        std::string("document data is not a news-search record: ") +
        error.what());
  }
}

}  // namespace news
