// Analyzer: the one text normaliser and tokenizer, shared by the indexer and
// the searcher so that a word indexed one way is always found when a user
// types it another way (composed or decomposed accents, no accents on Latin
// letters, curly or straight apostrophes, ligatures, full-width forms, soft
// hyphens and zero-width characters).
//
// Pipeline for a text: UTF-8 -> UTF-16 with ignorable characters (soft
// hyphen, zero-width space/joiners, BOM) dropped -> word segments by ICU's
// word break rules (stretches of ASCII and common punctuation segmented by
// the same rules without ICU, the rest by ICU's word break iterator)
// -> each word token normalised to a term:
//   NFKC case folding; diacritics removed from Latin-script letters;
//   possessive "'s" dropped and other apostrophes removed; dots inside
//   acronyms ("U.S.") and separators inside numbers ("4,013") removed;
//   tokens split at other inner punctuation (":" "." between words).
// Terms contain only letters, marks, digits and "_", so Xapian's QueryParser
// keeps each one as a single term. Stemming uses Xapian's Snowball stemmers
// chosen by language.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace news::text {

struct Token {
  std::string term;        // normalised, unstemmed
  std::size_t byte_begin;  // offsets into the analysed UTF-8 text
  std::size_t byte_end;
};

class Analyzer {
 public:
  // language: ISO 639-1 code choosing the stemmer ("en"); an unknown or
  // empty code gives an analyzer that does not stem.
  explicit Analyzer(std::string_view language = "en");
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // The word tokens of a UTF-8 text (invalid UTF-8 is tolerated: bad bytes
  // become U+FFFD and break words), in order, with byte offsets into text.
  std::vector<Token> tokenize(std::string_view text);

  // tokenize() with every word found by ICU's word break iterator, which
  // tokenize() leaves to stretches of text beyond ASCII and common news
  // punctuation, and normalised by the general path, which tokenize() skips
  // for plain ASCII words. The same tokens; the reference it is tested
  // against.
  std::vector<Token> tokenize_with_icu_only(std::string_view text);

  // The normalised term for one word as a user would type it, or "" when the
  // word yields no term (or several: use tokenize for those).
  std::string normalize_word(std::string_view word);

  // normalize_key() below, reusing this analyzer's ICU objects (cheaper in
  // a loop than the free function).
  std::string normalize_key(std::string_view value);

  // The stemmed form of a normalised term; the term itself when this
  // analyzer does not stem. Remembers recent answers: news repeats its
  // words, and Snowball costs more than a lookup. Like the rest of an
  // Analyzer, not to be shared between threads.
  std::string stem(const std::string& term) const;

  // Whether Xapian's QueryParser (STEM_SOME) would stem this term: it starts
  // with a letter. The indexer adds a stemmed term only for these.
  static bool should_stem(std::string_view term);

  // Rewrites free-text words of a query into their normalised terms while
  // keeping the query syntax intact: operators (AND OR NOT XOR NEAR ADJ, in
  // capitals), field prefixes "name:" for the given field names, the value
  // after a prefix listed in raw_value_fields (kept verbatim), quotes,
  // parentheses, + and - and trailing "*". A word that splits into several
  // terms is joined with "-" so the QueryParser reads it as a phrase.
  std::string normalize_query(std::string_view query,
                              const std::vector<std::string>& field_names,
                              const std::vector<std::string>& raw_value_fields);

  // The Xapian stemmer in use (for QueryParser::set_stemmer).
  const Xapian::Stem& stemmer() const { return stemmer_; }
  const std::string& language() const { return language_; }

  // A short description of every setting that affects terms, stored in the
  // database metadata; the searcher compares it with its own.
  static std::string settings_description();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
  std::string language_;
  Xapian::Stem stemmer_;
  mutable std::unordered_map<std::string, std::string> stems_;
};

// Normalises a facet/filter key (outlet, author): the terms of the value
// (case folded, Latin diacritics removed, as tokenize gives them) joined by
// one space. Idempotent. "Russia  Today" and "russia today" give the same key.
std::string normalize_key(std::string_view value);

// The Snowball stemmer name Xapian uses for an ISO 639-1 code ("en" ->
// "english"), or "" when there is none.
std::string stemmer_name_for_language(std::string_view language);

// What every word with this stem starts with, for the languages whose
// Snowball stemmer only cuts and rewrites word endings: English (the stem
// without its last letter, or without "ie" for "die" from "dying") and
// Russian (the stem without its last letter). nullopt for the others, whose
// stemmers also change prefixes or letters inside a word ("ß" to "ss" in
// German, accents in Spanish and Dutch, prefixes in Indonesian). Lets a
// caller skip stemming the words that cannot have the stem.
std::optional<std::string> stem_word_start(std::string_view language,
                                           std::string_view stem);

}  // namespace news::text
