// The members of a hit as the script formats write them, shared by the json,
// jsonl, csv and tsv formatters so that they always agree, and the
// provenance and facet objects of json and jsonl.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/error.h"
#include "searcher/search_request.h"
#include "searcher/search_results.h"

namespace news::searcher {

// The hit as a JSON object with the given members, in that order.
nlohmann::ordered_json hit_json(const Hit& hit,
                                const std::vector<HitField>& fields);

// Adds those members to an object that already holds others (a JSONL
// line's "type"), in order, without building a second object.
void add_hit_json(const Hit& hit, const std::vector<HitField>& fields,
                  nlohmann::ordered_json& object);

// One member as a table cell: strings as they are, numbers in decimal, a
// missing date as "", authors joined by "; ", highlights as JSON text.
std::string hit_cell(const Hit& hit, HitField field);

// {"tool": ..., "index": [...], "analyzer": {...}}.
nlohmann::ordered_json provenance_json(const Provenance& provenance,
                                       const std::string& stemmer_language);

// {"outlet": [{"value": ..., "count": ...}, ...], ...}.
nlohmann::ordered_json facets_json(const std::vector<FacetGroup>& facets);

// {"line": N, "id": "..."}.
nlohmann::ordered_json batch_json(const BatchTag& tag);

// The error code as scripts see it: "usage", "query_syntax", "index", ...
std::string error_code_name(ErrorCode code);

}  // namespace news::searcher
