#include "corpus/extract/field_mapping.h"

#include <algorithm>
#include <cctype>

namespace news::corpus {
namespace {

// Column names compare without case, "_" and "-": "publishedAt",
// "published_at" and "Published-At" are one name.
bool equals_folded(std::string_view a, std::string_view b) {
  const auto is_joiner = [](char c) { return c == '_' || c == '-'; };
  std::size_t i = 0;
  std::size_t j = 0;
  while (true) {
    while (i < a.size() && is_joiner(a[i])) ++i;
    while (j < b.size() && is_joiner(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[j]))) {
      return false;
    }
    ++i;
    ++j;
  }
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

constexpr ArticleField kAllFields[] = {
    ArticleField::kBody,    ArticleField::kTitle, ArticleField::kOutlet,
    ArticleField::kDate,    ArticleField::kUrl,   ArticleField::kAuthor,
    ArticleField::kLanguage};

}  // namespace

const char* article_field_name(const ArticleField field) {
  switch (field) {
    case ArticleField::kBody:
      return "body";
    case ArticleField::kTitle:
      return "title";
    case ArticleField::kOutlet:
      return "outlet";
    case ArticleField::kDate:
      return "date";
    case ArticleField::kUrl:
      return "url";
    case ArticleField::kAuthor:
      return "author";
    case ArticleField::kLanguage:
      return "lang";
  }
  return "?";
}

const std::vector<std::string_view>& field_aliases(const ArticleField field) {
  static const std::vector<std::string_view> kBody = {
      "text",      "content",  "body",        "article",
      "full_text", "maintext", "description", "summary"};
  static const std::vector<std::string_view> kTitle = {"title", "headline"};
  static const std::vector<std::string_view> kOutlet = {
      "outlet",    "source", "publication", "site",
      "site_name", "domain", "publisher",   "source_domain"};
  static const std::vector<std::string_view> kDate = {
      "date",    "published",    "publish_date", "date_published",
      "pubdate", "published_at", "created_at",   "date_publish"};
  static const std::vector<std::string_view> kUrl = {
      "url", "link", "source_url", "canonical_url"};
  static const std::vector<std::string_view> kAuthor = {"author", "authors",
                                                        "byline", "creator"};
  static const std::vector<std::string_view> kLanguage = {"lang", "language"};
  switch (field) {
    case ArticleField::kBody:
      return kBody;
    case ArticleField::kTitle:
      return kTitle;
    case ArticleField::kOutlet:
      return kOutlet;
    case ArticleField::kDate:
      return kDate;
    case ArticleField::kUrl:
      return kUrl;
    case ArticleField::kAuthor:
      return kAuthor;
    case ArticleField::kLanguage:
      return kLanguage;
  }
  return kBody;
}

Result<FieldOverride> parse_field_override(const std::string_view text) {
  const std::size_t equals = text.find('=');
  std::string valid;
  for (const ArticleField field : kAllFields) {
    valid += std::string(valid.empty() ? "" : ", ") + article_field_name(field);
  }
  if (equals == std::string_view::npos || equals == 0 ||
      equals + 1 == text.size()) {
    return Error::usage("--field wants NAME=COLUMN (NAME one of " + valid +
                        "), not '" + std::string(text) + "'");
  }
  const std::string_view name = text.substr(0, equals);
  for (const ArticleField field : kAllFields) {
    if (equals_folded(name, article_field_name(field))) {
      return FieldOverride{field, std::string(text.substr(equals + 1))};
    }
  }
  return Error::usage("--field: unknown field '" + std::string(name) +
                      "' (valid: " + valid + ")");
}

FieldMapping::FieldMapping(std::vector<FieldOverride> overrides)
    : overrides_(std::move(overrides)) {}

const RecordField* FieldMapping::find(const std::vector<RecordField>& fields,
                                      const ArticleField field) const {
  for (const FieldOverride& override_column : overrides_) {
    if (override_column.field != field) continue;
    for (const RecordField& candidate : fields) {
      if (equals_folded(candidate.name, override_column.column)) {
        return is_blank(candidate.value) ? nullptr : &candidate;
      }
    }
  }
  for (const std::string_view alias : field_aliases(field)) {
    for (const RecordField& candidate : fields) {
      if (equals_folded(candidate.name, alias) && !is_blank(candidate.value)) {
        return &candidate;
      }
    }
  }
  return nullptr;
}

std::string FieldMapping::describe(const ArticleField field) const {
  std::string names;
  for (const FieldOverride& override_column : overrides_) {
    if (override_column.field == field) names += override_column.column + ", ";
  }
  for (const std::string_view alias : field_aliases(field)) {
    names += std::string(alias) + ", ";
  }
  if (!names.empty()) names.resize(names.size() - 2);
  return names;
}

}  // namespace news::corpus
