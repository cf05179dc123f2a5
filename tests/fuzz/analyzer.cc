#include "common/text/analyzer.h"

#include <string>
#include <string_view>
#include <vector>

#include "common/schema.h"
#include "common/text/utf8.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"

namespace news::fuzz {
namespace {

bool has_space(std::string_view term) {
  return term.find_first_of(" \t\n\r\f\v") != std::string_view::npos;
}

void check_term(std::string_view term) {
  check(!term.empty(), "a term is not empty");
  check(term.size() <= schema::kMaxTermBytes, "a term fits the term limit");
  check(text::is_valid_utf8(term), "a term is valid UTF-8");
  check(!has_space(term), "a term has no white space");
}

}  // namespace

void fuzz_analyzer(const std::uint8_t* data, std::size_t size) {
  // Building the ICU objects and the stemmer for every input would dominate
  // the run; the analyzer keeps no state between calls that matters here.
  static text::Analyzer analyzer("en");
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const std::vector<text::Token> tokens = analyzer.tokenize(bytes);
  const std::vector<text::Token> icu_tokens =
      analyzer.tokenize_with_icu_only(bytes);
  check(tokens.size() == icu_tokens.size(),
        "the simple segmentation finds ICU's number of tokens");
  for (std::size_t i = 0; i < tokens.size() && i < icu_tokens.size(); ++i) {
    check(tokens[i].term == icu_tokens[i].term &&
              tokens[i].byte_begin == icu_tokens[i].byte_begin &&
              tokens[i].byte_end == icu_tokens[i].byte_end,
          "the simple segmentation gives ICU's tokens");
  }
  std::size_t previous_end = 0;
  for (const text::Token& token : tokens) {
    check_term(token.term);
    check(token.byte_begin < token.byte_end, "a token is not empty");
    check(token.byte_end <= bytes.size(), "a token lies inside the text");
    check(token.byte_begin >= previous_end, "tokens are ordered");
    previous_end = token.byte_end;
    if (text::Analyzer::should_stem(token.term)) {
      check(text::is_valid_utf8(analyzer.stem(token.term)),
            "a stem is valid UTF-8");
    }
  }

  const std::string word = analyzer.normalize_word(bytes);
  if (!word.empty()) check_term(word);

  const std::string key = analyzer.normalize_key(bytes);
  check(text::is_valid_utf8(key), "a key is valid UTF-8");
  check(analyzer.normalize_key(key) == key, "normalize_key is idempotent");

  const std::string query =
      analyzer.normalize_query(bytes, {"title", "outlet"}, {"outlet"});
  if (text::is_valid_utf8(bytes)) {
    check(text::is_valid_utf8(query), "a normalised query is valid UTF-8");
  }
}

}  // namespace news::fuzz
