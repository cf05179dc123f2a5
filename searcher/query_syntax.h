// A validation pass over query text before Xapian's QueryParser sees it.
// The QueryParser is lenient: on some errors it silently reparses the text
// as plain words, and an unknown "name:" prefix becomes words too. This pass
// rejects what the user cannot have meant and says where it went wrong:
//
//   query syntax error at column 6 of "army AND": "AND" needs a term on both
//   sides
//
// Columns count characters (UTF-8 code points) from 1.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace news::searcher {

// Checks `query` against the query language of docs/query-language.md.
// known_fields: the field names ("title", "date", ...); "date" values are
// checked as dates or ranges of dates. Errors (kQuerySyntax): a blank query;
// an unclosed quote; an unbalanced or empty pair of parentheses; AND, OR,
// XOR, NOT, NEAR, ADJ without a term on the side(s) they need; NOT NOT; a
// "name:" prefix that is not a field (a plain identifier followed by ":",
// not "http://..."); a field without a value; a date that is not YYYY,
// YYYY-MM or YYYY-MM-DD or does not exist (2019-02-30); a range that ends
// before it starts or has no end at all.
Status check_query_syntax(std::string_view query,
                          const std::vector<std::string>& known_fields);

}  // namespace news::searcher
