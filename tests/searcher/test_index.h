// Builds small news-search indexes for the searcher tests by writing Xapian
// documents directly, following common/schema.h the way news-index does
// (indexer/article_to_document.cc), so these tests do not depend on the
// corpus readers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/date.h"

namespace news::searcher::testing {

// An English article; path is derived from the id.
Article make_article(const std::string& id, const std::string& outlet,
                     const std::string& title, const std::string& body,
                     std::optional<Date> published = {});

// The database metadata written with the index; defaults are what this
// build's news-index writes. An empty value is left out.
struct IndexMetadata {
  std::string schema_version;  // default: std::to_string(schema::kVersion)
  std::string analyzer;        // default: Analyzer::settings_description()
  std::string language = "en";
  bool has_defaults = true;  // false: write the fields exactly as given
};

// Creates (or overwrites) a database at path holding the articles, in order
// (docids 1..n), and commits it.
void write_index(const std::string& path, const std::vector<Article>& articles,
                 const IndexMetadata& metadata = {});

}  // namespace news::searcher::testing
