// ArticleToDocument: the one place where an Article becomes a
// Xapian::Document, following common/schema.h (see docs/schema.md).
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/article.h"
#include "common/seen_hashes.h"
#include "common/text/analyzer.h"
#include "common/text/stem_cache.h"

namespace news::indexer {

class ArticleToDocument {
 public:
  // analyzer: used for every article; must outlive this object.
  explicit ArticleToDocument(text::Analyzer& analyzer) : analyzer_(analyzer) {}

  // The document for an article: positional title ("S") and body
  // (unprefixed) terms, their stems in the article's language, boolean filter
  // terms, value slots, the unique-id term and the document-data record.
  Xapian::Document convert(const Article& article);

  // The unique-id term for an article id: "Q" + id, or for ids longer than
  // schema::kMaxIdBytes a prefix of the id plus a hash of all of it.
  static std::string id_term(const std::string& id);

  // The URL term: "U" + url, hashed like ids when longer than
  // schema::kMaxIdBytes (as Omega does).
  static std::string url_term(const std::string& url);

  // The words (with their prefix: "police", "Spolice") that were their own
  // stem in an article converted since the last call and in none before:
  // each needs the synonym "Z"+term -> term in the index, since its
  // document holds no Z term for it. Each word is given once per object.
  std::vector<std::string> take_new_own_stems();

 private:
  // Adds the words of text as prefix+term with positions from 1, and the
  // stems of those that start with a letter and differ from their stem as
  // "Z"+prefix+stem, each stem once with the number of its words as wdf.
  void add_text(Xapian::Document& document, const std::string& text,
                const std::string& prefix, text::StemCache& stems);

  // Remembers prefix+word, a word that is its own stem, for
  // take_new_own_stems unless it was seen before.
  void note_own_stem(const std::string& prefix, const std::string& word);

  // The Snowball stemmer for a language (none for unknown ones) with its
  // table of recent stems. Not a hash map of every form: one grows to
  // millions of entries and misses the processor's caches (it cost 15 s of
  // 76 s of CPU on the 20,000-article benchmark corpus); the fixed table
  // answers ~90% of lookups from 1.5 MB.
  text::StemCache& stems_for(const std::string& language);

  text::Analyzer& analyzer_;
  std::map<std::string, text::StemCache> stems_;
  // add_text's count of each stemmable word of one text, and one of its
  // tokens' strings (reused from text to text).
  std::unordered_map<std::string_view,
                     std::pair<Xapian::termcount, const std::string*>>
      word_counts_;
  // Bounded: forgetting only means a synonym is given (and added) again.
  SeenHashes own_stems_seen_{std::size_t{1} << 20};
  std::vector<std::string> new_own_stems_;
};

// Adds the synonym "Z"+term -> term for each of terms (as given by
// ArticleToDocument::take_new_own_stems). Throws Xapian::Error.
void add_own_stem_synonyms(Xapian::WritableDatabase& database,
                           const std::vector<std::string>& terms);

}  // namespace news::indexer
