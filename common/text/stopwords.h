// Stop-words per language for the query side: the most common function
// words of English, German, French, Spanish, Portuguese, Russian, Italian,
// Dutch, Swedish and Norwegian, which a query can do without ("the", "der",
// "и"). The index keeps every word (phrases need them); only the query
// parser drops them, through the Xapian::Stopper made here.
#pragma once

#include <xapian.h>

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace news::text {

// The stop-words of the language with ISO 639-1 code ("en", "ru", ...), as
// they are written (accents kept: "für", "à", "её"), about 100 to 200 a
// language. An empty list for any other code, "" included. The lists live
// for the whole program.
const std::vector<std::string_view>& stopwords_for_language(
    std::string_view code);

// A Xapian::Stopper over a sorted list of terms: built without a node
// allocation per word (a news-search process builds one per query, where a
// Xapian::SimpleStopper's std::set cost more than the query itself).
class TermStopper : public Xapian::Stopper {
 public:
  bool operator()(const std::string& term) const override;
  std::string get_description() const override;

  // The terms held, sorted and each once.
  const std::vector<std::string_view>& terms() const { return terms_; }

 private:
  friend std::unique_ptr<TermStopper> make_stopper(std::string_view code);

  std::vector<std::string_view> terms_;  // into the static lists or owned_
  std::deque<std::string> owned_;        // terms the analyzer changed
};

// A stopper holding the analyzer terms of stopwords_for_language(code)
// (case folded, Latin diacritics removed: "für" -> "fur"), the form query
// words have after Analyzer::normalize_query; nullptr when the language has
// no list. For Xapian::QueryParser::set_stopper: keep the stopper alive as
// long as the parser, or hand it over with
// parser.set_stopper(stopper.release()->release()).
std::unique_ptr<TermStopper> make_stopper(std::string_view code);

}  // namespace news::text
