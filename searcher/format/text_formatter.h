// The text format, for people:
//
//   3 matches for "defeat"; showing 1-3
//
//   1. Title of the article
//      SouthFront · 2019-03-23 · path/to/file.txt · https://url
//      …the army was **defeated** near…
//
//   Outlets: SouthFront 2, unknown 1
//
// A total that is an estimate (no facets asked for) reads "about N
// matches". When more matches follow the page, a last line says which
// --offset shows the next page. In batch mode each query's block starts
// with "== query LINE [ID]: QUERY" and a failed query's block holds its
// error.
// Empty fields are left out of the second line. Matched words are marked
// with ANSI bold when is_color, else with "**" on either side. Control
// characters in the article's fields are shown as spaces, so scraped text
// cannot drive the terminal. Not a stable contract: scripts use --format
// json.
#pragma once

#include <ostream>

#include "searcher/format/result_formatter.h"

namespace news::searcher {

class TextFormatter : public ResultFormatter {
 public:
  TextFormatter(std::ostream& out, bool is_color)
      : out_(out), is_color_(is_color) {}

  void begin(const SearchSummary& summary) override;
  void hit(const Hit& hit) override;
  void facets(const std::vector<FacetGroup>& facets) override;
  void end() override;
  void error(const BatchTag& tag, const std::string& query,
             const Error& error) override;

 private:
  std::ostream& out_;
  bool is_color_;
  SearchSummary summary_;
  std::size_t block_count_ = 0;
};

}  // namespace news::searcher
