#include "searcher/query_builder.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/text/analyzer.h"
#include "common/text/utf8.h"
#include "indexer/article_to_document.h"
#include "searcher/snippet.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"

namespace news::fuzz {
namespace {

constexpr std::string_view kBody =
    "The defeated army withdrew from the city on Tuesday. Officials in "
    "Moscow said the troops' retreat was planned; café owners reopened.\n\n"
    "U.S. envoys met 4,013 refugees. Putin's spokesman declined to comment "
    "on the report by Russia Today.";

Article make_article(const std::string& id, const std::string& outlet,
                     const std::string& title, std::string_view body) {
  Article article;
  article.id = id;
  article.url = "https://example.org/" + id;
  article.outlet = outlet;
  article.title = title;
  article.published = Date{2019, 3, 23};
  article.language = "en";
  article.body = std::string(body);
  article.source.path = "fuzz/" + id + ".txt";
  return article;
}

// The index every input is searched in, built once (with the indexer's own
// ArticleToDocument) and kept for the whole fuzzing run: rebuilding it per
// input would dominate the run.
struct Fixture {
  Fixture()
      : database(std::string(), Xapian::DB_BACKEND_INMEMORY),
        builder(analyzer, database) {
    indexer::ArticleToDocument converter(analyzer);
    const std::vector<Article> articles = {
        make_article("a", "SouthFront", "Army defeated near the city", kBody),
        make_article("b", "Russia Today", "Navy troops in Café Crème",
                     "Sailors and soldiers ate at the café.\n\nNo comment."),
        make_article("c", "unknown", "U.S. report: 4,013 refugees",
                     "Refugees arrived; the U.N. counted them."),
    };
    for (const Article& article : articles) {
      database.add_document(converter.convert(article));
    }
    database.commit();
  }

  text::Analyzer analyzer{"en"};
  Xapian::WritableDatabase database;
  searcher::QueryBuilder builder;
};

// body_is_valid: whether the body was valid UTF-8 (invalid bytes are
// tolerated, and kept).
void check_snippet(const searcher::Snippet& snippet, bool body_is_valid) {
  if (body_is_valid) {
    check(text::is_valid_utf8(snippet.text), "a snippet is valid UTF-8");
  }
  std::size_t previous_end = 0;
  for (const searcher::Highlight& highlight : snippet.highlights) {
    check(highlight.byte_begin < highlight.byte_end,
          "a highlight is not empty");
    check(highlight.byte_end <= snippet.text.size(),
          "a highlight lies inside the snippet");
    check(highlight.byte_begin >= previous_end,
          "highlights are sorted and apart");
    previous_end = highlight.byte_end;
  }
  static_cast<void>(searcher::mark_highlights(snippet, "**", "**"));
}

}  // namespace

void fuzz_query_builder(const std::uint8_t* data, std::size_t size) {
  static Fixture fixture;
  searcher::SearchRequest request;
  request.database_paths = {"unused"};
  request.query.assign(reinterpret_cast<const char*>(data), size);
  // Odd-sized inputs also go through the --outlet filter.
  if (size % 2 == 1) request.outlets = {"russia  TODAY", request.query};

  const Result<Xapian::Query> query = fixture.builder.build(request);
  if (!query.ok()) {
    check(query.error().code() == ErrorCode::kQuerySyntax,
          "a query fails only with a syntax error");
    return;
  }
  static_cast<void>(query.value().get_description());

  Xapian::Enquire enquire(fixture.database);
  enquire.set_query(query.value());
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  check(mset.size() <= 3, "at most every document matches");
  for (auto hit = mset.begin(); hit != mset.end(); ++hit) {
    const std::vector<std::string> terms(enquire.get_matching_terms_begin(hit),
                                         enquire.get_matching_terms_end(hit));
    const searcher::MatchedTerms matched =
        searcher::classify_matched_terms(terms);
    check_snippet(searcher::make_snippet(kBody, matched, fixture.analyzer),
                  true);
  }

  // The query's own terms, matched or not, highlighted in the fixed body.
  const std::vector<std::string> query_terms(query.value().get_terms_begin(),
                                             query.value().get_terms_end());
  const searcher::MatchedTerms matched =
      searcher::classify_matched_terms(query_terms);
  check_snippet(searcher::make_snippet(kBody, matched, fixture.analyzer), true);
  check_snippet(searcher::make_snippet(request.query, matched, fixture.analyzer,
                                       searcher::SnippetOptions{16}),
                text::is_valid_utf8(request.query));
}

}  // namespace news::fuzz
