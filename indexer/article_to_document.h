// ArticleToDocument: the one place where an Article becomes a
// Xapian::Document, following common/schema.h (see docs/schema.md).
#pragma once

#include <xapian.h>

#include <string>

#include "common/article.h"
#include "common/text/analyzer.h"

namespace news::indexer {

class ArticleToDocument {
 public:
  // analyzer: used for every article; must outlive this object.
  explicit ArticleToDocument(text::Analyzer& analyzer) : analyzer_(analyzer) {}

  // The document for an article: positional title and body terms, stemmed
  // terms, boolean filter terms, value slots, the unique-id term and the
  // document-data record.
  Xapian::Document convert(const Article& article);

  // The unique-id term for an article id: "Q" + id, or for ids longer than
  // schema::kMaxIdBytes a prefix of the id plus a hash of all of it.
  static std::string id_term(const std::string& id);

 private:
  // Adds the words of text from first_position on; returns the
  // position after the last word.
  Xapian::termpos add_text(Xapian::Document& document, const std::string& text,
                           Xapian::termpos first_position, bool is_title);

  text::Analyzer& analyzer_;
};

}  // namespace news::indexer
