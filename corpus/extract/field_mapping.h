// Which field of a record (JSON member, CSV column) gives which article
// field: common names are recognised automatically, case-insensitively, and
// the user can name the column with --field NAME=COLUMN.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "corpus/raw_document.h"

namespace news::corpus {

enum class ArticleField {
  kBody,
  kTitle,
  kOutlet,
  kDate,
  kUrl,
  kAuthor,
  kLanguage
};

// "body", "title", "outlet", "date", "url", "author", "lang".
const char* article_field_name(ArticleField field);

// The record field names recognised for field, in order of preference:
//   body:   text, content, body, article, full_text, maintext
//   title:  title, headline
//   outlet: outlet, source, publication, site, site_name, domain, publisher
//   date:   date, published, publish_date, date_published, pubdate,
//           published_at, created_at
//   url:    url, link, source_url, canonical_url
//   author: author, authors, byline, creator
//   lang:   lang, language
const std::vector<std::string_view>& field_aliases(ArticleField field);

// One --field NAME=COLUMN.
struct FieldOverride {
  ArticleField field = ArticleField::kBody;
  std::string column;
};

// Parses "NAME=COLUMN" (NAME one of the names above, COLUMN non-empty).
// kUsage error naming the valid names otherwise.
Result<FieldOverride> parse_field_override(std::string_view text);

class FieldMapping {
 public:
  explicit FieldMapping(std::vector<FieldOverride> overrides = {});

  // The field of fields that gives field: the --field column when the
  // record has it (matched case-insensitively), else the first alias (in
  // the order above) that the record has with a value that is not blank;
  // nullptr when none. An overridden column that is present but blank gives
  // nullptr too (the user chose it).
  const RecordField* find(const std::vector<RecordField>& fields,
                          ArticleField field) const;

  // The names find() would look for, for messages ("text, content, ...").
  std::string describe(ArticleField field) const;

 private:
  std::vector<FieldOverride> overrides_;
};

}  // namespace news::corpus
