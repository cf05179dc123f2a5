#include "tests/searcher/test_index.h"

#include <xapian.h>

#include "common/document_data.h"
#include "common/schema.h"
#include "common/text/analyzer.h"
#include "indexer/article_to_document.h"

namespace news::searcher::testing {

Article make_article(const std::string& id, const std::string& outlet,
                     const std::string& title, const std::string& body,
                     std::optional<Date> published) {
  Article article;
  article.id = id;
  article.url = "https://example.org/" + id;
  article.outlet = outlet;
  article.title = title;
  article.published = published;
  article.language = "en";
  article.body = body;
  article.source.path = "corpus/" + id + ".txt";
  return article;
}

void write_index(const std::string& path, const std::vector<Article>& articles,
                 const IndexMetadata& metadata) {
  Xapian::WritableDatabase database(path, Xapian::DB_CREATE_OR_OVERWRITE);
  text::Analyzer analyzer(metadata.language.empty() ? "en" : metadata.language);
  // The indexer's own mapping, so these tests search what news-index writes.
  indexer::ArticleToDocument converter(analyzer);
  for (const Article& article : articles) {
    database.add_document(converter.convert(article));
  }
  indexer::add_own_stem_synonyms(database, converter.take_new_own_stems());
  std::string version = metadata.schema_version;
  std::string settings = metadata.analyzer;
  if (metadata.has_defaults) {
    if (version.empty()) version = std::to_string(schema::kVersion);
    if (settings.empty()) settings = text::Analyzer::settings_description();
  }
  if (!version.empty()) {
    database.set_metadata(schema::kMetaSchemaVersion, version);
  }
  if (!settings.empty()) database.set_metadata(schema::kMetaAnalyzer, settings);
  if (!metadata.language.empty()) {
    database.set_metadata(schema::kMetaMainLanguage, metadata.language);
  }
  database.commit();
}

}  // namespace news::searcher::testing
