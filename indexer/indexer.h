// run_index: one indexing job, wiring ArticleSource (corpus/) to IndexWriter
// and IndexReport. Unchanged files are skipped, each file is marked done in
// the same commit as its articles, and per-file problems never stop the run.
#pragma once

#include <ostream>
#include <string>

#include "common/error.h"
#include "indexer/index_report.h"
#include "indexer/options.h"

namespace news::indexer {

// Runs the job. Problems with single files go to report and are counted;
// the result is an error only for fatal conditions (database cannot be
// opened or written), in which case everything committed so far is kept.
Status run_index(const IndexOptions& options, IndexReport& report);

// --check: verifies the database at path with Xapian's checker and that it
// is a news-search index of this schema version; prints findings to out and
// problems to err. Returns the exit code: 0 sound, 3 damaged or foreign.
int check_index(const std::string& path, std::ostream& out, std::ostream& err);

}  // namespace news::indexer
