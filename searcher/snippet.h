// Snippets: the piece of an article's body shown under a hit, with the words
// that matched the query marked. The body is tokenized with the same Analyzer
// as the index, so a token is marked exactly when the index would have
// matched it: by its normalised term, or by its stem when the query matched
// a stemmed term ("defeat" marks "defeated" and "defeating").
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace news::text {
class Analyzer;
}

namespace news::searcher {

// A byte range [byte_begin, byte_end) of Snippet::text to highlight.
struct Highlight {
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;

  friend bool operator==(const Highlight& a, const Highlight& b) {
    return a.byte_begin == b.byte_begin && a.byte_end == b.byte_end;
  }
};

struct Snippet {
  // Plain UTF-8 text: runs of white space collapsed to one space, "…"
  // (U+2026) at either end where the body was cut.
  std::string text;
  // Sorted, non-overlapping byte ranges of text that matched the query.
  std::vector<Highlight> highlights;
};

// The query terms that matched one document, split by how they match a body
// token: `terms` by the token's normalised term, `stems` by its stem.
struct MatchedTerms {
  std::set<std::string> terms;
  std::set<std::string> stems;

  bool empty() const { return terms.empty() && stems.empty(); }
};

// Sorts index terms (as Xapian reports them for a hit) into MatchedTerms by
// the schema's prefixes: "Z"+stem and "ZS"+stem give stems; "S"+term and
// unprefixed terms give terms; boolean and other prefixed terms (anything
// starting with an ASCII capital) are ignored.
MatchedTerms classify_matched_terms(
    const std::vector<std::string>& index_terms);

struct SnippetOptions {
  // Preferred snippet length in bytes of the body; the window is cut on
  // word boundaries, so the text may be a little shorter.
  std::size_t window_bytes = 240;
};

// Makes the snippet of `body` for a hit whose matched terms are `matched`,
// tokenizing with `analyzer` (which must be the index's analyzer, for the
// stems to agree). Picks the window with the most distinct matched terms
// (then the most matches, then the earliest) within the first pieces of the
// body that hold a window with every matched word; when nothing matches in the
// body (a title-only hit), the start of the body. An empty body gives an
// empty snippet. Never fails: invalid UTF-8 is tolerated by the analyzer.
Snippet make_snippet(std::string_view body, const MatchedTerms& matched,
                     text::Analyzer& analyzer,
                     const SnippetOptions& options = {});

// snippet.text with `open` and `close` around each highlight, e.g. "**"
// and "**", or ANSI bold on and off.
std::string mark_highlights(const Snippet& snippet, std::string_view open,
                            std::string_view close);

}  // namespace news::searcher
