// Extraction of one Article from a scraped plain-text dump: title, body
// without page furniture, and publication date, with the outlet decided by
// the caller (it also chooses the learned boilerplate group).
#pragma once

#include <string>

#include "common/article.h"
#include "common/error.h"
#include "corpus/extract/boilerplate.h"
#include "corpus/extract/outlet.h"
#include "corpus/raw_document.h"

namespace news::corpus {

struct TextDumpContext {
  std::string id;        // Article.id
  std::string language;  // Article.language
  // The outlet and the rule that gave it; name kUnknownOutlet and rule
  // "none" when unknown. A line that is only this name is furniture.
  OutletGuess outlet{kUnknownOutlet, "none"};
  // Learned boilerplate of the file's group; nullptr when none. Not owned.
  const LineHashSet* learned_lines = nullptr;
};

// Recognised title; facts.title_rule says so.
inline constexpr char kTitleRule[] = "text:first-substantial-line";

// The article in document.bytes (decoded text, see RawDocument):
// - furniture lines are those classify_line() rejects, learned lines (unless
//   they make up more than half of the file's words: then the file is most
//   likely a duplicate article and keeps its lines), and the outlet's name
//   alone on a line;
// - title: find_title_line() over the lines; everything before it is
//   dropped, and later copies of it too. When there is none, or no body
//   text follows it (the first title-like line was in the footer), but a
//   line that is not furniture holds a paragraph (12 words or
//   more), the article has no title (title_rule "none") and its body is
//   taken from the whole page by the same rules;
// - date: find_dateline(); the dateline and "By ..." lines right after the
//   title are not body;
// - body: the remaining lines after the title, without "Related" blocks
//   (a marker line and the headline-like lines after it) and without the
//   trailing run of lines after the last sentence-like line; lines of one
//   block joined by "\n", blocks by "\n\n".
// Errors (kBadInput, source = document.source): "empty file; skipped",
// "no title found; skipped", "no body text after the title; skipped" (the
// last two only when the page holds no paragraph either).
Result<Article> extract_text_dump(const RawDocument& document,
                                  const TextDumpContext& context);

}  // namespace news::corpus
