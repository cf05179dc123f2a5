// Snippets: the piece of an article's body shown under a hit, with the words
// that matched the query marked. The body is tokenized with the same Analyzer
// as the index, so a token is marked exactly when the index would have
// matched it: by its normalised term, or by its stem when the query matched
// a stemmed term ("defeat" marks "defeated" and "defeating").
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
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
  // Those of `terms` and `stems` that the hit holds in its body (unprefixed
  // and "Z" index terms). A word that matched only the title is marked where
  // the snippet happens to show it, but never searched for through the body.
  std::set<std::string> body_terms;
  std::set<std::string> body_stems;

  bool empty() const { return terms.empty() && stems.empty(); }
};

// Sorts index terms (as Xapian reports them for a hit) into MatchedTerms by
// the schema's prefixes: "Z"+stem and "ZS"+stem give stems; "S"+term and
// unprefixed terms give terms; boolean and other prefixed terms (anything
// starting with an ASCII capital) are ignored. Unprefixed and "Z" terms are
// also body terms and stems.
MatchedTerms classify_matched_terms(
    const std::vector<std::string>& index_terms);

// What the index's positions say about a hit's body (see
// SnippetOptions::locate).
struct BodyPositions {
  // The most distinct body keys (MatchedTerms::body_terms and body_stems, a
  // word counted by its stem) that the window holds; 0: unknown.
  std::size_t reachable_keys = 0;
  // The window's first match: its body position (1 for the first token) and
  // word (a normalised term), and every position of that word, ascending.
  std::uint32_t first_position = 0;
  std::string word;
  std::vector<std::uint32_t> word_positions;
};

struct SnippetOptions {
  SnippetOptions() = default;
  explicit SnippetOptions(std::size_t window) : window_bytes(window) {}

  // Preferred snippet length in bytes of the body; the window is cut on
  // word boundaries, so the text may be a little shorter.
  std::size_t window_bytes = 240;
  // When set, asked (at most once) when the first piece of the body has no
  // window with every key: where the index's positions put the best window
  // of `window_tokens` consecutive body tokens. Lets make_snippet stop
  // early when the words never stand together, and skip to a far window
  // instead of tokenizing the body up to it.
  std::function<BodyPositions(std::size_t window_tokens)> locate;
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
