#include "common/document_data.h"

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

Result<Article> decode_document_data(std::string_view data) {
  const nlohmann::json record = nlohmann::json::parse(data, nullptr, false);
  if (record.is_discarded() || !record.is_object() ||
      record.value("v", 0) != schema::kDocumentDataVersion) {
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
  article.source.record = record.value("record", std::uint64_t{0});
  article.body = record.value("body", "");
  if (const auto facts = record.find("facts");
      facts != record.end() && facts->is_object()) {
    article.facts.title_rule = facts->value("title", "");
    article.facts.outlet_rule = facts->value("outlet", "");
    article.facts.date_rule = facts->value("date", "");
  }
  return article;
}

}  // namespace news
