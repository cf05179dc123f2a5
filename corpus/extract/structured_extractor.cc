#include "corpus/extract/structured_extractor.h"

#include <cctype>
#include <optional>
#include <utility>

#include "corpus/extract/line_text.h"
#include "corpus/extract/record_values.h"
#include "corpus/extract/title.h"
#include "corpus/html/html_extractor.h"
#include "corpus/readers/field_text.h"

namespace news::corpus {
namespace {

bool equals_folded(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string record_rule(const RecordField& field) {
  return "record:" + field.name;
}

// A body whose first line repeats the title (scrapers often keep the
// headline in the text) starts after it.
std::string drop_title_line(std::string body, const std::string& title) {
  if (title.empty()) return body;
  const std::size_t newline = body.find('\n');
  const std::string_view first =
      trim(std::string_view(body).substr(0, newline));
  if (fold_line(first) != fold_line(trim(title))) return body;
  if (newline == std::string::npos) return body;  // nothing but the title
  std::size_t rest = newline;
  while (rest < body.size() && (body[rest] == '\n' || body[rest] == ' ')) {
    ++rest;
  }
  return body.substr(rest);
}

std::string trimmed(std::string_view text) { return std::string(trim(text)); }

}  // namespace

std::string article_id(const std::string& url, const std::string& path_id) {
  const std::string normalized = normalize_url(url);
  return normalized.empty() ? path_id : normalized;
}

bool has_body_column(const RawDocument& record, const FieldMapping& mapping) {
  if (mapping.find(record.fields, ArticleField::kBody) != nullptr) return true;
  for (const RecordField& field : record.fields) {
    for (const std::string_view alias : field_aliases(ArticleField::kBody)) {
      if (equals_folded(field.name, alias)) return true;
    }
  }
  return false;
}

Result<Article> extract_record(const RawDocument& record,
                               const ExtractionContext& context,
                               ErrorSink& sink) {
  static const FieldMapping kDefaultMapping;
  const FieldMapping& mapping =
      context.mapping != nullptr ? *context.mapping : kDefaultMapping;
  const auto find = [&](ArticleField field) {
    return mapping.find(record.fields, field);
  };
  const RecordField* body_field = find(ArticleField::kBody);
  if (body_field == nullptr) {
    for (const RecordField& field : record.fields) {
      for (const std::string_view alias : field_aliases(ArticleField::kBody)) {
        if (equals_folded(field.name, alias)) {
          return Error::bad_input(record.source, "field \"" + field.name +
                                                     "\" is empty; record "
                                                     "skipped");
        }
      }
    }
    return Error::bad_input(record.source,
                            "no article text (none of the fields " +
                                mapping.describe(ArticleField::kBody) +
                                "; name it with --field body=COLUMN); record "
                                "skipped");
  }

  Article article;
  article.source = record.source;
  std::optional<HtmlExtraction> html;
  if (looks_like_html(body_field->value)) {
    Result<HtmlExtraction> extracted = extract_html(body_field->value, "utf-8");
    if (!extracted.ok()) {
      return Error::bad_input(
          record.source, "field \"" + body_field->name +
                             "\" holds HTML without article text (" +
                             extracted.error().message() + "); record skipped");
    }
    html = std::move(extracted).value();
    article.body = html->body;
  } else {
    article.body = trimmed(decode_field_references(body_field->value));
  }
  const ManifestEntry* manifest = context.manifest;

  if (const RecordField* title = find(ArticleField::kTitle)) {
    article.title = trimmed(decode_field_references(title->value));
    article.facts.title_rule = record_rule(*title);
  } else if (html && !html->metadata.title.empty()) {
    article.title = html->metadata.title;
    article.facts.title_rule = html->metadata.title_rule;
  } else if (manifest != nullptr && !manifest->title.empty()) {
    article.title = manifest->title;
    article.facts.title_rule = "manifest:title";
  } else {
    const std::string_view first_line =
        trim(std::string_view(article.body).substr(0, article.body.find('\n')));
    if (is_title_like(first_line, true) && !ends_like_sentence(first_line)) {
      article.title = std::string(first_line);
      article.facts.title_rule = "body:first-line";
    } else {
      article.facts.title_rule = "none";
    }
  }
  article.body = drop_title_line(std::move(article.body), article.title);
  if (trim(article.body).empty()) {
    return Error::bad_input(record.source, "field \"" + body_field->name +
                                               "\" holds no text besides the "
                                               "title; record skipped");
  }

  article.facts.date_rule = "none";
  if (const RecordField* date = find(ArticleField::kDate)) {
    article.published = parse_record_date(date->value);
    if (article.published) {
      article.facts.date_rule = record_rule(*date);
    } else {
      std::string shown = trimmed(date->value).substr(0, 80);
      sink.report(Error::bad_input(
          record.source, "field \"" + date->name + "\" is not a date (\"" +
                             shown + "\"); date left unknown"));
    }
  }
  if (!article.published && html && html->metadata.published) {
    article.published = html->metadata.published;
    article.facts.date_rule = html->metadata.date_rule;
  }
  if (!article.published && manifest != nullptr && manifest->published) {
    article.published = manifest->published;
    article.facts.date_rule = "manifest:date";
  }

  const RecordField* outlet_field = find(ArticleField::kOutlet);
  if (const RecordField* url = find(ArticleField::kUrl)) {
    article.url = trimmed(url->value);
  } else if (outlet_field != nullptr && is_http_url(outlet_field->value)) {
    article.url = trimmed(outlet_field->value);
  } else if (html && !html->metadata.canonical_url.empty()) {
    article.url = html->metadata.canonical_url;
  } else if (manifest != nullptr) {
    article.url = manifest->url;
  }
  article.id = article_id(article.url, context.path_id);

  if (const RecordField* author = find(ArticleField::kAuthor)) {
    article.authors = split_authors(decode_field_references(author->value));
  } else if (html && !html->metadata.authors.empty()) {
    article.authors = html->metadata.authors;
  } else if (manifest != nullptr) {
    article.authors = manifest->authors;
  }

  if (const RecordField* language = find(ArticleField::kLanguage)) {
    article.language = normalize_language(language->value);
  }
  if (article.language.empty() && html) {
    article.language = normalize_language(html->metadata.language);
  }
  if (article.language.empty() && manifest != nullptr) {
    article.language = normalize_language(manifest->language);
  }
  if (article.language.empty()) article.language = context.language;

  OutletEvidence evidence;
  if (outlet_field != nullptr && !is_http_url(outlet_field->value)) {
    evidence.record_field =
        OutletGuess{trimmed(outlet_field->value), record_rule(*outlet_field)};
  }
  if (manifest != nullptr && !manifest->outlet.empty()) {
    evidence.manifest =
        OutletGuess{manifest->outlet, "manifest:" + manifest->outlet_column};
  }
  evidence.url = article.url;
  if (html) evidence.html_site_name = html->metadata.site_name;
  evidence.file = context.file;
  const OutletGuess outlet = resolve_outlet(evidence, context.outlet_policy);
  article.outlet = outlet.name;
  article.facts.outlet_rule = outlet.rule;
  return article;
}

Result<Article> extract_page(const RawDocument& page,
                             const ExtractionContext& context) {
  Result<HtmlExtraction> extracted =
      extract_html(page.bytes, page.declared_charset);
  if (!extracted.ok()) {
    return Error(extracted.error().code(),
                 extracted.error().message() + "; skipped", page.source);
  }
  HtmlExtraction& html = extracted.value();
  const HtmlMetadata& metadata = html.metadata;
  const ManifestEntry* manifest = context.manifest;
  Article article;
  article.source = page.source;
  article.title = metadata.title;
  article.facts.title_rule =
      metadata.title_rule.empty() ? "none" : metadata.title_rule;
  article.published = metadata.published;
  article.facts.date_rule =
      metadata.published ? metadata.date_rule : std::string("none");
  article.authors = metadata.authors;
  article.language = normalize_language(metadata.language);
  article.url =
      !page.target_url.empty() ? page.target_url : metadata.canonical_url;
  if (!page.capture_date.empty()) {
    article.crawled = parse_record_date(page.capture_date);
  }
  OutletEvidence evidence;
  if (manifest != nullptr) {
    if (!manifest->title.empty()) {
      article.title = manifest->title;
      article.facts.title_rule = "manifest:title";
    }
    if (manifest->published) {
      article.published = manifest->published;
      article.facts.date_rule = "manifest:date";
    }
    if (!manifest->url.empty()) article.url = manifest->url;
    if (!manifest->authors.empty()) article.authors = manifest->authors;
    if (!manifest->language.empty()) {
      article.language = normalize_language(manifest->language);
    }
    if (!manifest->outlet.empty()) {
      evidence.manifest =
          OutletGuess{manifest->outlet, "manifest:" + manifest->outlet_column};
    }
  }
  if (article.language.empty()) article.language = context.language;
  article.body = drop_title_line(std::move(html.body), article.title);
  article.id = article_id(article.url, context.path_id);
  evidence.url = article.url;
  evidence.html_site_name = metadata.site_name;
  evidence.file = context.file;
  const OutletGuess outlet = resolve_outlet(evidence, context.outlet_policy);
  article.outlet = outlet.name;
  article.facts.outlet_rule = outlet.rule;
  return article;
}

void apply_manifest(const ManifestEntry& entry, Article& article) {
  if (!entry.title.empty()) {
    article.title = entry.title;
    article.facts.title_rule = "manifest:title";
  }
  if (entry.published) {
    article.published = entry.published;
    article.facts.date_rule = "manifest:date";
  }
  if (!entry.url.empty()) article.url = entry.url;
  if (!entry.authors.empty()) article.authors = entry.authors;
  if (!entry.language.empty()) {
    article.language = normalize_language(entry.language);
  }
}

}  // namespace news::corpus
