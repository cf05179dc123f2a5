// Boilerplate in scraped text dumps: page furniture that is not part of the
// article. Two sources:
// - generic rules that hold for news sites in general (classify_line):
//   donation counters, banners, comment and share widgets, "Read more" and
//   "Related" blocks, cookie banners, captions, navigation, copyright lines
//   and lines without letters;
// - lines learned from the corpus (BoilerplateLearner): a normalised line
//   that recurs in many files of one outlet (or one folder) is furniture of
//   that outlet.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace news::corpus {

// What a line of a dump is, by the generic rules.
enum class LineKind {
  kContent,          // anything not recognised below
  kNoLetters,        // "21", "()", "2,500 $", "x": no words at all
  kDonationCounter,  // "3 DAYS LEFT UNTIL THE END OF NOVEMBER", "$50 raised"
  kBanner,           // "Support SouthFront", "Donate", newsletter sign-ups
  kCommentWidget,    // "Subscribe", "Notify of", "guest", "21 Comments"
  kShareBar,         // "Share", "Tweet", "Share on Facebook", "Email"
  kRelatedMarker,    // "MORE ON THE TOPIC:", "Related:", "You may also like":
                     // the headline-like lines after it are links
  kRelatedLink,      // "Read more: <headline>": one link line
  kCookieBanner,     // "We use cookies ...", "Accept all"
  kCaption,          // "ILLUSTRATIVE IMAGE", "Photo: ...", "Getty Images"
  kNavigation,       // "Advertisement", "Menu", "Skip to content", "Tags:"
  kCopyright,        // "© 2019 SouthFront", "All rights reserved"
};

// "content", "no-letters", "donation-counter", ... (for messages and tests).
const char* line_kind_name(LineKind kind);

// The kind of one line (leading and trailing white space ignored). Lines of
// more than a few dozen words are always kContent unless they are a cookie
// banner: generic rules only ever remove short furniture. A line longer than
// kMaxClassifiedLineBytes (trimmed) is kNoLetters or kContent, judged
// without folding it, so that a line of megabytes costs one scan.
inline constexpr std::size_t kMaxClassifiedLineBytes = 8 * 1024;
// Lines of more words than this (in line_key) are kContent unless they are
// a cookie banner; classify_line tells most of them without folding them.
inline constexpr std::size_t kMaxFurnitureWords = 40;
LineKind classify_line(std::string_view line);
// classify_line() without its shortcut for prose: every line is folded and
// keyed. The same answers; the reference the shortcut is tested against.
LineKind classify_line_in_full(std::string_view line);

// Whether a kCaption line is a headline in a media label's style ("WATCH:
// Crowds gather outside the court", "VIDEO: ..."): a media prefix (watch:,
// video:, listen:, photos:) followed by at least kMediaHeadlineWords words.
// In the body such a line labels an embed; as a page's first substantial
// line it is the headline.
inline constexpr std::size_t kMediaHeadlineWords = 3;
bool is_media_headline(std::string_view line);

// The hash under which a line is counted and looked up as learned
// boilerplate (hash_text(fold_line(line))), or nullopt when the line is
// never learned: empty, without letters, longer than kMaxLearnedLineBytes
// once folded (long lines are prose; when they recur the file is more
// likely a duplicate article than furniture), or longer than
// kMaxLearnedRawLineBytes before folding (not folded at all).
inline constexpr std::size_t kMaxLearnedLineBytes = 200;
inline constexpr std::size_t kMaxLearnedRawLineBytes =
    16 * kMaxLearnedLineBytes;
inline constexpr std::size_t kShortLineWords = 8;
std::optional<std::uint64_t> learnable_line_hash(std::string_view line);

using LineHashSet = std::unordered_set<std::uint64_t>;

// Boilerplate lines learned per group (a group is an outlet, or a folder
// when the outlet is unknown; callers choose the 64-bit group key).
class LearnedBoilerplate {
 public:
  // The learned line hashes of group, or nullptr when none were learned.
  // The pointer stays valid as long as this object.
  const LineHashSet* lines_for(std::uint64_t group) const;
  // Number of learned lines over all groups.
  std::size_t size() const;

 private:
  friend class BoilerplateLearner;
  std::unordered_map<std::uint64_t, LineHashSet> lines_;
};

struct LearnOptions {
  // A line is boilerplate of a group when it occurs in at least this many
  // files of the group ...
  std::size_t min_files = 3;
  // ... and in at least this share of the group's files. Furniture is on
  // most pages of an outlet; a share keeps common short sentences ("Why?")
  // in big mixed folders from being learned.
  double min_file_share = 0.05;
  // Lines of more than kShortLineWords words are more often a quote shared
  // by articles on one event than furniture, so they need more evidence.
  std::size_t min_files_for_long_lines = 5;
  double min_file_share_for_long_lines = 0.10;
  // Bound on counted line hashes; when reached, hashes seen in only one
  // file are dropped (lossy counting: recurring lines survive).
  std::size_t max_counted_lines = 1 << 20;
};

// First pass over a corpus: counts, per group, in how many files each
// learnable line occurs. Memory holds only 64-bit hashes and counts, bounded
// by LearnOptions::max_counted_lines.
class BoilerplateLearner {
 public:
  explicit BoilerplateLearner(LearnOptions options = {});

  // What add_file counts of one file: its learnable lines, hashed, each
  // once. Computed apart from any learner, so threads can digest files
  // while one learner adds them in order.
  struct FileDigest {
    std::uint64_t group = 0;
    std::uint64_t fingerprint = 0;  // of the learnable lines, in order
    std::vector<std::pair<std::uint64_t, bool>> lines;  // hash, is long
  };
  static FileDigest digest(std::uint64_t group,
                           const std::vector<std::string_view>& lines);

  // Counts the lines of one file of group (each distinct line once). A file
  // whose folded text equals one already counted in the group (the same
  // article scraped twice) is not counted again: duplicates must not turn
  // their own sentences into boilerplate.
  void add_file(std::uint64_t group,
                const std::vector<std::string_view>& lines);
  // The same for a file digested already.
  void add(const FileDigest& file);

  // The lines that passed the thresholds, per group.
  LearnedBoilerplate finish() const;

 private:
  struct LineCount {
    std::uint32_t file_count = 0;
    bool is_long_line = false;
  };
  struct GroupCounts {
    std::size_t file_count = 0;
    std::unordered_map<std::uint64_t, LineCount> line_counts;
    std::unordered_set<std::uint64_t> file_fingerprints;
  };

  void prune_single_file_lines();

  LearnOptions options_;
  std::unordered_map<std::uint64_t, GroupCounts> groups_;
  std::size_t counted_lines_ = 0;
};

}  // namespace news::corpus
