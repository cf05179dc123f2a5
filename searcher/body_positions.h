// Where in a hit's body the query's words stand, from the index's
// positions, for make_snippet (SnippetOptions::locate): so that a long body
// is neither tokenized to its end to learn that its words never stand
// together, nor up to a far window.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/text/analyzer.h"
#include "searcher/snippet.h"

namespace news::searcher {

// The body words of the index that have a stem, looked up in the index's
// term dictionary once per stem, among the words that start with the
// stem's text::stem_word_start ("happi": "happ...", so "happy", "happier").
// Unknown (nullptr) for languages without such a start, or when it is
// shared by too many words; the caller then reads the stretches of the
// document's own term list where the words can stand. Kept by the Searcher
// across searches (the answers hold while the database is not reopened).
class StemForms {
 public:
  // `analyzer` stems as the index did for the language of the search.
  const std::vector<std::string>* forms(const Xapian::Database& database,
                                        text::Analyzer& analyzer,
                                        const std::string& stem);
  void clear() {
    cache_.clear();
    remembered_ = 0;
  }

 private:
  // By language, then stem.
  std::map<std::string,
           std::map<std::string, std::optional<std::vector<std::string>>>>
      cache_;
  std::size_t remembered_ = 0;
};

// Which of a page's hits hold a word, learned once per word by walking its
// posting list over the hits' document ids in ascending order: cheaper than
// asking each hit for the word's positions when most do not have it.
class WordPresence {
 public:
  // `docids`: the page's hits.
  WordPresence(const Xapian::Database& database,
               std::vector<Xapian::docid> docids);

  bool has(Xapian::docid docid, const std::string& word);

 private:
  const Xapian::Database& database_;
  std::vector<Xapian::docid> docids_;
  std::map<std::string, std::set<Xapian::docid>> holders_;
};

// Where the document's positions put the best window of `window_tokens`
// consecutive body tokens for the snippet: the one with the most distinct
// keys (a body word, or a stem standing for the body words that have it),
// the earliest of those.
BodyPositions locate_in_body(const Xapian::Database& database,
                             Xapian::docid docid, const MatchedTerms& matched,
                             text::Analyzer& analyzer, StemForms& stem_forms,
                             WordPresence& presence, std::size_t window_tokens);

}  // namespace news::searcher
