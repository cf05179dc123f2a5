#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/text/utf8.h"
#include "corpus/extract/boilerplate.h"
#include "corpus/extract/dates.h"
#include "corpus/extract/line_text.h"
#include "corpus/extract/title.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"

namespace news::fuzz {
namespace {

// Enough lines for any head and byline area; more only slows the fuzzer.
constexpr std::size_t kMaxLines = 256;

bool is_subview(std::string_view part, std::string_view whole) {
  return part.empty() ||
         (part.data() >= whole.data() &&
          part.data() + part.size() <= whole.data() + whole.size());
}

void check_line(std::string_view line, bool is_first_line) {
  if (const std::optional<Date> date = corpus::find_date_in_line(line)) {
    check(date->is_valid(), "find_date_in_line gives a valid date");
  }
  static_cast<void>(corpus::is_dateline_like(line));
  const char* kind_name = corpus::line_kind_name(corpus::classify_line(line));
  check(kind_name != nullptr && *kind_name != '\0', "every kind has a name");

  const std::string_view trimmed = corpus::trim(line);
  check(is_subview(trimmed, line), "trim gives a part of the line");
  const std::string folded = corpus::fold_line(line);
  check(text::is_valid_utf8(folded), "fold_line gives valid UTF-8");
  check(text::is_valid_utf8(corpus::line_key(line)),
        "line_key gives valid UTF-8");
  check(corpus::count_letters(line) <= line.size(), "letters fit the line");
  check(corpus::count_words(line) <= line.size(), "words fit the line");
  if (const auto hash = corpus::learnable_line_hash(line)) {
    check(!folded.empty(), "a learnable line is not empty");
    check(folded.size() <= corpus::kMaxLearnedLineBytes,
          "a learnable line is short");
    check(*hash == corpus::hash_text(folded),
          "the learned hash is the folded line's");
  }
  static_cast<void>(corpus::is_title_like(line, is_first_line));
  static_cast<void>(corpus::ends_like_sentence(line));
}

void check_dateline(const std::vector<std::string_view>& lines,
                    std::size_t title_index) {
  const std::optional<corpus::Dateline> dateline =
      corpus::find_dateline(lines, title_index);
  if (!dateline) return;
  check(dateline->line_index < lines.size(), "the dateline is a line");
  check(dateline->line_index != title_index, "the title is no dateline");
  check(dateline->date.is_valid(), "a dateline's date is valid");
  const std::string_view line = lines[dateline->line_index];
  check(corpus::is_dateline_like(line), "a dateline is dateline-like");
  const std::optional<Date> date = corpus::find_date_in_line(line);
  check(date && *date == dateline->date, "the dateline states its date");
}

}  // namespace

void fuzz_line_rules(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The date finder reads bytes, not characters: any input will do.
  if (const std::optional<Date> date = corpus::find_date_in_line(bytes)) {
    check(date->is_valid(), "find_date_in_line gives a valid date");
  }
  // The other rules take decoded text, as the reader delivers it.
  const std::string text = text::repair_utf8(bytes).text;
  std::vector<std::string_view> lines = corpus::split_lines(text);
  if (lines.size() > kMaxLines) lines.resize(kMaxLines);
  for (const std::string_view line : lines) {
    check(is_subview(line, text), "split_lines gives parts of the text");
    check(line.find('\n') == std::string_view::npos, "a line has no LF");
  }

  std::vector<bool> is_furniture;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    check_line(lines[i], i == 0);
    is_furniture.push_back(corpus::classify_line(lines[i]) !=
                           corpus::LineKind::kContent);
  }
  if (const auto title = corpus::find_title_line(lines, is_furniture)) {
    check(*title < lines.size(), "the title is a line");
    check(!is_furniture[*title], "the title is no furniture");
    check_dateline(lines, *title);
  }
  if (!lines.empty()) {
    check_dateline(lines, 0);
    check_dateline(lines, lines.size() / 2);
    check_dateline(lines, lines.size() - 1);
  }

  corpus::BoilerplateLearner learner(corpus::LearnOptions{1, 0.0, 1, 0.0, 64});
  learner.add_file(1, lines);
  learner.add_file(1, lines);  // a duplicate: not counted again
  std::vector<std::string_view> reversed(lines.rbegin(), lines.rend());
  learner.add_file(2, reversed);
  const corpus::LearnedBoilerplate learned = learner.finish();
  std::vector<std::string_view> distinct = lines;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  check(learned.size() <= 2 * distinct.size(),
        "only lines of the files are learned");
  if (const corpus::LineHashSet* group = learned.lines_for(1)) {
    for (const std::string_view line : lines) {
      const auto hash = corpus::learnable_line_hash(line);
      if (hash && group->count(*hash) > 0) return;  // found one of its lines
    }
    check(group->empty(), "a group learns only its own lines");
  }
}

}  // namespace news::fuzz
