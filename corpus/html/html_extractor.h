// Extraction of one article from an HTML page: the page is decoded from its
// charset, parsed with an HTML5 parser, and the main article text is found
// by a content extractor of our own (text density, link density, paragraph
// structure, known boilerplate classes and ids); metadata comes from
// og:/article: meta tags, JSON-LD, <h1>, <title>, <time>, <html lang>.
// Used for .html files, HTML response records of WARC files, and HTML bodies
// in JSON/CSV fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/error.h"

namespace news::corpus {

struct HtmlMetadata {
  std::string title;              // "" when none found
  std::string title_rule;         // "html:og:title", "html:json-ld:headline",
                                  // "html:h1", "html:title", "none"
  std::string canonical_url;      // <link rel=canonical> or og:url; "" if none
  std::string site_name;          // og:site_name, JSON-LD publisher.name; ""
  std::optional<Date> published;  // never invented; never a crawl date
  std::string date_rule;          // "html:json-ld:datePublished",
                                  // "html:meta:article:published_time",
                                  // "html:time", "html:url" (a date
                                  // path in the canonical URL), "none"
  std::vector<std::string> authors;  // meta author, JSON-LD author.name ...
  std::string language;  // from <html lang> / content-language, ISO 639-1
                         // lower case ("en" from "en-US"); "" if none
};

struct HtmlExtraction {
  HtmlMetadata metadata;
  // Main article text: UTF-8 NFC, one paragraph per block, blocks separated
  // by "\n\n"; no navigation, comments, share bars, related links, ads.
  std::string body;
};

// Extracts the article of an HTML page. bytes: the raw page in any charset;
// declared_charset: from the transport (HTTP header in a WARC record, a
// record field), "" when unknown; the page's own <meta charset> and BOM are
// honoured when it is empty; undecodable bytes are repaired, never fatal.
// Returns kBadInput ("no article text found in the page", "not HTML") only
// when there is no usable text; never throws.
Result<HtmlExtraction> extract_html(std::string_view bytes,
                                    std::string_view declared_charset);

}  // namespace news::corpus
