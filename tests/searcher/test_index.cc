#include "tests/searcher/test_index.h"

#include <xapian.h>

#include "common/document_data.h"
#include "common/schema.h"
#include "common/text/analyzer.h"

namespace news::searcher::testing {
namespace {

Xapian::termpos add_text(Xapian::Document& document, text::Analyzer& analyzer,
                         const std::string& text, Xapian::termpos position,
                         bool is_title) {
  for (const text::Token& token : analyzer.tokenize(text)) {
    if (token.term.size() > schema::kMaxTermBytes) continue;
    document.add_posting(token.term, position);
    const bool has_stem = text::Analyzer::should_stem(token.term);
    const std::string stem = has_stem ? analyzer.stem(token.term) : "";
    if (has_stem) document.add_term(schema::kStemPrefix + stem);
    if (is_title) {
      document.add_posting(schema::kTitlePrefix + token.term, position);
      if (has_stem) {
        document.add_term(std::string(schema::kStemPrefix) +
                          schema::kTitlePrefix + stem);
      }
    }
    ++position;
  }
  return position;
}

Xapian::Document to_document(const Article& article, text::Analyzer& analyzer) {
  Xapian::Document document;
  const Xapian::termpos after_title =
      add_text(document, analyzer, article.title, 1, true);
  add_text(document, analyzer, article.body,
           after_title + schema::kTitleBodyGap, false);
  document.add_boolean_term(schema::kIdPrefix + article.id);
  document.add_boolean_term(schema::kOutletPrefix +
                            analyzer.normalize_key(article.outlet));
  document.add_value(schema::kSlotOutlet, article.outlet);
  document.add_boolean_term(schema::kLanguagePrefix + article.language);
  document.add_value(schema::kSlotLanguage, article.language);
  if (article.published) {
    const std::string day = article.published->to_compact();
    document.add_boolean_term(schema::kDatePrefix + day);
    document.add_boolean_term(schema::kMonthPrefix + day.substr(0, 6));
    document.add_boolean_term(schema::kYearPrefix + day.substr(0, 4));
    document.add_value(schema::kSlotPublished, day);
    document.add_value(schema::kSlotYearMonth, day.substr(0, 6));
  }
  document.set_data(encode_document_data(article));
  return document;
}

}  // namespace

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
  for (const Article& article : articles) {
    database.add_document(to_document(article, analyzer));
  }
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
