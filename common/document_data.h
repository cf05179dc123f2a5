// The document-data record stored with each Xapian document: a JSON object
// holding the article's display fields and clean body (for snippets and
// --show). Its layout is part of the index schema (docs/schema.md):
//   {"v":1, "id":..., "title":..., "url":..., "outlet":..., "date":
//    "YYYY-MM-DD"|null, "authors":[...], "lang":..., "path":..., "record":N,
//    "body":..., "facts":{"title":rule, "outlet":rule, "date":rule}}
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/article.h"
#include "common/error.h"

namespace news {

// Serialises an article into the document-data record.
std::string encode_document_data(const Article& article);

// Which parts of a record decode_document_data fills in.
enum class RecordParts {
  kAll,
  // Everything but the body, left empty: for hits shown without snippet or
  // body. The body is still checked, so a record is accepted or refused
  // exactly as with kAll.
  kWithoutBody,
};

// Parses a document-data record; kIndex error when it is not one of ours.
Result<Article> decode_document_data(std::string_view data,
                                     RecordParts parts = RecordParts::kAll);

// The same through a general JSON parser alone: what decode_document_data
// must agree with (tests and fuzzing compare the two).
Result<Article> decode_document_data_reference(std::string_view data);

// decode_document_data's own reader alone: nullopt where it leaves the
// record to the general parser (for tests).
std::optional<Article> decode_document_data_fast(
    std::string_view data, RecordParts parts = RecordParts::kAll);

// The display fields of a hit (id, title, outlet, date, url, source path,
// language, authors) as one compact value for schema::kSlotDisplay:
//   "d1" NUL id NUL title NUL outlet NUL YYYYMMDD-or-empty NUL url NUL path
//   NUL lang, then NUL author for each author.
// nullopt when a field holds a NUL byte (the reader then uses the record).
std::optional<std::string> encode_display_value(const Article& article);

// Reads a display value into those fields of an Article (the others stay
// empty); nullopt for anything encode_display_value does not write.
std::optional<Article> decode_display_value(std::string_view value);

}  // namespace news
