#include "corpus/html/content.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "corpus/html/html_text.h"

namespace news::corpus::html {
namespace {

// Blocks shorter than this (in characters) do not score their ancestors.
constexpr std::size_t kMinScoringLength = 25;
// How many ancestor levels a block scores.
constexpr int kScoredLevels = 5;
// An element holding at least this share of the page's text, and the
// article's anchor (its first <h1> or itemprop=articleBody), is never
// dropped for its class, id or tag.
constexpr double kGuardedTextShare = 0.2;
constexpr std::size_t kMaxClassBytes = 512;
// Elements named boilerplate by weak signals (a "sidebar" or "banner" class,
// a <nav> or <footer>) are dropped only below this share of the page text.
constexpr double kWeakDropShare = 0.25;

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

// Elements that never hold article text.
bool is_inert_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
      return true;
    default:
      return false;
  }
}

// Page furniture by element.
bool is_furniture_tag(GumboTag tag) {
  return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE ||
         tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_FORM ||
         tag == GUMBO_TAG_FIELDSET || tag == GUMBO_TAG_LABEL;
}

bool is_heading_tag(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
         tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Blocks whose scores go to their parent, as a paragraph's do.
bool is_paragraph_tag(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LI ||
         tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT ||
         tag == GUMBO_TAG_BLOCKQUOTE || is_heading_tag(tag);
}

int tag_weight(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
      return 5;
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
      return 10;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

bool contains_any(std::string_view text,
                  std::initializer_list<std::string_view> parts) {
  for (const std::string_view part : parts) {
    if (text.find(part) != std::string_view::npos) return true;
  }
  return false;
}

bool starts_with_any(std::string_view text,
                     std::initializer_list<std::string_view> prefixes) {
  for (const std::string_view prefix : prefixes) {
    if (text.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

bool ends_with_any(std::string_view text,
                   std::initializer_list<std::string_view> suffixes) {
  for (const std::string_view suffix : suffixes) {
    if (text.size() >= suffix.size() &&
        text.substr(text.size() - suffix.size()) == suffix) {
      return true;
    }
  }
  return false;
}

// The words of a class token: "article-body_main2" -> article, body, main.
std::vector<std::string_view> token_words(std::string_view token) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= token.size(); ++i) {
    const bool is_separator = i == token.size() || token[i] == '-' ||
                              token[i] == '_' ||
                              (token[i] >= '0' && token[i] <= '9');
    if (is_separator) {
      if (i > start) words.push_back(token.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

struct ClassFacts {
  bool is_boilerplate = false;       // dropped unless it holds the article
  bool is_weak_boilerplate = false;  // ... or a large part of the text
  bool is_comments = false;          // readers' comments: always dropped
  int weight = 0;
};

bool is_weak_word(std::string_view word) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "ad",       "ads",    "adv",     "nav",    "tag",     "meta",
      "bio",      "tools",  "extra",   "aside",  "date",    "time",
      "caption",  "credit", "credits", "source", "topbar",  "subnav",
      "info",     "infos",  "skip",    "jump",   "links",   "contact",
      "rss",      "feed",   "popular", "more",   "next",    "prev",
      "previous", "pager",  "overlay", "modal",  "werbung", "anzeige",
      "comment",  "header", "head",    "share"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// What an element's class and id say about its role.
ClassFacts judge_class(std::string_view class_attribute,
                       std::string_view id_attribute) {
  ClassFacts facts;
  std::string names = ascii_lower(class_attribute.substr(0, kMaxClassBytes));
  names.push_back(' ');
  names += ascii_lower(id_attribute.substr(0, kMaxClassBytes));
  const std::string_view all(names);
  bool has_content_token = false;  // a token naming content, nothing else
  std::size_t start = 0;
  while (start < all.size()) {
    std::size_t end = all.find_first_of(" \t\n\r\f", start);
    if (end == std::string_view::npos) end = all.size();
    std::string_view token = all.substr(start, end - start);
    start = end + 1;
    // A BEM modifier ("section--ads") tells a variant, not the role.
    const std::size_t modifier = token.find("--");
    if (modifier != std::string_view::npos && modifier > 0) {
      token = token.substr(0, modifier);
    }
    if (token.empty()) continue;
    if (token == "hidden" || token == "hide" || token == "d-none" ||
        token == "is-hidden" || token == "invisible" ||
        contains_any(token, {"sr-only", "visually-hidden", "visuallyhidden",
                             "screen-reader", "screenreader",
                             "element-invisible", "offscreen"})) {
      facts.is_boilerplate = true;
      continue;
    }
    // State and taxonomy flags describe the content, not a role
    // ("has-sidebar", "comments-open", "tag-politics", "category-news").
    if (starts_with_any(
            token, {"has-", "is-", "with-", "no-", "tag-", "category-", "type-",
                    "status-", "format-", "postid-", "page-id-", "single-",
                    "template-", "layout-", "theme-", "lang-"}) ||
        ends_with_any(token, {"-open", "-closed", "-enabled", "-disabled",
                              "-active", "-loaded"})) {
      continue;
    }
    const bool is_positive =
        contains_any(token, {"article", "body", "content", "entry", "main",
                             "post", "text", "story", "hentry"});
    // Wrappers of content and furniture ("content-sidebar-wrap") and
    // headers of the article ("article-header") are not furniture.
    const bool is_content_wrapper =
        is_positive && contains_any(token, {"wrap", "container", "header",
                                            "head", "inner", "outer"});
    if (contains_any(token, {"comments", "comment-", "comment_", "commentlist",
                             "disqus"}) &&
        !contains_any(token, {"commentary"})) {
      facts.is_boilerplate = true;
      facts.is_comments = true;
      continue;
    }
    if (contains_any(
            token,
            {"share",      "sharing",  "social",    "related",   "recommend",
             "newsletter", "cookie",   "advert",    "sponsor",   "outbrain",
             "taboola",    "plista",   "popup",     "subscri",   "consent",
             "gdpr",       "login",    "signup",    "mostread",  "most-read",
             "trending",   "readmore", "read-more", "copyright", "follow",
             "donate",     "keywords"})) {
      facts.is_boilerplate = true;
      continue;
    }
    bool is_weak = contains_any(
        token, {"breadcrumb", "pagination", "skiplink",  "skip-link", "navbar",
                "navigation", "tagcloud",   "tag-cloud", "sidebar",   "paywall",
                "footer",     "menu",       "byline",    "author",    "tags",
                "toolbar",    "masthead",   "banner",    "promo",     "teaser",
                "dateline",   "timestamp",  "rating",    "more-",     "also-",
                "further",    "pubdate",    "published", "posted",    "print"});
    for (const std::string_view word : token_words(token)) {
      if (is_weak_word(word)) is_weak = true;
    }
    if (is_weak && !is_content_wrapper) {
      facts.is_weak_boilerplate = true;
      continue;
    }
    if (is_positive) {
      has_content_token = true;
      facts.weight = 25;
    }
    if (contains_any(
            token, {"foot", "footnote", "media", "scroll", "shoutbox",
                    "skyscraper", "shopping", "combx", "contact", "widget"})) {
      facts.weight = std::min(facts.weight, -25);
    }
  }
  // One token naming the content outweighs weak signals in others
  // ("l-sidebar-fixed l-article-body-segment").
  if (has_content_token) facts.is_weak_boilerplate = false;
  if (facts.is_boilerplate || facts.is_weak_boilerplate) facts.weight = -25;
  return facts;
}

bool is_hidden(const DomNode& node) {
  if (node.has_attribute("hidden")) return true;
  if (ascii_lower(node.attribute("aria-hidden")) == "true") return true;
  const std::string_view style = node.attribute("style");
  if (style.empty()) return false;
  std::string compact;
  for (const char c : ascii_lower(style)) {
    if (c != ' ' && c != '\t' && c != '\n') compact.push_back(c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

bool is_furniture_role(std::string_view role) {
  const std::string lower = ascii_lower(role);
  return lower == "navigation" || lower == "banner" || lower == "contentinfo" ||
         lower == "complementary" || lower == "menu" || lower == "menubar" ||
         lower == "dialog" || lower == "alertdialog" || lower == "search" ||
         lower == "toolbar" || lower == "tablist";
}

bool is_article_role(const DomNode& node) {
  const std::string role = ascii_lower(node.attribute("role"));
  const std::string itemprop = ascii_lower(node.attribute("itemprop"));
  return role == "main" || role == "article" ||
         itemprop.find("articlebody") != std::string::npos ||
         itemprop == "text";
}

struct Block {
  std::string text;
  std::size_t owner = kNoNode;  // the innermost block element around it
  std::size_t text_length = 0;
  std::size_t link_length = 0;

  double link_density() const {
    return text_length == 0 ? 0.0
                            : static_cast<double>(link_length) /
                                  static_cast<double>(text_length);
  }
};

std::size_t comma_count(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') {
      ++count;
    } else if (text.substr(i, 3) == "\xEF\xBC\x8C" ||  // fullwidth comma
               text.substr(i, 3) == "\xE3\x80\x81" ||  // ideographic comma
               text.substr(i, 2) == "\xD8\x8C") {      // Arabic comma
      ++count;
    }
  }
  return count;
}

bool ends_sentence(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return ends_with_any(
      text, {".", "!", "?", "\xE3\x80\x82", ".\"", ".\xE2\x80\x9D", ".)", ":"});
}

// Short lines that are page furniture in any page (compared lower case).
bool is_furniture_line(std::string_view text, std::size_t length) {
  if (length > 80) return false;
  const std::string lower = ascii_lower(text);
  if (length <= 60 &&
      (contains_any(lower, {"\xC2\xA9", "copyright", "all rights reserved",
                            "alle rechte vorbehalten", "cookie"}))) {
    return true;
  }
  static constexpr std::array<std::string_view, 33> kLines = {
      "advertisement", "anzeige",
      "werbung",       "share",
      "tweet",         "teilen",
      "drucken",       "print",
      "e-mail",        "email",
      "facebook",      "twitter",
      "whatsapp",      "pinterest",
      "linkedin",      "read more",
      "weiterlesen",   "mehr",
      "more",          "kommentare",
      "comments",      "top",
      "back to top",   "nach oben",
      "publicidad",    "publicité",
      "share this",    "share this article",
      "related",       "related articles",
      "login",         "log in",
      "sign in"};
  std::string key = lower;
  while (!key.empty() && (key.back() == ':' || key.back() == ' '))
    key.pop_back();
  return std::find(kLines.begin(), kLines.end(), key) != kLines.end();
}

class ContentExtractor {
 public:
  // is_lenient: drop only inert elements (scripts, styles...), menus and
  // forms, for a page whose every text block the furniture rules dropped.
  ContentExtractor(const Dom& dom, const bool is_lenient)
      : dom_(dom),
        is_lenient_(is_lenient),
        is_dropped_(dom.size(), false),
        weight_(dom.size(), 0),
        text_length_(dom.size(), 0),
        link_length_(dom.size(), 0),
        score_(dom.size(), 0.0),
        is_candidate_(dom.size(), false) {}

  std::string run() {
    body_ = dom_.find_first(GUMBO_TAG_BODY);
    if (body_ == kNoNode) body_ = 0;
    mark_dropped();
    make_blocks();
    if (blocks_.empty()) return "";
    sum_lengths();
    score_blocks();
    return render(select());
  }

 private:
  void mark_dropped() {
    // Raw text lengths first, for the guard on large elements.
    std::vector<std::size_t> raw_length(dom_.size(), 0);
    for (std::size_t i = dom_.size(); i > 0; --i) {
      const DomNode& node = dom_.node(i - 1);
      if (node.is_text) {
        raw_length[i - 1] = node.text.size();
      } else if (is_inert_tag(node.tag)) {
        raw_length[i - 1] = 0;
      }
      if (node.parent != kNoNode) raw_length[node.parent] += raw_length[i - 1];
    }
    std::size_t anchor = kNoNode;
    for (std::size_t i = body_; i < dom_.node(body_).subtree_end; ++i) {
      const DomNode& node = dom_.node(i);
      if (node.is_text) continue;
      const std::string itemprop = ascii_lower(node.attribute("itemprop"));
      if (itemprop.find("articlebody") != std::string::npos ||
          itemprop == "text") {
        anchor = i;
        break;
      }
      if (node.tag == GUMBO_TAG_H1 && anchor == kNoNode) anchor = i;
    }
    const double guarded_length =
        kGuardedTextShare * static_cast<double>(raw_length[body_]);
    const double body_length = static_cast<double>(raw_length[body_]);
    const double most_length = 0.5 * body_length;
    std::size_t article_end = 0;  // inside an <article> until this node
    for (std::size_t i = body_; i < dom_.node(body_).subtree_end;) {
      const DomNode& node = dom_.node(i);
      if (node.is_text) {
        ++i;
        continue;
      }
      if (node.tag == GUMBO_TAG_ARTICLE && i >= article_end) {
        article_end = node.subtree_end;
      }
      const ClassFacts facts =
          judge_class(node.attribute("class"), node.attribute("id"));
      weight_[i] = facts.weight;
      const double length = static_cast<double>(raw_length[i]);
      bool is_dropped = false;
      if (is_inert_tag(node.tag)) {
        // An unclosed element inside <noscript> can swallow the page.
        is_dropped = node.tag != GUMBO_TAG_NOSCRIPT || length < most_length;
      } else if (i != body_ && is_lenient_) {
        // Menus and forms only; an <aside>, a page header or a class name
        // is not enough to drop an element.
        is_dropped =
            (is_furniture_tag(node.tag) && node.tag != GUMBO_TAG_ASIDE) ||
            is_furniture_role(node.attribute("role"));
      } else if (i != body_) {
        const bool is_weak = is_furniture_tag(node.tag) ||
                             facts.is_weak_boilerplate ||
                             (node.tag == GUMBO_TAG_HEADER && i >= article_end);
        is_dropped = is_weak || is_hidden(node) || facts.is_boilerplate ||
                     is_furniture_role(node.attribute("role"));
        if (is_dropped && anchor != kNoNode && dom_.contains(i, anchor) &&
            length >= guarded_length) {
          is_dropped = false;
        }
        // Weak signals only drop small parts of the page; a large element
        // is left to the scoring. Articles and main areas list taxonomy
        // ("tag-x", "author-y") in their classes, not roles.
        const bool is_article_element =
            node.tag == GUMBO_TAG_ARTICLE || node.tag == GUMBO_TAG_MAIN;
        // A share bar or an ad slot never holds most of the page's text;
        // one that seems to wraps the article.
        if (is_dropped && facts.is_boilerplate && !facts.is_comments &&
            length >= most_length) {
          is_dropped = false;
        }
        if (is_dropped && is_weak && !facts.is_boilerplate &&
            (length >= kWeakDropShare * body_length ||
             (is_article_element && facts.is_weak_boilerplate &&
              !is_furniture_tag(node.tag)))) {
          is_dropped = false;
        }
        if (is_article_role(node)) weight_[i] += 25;
      }
      if (is_dropped) {
        is_dropped_[i] = true;
        i = node.subtree_end;
      } else {
        ++i;
      }
    }
  }

  void flush(std::size_t owner) {
    while (!buffer_.empty() &&
           (buffer_.back() == ' ' || buffer_.back() == '\n')) {
      buffer_.pop_back();
    }
    std::size_t start = 0;
    while (start < buffer_.size() &&
           (buffer_[start] == ' ' || buffer_[start] == '\n')) {
      ++start;
    }
    if (start < buffer_.size() && buffer_text_length_ > 0) {
      Block block;
      block.text = buffer_.substr(start);
      block.owner = owner;
      block.text_length = buffer_text_length_;
      block.link_length = std::min(buffer_link_length_, buffer_text_length_);
      blocks_.push_back(std::move(block));
    }
    buffer_.clear();
    buffer_text_length_ = 0;
    buffer_link_length_ = 0;
  }

  void make_blocks() {
    std::vector<std::size_t> open;  // block elements entered, not yet left
    std::size_t link_end = 0;       // inside a link until this node
    const std::size_t end = dom_.node(body_).subtree_end;
    std::size_t i = body_;
    while (true) {
      while (!open.empty() &&
             (i >= end || dom_.node(open.back()).subtree_end <= i)) {
        flush(open.back());
        open.pop_back();
      }
      if (i >= end) break;
      const DomNode& node = dom_.node(i);
      if (node.is_text) {
        append_collapsed(buffer_, node.text);
        const std::size_t length = visible_length(node.text);
        buffer_text_length_ += length;
        if (i < link_end) buffer_link_length_ += length;
        ++i;
        continue;
      }
      if (is_dropped_[i]) {
        i = node.subtree_end;
        continue;
      }
      if (node.tag == GUMBO_TAG_BR) {
        if (!buffer_.empty() && buffer_.back() != '\n') {
          while (!buffer_.empty() && buffer_.back() == ' ') buffer_.pop_back();
          buffer_.push_back('\n');
        }
      } else if (node.tag == GUMBO_TAG_A && i >= link_end &&
                 node.has_attribute("href")) {
        link_end = node.subtree_end;
      } else if (is_block_tag(node.tag)) {
        if (!open.empty()) flush(open.back());
        open.push_back(i);
      } else if (node.tag == GUMBO_TAG_IMG) {
        // Images carry no text; a space keeps words apart.
        if (!buffer_.empty() && buffer_.back() != ' ' &&
            buffer_.back() != '\n') {
          buffer_.push_back(' ');
        }
      }
      ++i;
    }
  }

  void sum_lengths() {
    for (const Block& block : blocks_) {
      text_length_[block.owner] += block.text_length;
      link_length_[block.owner] += block.link_length;
    }
    for (std::size_t i = dom_.size(); i > 0; --i) {
      const std::size_t parent = dom_.node(i - 1).parent;
      if (parent == kNoNode) continue;
      text_length_[parent] += text_length_[i - 1];
      link_length_[parent] += link_length_[i - 1];
    }
  }

  double link_density(std::size_t node) const {
    return text_length_[node] == 0
               ? 0.0
               : static_cast<double>(link_length_[node]) /
                     static_cast<double>(text_length_[node]);
  }

  void score_blocks() {
    for (const Block& block : blocks_) {
      if (block.text_length < kMinScoringLength || block.link_density() > 0.5) {
        continue;
      }
      const GumboTag owner_tag = dom_.node(block.owner).tag;
      if (is_heading_tag(owner_tag)) continue;
      const double content = 1.0 +
                             static_cast<double>(comma_count(block.text)) +
                             static_cast<double>(std::min<std::size_t>(
                                 block.text_length / 100, 3));
      std::size_t node = is_paragraph_tag(owner_tag) && block.owner != body_
                             ? dom_.node(block.owner).parent
                             : block.owner;
      for (int level = 0; level < kScoredLevels && node != kNoNode; ++level) {
        if (!is_candidate_[node]) {
          is_candidate_[node] = true;
          score_[node] = tag_weight(dom_.node(node).tag) + weight_[node];
        }
        const double divider = level == 0   ? 1.0
                               : level == 1 ? 2.0
                                            : level * 3.0;
        score_[node] += content / divider;
        if (node == body_) break;
        node = dom_.node(node).parent;
      }
    }
    for (std::size_t i = 0; i < dom_.size(); ++i) {
      if (is_candidate_[i]) score_[i] *= 1.0 - link_density(i);
    }
  }

  // The article's elements: the best candidate and the siblings that join it.
  std::vector<std::size_t> select() const {
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < dom_.size(); ++i) {
      if (is_candidate_[i]) candidates.push_back(i);
    }
    if (candidates.empty()) return {body_};
    std::sort(
        candidates.begin(), candidates.end(),
        [&](std::size_t a, std::size_t b) { return score_[a] > score_[b]; });
    std::size_t top = candidates.front();
    if (top == body_) return {body_};
    // Several near-best candidates under one ancestor: the ancestor is the
    // article (its paragraphs are split into sections).
    std::vector<std::size_t> alternatives;
    for (std::size_t k = 1; k < std::min<std::size_t>(candidates.size(), 5);
         ++k) {
      if (score_[candidates[k]] >= 0.75 * score_[top]) {
        alternatives.push_back(candidates[k]);
      }
    }
    if (alternatives.size() >= 3) {
      for (std::size_t ancestor = dom_.node(top).parent;
           ancestor != kNoNode && ancestor != body_;
           ancestor = dom_.node(ancestor).parent) {
        const std::size_t inside = static_cast<std::size_t>(
            std::count_if(alternatives.begin(), alternatives.end(),
                          [&](std::size_t alternative) {
                            return dom_.contains(ancestor, alternative);
                          }));
        if (inside >= 3) {
          top = ancestor;
          break;
        }
      }
    }
    // A parent that scores better than the way down to it is the article.
    double last_score = score_[top];
    const double threshold = last_score / 3.0;
    for (std::size_t parent = dom_.node(top).parent;
         parent != kNoNode && parent != body_;
         parent = dom_.node(parent).parent) {
      if (!is_candidate_[parent]) continue;
      if (score_[parent] < threshold) break;
      if (score_[parent] > last_score) {
        top = parent;
        break;
      }
      last_score = score_[parent];
    }
    // An only child stands for its parent.
    while (top != body_ && dom_.node(top).parent != kNoNode &&
           dom_.node(top).parent != body_ &&
           element_children(dom_.node(top).parent) == 1) {
      top = dom_.node(top).parent;
    }
    const std::size_t parent = dom_.node(top).parent;
    if (parent == kNoNode) return {top};
    const double sibling_threshold = std::max(10.0, score_[top] * 0.2);
    const std::string_view top_class = dom_.node(top).attribute("class");
    std::vector<std::size_t> selected;
    for (const std::size_t sibling : dom_.node(parent).children) {
      const DomNode& node = dom_.node(sibling);
      if (node.is_text || is_dropped_[sibling]) continue;
      if (sibling == top) {
        selected.push_back(sibling);
        continue;
      }
      double bonus = 0.0;
      if (!top_class.empty() && node.attribute("class") == top_class) {
        bonus = score_[top] * 0.2;
      }
      if (is_candidate_[sibling] &&
          score_[sibling] + bonus >= sibling_threshold) {
        selected.push_back(sibling);
        continue;
      }
      const std::size_t length = text_length_[sibling];
      const double density = link_density(sibling);
      if (length > 80 && density < 0.25) {
        selected.push_back(sibling);
      } else if (length > 0 && length <= 80 && density == 0.0 &&
                 is_paragraph_tag(node.tag) &&
                 ends_sentence(dom_.text_content(sibling))) {
        selected.push_back(sibling);
      }
    }
    return selected;
  }

  std::size_t element_children(std::size_t node) const {
    std::size_t count = 0;
    for (const std::size_t child : dom_.node(node).children) {
      const DomNode& child_node = dom_.node(child);
      if (!child_node.is_text && !is_dropped_[child]) ++count;
      if (child_node.is_text && visible_length(child_node.text) > 0) ++count;
    }
    return count;
  }

  // The nearest list around a block's owner, kNoNode if none close.
  std::size_t enclosing_list(std::size_t owner) const {
    std::size_t node = owner;
    for (int level = 0; level < 4 && node != kNoNode; ++level) {
      const GumboTag tag = dom_.node(node).tag;
      if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL) {
        return node;
      }
      node = dom_.node(node).parent;
    }
    return kNoNode;
  }

  std::string render(const std::vector<std::size_t>& selected) const {
    std::vector<const Block*> kept;
    std::vector<bool> is_heading;
    for (const Block& block : blocks_) {
      const bool is_inside = std::any_of(
          selected.begin(), selected.end(),
          [&](std::size_t node) { return dom_.contains(node, block.owner); });
      if (!is_inside) continue;
      if (block.link_density() > 0.5 && block.text_length < 300) continue;
      const std::size_t list = enclosing_list(block.owner);
      if (list != kNoNode && link_density(list) > 0.5) continue;
      if (is_furniture_line(block.text, block.text_length)) continue;
      kept.push_back(&block);
      is_heading.push_back(is_heading_tag(dom_.node(block.owner).tag));
    }
    std::string text;
    const Block* previous = nullptr;
    for (std::size_t k = 0; k < kept.size(); ++k) {
      // A heading stays only when text it heads follows.
      if (is_heading[k] && (k + 1 == kept.size() || is_heading[k + 1]))
        continue;
      if (previous != nullptr && previous->text == kept[k]->text) continue;
      if (!text.empty()) text += "\n\n";
      text += kept[k]->text;
      previous = kept[k];
    }
    return text;
  }

  const Dom& dom_;
  std::size_t body_ = 0;
  bool is_lenient_ = false;
  std::vector<bool> is_dropped_;
  std::vector<int> weight_;
  std::vector<std::size_t> text_length_;
  std::vector<std::size_t> link_length_;
  std::vector<double> score_;
  std::vector<bool> is_candidate_;
  std::vector<Block> blocks_;
  std::string buffer_;
  std::size_t buffer_text_length_ = 0;
  std::size_t buffer_link_length_ = 0;
};

}  // namespace

std::string extract_main_text(const Dom& dom) {
  std::string text = ContentExtractor(dom, false).run();
  // The furniture rules can drop a whole article: wrapped in an <aside> or a
  // page header, or in an element named "read_more" that opens a
  // paywall. Scoring alone then finds it among the rest.
  if (text.empty()) text = ContentExtractor(dom, true).run();
  return text;
}

}  // namespace news::corpus::html
