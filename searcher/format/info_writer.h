// Output of news-search --stats and --show in each format
// (docs/output-format.md): text for people; json one document; jsonl one
// line; csv/tsv a table (stats: kind,value,count rows; show: a header and one
// row of the --fields columns, all of them by default).
#pragma once

#include <ostream>
#include <vector>

#include "searcher/search_request.h"
#include "searcher/search_results.h"

namespace news::searcher {

void write_stats(const IndexStats& stats, OutputFormat format,
                 std::ostream& out);

// fields: the columns for csv/tsv and members for json/jsonl (empty: all);
// text always shows every stored field and the body.
void write_article(const StoredArticle& article, OutputFormat format,
                   const std::vector<HitField>& fields, std::ostream& out);

}  // namespace news::searcher
