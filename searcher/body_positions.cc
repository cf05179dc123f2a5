#include "searcher/body_positions.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace news::searcher {
namespace {

// The starts of terms to read in a document's term list to find the words
// of these stems: each stem's stem_word_start, sorted, without those that a
// shorter one covers; the empty start (the whole list) when a stem has none.
std::vector<std::string> term_list_starts(const std::set<std::string>& stems,
                                          std::string_view language) {
  std::vector<std::string> starts;
  for (const std::string& stem : stems) {
    std::optional<std::string> start = text::stem_word_start(language, stem);
    if (!start || start->empty()) return {std::string()};
    starts.push_back(std::move(*start));
  }
  std::sort(starts.begin(), starts.end());
  std::vector<std::string> kept;
  for (std::string& start : starts) {
    if (!kept.empty() &&
        start.compare(0, kept.back().size(), kept.back()) == 0) {
      continue;
    }
    kept.push_back(std::move(start));
  }
  return kept;
}

std::optional<std::vector<std::string>> look_up_forms(
    const Xapian::Database& database, text::Analyzer& analyzer,
    const std::string& stem) {
  constexpr std::size_t kMaxCandidates = 256;
  const std::optional<std::string> start =
      text::stem_word_start(analyzer.language(), stem);
  if (!start || start->empty()) return std::nullopt;
  const std::string& prefix = *start;
  std::vector<std::string> forms;
  std::size_t candidates = 0;
  for (auto term = database.allterms_begin(prefix);
       term != database.allterms_end(prefix); ++term) {
    if (++candidates > kMaxCandidates) return std::nullopt;
    const std::string& name = *term;
    if (text::Analyzer::should_stem(name) && analyzer.stem(name) == stem) {
      forms.push_back(name);
    }
  }
  return forms;
}

}  // namespace

const std::vector<std::string>* StemForms::forms(
    const Xapian::Database& database, text::Analyzer& analyzer,
    const std::string& stem) {
  if (!text::stem_word_start(analyzer.language(), stem)) return nullptr;
  // Bounded: a long batch of queries meets many stems.
  constexpr std::size_t kMaxRemembered = 1 << 12;
  auto& by_stem = cache_[analyzer.language()];
  auto found = by_stem.find(stem);
  if (found == by_stem.end()) {
    if (remembered_ >= kMaxRemembered) {
      cache_.clear();
      remembered_ = 0;
      return forms(database, analyzer, stem);
    }
    found =
        by_stem.emplace(stem, look_up_forms(database, analyzer, stem)).first;
    ++remembered_;
  }
  return found->second ? &*found->second : nullptr;
}

WordPresence::WordPresence(const Xapian::Database& database,
                           std::vector<Xapian::docid> docids)
    : database_(database), docids_(std::move(docids)) {
  std::sort(docids_.begin(), docids_.end());
}

bool WordPresence::has(Xapian::docid docid, const std::string& word) {
  auto found = holders_.find(word);
  if (found == holders_.end()) {
    std::set<Xapian::docid> holders;
    Xapian::PostingIterator posting = database_.postlist_begin(word);
    const Xapian::PostingIterator end = database_.postlist_end(word);
    for (const Xapian::docid id : docids_) {
      if (posting == end) break;
      posting.skip_to(id);
      if (posting != end && *posting == id) holders.insert(id);
    }
    found = holders_.emplace(word, std::move(holders)).first;
  }
  return found->second.count(docid) != 0;
}

BodyPositions locate_in_body(const Xapian::Database& database,
                             Xapian::docid docid, const MatchedTerms& matched,
                             text::Analyzer& analyzer, StemForms& stem_forms,
                             WordPresence& presence,
                             std::size_t window_tokens) {
  struct Match {
    Xapian::termpos position;
    std::size_t key;   // index into keys
    std::size_t word;  // index into words
  };
  std::vector<std::string> keys;
  std::vector<std::string> words;
  std::vector<Match> found;
  const auto add_word = [&](const std::string& word, const std::string& key) {
    std::size_t key_index =
        std::find(keys.begin(), keys.end(), key) - keys.begin();
    if (key_index == keys.size()) keys.push_back(key);
    words.push_back(word);
    for (auto position = database.positionlist_begin(docid, word);
         position != database.positionlist_end(docid, word); ++position) {
      found.push_back({*position, key_index, words.size() - 1});
    }
  };
  for (const std::string& term : matched.body_terms) {
    add_word(term,
             text::Analyzer::should_stem(term) ? analyzer.stem(term) : term);
  }
  // The stems whose word forms the dictionary cannot tell are found in the
  // document's term list.
  std::set<std::string> unknown_stems;
  for (const std::string& stem : matched.body_stems) {
    const std::vector<std::string>* forms =
        stem_forms.forms(database, analyzer, stem);
    if (!forms) {
      unknown_stems.insert(stem);
      continue;
    }
    for (const std::string& form : *forms) {
      if (matched.body_terms.count(form) == 0 && presence.has(docid, form)) {
        add_word(form, stem);
      }
    }
  }
  if (!unknown_stems.empty()) {
    // Only the stretches of the (sorted) term list where such words can
    // stand are stemmed.
    Xapian::TermIterator term = database.termlist_begin(docid);
    const Xapian::TermIterator end = database.termlist_end(docid);
    for (const std::string& start :
         term_list_starts(unknown_stems, analyzer.language())) {
      if (!start.empty()) term.skip_to(start);
      for (; term != end; ++term) {
        const std::string& name = *term;
        if (name.compare(0, start.size(), start) != 0) break;
        // Body words are the unprefixed terms: none starts with a capital.
        if (name.empty() || (name.front() >= 'A' && name.front() <= 'Z') ||
            !text::Analyzer::should_stem(name) ||
            matched.body_terms.count(name) != 0) {
          continue;
        }
        std::string stem = analyzer.stem(name);
        if (unknown_stems.count(stem) != 0) add_word(name, stem);
      }
    }
  }
  BodyPositions located;
  if (found.empty()) return located;
  std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
    return a.position < b.position;
  });
  std::vector<std::size_t> in_window(keys.size(), 0);
  std::size_t distinct = 0;
  std::size_t first = 0;
  std::size_t best_first = 0;
  for (std::size_t last = 0; last < found.size(); ++last) {
    if (in_window[found[last].key]++ == 0) ++distinct;
    while (found[last].position - found[first].position >= window_tokens) {
      if (--in_window[found[first].key] == 0) --distinct;
      ++first;
    }
    if (distinct > located.reachable_keys) {
      located.reachable_keys = distinct;
      best_first = first;
    }
  }
  located.first_position = found[best_first].position;
  located.word = words[found[best_first].word];
  for (const Match& match : found) {
    if (match.word == found[best_first].word) {
      located.word_positions.push_back(match.position);
    }
  }
  return located;
}

}  // namespace news::searcher
