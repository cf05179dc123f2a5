#include "searcher/snippet.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "common/text/analyzer.h"

namespace news::searcher {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool is_ascii_capital(char c) { return c >= 'A' && c <= 'Z'; }

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// A body token that matched the query; `key` groups the forms of one query
// word ("defeated" and "defeating" share the key of stem "defeat").
struct BodyMatch {
  std::size_t token_index;
  std::string key;
};

// Decides which tokens match, remembering per distinct term so that a long
// body stems each word form once.
class TokenMatcher {
 public:
  TokenMatcher(const MatchedTerms& matched, text::Analyzer& analyzer)
      : matched_(matched), analyzer_(analyzer) {
    for (const std::string& stem : matched.stems) {
      std::optional<std::string> start =
          text::stem_word_start(analyzer.language(), stem);
      if (!start || start->empty()) {
        every_word_may_match_ = true;
        break;
      }
      stem_starts_.push_back(std::move(*start));
    }
  }

  // The token's key when it matches, else nullopt.
  std::optional<std::string> match(const std::string& term) {
    const auto cached = cache_.find(term);
    if (cached != cache_.end()) return cached->second;
    std::optional<std::string> key;
    const bool can_stem = text::Analyzer::should_stem(term);
    if (matched_.terms.count(term) != 0) {
      key = can_stem ? analyzer_.stem(term) : term;
    } else if (can_stem && !matched_.stems.empty() && may_have_a_stem(term)) {
      std::string stem = analyzer_.stem(term);
      if (matched_.stems.count(stem) != 0) key = std::move(stem);
    }
    cache_.emplace(term, key);
    return key;
  }

 private:
  // Whether the term starts like a word of one of the query's stems: the
  // others need no stemming.
  bool may_have_a_stem(const std::string& term) const {
    if (every_word_may_match_) return true;
    return std::any_of(
        stem_starts_.begin(), stem_starts_.end(),
        [&](const std::string& start) { return starts_with(term, start); });
  }

  const MatchedTerms& matched_;
  text::Analyzer& analyzer_;
  std::vector<std::string> stem_starts_;
  bool every_word_may_match_ = false;
  std::unordered_map<std::string, std::optional<std::string>> cache_;
};

// The run of matches [first, last) whose tokens fit in window_bytes with the
// most distinct keys, then the most matches, then the earliest.
std::pair<std::size_t, std::size_t> best_match_run(
    const std::vector<BodyMatch>& matches,
    const std::vector<text::Token>& tokens, std::size_t window_bytes) {
  std::pair<std::size_t, std::size_t> best{0, 1};
  std::size_t best_distinct = 0;
  std::size_t best_count = 0;
  std::unordered_map<std::string_view, std::size_t> key_counts;
  std::size_t last = 0;
  for (std::size_t first = 0; first < matches.size(); ++first) {
    const std::size_t begin = tokens[matches[first].token_index].byte_begin;
    if (last <= first) {
      key_counts.clear();
      last = first;
    }
    while (
        last < matches.size() &&
        (last == first ||
         tokens[matches[last].token_index].byte_end - begin <= window_bytes)) {
      ++key_counts[matches[last].key];
      ++last;
    }
    const std::size_t count = last - first;
    if (key_counts.size() > best_distinct ||
        (key_counts.size() == best_distinct && count > best_count)) {
      best = {first, last};
      best_distinct = key_counts.size();
      best_count = count;
    }
    const auto found = key_counts.find(matches[first].key);
    if (--found->second == 0) key_counts.erase(found);
  }
  return best;
}

// Copies body[begin, end) collapsing white space runs to one space, and maps
// the highlighted body ranges onto the copy.
Snippet collapse(std::string_view body, std::size_t begin, std::size_t end,
                 const std::vector<Highlight>& body_highlights,
                 bool is_cut_before, bool is_cut_after) {
  Snippet snippet;
  std::string& out = snippet.text;
  if (is_cut_before) out.append(kEllipsis);
  const std::size_t text_start = out.size();
  auto next = body_highlights.begin();
  std::optional<std::size_t> open_begin;
  bool has_pending_space = false;
  for (std::size_t p = begin; p <= end; ++p) {
    if (open_begin && p == next->byte_end) {
      snippet.highlights.push_back({*open_begin, out.size()});
      open_begin.reset();
      ++next;
    }
    if (p == end) break;
    const char c = body[p];
    if (is_ascii_space(c)) {
      has_pending_space = true;
      continue;
    }
    if (has_pending_space && out.size() > text_start) out.push_back(' ');
    has_pending_space = false;
    if (!open_begin && next != body_highlights.end() && p == next->byte_begin) {
      open_begin = out.size();
    }
    out.push_back(c);
  }
  if (is_cut_after) out.append(kEllipsis);
  return snippet;
}

// Pieces of a body tokenized at a time: they end after a line break or a
// full stop and a space (no word crosses them) from this many bytes on, or
// at the end of the body.
constexpr std::size_t kPieceBytes = 512;

bool is_ascii_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

// The byte offset in body, from `from` on, of the `skip`+1-th occurrence of
// `word` (lower-case ASCII letters and digits) as a whole word in any letter
// case; nullopt when there is none or the word is not such. A cheap stand-in
// for tokenizing up to a position: the occurrence found may be another one
// of the same word when the analyzer joined or split surface forms
// ("U.S." for "us"), which only moves the snippet to another match.
std::optional<std::size_t> find_word(std::string_view body, std::size_t from,
                                     std::string_view word, std::size_t skip) {
  if (word.empty()) return std::nullopt;
  for (const char c : word) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      return std::nullopt;
    }
  }
  const auto lower = [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  };
  const char first = word.front();
  const char first_upper = (first >= 'a' && first <= 'z')
                               ? static_cast<char>(first - 'a' + 'A')
                               : first;
  for (std::size_t at = from; at + word.size() <= body.size(); ++at) {
    if (body[at] != first && body[at] != first_upper) continue;
    if (at > 0 && is_ascii_word_byte(static_cast<unsigned char>(body[at - 1])))
      continue;
    const std::size_t end = at + word.size();
    if (end < body.size() &&
        is_ascii_word_byte(static_cast<unsigned char>(body[end])))
      continue;
    bool same = true;
    for (std::size_t i = 1; i < word.size() && same; ++i) {
      same = lower(body[at + i]) == word[i];
    }
    if (!same) continue;
    if (skip == 0) return at;
    --skip;
  }
  return std::nullopt;
}

std::size_t piece_end(std::string_view body, std::size_t begin) {
  if (body.size() - begin <= kPieceBytes) return body.size();
  for (std::size_t at = begin + kPieceBytes; at + 1 < body.size(); ++at) {
    if (body[at] == '\n' || (body[at] == '.' && body[at + 1] == ' ')) {
      return at + 1;
    }
  }
  return body.size();
}

// How many distinct keys body matches can have at most: one per word or
// stem the body holds.
std::size_t possible_keys(const MatchedTerms& matched,
                          text::Analyzer& analyzer) {
  std::set<std::string> keys(matched.body_stems.begin(),
                             matched.body_stems.end());
  for (const std::string& term : matched.body_terms) {
    keys.insert(text::Analyzer::should_stem(term) ? analyzer.stem(term) : term);
  }
  return keys.size();
}

std::size_t distinct_keys(const std::vector<BodyMatch>& matches,
                          std::pair<std::size_t, std::size_t> run) {
  std::set<std::string_view> keys;
  for (std::size_t i = run.first; i < run.second; ++i) {
    keys.insert(matches[i].key);
  }
  return keys.size();
}

// The longest prefix of text no longer than max_bytes that ends on a UTF-8
// character boundary.
std::size_t utf8_prefix_bytes(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return end;
}

}  // namespace

MatchedTerms classify_matched_terms(
    const std::vector<std::string>& index_terms) {
  MatchedTerms matched;
  for (const std::string& term : index_terms) {
    if (term.empty()) continue;
    if (starts_with(term, "ZS")) {
      matched.stems.insert(term.substr(2));
    } else if (starts_with(term, "Z")) {
      matched.stems.insert(term.substr(1));
      matched.body_stems.insert(term.substr(1));
    } else if (starts_with(term, "S")) {
      matched.terms.insert(term.substr(1));
    } else if (!is_ascii_capital(term.front())) {
      matched.terms.insert(term);
      matched.body_terms.insert(term);
    }
  }
  for (std::set<std::string>* set :
       {&matched.terms, &matched.stems, &matched.body_terms,
        &matched.body_stems}) {
    set->erase("");
  }
  return matched;
}

Snippet make_snippet(std::string_view body, const MatchedTerms& matched,
                     text::Analyzer& analyzer, const SnippetOptions& options) {
  // The body is tokenized a piece at a time, and no further than needed: a
  // news article usually has every query word in its first paragraphs, and
  // tokenizing it whole would cost more than the search.
  std::vector<text::Token> tokens;
  std::vector<BodyMatch> matches;
  std::optional<TokenMatcher> matcher;
  if (!matched.empty()) matcher.emplace(matched, analyzer);
  std::size_t all_keys = possible_keys(matched, analyzer);
  bool has_located = false;
  // Where tokenizing began: 0, or a white space after which the index's
  // positions put the best window.
  std::size_t start = 0;
  std::size_t tokenized = 0;
  std::optional<std::size_t> tokenize_until;
  // The best run of matches, chosen among the matches up to the piece
  // where a run first holds every key (later matches are only highlighted).
  std::pair<std::size_t, std::size_t> run{0, 0};
  while (tokenized < body.size() &&
         (!tokenize_until || tokenized < *tokenize_until)) {
    const std::size_t end = piece_end(body, tokenized);
    for (text::Token& token :
         analyzer.tokenize(body.substr(tokenized, end - tokenized))) {
      token.byte_begin += tokenized;
      token.byte_end += tokenized;
      if (matcher) {
        if (std::optional<std::string> key = matcher->match(token.term)) {
          matches.push_back({tokens.size(), std::move(*key)});
        }
      }
      tokens.push_back(std::move(token));
    }
    tokenized = end;
    if (tokenize_until || tokens.empty()) continue;
    if (!matches.empty()) {
      run = best_match_run(matches, tokens, options.window_bytes);
    }
    const std::size_t found_keys =
        matches.empty() ? 0 : distinct_keys(matches, run);
    if (found_keys < all_keys && !has_located && options.locate && start == 0 &&
        tokenized < body.size()) {
      has_located = true;
      const std::size_t window_tokens = std::max<std::size_t>(
          1, options.window_bytes * tokens.size() / tokenized);
      const BodyPositions located = options.locate(window_tokens);
      if (located.reachable_keys > 0) {
        all_keys = std::min(all_keys, located.reachable_keys);
      }
      // A best window well past what is tokenized: start again just
      // before it.
      if (found_keys < all_keys &&
          located.first_position > tokens.size() + window_tokens) {
        std::size_t skip = 0;
        for (const std::uint32_t position : located.word_positions) {
          if (position > tokens.size() && position < located.first_position)
            ++skip;
        }
        const std::optional<std::size_t> at =
            find_word(body, tokenized, located.word, skip);
        if (at && *at > tokenized + options.window_bytes) {
          std::size_t restart =
              std::max(tokenized, *at - std::min(*at, options.window_bytes));
          while (restart > tokenized && !is_ascii_space(body[restart - 1])) {
            --restart;
          }
          start = restart;
          tokenized = restart;
          tokens.clear();
          matches.clear();
          run = {0, 0};
          continue;
        }
      }
    }
    if (!matches.empty()) {
      if (found_keys < all_keys) continue;
      tokenize_until = tokens[matches[run.second - 1].token_index].byte_end +
                       options.window_bytes + 1;
    } else if (all_keys == 0) {
      // Nothing to look for in the body (a title-only hit): its start.
      tokenize_until = options.window_bytes + 1;
    }
  }
  if (!tokenize_until && !matches.empty()) {
    run = best_match_run(matches, tokens, options.window_bytes);
  }
  if (tokens.empty()) {
    // Nothing but punctuation or space: show its start as it is.
    const std::size_t end = utf8_prefix_bytes(body, options.window_bytes);
    return collapse(body, 0, end, {}, false, end < body.size());
  }

  // The tokens that must be shown: the best run of matches, or the first
  // token of a body that matched only through the title.
  std::size_t span_first = 0;
  std::size_t span_last = 0;
  if (!matches.empty()) {
    span_first = matches[run.first].token_index;
    span_last = matches[run.second - 1].token_index;
  }
  const std::size_t span_begin = tokens[span_first].byte_begin;
  const std::size_t span_end = tokens[span_last].byte_end;

  // Spend the room left around the span: a third before, the rest after, and
  // all of it before when the body ends first.
  const std::size_t slack = options.window_bytes > span_end - span_begin
                                ? options.window_bytes - (span_end - span_begin)
                                : 0;
  std::size_t want_begin = span_begin - std::min(span_begin, slack / 3);
  const std::size_t want_end = std::min(
      body.size(), std::max(span_end, want_begin + options.window_bytes));
  if (want_end - want_begin < options.window_bytes) {
    want_begin = std::min(span_begin,
                          want_end - std::min(want_end, options.window_bytes));
  }

  // Snap to whole tokens inside the wanted range, keeping the span.
  std::size_t first_token = span_first;
  while (first_token > 0 && tokens[first_token - 1].byte_begin >= want_begin) {
    --first_token;
  }
  std::size_t last_token = span_last;
  while (last_token + 1 < tokens.size() &&
         tokens[last_token + 1].byte_end <= want_end) {
    ++last_token;
  }
  const bool is_cut_before = first_token > 0 || start > 0;
  const bool has_next_token = last_token + 1 < tokens.size();
  const bool is_cut_after = has_next_token || tokenized < body.size();

  // Keep punctuation stuck to the edge words (quotes, a full stop) but not
  // the space beyond them.
  std::size_t begin = 0;
  if (is_cut_before) {
    begin = tokens[first_token].byte_begin;
    const std::size_t floor =
        first_token > 0 ? tokens[first_token - 1].byte_end : start;
    while (begin > floor && !is_ascii_space(body[begin - 1])) --begin;
  }
  std::size_t end = body.size();
  if (is_cut_after) {
    end = tokens[last_token].byte_end;
    const std::size_t ceiling =
        has_next_token ? tokens[last_token + 1].byte_begin : tokenized;
    while (end < ceiling && !is_ascii_space(body[end])) ++end;
  }

  std::vector<Highlight> body_highlights;
  for (const BodyMatch& match : matches) {
    if (match.token_index < first_token) continue;
    if (match.token_index > last_token) break;
    const text::Token& token = tokens[match.token_index];
    body_highlights.push_back({token.byte_begin, token.byte_end});
  }
  return collapse(body, begin, end, body_highlights, is_cut_before,
                  is_cut_after);
}

std::string mark_highlights(const Snippet& snippet, std::string_view open,
                            std::string_view close) {
  std::string marked;
  marked.reserve(snippet.text.size() +
                 snippet.highlights.size() * (open.size() + close.size()));
  std::size_t copied = 0;
  for (const Highlight& highlight : snippet.highlights) {
    marked.append(snippet.text, copied, highlight.byte_begin - copied);
    marked.append(open);
    marked.append(snippet.text, highlight.byte_begin,
                  highlight.byte_end - highlight.byte_begin);
    marked.append(close);
    copied = highlight.byte_end;
  }
  marked.append(snippet.text, copied, std::string::npos);
  return marked;
}

}  // namespace news::searcher
