// The named values of a SearchRequest as users type them (flags, batch
// requests, the date: field): one table per enum, so that --help, error
// messages and the formatters spell them the same way. Each parser echoes a
// bad value together with the valid ones.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/error.h"
#include "searcher/search_request.h"

namespace news::searcher {

// Errors (kUsage) name `what` (e.g. "--format") and list the valid values.
Result<OutputFormat> parse_output_format(std::string_view what,
                                         std::string_view value);
Result<ColorMode> parse_color_mode(std::string_view what,
                                   std::string_view value);
Result<SortOrder> parse_sort_order(std::string_view what,
                                   std::string_view value);
// A comma-separated list ("outlet,year"); "none" or "" gives no facet.
Result<std::vector<Facet>> parse_facet_list(std::string_view what,
                                            std::string_view value);
// A comma-separated list of hit fields ("rank,title,url").
Result<std::vector<HitField>> parse_field_list(std::string_view what,
                                               std::string_view value);

// Names as typed and printed: "outlet", "lang", "year", ...
std::string_view facet_name(Facet facet);
std::string_view field_name(HitField field);
std::string_view sort_order_name(SortOrder order);
// "text, json, ..." for --help.
std::string facet_names();
std::string field_names();

// The day a date bound stands for: "2019" is 2019-01-01 as a start and
// 2019-12-31 as an end; "2019-02" is 2019-02-01 or 2019-02-28; "2019-02-03"
// (or "20190203") is that day. nullopt when the text is none of these forms
// or names an impossible day ("2019-02-30", "2019-13").
std::optional<Date> parse_date_bound(std::string_view text, bool is_end);

// A --from/--to value as a Date; kUsage error naming `what` otherwise.
Result<Date> parse_date_flag(std::string_view what, std::string_view value,
                             bool is_end);

}  // namespace news::searcher
