#include "corpus/extract/boilerplate.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "corpus/extract/line_text.h"

namespace news::corpus {
namespace {

// Tables are matched against line_key() (case-folded, digit runs as "0",
// punctuation dropped) unless noted. They name furniture that news sites
// share, never one site's wording.

constexpr std::string_view kCommentWidgetLines[] = {
    "subscribe",
    "notify of",
    "guest",
    "oldest",
    "newest",
    "newest most voted",
    "most voted",
    "inline feedbacks",
    "view all comments",
    "leave a comment",
    "leave a reply",
    "leave a reply cancel reply",
    "cancel reply",
    "post a comment",
    "post comment",
    "add a comment",
    "add comment",
    "login",
    "log in",
    "sign in",
    "register",
    "logout",
    "log out",
    "comments",
    "comment",
    "0 comments",
    "0 comment",
    "comments 0",
    "0 replies",
    "0 reply",
    "reply",
    "replies",
    "load comments",
    "show comments",
    "view comments",
    "join the discussion",
    "join the conversation",
    "newest first",
    "oldest first",
    "sort by",
    "0 responses",
    "discussion",
    "upvote",
    "downvote",
    "0 likes",
    "most liked",
    "report",
    "flag",
};

// Prefixes of line_key(); the line is furniture whatever follows.
constexpr std::string_view kCommentWidgetPrefixes[] = {
    "your email address will not be published",
    "required fields are marked",
    "would love your thoughts",
    "you must be logged in",
    "login to comment",
    "log in to comment",
    "log in to leave a comment",
    "comments are closed",
    "be the first to comment",
    "0 comments on",
    "0 thoughts on",
    "0 responses to",
    "this site uses akismet",
    "notify me of",
    "save my name email",
    "please log in",
};

// Words of share bars; a short line made only of these (with at least one
// network or action word) is a share widget.
constexpr std::string_view kShareCoreWords[] = {
    "share",    "shares",    "tweet",     "email",    "print",  "whatsapp",
    "telegram", "facebook",  "twitter",   "linkedin", "reddit", "pinterest",
    "pocket",   "messenger", "flipboard", "tumblr",   "vk",     "mail",
};
constexpr std::string_view kShareFillerWords[] = {
    "e",      "on",   "via",  "this", "article", "story", "page", "post",
    "copy",   "link", "save", "sms",  "pin",     "it",    "0",    "like",
    "follow", "us",   "the",  "to",   "and",     "or",
};

constexpr std::string_view kRelatedMarkerLines[] = {
    "read more",
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related news",
    "related coverage",
    "related content",
    "related topics",
    "more on the topic",
    "more on this topic",
    "more on this story",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "you might be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "see also",
    "also read",
    "read also",
    "more stories",
    "more news",
    "further reading",
    "trending",
    "trending now",
    "popular",
    "most popular",
    "most read",
    "don t miss",
    "editor s picks",
    "top stories",
    "latest news",
    "latest stories",
    "read next",
    "up next",
    "more like this",
    "what to read next",
    "in case you missed it",
    "more from",
    "from around the web",
};

// Prefixes of fold_line() (punctuation kept): a link line "Read more: X".
constexpr std::string_view kRelatedLinkPrefixes[] = {
    "read more:",     "related:", "see also:",    "also read:",
    "read also:",     "more:",    "recommended:", "related article:",
    "related story:", "read:",    "must read:",   "more on this:",
};

constexpr std::string_view kCaptionLines[] = {
    "illustrative image",
    "illustrative photo",
    "illustrative picture",
    "illustration",
    "file photo",
    "photo",
    "photos",
    "image",
    "images",
    "video",
    "photo illustration",
    "getty images",
    "shutterstock",
    "featured image",
    "click to enlarge",
    "enlarge",
    "gallery",
    "watch",
    "listen",
    "play",
    "play video",
    "watch video",
    "watch now",
    "embedded video",
    "screenshot",
    "source",
};

// Prefixes of fold_line().
constexpr std::string_view kCaptionPrefixes[] = {
    "photo:",       "photo by",      "photos:",    "image:",
    "image by",     "images:",       "picture:",   "pictured:",
    "photograph:",  "credit:",       "credits:",   "photo credit",
    "image credit", "image source",  "caption:",   "(photo",
    "[photo",       "(image",        "[image",     "(credit",
    "(video",       "[video",        "file photo", "featured image",
    "video:",       "watch:",        "listen:",    "(ap photo",
    "ap photo",     "source: getty", "photo/",     "image/",
    "(screenshot",  "screenshot:",
};

// Substrings of fold_line() that mark a short line as a photo credit.
constexpr std::string_view kCaptionMarkers[] = {
    "getty images",  "shutterstock", "(photo",    "photo by",
    "photo credit",  "image credit", "ap photo",  "afp photo",
    "reuters photo", "(image",       "/ getty",   "/getty",
    "/ afp",         "/afp",         "/ reuters", "/reuters",
    "via getty",     "(credit",
};

constexpr std::string_view kNavigationLines[] = {
    "advertisement",
    "advertisements",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "promoted",
    "promoted content",
    "menu",
    "main menu",
    "skip to content",
    "skip to main content",
    "search",
    "home",
    "back to top",
    "top",
    "next",
    "previous",
    "prev",
    "next article",
    "previous article",
    "next post",
    "previous post",
    "next story",
    "previous story",
    "tags",
    "tag",
    "categories",
    "category",
    "filed under",
    "loading",
    "close",
    "toggle navigation",
    "breaking news",
    "live",
    "more",
    "show more",
    "load more",
    "continue reading",
    "click here",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "contact",
    "contact us",
    "about",
    "about us",
    "cookie policy",
    "sitemap",
    "rss",
    "follow us",
    "follow",
    "share this",
    "posted in",
    "go to",
    "expand",
    "collapse",
    "print this page",
    "print article",
    "text size",
    "font size",
    "listen to this article",
};

// Prefixes of fold_line().
constexpr std::string_view kNavigationPrefixes[] = {
    "tags:",     "tag:",    "filed under:", "posted in:",    "categories:",
    "category:", "topics:", "keywords:",    "advertisement", "you are here:",
    "home »",    "home >",  "home /",
};

constexpr std::string_view kBannerLines[] = {
    "donate",
    "donate now",
    "donate today",
    "make a donation",
    "become a patron",
    "become a member",
    "support us",
    "support our work",
    "subscribe now",
    "sign up",
    "newsletter",
    "newsletters",
    "get our newsletter",
    "join us",
    "help us",
    "please support us",
    "support",
};

// Prefixes of line_key().
constexpr std::string_view kBannerPrefixes[] = {
    "sign up for",
    "sign up to",
    "sign up thank you",
    "subscribe to",
    "subscribe for",
    "please support",
    "support independent",
    "support our",
    "donate to",
    "make a donation",
    "become a patron",
    "download our app",
    "get the app",
    "get our",
    "join our",
    "this article originally appeared",
    "this article was originally published",
    "originally published",
    "this story originally appeared",
};

// Substrings of line_key() that mark a short line as a banner.
constexpr std::string_view kBannerMarkers[] = {
    "in your inbox",
    "newsletter",
    "sign up now",
    "become a patron",
};

constexpr std::string_view kCookieLines[] = {
    "accept",
    "accept all",
    "accept cookies",
    "accept all cookies",
    "reject all",
    "got it",
    "i agree",
    "agree",
    "ok",
    "manage preferences",
    "cookie settings",
    "manage cookies",
    "i accept",
    "allow all",
    "allow cookies",
};

// Substrings of line_key() that, next to "cookie", make a cookie banner.
constexpr std::string_view kCookieMarkers[] = {
    "accept",         "we use",          "uses cookies",
    "use of cookies", "consent",         "continuing to",
    "cookie policy",  "cookie settings", "to use cookies",
};

template <std::size_t N>
bool contains_exact(const std::string_view (&table)[N], std::string_view s) {
  return std::find(std::begin(table), std::end(table), s) != std::end(table);
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// prefix matches whole words of a key: "subscribe to" matches
// "subscribe to our newsletter" but "donate" does not match "donated".
bool starts_with_words(std::string_view key, std::string_view prefix) {
  return starts_with(key, prefix) &&
         (key.size() == prefix.size() || key[prefix.size()] == ' ');
}

template <std::size_t N>
bool has_word_prefix(const std::string_view (&table)[N], std::string_view s) {
  return std::any_of(
      std::begin(table), std::end(table),
      [&](std::string_view p) { return starts_with_words(s, p); });
}

template <std::size_t N>
bool has_prefix(const std::string_view (&table)[N], std::string_view s) {
  return std::any_of(std::begin(table), std::end(table),
                     [&](std::string_view p) { return starts_with(s, p); });
}

template <std::size_t N>
bool has_substring(const std::string_view (&table)[N], std::string_view s) {
  return std::any_of(
      std::begin(table), std::end(table),
      [&](std::string_view p) { return s.find(p) != std::string_view::npos; });
}

std::vector<std::string_view> split_words(std::string_view key) {
  std::vector<std::string_view> words;
  std::size_t begin = 0;
  while (begin < key.size()) {
    std::size_t end = key.find(' ', begin);
    if (end == std::string_view::npos) end = key.size();
    if (end > begin) words.push_back(key.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

bool is_share_bar(const std::vector<std::string_view>& words) {
  if (words.empty() || words.size() > 10) return false;
  bool has_core = false;
  for (const std::string_view word : words) {
    if (contains_exact(kShareCoreWords, word)) {
      has_core = true;
    } else if (!contains_exact(kShareFillerWords, word)) {
      return false;
    }
  }
  return has_core;
}

// "Support SouthFront", "Support The Guardian": "support" and up to three
// capitalised words, not a sentence ("Support for the bill grew.").
bool is_support_banner(std::string_view line,
                       const std::vector<std::string_view>& key_words) {
  if (key_words.size() < 2 || key_words.size() > 4 ||
      key_words.front() != "support" || ends_like_sentence(line)) {
    return false;
  }
  // Every word after "support" in the original line starts upper-case (or
  // is not Latin, e.g. a brand in another script).
  const std::string_view rest = trim(line.substr(
      line.find(' ') == std::string_view::npos ? line.size() : line.find(' ')));
  bool at_word_start = true;
  for (const char c : rest) {
    if (c == ' ') {
      at_word_start = true;
      continue;
    }
    if (at_word_start && c >= 'a' && c <= 'z') return false;
    at_word_start = false;
  }
  return !rest.empty();
}

bool is_cookie_banner(std::string_view key, std::size_t words) {
  if (contains_exact(kCookieLines, key)) return true;
  return words <= 80 && key.find("cookie") != std::string_view::npos &&
         has_substring(kCookieMarkers, key);
}

bool is_donation_counter(std::string_view key, std::size_t words) {
  if (words > 12) return false;
  if (starts_with_words(key, "0 days left") ||
      starts_with_words(key, "0 day left") ||
      starts_with_words(key, "0 hours left") ||
      starts_with_words(key, "only 0 days left")) {
    return true;
  }
  constexpr std::string_view kMarkers[] = {
      "days left until", "days left to", "left to donate",
      "raised of",       "0 raised",     "0 donors",
      "0 supporters",    "of 0 goal",    "goal 0",
  };
  return has_substring(kMarkers, key);
}

bool is_copyright(std::string_view folded, std::string_view key,
                  std::size_t words) {
  if (words > 30) return false;
  return starts_with(folded, "\xC2\xA9") || starts_with(folded, "copyright") ||
         starts_with(folded, "(c) 0") ||
         key.find("all rights reserved") != std::string_view::npos;
}

}  // namespace

const char* line_kind_name(const LineKind kind) {
  switch (kind) {
    case LineKind::kContent:
      return "content";
    case LineKind::kNoLetters:
      return "no-letters";
    case LineKind::kDonationCounter:
      return "donation-counter";
    case LineKind::kBanner:
      return "banner";
    case LineKind::kCommentWidget:
      return "comment-widget";
    case LineKind::kShareBar:
      return "share-bar";
    case LineKind::kRelatedMarker:
      return "related-marker";
    case LineKind::kRelatedLink:
      return "related-link";
    case LineKind::kCookieBanner:
      return "cookie-banner";
    case LineKind::kCaption:
      return "caption";
    case LineKind::kNavigation:
      return "navigation";
    case LineKind::kCopyright:
      return "copyright";
  }
  return "unknown";
}

namespace {

// Whether line_key(line) may hold "cookie": the line holds it in any ASCII
// case, or a KELVIN SIGN, the one character beyond ASCII that case folding
// turns into one of its letters ("k"). Without either, the key cannot: its
// letters are the line's, folded, and anything else between them becomes a
// space or a "0".
bool may_speak_of_cookies(std::string_view line) {
  if (line.find("\xE2\x84\xAA") != std::string_view::npos) return true;
  constexpr std::string_view kWord = "cookie";
  for (std::size_t at = 0; at + kWord.size() <= line.size(); ++at) {
    std::size_t i = 0;
    while (i < kWord.size() &&
           (line[at + i] | 0x20) == kWord[i]) {  // ASCII letters, any case
      ++i;
    }
    if (i == kWord.size()) return true;
  }
  return false;
}

}  // namespace

LineKind classify_line(std::string_view line) {
  line = trim(line);
  // A lone letter ("x", the close button of a widget) is no word either.
  if (count_letters_up_to(line, 1) <= 1 && count_words_up_to(line, 3) <= 3) {
    return LineKind::kNoLetters;
  }
  // Furniture is short: folding a line of megabytes to learn that it is
  // prose would cost more than the whole rest of the file.
  if (line.size() > kMaxClassifiedLineBytes) return LineKind::kContent;
  // So is a paragraph of prose, which most of the text is: over 40 words
  // (its key has at least as many) only a cookie banner is furniture.
  if (count_words_up_to(line, kMaxFurnitureWords) > kMaxFurnitureWords &&
      !may_speak_of_cookies(line)) {
    return LineKind::kContent;
  }
  return classify_line_in_full(line);
}

// A menu bar: at least kMinMenuItems items between "|", "•" or "·"
// (folded line), each of one to kMaxMenuItemWords words with a letter and
// no sentence end. "Home | World | Middle East | Video" and "News • Politics
// • Elections" are menus; "Trump wins | The Courier" and "Live | Why the
// bridge must close | Day 3" are not.
constexpr std::size_t kMinMenuItems = 3;
constexpr std::size_t kMaxMenuItemWords = 3;

bool is_menu_bar(std::string_view folded) {
  std::size_t items = 0;
  std::size_t start = 0;
  while (start <= folded.size()) {
    std::size_t end = folded.size();
    std::size_t separator_size = 0;
    for (const std::string_view separator : {"|", "\u2022", "\u00B7"}) {
      const std::size_t found = folded.find(separator, start);
      if (found < end) {
        end = found;
        separator_size = separator.size();
      }
    }
    const std::string_view item = trim(folded.substr(start, end - start));
    const std::size_t words = count_words_up_to(item, kMaxMenuItemWords);
    if (words == 0 || words > kMaxMenuItemWords ||
        count_letters_up_to(item, 1) == 0 || ends_like_sentence(item)) {
      return false;
    }
    ++items;
    if (separator_size == 0) break;
    start = end + separator_size;
  }
  return items >= kMinMenuItems;
}

bool is_media_headline(std::string_view line) {
  constexpr std::string_view kMediaPrefixes[] = {
      "watch:", "video:", "listen:", "photos:"};
  line = trim(line);
  if (line.size() > kMaxClassifiedLineBytes) return false;
  const std::string folded = fold_line(line);
  for (const std::string_view prefix : kMediaPrefixes) {
    if (starts_with(folded, prefix)) {
      return count_words_up_to(std::string_view(folded).substr(prefix.size()),
                               kMediaHeadlineWords) >= kMediaHeadlineWords;
    }
  }
  return false;
}

LineKind classify_line_in_full(std::string_view line) {
  line = trim(line);
  if (count_letters_up_to(line, 1) <= 1 && count_words_up_to(line, 3) <= 3) {
    return LineKind::kNoLetters;
  }
  if (line.size() > kMaxClassifiedLineBytes) return LineKind::kContent;
  const std::string folded = fold_line(line);
  const std::string key = key_of_folded(folded);
  const std::vector<std::string_view> words = split_words(key);
  const std::size_t word_count = words.size();
  if (is_cookie_banner(key, word_count)) return LineKind::kCookieBanner;
  if (word_count > kMaxFurnitureWords) return LineKind::kContent;

  if (is_copyright(folded, key, word_count)) return LineKind::kCopyright;
  if (is_donation_counter(key, word_count)) return LineKind::kDonationCounter;
  if (has_word_prefix(kCommentWidgetPrefixes, key)) {
    return LineKind::kCommentWidget;
  }
  if (has_prefix(kCaptionPrefixes, folded)) return LineKind::kCaption;
  if (contains_exact(kRelatedMarkerLines, key)) return LineKind::kRelatedMarker;
  if (has_prefix(kRelatedLinkPrefixes, folded) && word_count <= 30) {
    return LineKind::kRelatedLink;
  }
  if (has_prefix(kNavigationPrefixes, folded)) return LineKind::kNavigation;
  if (is_menu_bar(folded)) return LineKind::kNavigation;
  if (word_count <= 25 && has_substring(kCaptionMarkers, folded) &&
      (!ends_like_sentence(line) || line.back() == ')' || line.back() == ']')) {
    return LineKind::kCaption;
  }
  if (word_count <= 20 && !ends_like_sentence(line) &&
      (has_word_prefix(kBannerPrefixes, key) ||
       (word_count <= 12 && has_substring(kBannerMarkers, key)))) {
    return LineKind::kBanner;
  }
  if (word_count <= 20 && starts_with_words(key, "sign up thank you")) {
    return LineKind::kBanner;
  }
  if (word_count > 8) return LineKind::kContent;

  if (contains_exact(kCommentWidgetLines, key)) return LineKind::kCommentWidget;
  if (contains_exact(kCaptionLines, key)) return LineKind::kCaption;
  if (contains_exact(kNavigationLines, key)) return LineKind::kNavigation;
  if (contains_exact(kBannerLines, key)) return LineKind::kBanner;
  if (is_support_banner(line, words)) return LineKind::kBanner;
  if (is_share_bar(words)) return LineKind::kShareBar;
  return LineKind::kContent;
}

std::optional<std::uint64_t> learnable_line_hash(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > kMaxLearnedRawLineBytes ||
      count_letters_up_to(line, 0) == 0) {
    return std::nullopt;
  }
  const std::string folded = fold_line_up_to(line, kMaxLearnedLineBytes);
  if (folded.size() > kMaxLearnedLineBytes) return std::nullopt;
  return hash_text(folded);
}

const LineHashSet* LearnedBoilerplate::lines_for(
    const std::uint64_t group) const {
  const auto found = lines_.find(group);
  return found == lines_.end() ? nullptr : &found->second;
}

std::size_t LearnedBoilerplate::size() const {
  std::size_t total = 0;
  for (const auto& entry : lines_) total += entry.second.size();
  return total;
}

BoilerplateLearner::BoilerplateLearner(LearnOptions options)
    : options_(options) {}

BoilerplateLearner::FileDigest BoilerplateLearner::digest(
    const std::uint64_t group, const std::vector<std::string_view>& lines) {
  FileDigest file;
  file.group = group;
  file.fingerprint = hash_text("");
  LineHashSet seen;
  for (const std::string_view line : lines) {
    const std::optional<std::uint64_t> hash = learnable_line_hash(line);
    if (!hash) continue;
    file.fingerprint = (file.fingerprint ^ *hash) * 1099511628211ULL;
    if (!seen.insert(*hash).second) continue;
    file.lines.emplace_back(*hash, count_words(line) > kShortLineWords);
  }
  return file;
}

void BoilerplateLearner::add_file(const std::uint64_t group,
                                  const std::vector<std::string_view>& lines) {
  add(digest(group, lines));
}

void BoilerplateLearner::add(const FileDigest& file) {
  GroupCounts& counts = groups_[file.group];
  if (!counts.file_fingerprints.insert(file.fingerprint).second) return;
  ++counts.file_count;
  for (const auto& [hash, is_long_line] : file.lines) {
    const auto inserted = counts.line_counts.emplace(hash, LineCount{});
    LineCount& count = inserted.first->second;
    ++count.file_count;
    if (inserted.second) {
      count.is_long_line = is_long_line;
      ++counted_lines_;
    }
  }
  if (counted_lines_ > options_.max_counted_lines) prune_single_file_lines();
}

void BoilerplateLearner::prune_single_file_lines() {
  for (auto& group : groups_) {
    auto& line_counts = group.second.line_counts;
    for (auto it = line_counts.begin(); it != line_counts.end();) {
      if (it->second.file_count <= 1) {
        it = line_counts.erase(it);
        --counted_lines_;
      } else {
        ++it;
      }
    }
  }
}

LearnedBoilerplate BoilerplateLearner::finish() const {
  const auto threshold = [](std::size_t group_files, std::size_t min_files,
                            double min_share) {
    const auto share_files = static_cast<std::size_t>(
        std::ceil(min_share * static_cast<double>(group_files)));
    return std::max(min_files, share_files);
  };
  LearnedBoilerplate learned;
  for (const auto& [group, counts] : groups_) {
    const std::size_t short_threshold = threshold(
        counts.file_count, options_.min_files, options_.min_file_share);
    const std::size_t long_threshold =
        threshold(counts.file_count, options_.min_files_for_long_lines,
                  options_.min_file_share_for_long_lines);
    for (const auto& [hash, count] : counts.line_counts) {
      if (count.file_count >=
          (count.is_long_line ? long_threshold : short_threshold)) {
        learned.lines_[group].insert(hash);
      }
    }
  }
  return learned;
}

}  // namespace news::corpus
