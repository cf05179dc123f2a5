#include "indexer/article_to_document.h"

#include "common/document_data.h"
#include "common/hash.h"
#include "common/schema.h"

namespace news::indexer {
namespace {

std::string host_of(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  const std::size_t begin = scheme + 3;
  std::size_t end = url.find_first_of("/?#", begin);
  if (end == std::string::npos) end = url.size();
  std::string host = url.substr(begin, end - begin);
  if (const std::size_t at = host.rfind('@'); at != std::string::npos) {
    host.erase(0, at + 1);
  }
  if (const std::size_t colon = host.find(':'); colon != std::string::npos) {
    host.erase(colon);
  }
  for (char& c : host) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
  return host;
}

}  // namespace

std::string ArticleToDocument::id_term(const std::string& id) {
  if (id.size() <= schema::kMaxIdBytes) return schema::kIdPrefix + id;
  return schema::kIdPrefix + id.substr(0, schema::kMaxIdBytes - 17) + "#" +
         to_hex(fnv1a64(id));
}

Xapian::termpos ArticleToDocument::add_text(Xapian::Document& document,
                                            const std::string& text,
                                            Xapian::termpos first_position,
                                            bool is_title) {
  Xapian::termpos position = first_position;
  const std::string title_prefix = schema::kTitlePrefix;
  const std::string stem_prefix = schema::kStemPrefix;
  // A word in the headline says more about what the article is about than
  // one in the body: it counts as several occurrences for ranking.
  const Xapian::termcount wdf = is_title ? schema::kTitleWdf : 1;
  for (const text::Token& token : analyzer_.tokenize(text)) {
    document.add_posting(token.term, position, wdf);
    const bool has_stem = text::Analyzer::should_stem(token.term);
    const std::string stem = has_stem ? analyzer_.stem(token.term) : "";
    if (has_stem) document.add_term(stem_prefix + stem, wdf);
    if (is_title) {
      document.add_posting(title_prefix + token.term, position);
      if (has_stem) document.add_term(stem_prefix + title_prefix + stem);
    }
    ++position;
  }
  return position;
}

Xapian::Document ArticleToDocument::convert(const Article& article) {
  Xapian::Document document;
  const Xapian::termpos after_title =
      add_text(document, article.title, 1, /*is_title=*/true);
  add_text(document, article.body, after_title + schema::kTitleBodyGap,
           /*is_title=*/false);

  document.add_boolean_term(id_term(article.id));
  document.add_value(schema::kSlotId, article.id);
  const std::string outlet_key = analyzer_.normalize_key(article.outlet);
  if (!outlet_key.empty()) {
    document.add_boolean_term(schema::kOutletPrefix + outlet_key);
  }
  document.add_value(schema::kSlotOutlet, article.outlet);
  if (!article.language.empty()) {
    document.add_boolean_term(schema::kLanguagePrefix + article.language);
    document.add_value(schema::kSlotLanguage, article.language);
  }
  for (const std::string& author : article.authors) {
    const std::string key = analyzer_.normalize_key(author);
    if (!key.empty()) document.add_boolean_term(schema::kAuthorPrefix + key);
  }
  if (const std::string host = host_of(article.url); !host.empty()) {
    document.add_boolean_term(schema::kHostPrefix + host);
  }
  if (article.published) {
    const std::string day = article.published->to_compact();
    document.add_boolean_term(schema::kDatePrefix + day);
    document.add_boolean_term(schema::kMonthPrefix + day.substr(0, 6));
    document.add_boolean_term(schema::kYearPrefix + day.substr(0, 4));
    document.add_value(schema::kSlotPublished, day);
    document.add_value(schema::kSlotYearMonth, day.substr(0, 6));
  }
  document.add_value(
      schema::kSlotBodyLength,
      Xapian::sortable_serialise(static_cast<double>(article.body.size())));
  document.set_data(encode_document_data(article));
  return document;
}

}  // namespace news::indexer
