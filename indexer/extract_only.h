// news-index --extract-only: what would be indexed, printed instead of
// written, so that a user can audit the extraction of every article (which
// rule gave its title, outlet and date) before building an index.
#pragma once

#include <ostream>

#include "common/article.h"
#include "common/error.h"
#include "indexer/index_report.h"
#include "indexer/options.h"

namespace news::indexer {

// One article in the --format jsonl form (docs/output-format.md,
// "news-index --extract-only"): one line of JSON with a trailing newline.
std::string article_to_json_line(const Article& article);

// One article in the --format text form: a header line with the source,
// then "field: value [rule]" lines, then the body indented.
std::string article_to_text(const Article& article);

// Reads the inputs of options.corpus as run_index does (manifest, walk,
// boilerplate learning, every format) and prints each article to out in
// options.extract_format, in input order; no database is opened. Problems
// with single files and records go to report and are counted (the caller
// maps them to exit code 1). Returns an error only when the run cannot
// start: kUsage when the manifest cannot be used. When out is closed (a
// pipe into `head`) the run ends quietly.
Status run_extract_only(const IndexOptions& options, std::ostream& out,
                        IndexReport& report);

}  // namespace news::indexer
