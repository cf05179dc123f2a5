#include "corpus/html/metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "corpus/extract/dates.h"
#include "corpus/html/html_text.h"

namespace news::corpus::html {
namespace {

using nlohmann::json;

// JSON-LD scripts larger than this, or nested deeper, are not parsed.
constexpr std::size_t kMaxJsonLdBytes = 2U << 20;
constexpr int kMaxJsonLdDepth = 64;
constexpr std::size_t kMaxTitleBytes = 1024;
constexpr std::size_t kMaxAuthorBytes = 120;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string trimmed(std::string_view text) { return collapse_whitespace(text); }

// Letters and digits only, ASCII lower case: how site names are compared.
std::string comparable(std::string_view text) {
  std::string out;
  for (const char c : ascii_lower(text)) {
    if (is_digit(c) || is_alpha(c) || (static_cast<unsigned char>(c) >= 0x80)) {
      out.push_back(c);
    }
  }
  return out;
}

bool names_site(std::string_view part, std::string_view site_name,
                std::string_view host) {
  const std::string part_key = comparable(part);
  if (part_key.empty()) return false;
  const std::string site_key = comparable(site_name);
  if (!site_key.empty() &&
      (part_key == site_key ||
       (part_key.size() >= 3 && site_key.find(part_key) != std::string::npos) ||
       (site_key.size() >= 3 &&
        part_key.find(site_key) != std::string::npos))) {
    return true;
  }
  const std::string host_label = comparable(host.substr(0, host.find('.')));
  if (host_label.size() >= 3) {
    if (part_key.find(host_label) != std::string::npos) return true;
    // "Example.com" written out.
    if (comparable(host).find(part_key) != std::string::npos &&
        part_key.size() >= 3) {
      return true;
    }
  }
  return false;
}

constexpr std::array<std::string_view, 13> kTitleSeparators = {
    " | ", " - ",  " – ", " — ", " :: ", " · ", " • ",
    " / ", " // ", " › ", " » ", " « ",  " ‹ "};

struct Split {
  std::size_t position = std::string_view::npos;
  std::size_t length = 0;
};

Split last_separator(std::string_view title) {
  Split best;
  for (const std::string_view separator : kTitleSeparators) {
    const std::size_t position = title.rfind(separator);
    if (position != std::string_view::npos &&
        (best.position == std::string_view::npos || position > best.position)) {
      best = {position, separator.size()};
    }
  }
  return best;
}

Split first_separator(std::string_view title) {
  Split best;
  for (const std::string_view separator : kTitleSeparators) {
    const std::size_t position = title.find(separator);
    if (position != std::string_view::npos &&
        (best.position == std::string_view::npos || position < best.position)) {
      best = {position, separator.size()};
    }
  }
  return best;
}

std::string json_string(const json& value) {
  if (value.is_string()) return trimmed(value.get_ref<const std::string&>());
  return "";
}

bool has_article_type(const json& object) {
  static constexpr std::array<std::string_view, 12> kTypes = {
      "NewsArticle",           "Article",
      "BlogPosting",           "ReportageNewsArticle",
      "AnalysisNewsArticle",   "OpinionNewsArticle",
      "LiveBlogPosting",       "TechArticle",
      "ScholarlyArticle",      "Report",
      "BackgroundNewsArticle", "SocialMediaPosting"};
  const auto matches = [](const json& type) {
    if (!type.is_string()) return false;
    std::string_view name = type.get_ref<const std::string&>();
    const std::size_t colon = name.rfind('/');  // "http://schema.org/Article"
    if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
    return std::find(kTypes.begin(), kTypes.end(), name) != kTypes.end();
  };
  const auto type = object.find("@type");
  if (type == object.end()) return false;
  if (type->is_array()) {
    return std::any_of(type->begin(), type->end(), matches);
  }
  return matches(*type);
}

// Every object of a JSON-LD value, breadth first, with ids for references.
void collect_objects(const json& value, int depth,
                     std::vector<const json*>& objects) {
  if (depth > kMaxJsonLdDepth) return;
  if (value.is_array()) {
    for (const json& item : value) collect_objects(item, depth + 1, objects);
  } else if (value.is_object()) {
    objects.push_back(&value);
    for (const auto& [key, item] : value.items()) {
      if (item.is_object() || item.is_array()) {
        collect_objects(item, depth + 1, objects);
      }
    }
  }
}

// Maximum bracket nesting of a JSON text (outside strings): deep JSON would
// cost deep recursion in the parser.
int json_nesting(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

std::string json_ld_text(std::string text) {
  // Wrappers some CMSs leave around the JSON.
  for (const std::string_view wrapper :
       {"<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"}) {
    std::size_t position;
    while ((position = text.find(wrapper)) != std::string::npos) {
      text.erase(position, wrapper.size());
    }
  }
  while (!text.empty() &&
         (text.back() == ';' ||
          std::isspace(static_cast<unsigned char>(text.back())) != 0)) {
    text.pop_back();
  }
  return text;
}

struct JsonLdFacts {
  std::string headline;
  std::string date_published;
  std::vector<std::string> authors;
  std::string publisher;
  std::string website_name;
};

void add_author(std::vector<std::string>& authors, std::string name) {
  name = trimmed(name);
  std::string lower = ascii_lower(name);
  if (lower.rfind("by ", 0) == 0) name = trimmed(name.substr(3));
  if (name.empty() || name.size() > kMaxAuthorBytes) return;
  if (lower.find("http://") != std::string::npos ||
      lower.find("https://") != std::string::npos ||
      lower.find("www.") != std::string::npos) {
    return;
  }
  if (std::find(authors.begin(), authors.end(), name) == authors.end()) {
    authors.push_back(std::move(name));
  }
}

void read_json_ld(const json& root, JsonLdFacts& facts) {
  std::vector<const json*> objects;
  collect_objects(root, 0, objects);
  std::map<std::string, const json*> by_id;
  for (const json* object : objects) {
    const auto id = object->find("@id");
    if (id != object->end() && id->is_string() && object->size() > 2) {
      by_id.emplace(id->get<std::string>(), object);
    }
  }
  const auto resolve = [&](const json& value) -> const json& {
    if (value.is_object()) {
      const auto id = value.find("@id");
      if (id != value.end() && id->is_string() && value.size() <= 2) {
        const auto found = by_id.find(id->get<std::string>());
        if (found != by_id.end()) return *found->second;
      }
    }
    return value;
  };
  const auto name_of = [&](const json& value) -> std::string {
    if (value.is_string()) return json_string(value);
    const json& object = resolve(value);
    if (object.is_object()) {
      const auto name = object.find("name");
      if (name != object.end()) return json_string(*name);
    }
    return "";
  };
  for (const json* object : objects) {
    const auto type = object->find("@type");
    if (type != object->end() && type->is_string() &&
        type->get_ref<const std::string&>() == "WebSite" &&
        facts.website_name.empty()) {
      const auto name = object->find("name");
      if (name != object->end()) facts.website_name = json_string(*name);
    }
    if (!has_article_type(*object)) continue;
    if (facts.headline.empty()) {
      const auto headline = object->find("headline");
      if (headline != object->end()) facts.headline = json_string(*headline);
    }
    if (facts.date_published.empty()) {
      const auto date = object->find("datePublished");
      if (date != object->end()) facts.date_published = json_string(*date);
    }
    if (facts.authors.empty()) {
      const auto author = object->find("author");
      if (author != object->end()) {
        if (author->is_array()) {
          for (const json& item : *author)
            add_author(facts.authors, name_of(item));
        } else {
          add_author(facts.authors, name_of(*author));
        }
      }
    }
    if (facts.publisher.empty()) {
      const auto publisher = object->find("publisher");
      if (publisher != object->end()) {
        facts.publisher = publisher->is_array() && !publisher->empty()
                              ? name_of(publisher->front())
                              : name_of(*publisher);
      }
    }
  }
}

// What one pass over the page collects.
struct PageFacts {
  std::multimap<std::string, std::string> meta;  // key lower case -> content
  std::string canonical;
  std::vector<std::string> rel_authors;
  std::vector<std::string> json_ld;
  std::string title;
  std::string h1;
  std::string html_lang;
  std::string time_preferred;  // <time> marked as the publication date
  std::string time_first;
};

std::string first_meta(const PageFacts& facts, std::string_view key) {
  const auto found = facts.meta.find(std::string(key));
  return found == facts.meta.end() ? "" : found->second;
}

PageFacts collect(const Dom& dom) {
  PageFacts facts;
  for (std::size_t i = 0; i < dom.size(); ++i) {
    const DomNode& node = dom.node(i);
    if (node.is_text) continue;
    switch (node.tag) {
      case GUMBO_TAG_HTML:
        if (facts.html_lang.empty()) {
          facts.html_lang = std::string(node.attribute("lang"));
          if (facts.html_lang.empty()) {
            facts.html_lang = std::string(node.attribute("xml:lang"));
          }
        }
        break;
      case GUMBO_TAG_META: {
        const std::string content = trimmed(node.attribute("content"));
        if (content.empty()) break;
        for (const std::string_view attribute :
             {"property", "name", "itemprop", "http-equiv"}) {
          const std::string key =
              ascii_lower(trimmed(node.attribute(attribute)));
          if (!key.empty()) facts.meta.emplace(key, content);
        }
        break;
      }
      case GUMBO_TAG_LINK: {
        const std::string rel = ascii_lower(node.attribute("rel"));
        if (rel == "canonical" && facts.canonical.empty()) {
          facts.canonical = trimmed(node.attribute("href"));
        }
        break;
      }
      case GUMBO_TAG_A: {
        const std::string rel = ascii_lower(node.attribute("rel"));
        if (rel.find("author") != std::string::npos) {
          facts.rel_authors.push_back(trimmed(dom.text_content(i)));
        }
        break;
      }
      case GUMBO_TAG_SCRIPT:
        if (ascii_lower(trimmed(node.attribute("type"))) ==
            "application/ld+json") {
          facts.json_ld.push_back(dom.text_content(i));
        }
        break;
      case GUMBO_TAG_TITLE:
        if (facts.title.empty()) facts.title = trimmed(dom.text_content(i));
        break;
      case GUMBO_TAG_H1:
        if (facts.h1.empty()) facts.h1 = trimmed(dom.text_content(i));
        break;
      case GUMBO_TAG_TIME: {
        std::string datetime = trimmed(node.attribute("datetime"));
        if (datetime.empty()) datetime = trimmed(dom.text_content(i));
        if (datetime.empty()) break;
        const std::string marks =
            ascii_lower(std::string(node.attribute("itemprop")) + " " +
                        std::string(node.attribute("class")));
        const bool is_marked =
            node.has_attribute("pubdate") ||
            marks.find("datepublished") != std::string::npos ||
            marks.find("publish") != std::string::npos;
        if (is_marked && facts.time_preferred.empty()) {
          facts.time_preferred = datetime;
        }
        if (facts.time_first.empty()) facts.time_first = datetime;
        break;
      }
      default:
        break;
    }
    // itemprop=datePublished on any element (content or datetime).
    const std::string_view itemprop = node.attribute("itemprop");
    if (!itemprop.empty() && node.tag != GUMBO_TAG_META &&
        ascii_lower(itemprop) == "datepublished") {
      std::string value = trimmed(node.attribute("content"));
      if (value.empty()) value = trimmed(node.attribute("datetime"));
      if (value.empty()) value = trimmed(dom.text_content(i));
      if (!value.empty()) facts.meta.emplace("itemprop:datepublished", value);
    }
  }
  return facts;
}

// A date in a URL path: "/2019/10/16/" or "/2019-10-16-" (a year, month
// and day as path parts); nullopt otherwise.
std::optional<Date> date_in_url(std::string_view url) {
  const std::size_t path = url.find('/', url.find("//") + 2);
  if (url_host(url).empty() || path == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view text = url.substr(path);
  for (std::size_t i = 0; i + 11 <= text.size(); ++i) {
    if (text[i] != '/') continue;
    const std::string_view rest = text.substr(i + 1);
    if (rest.size() < 10 ||
        !std::all_of(rest.begin(), rest.begin() + 4, is_digit)) {
      continue;
    }
    const char separator = rest[4];
    if ((separator != '/' && separator != '-') || !is_digit(rest[5]) ||
        !is_digit(rest[6]) || rest[7] != separator || !is_digit(rest[8]) ||
        !is_digit(rest[9]) || (rest.size() > 10 && is_digit(rest[10]))) {
      continue;
    }
    const Date date{std::stoi(std::string(rest.substr(0, 4))),
                    std::stoi(std::string(rest.substr(5, 2))),
                    std::stoi(std::string(rest.substr(8, 2)))};
    if (date.is_valid()) return date;
  }
  return std::nullopt;
}

std::string usable_title(std::string title) {
  if (title.size() > kMaxTitleBytes) return "";
  return title;
}

}  // namespace

std::string url_host(std::string_view url) {
  const std::string lower = ascii_lower(url.substr(0, 8));
  std::size_t start;
  if (lower.rfind("https://", 0) == 0) {
    start = 8;
  } else if (lower.rfind("http://", 0) == 0) {
    start = 7;
  } else {
    return "";
  }
  std::size_t end = start;
  while (end < url.size() && url[end] != '/' && url[end] != '?' &&
         url[end] != '#' && url[end] != ':') {
    ++end;
  }
  std::string host = ascii_lower(url.substr(start, end - start));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

std::string language_code(std::string_view tag) {
  const std::string text = trimmed(tag);
  std::size_t letters = 0;
  while (letters < text.size() && is_alpha(text[letters])) ++letters;
  if (letters < 2 || letters > 3) return "";
  if (letters < text.size() && text[letters] != '-' && text[letters] != '_') {
    return "";
  }
  return ascii_lower(text.substr(0, letters));
}

std::optional<Date> parse_page_date(std::string_view text) {
  const std::string value = trimmed(text);
  const std::string_view view(value);
  const auto digits = [&](std::size_t from, std::size_t count) {
    if (from + count > view.size()) return false;
    return std::all_of(view.begin() + from, view.begin() + from + count,
                       is_digit);
  };
  const auto number = [&](std::size_t from, std::size_t count) {
    int result = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      result = result * 10 + (view[i] - '0');
    }
    return result;
  };
  const auto valid = [](Date date) -> std::optional<Date> {
    if (date.is_valid()) return date;
    return std::nullopt;
  };
  // 2019-10-16..., 2019/10/16...
  if (digits(0, 4) && view.size() >= 10 && (view[4] == '-' || view[4] == '/') &&
      digits(5, 2) && view[7] == view[4] && digits(8, 2) &&
      (view.size() == 10 || !is_digit(view[10]))) {
    return valid({number(0, 4), number(5, 2), number(8, 2)});
  }
  // 20191016 or 20191016T...
  if (digits(0, 8) && (view.size() == 8 || !is_digit(view[8]))) {
    return valid({number(0, 4), number(4, 2), number(6, 2)});
  }
  // 16.10.2019 (day first, as written in German, Russian, ...).
  for (std::size_t i = 0; i + 10 <= view.size(); ++i) {
    if ((i == 0 || !is_digit(view[i - 1])) && digits(i, 2) &&
        view[i + 2] == '.' && digits(i + 3, 2) && view[i + 5] == '.' &&
        digits(i + 6, 4) &&
        (i + 10 == view.size() || !is_digit(view[i + 10]))) {
      return valid({number(i + 6, 4), number(i + 3, 2), number(i, 2)});
    }
  }
  return find_date_in_line(view);
}

std::string strip_site_affix(std::string_view title, std::string_view site_name,
                             std::string_view host) {
  const std::string text = trimmed(title);
  const Split last = last_separator(text);
  if (last.position != std::string_view::npos && last.position > 0) {
    const std::string_view suffix =
        std::string_view(text).substr(last.position + last.length);
    if (names_site(suffix, site_name, host)) {
      return strip_site_affix(text.substr(0, last.position), site_name, host);
    }
  }
  const Split first = first_separator(text);
  if (first.position != std::string_view::npos && first.position > 0) {
    const std::string_view prefix =
        std::string_view(text).substr(0, first.position);
    const std::string rest = text.substr(first.position + first.length);
    if (!rest.empty() && names_site(prefix, site_name, host)) return rest;
  }
  return text;
}

HtmlMetadata extract_metadata(const Dom& dom) {
  const PageFacts facts = collect(dom);
  JsonLdFacts json_ld;
  for (const std::string& script : facts.json_ld) {
    if (script.size() > kMaxJsonLdBytes) continue;
    const std::string text = json_ld_text(script);
    if (json_nesting(text) > kMaxJsonLdDepth) continue;
    const json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!root.is_discarded()) read_json_ld(root, json_ld);
  }

  HtmlMetadata metadata;
  // URL and site first: the title's site suffix is judged by them.
  const std::string og_url = first_meta(facts, "og:url");
  if (!url_host(facts.canonical).empty()) {
    metadata.canonical_url = facts.canonical;
  } else if (!url_host(og_url).empty()) {
    metadata.canonical_url = og_url;
  }
  for (const std::string& candidate :
       {first_meta(facts, "og:site_name"), json_ld.publisher,
        json_ld.website_name, first_meta(facts, "application-name")}) {
    if (!candidate.empty() && candidate.size() <= kMaxTitleBytes) {
      metadata.site_name = candidate;
      break;
    }
  }
  const std::string host = url_host(metadata.canonical_url);

  // Title.
  const std::pair<std::string, const char*> kTitles[] = {
      {first_meta(facts, "og:title"), "html:og:title"},
      {first_meta(facts, "twitter:title"), "html:twitter:title"},
      {json_ld.headline, "html:json-ld:headline"},
      {facts.h1, "html:h1"},
      {facts.title, "html:title"},
  };
  metadata.title_rule = "none";
  // A plain loop variable, not a structured binding: lambdas below capture
  // it, which C++17 does not allow for bindings (clang rejects it).
  for (const auto& candidate : kTitles) {
    const auto& raw = candidate.first;
    const auto& rule = candidate.second;
    std::string title =
        usable_title(strip_site_affix(raw, metadata.site_name, host));
    if (title.empty()) continue;
    // A blog's <h1> is often the blog's name, not the post's: the site's
    // name, or the affix of another title ("Post | Blog" and <h1>Blog).
    const std::string title_key = comparable(title);
    if (title_key == comparable(metadata.site_name) ||
        title_key == comparable(host) ||
        title_key == comparable(host.substr(0, host.find('.')))) {
      continue;
    }
    const bool is_affix_of_other = std::any_of(
        std::begin(kTitles), std::end(kTitles), [&](const auto& other) {
          if (&other.first == &raw) return false;
          const Split last = last_separator(other.first);
          return last.position != std::string_view::npos && last.position > 0 &&
                 trimmed(other.first.substr(last.position + last.length)) ==
                     title;
        });
    if (is_affix_of_other) continue;
    // "Headline | Section" where another source gives "Headline" or
    // "Section" alone: the other part is the site's.
    const Split last = last_separator(title);
    if (last.position != std::string_view::npos) {
      const std::string head = title.substr(0, last.position);
      const std::string tail = title.substr(last.position + last.length);
      for (const auto& other : kTitles) {
        if (&other.first == &raw) continue;
        const std::string other_title = trimmed(other.first);
        if (other_title == head || (other_title == tail && !head.empty())) {
          title = head;
          break;
        }
      }
    }
    metadata.title = title;
    metadata.title_rule = rule;
    break;
  }

  // Date.
  const std::pair<std::string, const char*> kDates[] = {
      {json_ld.date_published, "html:json-ld:datePublished"},
      {first_meta(facts, "article:published_time"),
       "html:meta:article:published_time"},
      {first_meta(facts, "og:published_time"), "html:meta:og:published_time"},
      {first_meta(facts, "datepublished"), "html:meta:datePublished"},
      {first_meta(facts, "itemprop:datepublished"),
       "html:itemprop:datePublished"},
      {first_meta(facts, "date"), "html:meta:date"},
      {first_meta(facts, "pubdate"), "html:meta:pubdate"},
      {first_meta(facts, "publishdate"), "html:meta:publishdate"},
      {first_meta(facts, "publish-date"), "html:meta:publish-date"},
      {first_meta(facts, "dc.date.issued"), "html:meta:dc.date.issued"},
      {first_meta(facts, "dc.date"), "html:meta:dc.date"},
      {first_meta(facts, "dcterms.date"), "html:meta:dcterms.date"},
      {first_meta(facts, "sailthru.date"), "html:meta:sailthru.date"},
      {facts.time_preferred, "html:time"},
      {facts.time_first, "html:time"},
  };
  metadata.date_rule = "none";
  for (const auto& [raw, rule] : kDates) {
    if (raw.empty()) continue;
    const std::optional<Date> date = parse_page_date(raw);
    if (!date) continue;
    metadata.published = date;
    metadata.date_rule = rule;
    break;
  }
  if (!metadata.published) {
    metadata.published = date_in_url(metadata.canonical_url);
    if (metadata.published) metadata.date_rule = "html:url";
  }

  // Authors: the first source that names any.
  metadata.authors = json_ld.authors;
  if (metadata.authors.empty()) {
    for (const std::string_view key :
         {"author", "article:author", "dc.creator", "sailthru.author",
          "parsely-author", "byl"}) {
      const auto [begin, end] = facts.meta.equal_range(std::string(key));
      for (auto it = begin; it != end; ++it) {
        add_author(metadata.authors, it->second);
      }
      if (!metadata.authors.empty()) break;
    }
  }
  if (metadata.authors.empty()) {
    for (const std::string& name : facts.rel_authors) {
      add_author(metadata.authors, name);
    }
  }

  // Language.
  for (const std::string& tag :
       {facts.html_lang, first_meta(facts, "content-language"),
        first_meta(facts, "language"), first_meta(facts, "dc.language"),
        first_meta(facts, "og:locale")}) {
    metadata.language = language_code(tag);
    if (!metadata.language.empty()) break;
  }
  return metadata;
}

}  // namespace news::corpus::html
