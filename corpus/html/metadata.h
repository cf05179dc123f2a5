// Metadata of an HTML page: title, canonical URL, site name, published date,
// authors and language, from <meta> (Open Graph, Twitter, article:, Dublin
// Core, itemprop), JSON-LD (NewsArticle, Article, BlogPosting and kin, in
// @graph or arrays), <link rel=canonical|author>, <time>, <h1>, <title> and
// <html lang>. Every field says which rule gave it; nothing is invented.
// Internal to the HTML extractor; exposed for its tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/date.h"
#include "corpus/html/dom.h"
#include "corpus/html/html_extractor.h"

namespace news::corpus::html {

// The metadata of a parsed page. Title, in order: og:title, twitter:title,
// JSON-LD headline, the first <h1>, <title>; each without a site suffix or
// prefix (" | Site", " - Site", " — Site") when that part names the site
// (site name or URL host) or the rest equals another title candidate.
// Date, in order: JSON-LD datePublished, article:published_time (and
// og:/itemprop/meta name=date|pubdate|dc.date... forms), <time datetime>.
HtmlMetadata extract_metadata(const Dom& dom);

// The calendar day a date string states, as written (time and zone
// ignored): ISO 8601 "2019-10-16T23:30:00-05:00" -> 2019-10-16, "2019/10/16",
// "20191016", "16.10.2019", and the written forms find_date_in_line reads.
// nullopt for anything else.
std::optional<Date> parse_page_date(std::string_view text);

// title without a leading or trailing part that names the site: a part
// after the last (or before the first) " | ", " - ", " – ", " — ", " :: ",
// " · " or " • " whose letters and digits equal, contain or are contained in
// those of site_name or the first label of host ("zeit" for "www.zeit.de").
std::string strip_site_affix(std::string_view title, std::string_view site_name,
                             std::string_view host);

// ISO 639-1 code of a language tag: "en" from "en-US", "de_DE" or "DE";
// "" when tag does not start with 2 or 3 letters.
std::string language_code(std::string_view tag);

// The host of an absolute http(s) URL, lower case, without "www.";
// "" for anything else.
std::string url_host(std::string_view url);

}  // namespace news::corpus::html
