#include "searcher/request_values.h"

#include <array>
#include <utility>

namespace news::searcher {
namespace {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<std::string_view, Enum>, N>;

constexpr NameTable<OutputFormat, 5> kFormats = {
    {{"text", OutputFormat::kText},
     {"json", OutputFormat::kJson},
     {"jsonl", OutputFormat::kJsonl},
     {"csv", OutputFormat::kCsv},
     {"tsv", OutputFormat::kTsv}}};
constexpr NameTable<ColorMode, 3> kColorModes = {
    {{"auto", ColorMode::kAuto},
     {"always", ColorMode::kAlways},
     {"never", ColorMode::kNever}}};
constexpr NameTable<SortOrder, 3> kSortOrders = {
    {{"relevance", SortOrder::kRelevance},
     {"date", SortOrder::kDateAscending},
     {"-date", SortOrder::kDateDescending}}};
constexpr NameTable<Facet, 6> kFacets = {{{"outlet", Facet::kOutlet},
                                          {"lang", Facet::kLanguage},
                                          {"year", Facet::kYear},
                                          {"month", Facet::kMonth},
                                          {"author", Facet::kAuthor},
                                          {"site", Facet::kSite}}};
constexpr NameTable<HitField, 17> kFields = {
    {{"rank", HitField::kRank},
     {"docid", HitField::kDocid},
     {"score", HitField::kScore},
     {"percent", HitField::kPercent},
     {"id", HitField::kId},
     {"title", HitField::kTitle},
     {"outlet", HitField::kOutlet},
     {"date", HitField::kDate},
     {"url", HitField::kUrl},
     {"site", HitField::kSite},
     {"path", HitField::kPath},
     {"lang", HitField::kLanguage},
     {"authors", HitField::kAuthors},
     {"snippet", HitField::kSnippet},
     {"snippet_text", HitField::kSnippetText},
     {"highlights", HitField::kHighlights},
     {"body", HitField::kBody}}};

template <typename Enum, std::size_t N>
std::string valid_names(const NameTable<Enum, N>& table) {
  std::string names;
  for (const auto& entry : table) {
    if (!names.empty()) names += ", ";
    names += entry.first;
  }
  return names;
}

template <typename Enum, std::size_t N>
Result<Enum> parse_named(std::string_view what, std::string_view value,
                         const NameTable<Enum, N>& table) {
  for (const auto& [name, meaning] : table) {
    if (name == value) return meaning;
  }
  return Error::usage(std::string(what) +
                      " must be one of: " + valid_names(table) + " (got \"" +
                      std::string(value) + "\")");
}

template <typename Enum, std::size_t N>
std::string_view name_of(Enum value, const NameTable<Enum, N>& table) {
  for (const auto& [name, meaning] : table) {
    if (meaning == value) return name;
  }
  return {};
}

template <typename Enum, std::size_t N>
Result<std::vector<Enum>> parse_list(std::string_view what,
                                     std::string_view value,
                                     const NameTable<Enum, N>& table) {
  std::vector<Enum> list;
  std::size_t begin = 0;
  while (begin <= value.size()) {
    std::size_t end = value.find(',', begin);
    if (end == std::string_view::npos) end = value.size();
    std::string_view item = value.substr(begin, end - begin);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) {
      Result<Enum> parsed = parse_named(what, item, table);
      if (!parsed) return parsed.error();
      list.push_back(parsed.value());
    }
    begin = end + 1;
  }
  return list;
}

bool parse_number(std::string_view text, int& out) {
  if (text.empty()) return false;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

}  // namespace

Result<OutputFormat> parse_output_format(std::string_view what,
                                         std::string_view value) {
  return parse_named(what, value, kFormats);
}

Result<ColorMode> parse_color_mode(std::string_view what,
                                   std::string_view value) {
  return parse_named(what, value, kColorModes);
}

Result<SortOrder> parse_sort_order(std::string_view what,
                                   std::string_view value) {
  return parse_named(what, value, kSortOrders);
}

Result<std::vector<Facet>> parse_facet_list(std::string_view what,
                                            std::string_view value) {
  if (value == "none") return std::vector<Facet>{};
  return parse_list(what, value, kFacets);
}

Result<std::vector<HitField>> parse_field_list(std::string_view what,
                                               std::string_view value) {
  Result<std::vector<HitField>> fields = parse_list(what, value, kFields);
  if (fields && fields.value().empty()) {
    return Error::usage(std::string(what) +
                        " needs at least one of: " + valid_names(kFields));
  }
  return fields;
}

std::string_view facet_name(Facet facet) { return name_of(facet, kFacets); }
std::string_view field_name(HitField field) { return name_of(field, kFields); }
std::string_view sort_order_name(SortOrder order) {
  return name_of(order, kSortOrders);
}
std::string facet_names() { return valid_names(kFacets); }
std::string field_names() { return valid_names(kFields); }

std::optional<Date> parse_date_bound(std::string_view text, bool is_end) {
  Date date;
  if (text.size() == 8 && text.find('-') == std::string_view::npos) {
    return parse_iso_date(text);
  }
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) {
    return std::nullopt;
  }
  if (!parse_number(text.substr(0, 4), date.year)) return std::nullopt;
  if (text.size() == 4) {
    date.month = is_end ? 12 : 1;
    date.day = is_end ? 31 : 1;
  } else {
    if (text[4] != '-' || !parse_number(text.substr(5, 2), date.month)) {
      return std::nullopt;
    }
    if (text.size() == 7) {
      date.day = 1;
      if (is_end && date.is_valid()) {
        // The month's last day: the first of 28..31 whose successor is not
        // a date.
        date.day = 28;
        Date next = date;
        for (next.day = 29; next.day <= 31 && next.is_valid(); ++next.day) {
          date.day = next.day;
        }
      }
    } else if (text[7] != '-' || !parse_number(text.substr(8, 2), date.day)) {
      return std::nullopt;
    }
  }
  if (!date.is_valid()) return std::nullopt;
  return date;
}

Result<Date> parse_date_flag(std::string_view what, std::string_view value,
                             bool is_end) {
  const std::optional<Date> date = parse_date_bound(value, is_end);
  if (!date) {
    return Error::usage(
        std::string(what) + " must be a date YYYY, YYYY-MM or " +
        "YYYY-MM-DD that exists (got \"" + std::string(value) + "\")");
  }
  return *date;
}

}  // namespace news::searcher
