// Extraction of Articles from inputs that carry structure: records (JSON
// Lines, JSON arrays, CSV, TSV), HTML pages (saved files and WARC
// responses), and the metadata a sidecar manifest adds to any file.
#pragma once

#include <string>

#include "common/article.h"
#include "common/error.h"
#include "corpus/extract/field_mapping.h"
#include "corpus/extract/outlet_resolution.h"
#include "corpus/manifest.h"
#include "corpus/raw_document.h"

namespace news::corpus {

// What the caller knows about the document beyond its bytes. Pointers are
// not owned and may be null.
struct ExtractionContext {
  // Article.id when the article has no URL: "path:<canonical path>" with
  // "#<record>" for records.
  std::string path_id;
  std::string language;  // --lang: when neither the input nor detection says
  OutletPolicy outlet_policy;
  const ManifestEntry* manifest = nullptr;  // the manifest row of the file
  const InputFile* file = nullptr;
  const FieldMapping* mapping = nullptr;  // records; default mapping if null
};

// The article id for url (normalize_url()), or path_id when url is empty.
std::string article_id(const std::string& url, const std::string& path_id);

// Whether a record has a column for the body at all (blank or not): a CSV
// without one is a metadata table, not articles.
bool has_body_column(const RawDocument& record, const FieldMapping& mapping);

// The article in one record (format kJsonl, kCsv, kTsv), fields found with
// context.mapping:
// - body: the body field; one that looks like HTML (looks_like_html) goes
//   through extract_html(), whose metadata then fills the fields the record
//   lacks (rules "html:..."); a first line equal to the title is dropped;
// - title: the title field (rule "record:<field>"), else the HTML title,
//   else the manifest's (rule "manifest:title"), else "" (rule "none");
// - date: the date field parsed by parse_record_date() (rule
//   "record:<field>"); one that is no date is reported to sink as
//   `field "date" is not a date ("yesterday"); date left unknown` and the
//   record is kept; else the HTML date, else the manifest's;
// - url: the url field, else an outlet field holding a URL, else the HTML
//   canonical URL, else the manifest's; id: article_id(url, path_id);
// - authors: split_authors() of the author field, else HTML, else manifest;
// - language: the lang field, else HTML <html lang>, else the manifest's,
//   else context.language;
// - outlet: resolve_outlet() with the outlet field (unless it holds a URL),
//   the manifest, the URL and the HTML site name.
// Errors (kBadInput, source = record): "no article text (none of the
// fields text, content, ...); record skipped", "field "text" is empty;
// record skipped", "field "text" holds HTML without article text (...);
// record skipped".
Result<Article> extract_record(const RawDocument& record,
                               const ExtractionContext& context,
                               ErrorSink& sink);

// The article in an HTML page (format kHtml: a saved page, or a WARC
// response with target_url and capture_date), through extract_html():
// title, date, authors, language and site name from the page, except that
// a manifest row wins for the fields it gives (rules "manifest:..."). URL:
// the manifest's, else the WARC-Target-URI, else the page's canonical URL.
// The WARC-Date becomes Article.crawled, never Article.published. The
// outlet by resolve_outlet(). Errors (kBadInput, source = document): the
// extractor's ("no article text found in the page") + "; skipped".
Result<Article> extract_page(const RawDocument& page,
                             const ExtractionContext& context);

// Fills the fields of article that a manifest row gives (title, date, url,
// authors, language; rules "manifest:title", "manifest:date"), for text
// dumps, whose own evidence is weaker than the user's table. The outlet is
// decided by the caller (resolve_outlet).
void apply_manifest(const ManifestEntry& entry, Article& article);

}  // namespace news::corpus
