#include "searcher/batch.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "searcher/request_values.h"

namespace news::searcher {
namespace {

using Json = nlohmann::json;

Result<std::string> string_member(const std::string& key, const Json& value) {
  if (!value.is_string()) {
    return Error::usage("\"" + key + "\" must be a string");
  }
  return value.get<std::string>();
}

Result<std::vector<std::string>> strings_member(const std::string& key,
                                                const Json& value) {
  if (value.is_string()) {
    return std::vector<std::string>{value.get<std::string>()};
  }
  if (!value.is_array()) {
    return Error::usage("\"" + key + "\" must be a string or an array of them");
  }
  std::vector<std::string> strings;
  for (const Json& item : value) {
    if (!item.is_string()) {
      return Error::usage("\"" + key + "\" must hold strings only");
    }
    strings.push_back(item.get<std::string>());
  }
  return strings;
}

Result<std::size_t> count_member(const std::string& key, const Json& value) {
  if (!value.is_number_unsigned() &&
      !(value.is_number_integer() && value.get<long long>() >= 0)) {
    return Error::usage("\"" + key + "\" must be a whole number 0 or more");
  }
  return value.get<std::size_t>();
}

Result<bool> bool_member(const std::string& key, const Json& value) {
  if (!value.is_boolean()) {
    return Error::usage("\"" + key + "\" must be true or false");
  }
  return value.get<bool>();
}

// Applies one member of a JSON request to `request`.
Status apply_member(const std::string& key, const Json& value,
                    SearchRequest& request) {
  const auto assign = [](auto result, auto& target) -> Status {
    if (!result) return result.error();
    target = std::move(result).value();
    return Done{};
  };
  if (key == "id") return Done{};  // read by the caller
  if (key == "query") return assign(string_member(key, value), request.query);
  if (key == "limit") return assign(count_member(key, value), request.limit);
  if (key == "offset") return assign(count_member(key, value), request.offset);
  if (key == "facet_limit") {
    return assign(count_member(key, value), request.facet_limit);
  }
  if (key == "outlet") {
    return assign(strings_member(key, value), request.outlets);
  }
  if (key == "exclude_outlet") {
    return assign(strings_member(key, value), request.excluded_outlets);
  }
  if (key == "site") return assign(strings_member(key, value), request.sites);
  if (key == "lang") return assign(string_member(key, value), request.language);
  if (key == "count") {
    return assign(bool_member(key, value), request.is_count_only);
  }
  if (key == "any") return assign(bool_member(key, value), request.is_any);
  if (key == "from" || key == "to") {
    Result<std::string> text = string_member(key, value);
    if (!text) return text.error();
    Result<Date> date = parse_date_flag("\"" + key + "\"", text.value(),
                                        /*is_end=*/key == "to");
    if (!date) return date.error();
    (key == "from" ? request.from : request.to) = date.value();
    return Done{};
  }
  if (key == "sort") {
    Result<std::string> text = string_member(key, value);
    if (!text) return text.error();
    return assign(parse_sort_order("\"sort\"", text.value()), request.sort);
  }
  if (key == "facets") {
    std::string list;
    if (value.is_array()) {
      Result<std::vector<std::string>> names = strings_member(key, value);
      if (!names) return names.error();
      for (const std::string& name : names.value()) list += name + ",";
    } else {
      Result<std::string> text = string_member(key, value);
      if (!text) return text.error();
      list = text.value();
    }
    return assign(parse_facet_list("\"facets\"", list), request.facets);
  }
  return Error::usage(
      "unknown member \"" + key +
      "\" (members: id, query, limit, offset, outlet, exclude_outlet, site, "
      "from, to, lang, sort, facets, facet_limit, count, any)");
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::optional<BatchEntry> parse_batch_line(std::string_view line,
                                           std::size_t line_number,
                                           const SearchRequest& defaults) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos || line[start] == '#') {
    return std::nullopt;
  }
  BatchEntry entry{{line_number, ""}, std::string(line), defaults};
  SearchRequest request = defaults;
  if (line[start] != '{') {
    request.query = std::string(line);
    entry.request = std::move(request);
    return entry;
  }
  const Json object = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) {
    entry.request = Error::usage(
        "not a JSON object (a JSON request must be "
        "one object on one line)");
    return entry;
  }
  if (const auto id = object.find("id"); id != object.end()) {
    entry.tag.id = id->is_string() ? id->get<std::string>() : id->dump();
  }
  request.query.clear();
  for (const auto& [key, value] : object.items()) {
    if (Status applied = apply_member(key, value, request); !applied) {
      entry.request = applied.error();
      return entry;
    }
  }
  entry.query = request.query;
  if (request.from && request.to &&
      request.from->to_compact() > request.to->to_compact()) {
    entry.request = Error::usage("\"from\" is after \"to\"");
    return entry;
  }
  if (is_blank(request.query)) {
    entry.request = Error::query_syntax(
        "query syntax error: the query is empty (a JSON request needs "
        "\"query\")");
    return entry;
  }
  entry.request = std::move(request);
  return entry;
}

}  // namespace news::searcher
