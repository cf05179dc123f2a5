#include "corpus/extract/text_dump_extractor.h"

#include <algorithm>
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

// Longest line, in words, that is_date_only() looks at.
constexpr std::size_t kMaxDateOnlyWords = 12;
// Words after the date of a dateline that are not a byline: a time and
// zone ("10:15 GMT", "| 3 min read").
constexpr std::size_t kMaxWordsAfterDate = 3;

// Words that may precede the date of a dateline ("Published on", "Mis à
// jour le"), folded.
bool is_dateline_word(std::string_view word) {
  static const char* const kWords[] = {
      "published",   "posted", "updated",
      "modified",    "last",   "on",
      "date",        "dated",  "am",
      "le",          "el",     "em",
      "de",          "jour",   "publié",
      "mis",         "à",      "veröffentlicht",
      "publicado",   "от",     "обновлено",
      "опубликовано"};
  const std::string folded = fold_line(word);
  const std::string_view bare =
      std::string_view(folded).substr(0, folded.find_last_not_of(":") + 1);
  for (const char* known : kWords) {
    if (bare == known) return true;
  }
  return false;
}

// Whether line is a dateline ("Wednesday, 1 February 2017", "Updated 3
// March 2021 10:15 GMT", "Posted on March 3, 2021 by Jane Doe"): a full date
// after at most one other word or after dateline words only, followed by
// nothing, a time (kMaxWordsAfterDate words), or a byline ("by ...");
// kMaxDateOnlyWords words at most. "Migrant Caravan Resumes March 4, 2004"
// is a headline.
bool is_date_only(std::string_view line) {
  line = trim(line);
  if (line.empty() ||
      count_words_up_to(line, kMaxDateOnlyWords) > kMaxDateOnlyWords ||
      !find_date_in_line(line)) {
    return false;
  }
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at < line.size();) {
    const std::size_t end = std::min(line.find(' ', at), line.size());
    if (end > at) words.push_back(line.substr(at, end - at));
    at = end + 1;
  }
  const auto from = [&](std::size_t word) {
    return line.substr(words[word].data() - line.data());
  };
  // The date starts at the last word from which the rest still holds it.
  std::size_t start = 0;
  while (start + 1 < words.size() && find_date_in_line(from(start + 1))) {
    ++start;
  }
  if (start > 1) {
    for (std::size_t i = 0; i < start; ++i) {
      if (!is_dateline_word(words[i])) return false;
    }
  }
  // It ends at the first word up to which it is whole.
  std::size_t end = start + 1;
  while (end < words.size() &&
         !find_date_in_line(
             from(start).substr(0, words[end].data() - from(start).data()))) {
    ++end;
  }
  const std::size_t after = words.size() - end;
  return after <= kMaxWordsAfterDate || fold_line(words[end]) == "by";
}

// lines with the copies of lines[title] in the byline area after it made
// blank: a page that prints its headline twice ("Headline", "Support X",
// "Headline", "March 5, 2021") has its dateline after the second copy.
std::vector<std::string_view> without_title_copies(
    const std::vector<std::string_view>& lines, const std::size_t title) {
  std::vector<std::string_view> result = lines;
  const std::string key = line_key(lines[title]);
  std::size_t seen = 0;
  for (std::size_t i = title + 1; i < lines.size() && seen < kBylineAreaLines;
       ++i) {
    if (is_blank(lines[i])) continue;
    ++seen;
    if (trim(lines[i]).size() <= kMaxTitleBytes && line_key(lines[i]) == key) {
      result[i] = {};
    }
  }
  return result;
}

// A scraped page's lines with what the extractor decided about each.
struct LineFilter {
  const std::vector<std::string_view>& lines;
  const std::vector<LineKind>& kinds;
  const std::vector<bool>& is_furniture;
};

// Body lines from lines[first] on, before the trailing cut: without
// furniture, "Related" blocks (a marker line and the headline-like lines
// after it), and in the byline area (the first kBylineAreaLines non-empty
// lines, and every line before head_end) without bylines and copies of the
// title; never the dateline.
// Then the trailing run of short, unpunctuated lines (widget leftovers,
// signatures, link lists) after the last sentence is cut, unless no line is
// prose.
std::vector<std::size_t> body_lines(const LineFilter& filter,
                                    const std::size_t first,
                                    const std::string_view title,
                                    const std::optional<Dateline>& dateline,
                                    const std::size_t head_end = 0) {
  const std::vector<std::string_view>& lines = filter.lines;
  const std::string title_key = title.empty() ? "" : line_key(title);
  std::vector<std::size_t> kept;
  bool in_related_block = false;
  std::size_t lines_seen = 0;
  for (std::size_t i = first; i < lines.size(); ++i) {
    if (is_blank(lines[i])) continue;
    const bool is_byline_area =
        ++lines_seen <= kBylineAreaLines || i < head_end;
    if (filter.kinds[i] == LineKind::kRelatedMarker) {
      in_related_block = true;
      continue;
    }
    if (filter.is_furniture[i]) continue;
    if (in_related_block) {
      if (count_words(lines[i]) <= kMaxLinkWords &&
          !ends_with_period(lines[i])) {
        continue;
      }
      in_related_block = false;
    }
    // A page may print its headline twice; later in the text the same words
    // are a quote and stay.
    if (is_byline_area && !title_key.empty() &&
        trim(lines[i]).size() <= kMaxTitleBytes &&
        line_key(lines[i]) == title_key) {
      continue;
    }
    if (dateline && i == dateline->line_index) continue;
    if (is_byline_area && is_byline(lines[i])) continue;
    kept.push_back(i);
  }
  std::size_t kept_count = kept.size();
  while (kept_count > 0 && !is_prose(lines[kept[kept_count - 1]])) {
    --kept_count;
  }
  if (kept_count == 0) kept_count = kept.size();  // no prose: keep all
  kept.resize(kept_count);
  return kept;
}

// The first line that is not furniture and is a paragraph: at least
// kProseWords words. A page without one is not an article.
std::optional<std::size_t> find_paragraph(const LineFilter& filter) {
  for (std::size_t i = 0; i < filter.lines.size(); ++i) {
    if (!filter.is_furniture[i] &&
        count_words_up_to(filter.lines[i], kProseWords) >= kProseWords) {
      return i;
    }
  }
  return std::nullopt;
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

  const LineFilter filter{lines, kinds, is_furniture};
  // A line that is only a date ("March 3, 2021", "Updated 3 March 2021
  // 10:15 GMT", "Posted on March 3, 2021 by Jane Doe") is a dateline, never
  // the headline.
  // A caption-like "WATCH: ..." line not learned as furniture can be it.
  std::vector<bool> is_not_title = is_furniture;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_not_title[i] && kinds[i] == LineKind::kCaption && !is_learned[i] &&
        !(has_outlet && is_outlet_line(lines[i], outlet_key)) &&
        is_media_headline(lines[i])) {
      is_not_title[i] = false;
    }
  }
  // Only the lines the search reaches are tested for a date.
  std::optional<std::size_t> found_title = find_title_line(lines, is_not_title);
  while (found_title && is_date_only(lines[*found_title])) {
    found_title = find_title_line(lines, is_not_title, *found_title + 1);
  }
  std::string_view title;
  std::optional<Dateline> dateline;
  std::vector<std::size_t> kept;
  if (found_title) {
    title = trim(lines[*found_title]);
    dateline =
        find_dateline(without_title_copies(lines, *found_title), *found_title);
    kept = body_lines(filter, *found_title + 1, title, dateline);
  }
  if (kept.empty()) {
    // No headline line, or none with text after it (the first title-like
    // line came after the article, in the page's footer): a page whose
    // lines hold a paragraph is an article without a title, not nothing.
    const std::optional<std::size_t> paragraph = find_paragraph(filter);
    if (!paragraph) {
      return skipped(found_title ? "no body text after the title"
                                 : "no title found");
    }
    title = {};
    dateline = find_dateline(lines, *paragraph);
    if (dateline && dateline->line_index > *paragraph) dateline.reset();
    kept = body_lines(filter, 0, title, dateline, *paragraph);
  }

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
  article.facts.title_rule = title.empty() ? "none" : kTitleRule;
  article.facts.outlet_rule = context.outlet.rule;
  article.facts.date_rule = dateline ? "text:dateline" : "none";
  return article;
}

}  // namespace news::corpus
