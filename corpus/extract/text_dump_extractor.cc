#include "corpus/extract/text_dump_extractor.h"

#include <optional>
#include <string_view>
#include <vector>

#include "corpus/extract/dates.h"
#include "corpus/extract/line_text.h"
#include "corpus/extract/title.h"

namespace news::corpus {
namespace {

// Lines after a related marker that look like link titles: short, and not
// a sentence ending in a period.
constexpr std::size_t kMaxLinkWords = 20;
// A line of at least this many words counts as prose even without final
// punctuation.
constexpr std::size_t kProseWords = 12;

bool is_blank(std::string_view line) { return trim(line).empty(); }

bool ends_with_period(std::string_view line) {
  line = trim(line);
  return !line.empty() && line.back() == '.';
}

bool is_prose(std::string_view line) {
  return ends_like_sentence(line) ||
         count_words_up_to(line, kProseWords) >= kProseWords;
}

bool is_byline(std::string_view line) {
  return count_words_up_to(line, 6) <= 6 &&
         fold_line(trim(line)).rfind("by ", 0) == 0;
}

// Whether line is only the outlet's name (outlet_key is its line_key()). A
// line much longer than the name is not folded to find out.
bool is_outlet_line(std::string_view line, const std::string& outlet_key) {
  line = trim(line);
  return !line.empty() && line.size() <= 4 * outlet_key.size() + 64 &&
         line_key(line) == outlet_key;
}

// Learned lines, unless they are more than half of the file's words: then
// the file most likely shares its article with others (a near-duplicate)
// and its lines are content.
std::vector<bool> learned_furniture(const std::vector<std::string_view>& lines,
                                    const std::vector<bool>& is_generic,
                                    const LineHashSet* learned_lines) {
  std::vector<bool> is_learned(lines.size(), false);
  if (learned_lines == nullptr || learned_lines->empty()) return is_learned;
  std::size_t learned_words = 0;
  std::size_t total_words = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_generic[i] || is_blank(lines[i])) continue;
    const std::size_t words = count_words(lines[i]);
    total_words += words;
    const std::optional<std::uint64_t> hash = learnable_line_hash(lines[i]);
    if (hash && learned_lines->count(*hash) > 0) {
      is_learned[i] = true;
      learned_words += words;
    }
  }
  if (learned_words * 2 > total_words) return std::vector<bool>(lines.size());
  return is_learned;
}

}  // namespace

Result<Article> extract_text_dump(const RawDocument& document,
                                  const TextDumpContext& context) {
  const auto skipped = [&](const std::string& why) {
    return Error::bad_input(document.source, why + "; skipped");
  };
  if (is_blank(document.bytes)) return skipped("empty file");
  const std::vector<std::string_view> lines = split_lines(document.bytes);
  bool has_text = false;
  std::vector<bool> is_generic(lines.size(), false);
  std::vector<LineKind> kinds(lines.size(), LineKind::kContent);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_blank(lines[i])) continue;
    has_text = true;
    kinds[i] = classify_line(lines[i]);
    is_generic[i] = kinds[i] != LineKind::kContent;
  }
  if (!has_text) return skipped("empty file");

  const std::vector<bool> is_learned =
      learned_furniture(lines, is_generic, context.learned_lines);
  const bool has_outlet = context.outlet.name != kUnknownOutlet;
  const std::string outlet_key =
      has_outlet ? line_key(context.outlet.name) : "";
  std::vector<bool> is_furniture(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    is_furniture[i] = is_generic[i] || is_learned[i] ||
                      (has_outlet && is_outlet_line(lines[i], outlet_key));
  }

  const std::optional<std::size_t> title_index =
      find_title_line(lines, is_furniture);
  if (!title_index) return skipped("no title found");
  const std::string_view title = trim(lines[*title_index]);
  const std::string title_key = line_key(title);
  const std::optional<Dateline> dateline = find_dateline(lines, *title_index);

  // Body lines, before the trailing cut.
  std::vector<std::size_t> kept;
  bool in_related_block = false;
  std::size_t lines_after_title = 0;
  for (std::size_t i = *title_index + 1; i < lines.size(); ++i) {
    if (is_blank(lines[i])) continue;
    const bool is_byline_area = ++lines_after_title <= kBylineAreaLines;
    if (kinds[i] == LineKind::kRelatedMarker) {
      in_related_block = true;
      continue;
    }
    if (is_furniture[i]) continue;
    if (in_related_block) {
      if (count_words(lines[i]) <= kMaxLinkWords &&
          !ends_with_period(lines[i])) {
        continue;
      }
      in_related_block = false;
    }
    // A page may print its headline twice; later in the text the same words
    // are a quote and stay.
    if (is_byline_area && trim(lines[i]).size() <= kMaxTitleBytes &&
        line_key(lines[i]) == title_key) {
      continue;
    }
    if (dateline && i == dateline->line_index) continue;
    if (is_byline_area && is_byline(lines[i])) continue;
    kept.push_back(i);
  }
  // Cut the trailing run of short, unpunctuated lines (widget leftovers,
  // signatures, link lists) after the last sentence.
  std::size_t kept_count = kept.size();
  while (kept_count > 0 && !is_prose(lines[kept[kept_count - 1]])) {
    --kept_count;
  }
  if (kept_count == 0) kept_count = kept.size();  // no prose: keep all
  kept.resize(kept_count);
  if (kept.empty()) return skipped("no body text after the title");

  std::string body;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    if (k > 0) {
      bool has_blank_between = false;
      for (std::size_t i = kept[k - 1] + 1; i < kept[k]; ++i) {
        if (is_blank(lines[i])) {
          has_blank_between = true;
          break;
        }
      }
      body += has_blank_between ? "\n\n" : "\n";
    }
    body += trim(lines[kept[k]]);
  }

  Article article;
  article.id = context.id;
  article.outlet = context.outlet.name;
  article.title = std::string(title);
  if (dateline) article.published = dateline->date;
  article.language = context.language;
  article.body = std::move(body);
  article.source = document.source;
  article.facts.title_rule = kTitleRule;
  article.facts.outlet_rule = context.outlet.rule;
  article.facts.date_rule = dateline ? "text:dateline" : "none";
  return article;
}

}  // namespace news::corpus
