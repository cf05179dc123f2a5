#include "indexer/article_to_document.h"

#include <optional>
#include <string>
#include <vector>

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

std::string ArticleToDocument::url_term(const std::string& url) {
  if (url.size() <= schema::kMaxIdBytes) return schema::kUrlPrefix + url;
  return schema::kUrlPrefix + url.substr(0, schema::kMaxIdBytes - 17) + "#" +
         to_hex(fnv1a64(url));
}

std::string ArticleToDocument::id_term(const std::string& id) {
  if (id.size() <= schema::kMaxIdBytes) return schema::kIdPrefix + id;
  return schema::kIdPrefix + id.substr(0, schema::kMaxIdBytes - 17) + "#" +
         to_hex(fnv1a64(id));
}

void ArticleToDocument::add_text(Xapian::Document& document,
                                 const std::string& text,
                                 const std::string& prefix,
                                 text::StemCache& stems) {
  const std::vector<text::Token> tokens = analyzer_.tokenize(text);
  Xapian::termpos position = 1;
  std::string term = prefix;
  for (const text::Token& token : tokens) {
    if (prefix.empty()) {
      document.add_posting(token.term, position++);
    } else {
      term.resize(prefix.size());
      term.append(token.term);
      document.add_posting(term, position++);
    }
    if (text::Analyzer::should_stem(token.term)) {
      auto& [count, word] = word_counts_[token.term];
      ++count;
      word = &token.term;
    }
  }
  // One Z term per distinct word rather than per token: the wdf is the same,
  // and the document's term map is searched once per word. A word that is
  // its own stem gets none: its unprefixed term already holds it, and the
  // synonym Z+prefix+word -> prefix+word lets a stemmed query find it
  // (docs/schema.md). Over half of an article's stems are such words.
  const std::string stem_prefix = schema::kStemPrefix + prefix;
  term = stem_prefix;
  for (const auto& [key, counted] : word_counts_) {
    const auto& [count, word] = counted;
    const std::string_view stem = stems.stem(*word);
    if (stem == *word) {
      note_own_stem(prefix, *word);
      continue;
    }
    term.resize(stem_prefix.size());
    term.append(stem);
    document.add_term(term, count);
  }
  word_counts_.clear();
}

void ArticleToDocument::note_own_stem(const std::string& prefix,
                                      const std::string& word) {
  if (own_stems_seen_.insert_hash(fnv1a64(word, fnv1a64(prefix)))) {
    new_own_stems_.push_back(prefix + word);
  }
}

std::vector<std::string> ArticleToDocument::take_new_own_stems() {
  std::vector<std::string> taken;
  taken.swap(new_own_stems_);
  return taken;
}

void add_own_stem_synonyms(Xapian::WritableDatabase& database,
                           const std::vector<std::string>& terms) {
  for (const std::string& term : terms) {
    database.add_synonym(schema::kStemPrefix + term, term);
  }
}

text::StemCache& ArticleToDocument::stems_for(const std::string& language) {
  auto found = stems_.find(language);
  if (found == stems_.end()) {
    const std::string name = text::stemmer_name_for_language(language);
    found = stems_
                .try_emplace(language,
                             name.empty() ? Xapian::Stem() : Xapian::Stem(name))
                .first;
  }
  return found->second;
}

Xapian::Document ArticleToDocument::convert(const Article& article) {
  Xapian::Document document;
  text::StemCache& stems = stems_for(article.language);
  add_text(document, article.title, schema::kTitlePrefix, stems);
  add_text(document, article.body, "", stems);

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
  std::string authors;
  for (const std::string& author : article.authors) {
    if (!authors.empty()) authors.push_back(schema::kListSeparator);
    authors.append(author);
  }
  if (!authors.empty()) document.add_value(schema::kSlotAuthors, authors);
  if (const std::string host = host_of(article.url); !host.empty()) {
    document.add_boolean_term(schema::kHostPrefix + host);
    document.add_value(schema::kSlotHost, host);
  }
  if (!article.url.empty()) document.add_boolean_term(url_term(article.url));
  if (article.published) {
    const std::string day = article.published->to_compact();
    document.add_boolean_term(schema::kDatePrefix + day);
    document.add_boolean_term(schema::kMonthPrefix + day.substr(0, 6));
    document.add_boolean_term(schema::kYearPrefix + day.substr(0, 4));
    document.add_value(schema::kSlotPublished, day);
    document.add_value(schema::kSlotYearMonth, day.substr(0, 6));
    document.add_value(schema::kSlotYear, day.substr(0, 4));
  }
  document.add_value(
      schema::kSlotBodyLength,
      Xapian::sortable_serialise(static_cast<double>(article.body.size())));
  if (std::optional<std::string> display = encode_display_value(article)) {
    document.add_value(schema::kSlotDisplay, *display);
  }
  document.set_data(encode_document_data(article));
  return document;
}

}  // namespace news::indexer
