#include "corpus/extract/outlet.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "corpus/extract/line_text.h"

namespace news::corpus {
namespace {

// Names after "Support" that are causes or pronouns, not publishers.
constexpr std::string_view kNotOutlets[] = {
    "us",
    "our",
    "our work",
    "our journalism",
    "independent journalism",
    "journalism",
    "this site",
    "the site",
    "this website",
    "the website",
    "local journalism",
    "local news",
    "the team",
    "the author",
    "me",
    "them",
    "this project",
};

// Agencies whose copyright lines credit a wire story or a photo, not the
// outlet that published the page.
constexpr std::string_view kAgencies[] = {
    "associated press",
    "the associated press",
    "ap",
    "reuters",
    "thomson reuters",
    "afp",
    "agence france-presse",
    "getty images",
    "getty",
    "shutterstock",
    "epa",
    "epa-efe",
    "dpa",
    "upi",
    "alamy",
    "istock",
    "ap photo",
    "the author",
    "the authors",
    "deutsche presse-agentur",
    "deutsche presse-agentur gmbh",
    "creators.com",
    "creators syndicate",
    "tribune content agency",
};

// Copyright lines that credit a photo or a syndicated copy name the
// photographer or the original publisher, not the page's outlet.
constexpr std::string_view kCreditMarkers[] = {
    "/",
    "photo",
    "image",
    "provided by",
    "distributed by",
    "syndicat",
    "content agency",
    "used with permission",
    "reprinted",
};

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  return lower;
}

template <std::size_t N>
bool is_listed(const std::string_view (&table)[N], std::string_view name) {
  const std::string lower = ascii_lower(name);
  return std::find(std::begin(table), std::end(table), lower) !=
         std::end(table);
}

std::string_view strip_trailing_punctuation(std::string_view text) {
  while (!text.empty() && std::string_view(".:!,;|-").find(text.back()) !=
                              std::string_view::npos) {
    text.remove_suffix(1);
  }
  return trim(text);
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         ascii_lower(text.substr(0, prefix.size())) == prefix;
}

// "SouthFront", "ZeroHedge": one word with an upper-case letter after a
// lower-case one, the mark of a brand rather than a common word.
bool is_camel_case_brand(std::string_view name) {
  if (name.find(' ') != std::string_view::npos) return false;
  for (std::size_t i = 1; i < name.size(); ++i) {
    if (std::isupper(static_cast<unsigned char>(name[i])) &&
        std::islower(static_cast<unsigned char>(name[i - 1]))) {
      return true;
    }
  }
  return false;
}

// X of a "Support X" line, or "" when the line is not such a banner.
std::string_view support_banner_name(std::string_view line) {
  line = trim(line);
  if (!starts_with_ignoring_case(line, "support ")) return {};
  const std::string_view name = strip_trailing_punctuation(
      line.substr(std::string_view("support ").size()));
  const std::size_t words = count_words_up_to(name, 3);
  if (words == 0 || words > 3 || is_listed(kNotOutlets, name)) return {};
  bool at_word_start = true;
  for (const char c : name) {
    if (c == ' ') {
      at_word_start = true;
    } else {
      if (at_word_start && !std::isupper(static_cast<unsigned char>(c))) {
        return {};
      }
      at_word_start = false;
    }
  }
  return name;
}

std::optional<OutletGuess> find_support_banner(
    const std::vector<std::string_view>& lines) {
  // Counted in one pass, then judged in line order: linear in the lines
  // whatever the number of distinct banners.
  std::vector<std::string_view> names;
  std::unordered_map<std::string_view, std::size_t> banner_counts;
  for (const std::string_view line : lines) {
    const std::string_view name = support_banner_name(line);
    if (name.empty()) continue;
    names.push_back(name);
    ++banner_counts[name];
  }
  if (names.empty()) return std::nullopt;
  std::unordered_set<std::string_view> alone_names;
  for (const std::string_view line : lines) {
    const std::string_view trimmed = trim(line);
    if (banner_counts.count(trimmed) > 0) alone_names.insert(trimmed);
  }
  for (const std::string_view name : names) {
    if (is_camel_case_brand(name) || alone_names.count(name) > 0 ||
        banner_counts[name] >= 2) {
      return OutletGuess{std::string(name), "text:support-banner"};
    }
  }
  return std::nullopt;
}

// X of "© 2019 X. All rights reserved", or "" when the line is no such
// copyright line.
std::string_view copyright_name(std::string_view line) {
  line = trim(line);
  if (count_words_up_to(line, 15) > 15) return {};
  const std::string lower_line = ascii_lower(line);
  for (const std::string_view marker : kCreditMarkers) {
    if (lower_line.find(marker) != std::string::npos) return {};
  }
  bool has_mark = false;
  // Leading marks and years: "Copyright", "©", "(c)", "2015-2019", ",".
  while (!line.empty()) {
    if (starts_with_ignoring_case(line, "copyright")) {
      line.remove_prefix(9);
      has_mark = true;
    } else if (line.substr(0, 2) == "\xC2\xA9") {
      line.remove_prefix(2);
      has_mark = true;
    } else if (starts_with_ignoring_case(line, "(c)")) {
      line.remove_prefix(3);
      has_mark = true;
    } else if (has_mark && (std::isdigit(static_cast<unsigned char>(line[0])) ||
                            std::string_view(" ,-").find(line[0]) !=
                                std::string_view::npos)) {
      line.remove_prefix(1);
    } else if (has_mark && line.substr(0, 3) == "\xE2\x80\x93") {
      line.remove_prefix(3);  // en dash in "2015–2019"
    } else {
      break;
    }
  }
  if (!has_mark) return {};
  for (const std::string_view filler : {"by ", "provided by "}) {
    if (starts_with_ignoring_case(line, filler))
      line.remove_prefix(filler.size());
  }
  std::size_t end = line.size();
  for (const std::string_view stop :
       {". ", "|", ",", ";", ":", "(", "/", " - ", " \xE2\x80\x93 ",
        "All rights", "all rights"}) {
    end = std::min(end, line.find(stop));
  }
  const std::string_view name = strip_trailing_punctuation(line.substr(0, end));
  const std::size_t words = count_words(name);
  const std::string_view first_word = name.substr(0, name.find(' '));
  if (words == 0 || words > 5 || count_letters(name) < 2 ||
      is_listed(kAgencies, name) || is_listed(kAgencies, first_word)) {
    return {};
  }
  return name;
}

}  // namespace

std::optional<OutletGuess> find_outlet_in_text(
    const std::vector<std::string_view>& lines) {
  if (auto banner = find_support_banner(lines)) return banner;
  for (const std::string_view line : lines) {
    const std::string_view name = copyright_name(line);
    if (!name.empty()) return OutletGuess{std::string(name), "text:copyright"};
  }
  return std::nullopt;
}

std::optional<OutletGuess> outlet_from_dir(const InputFile& file) {
  if (file.root.empty()) return std::nullopt;
  const std::filesystem::path relative =
      std::filesystem::path(file.path).lexically_normal().lexically_relative(
          std::filesystem::path(file.root).lexically_normal());
  auto component = relative.begin();
  if (component == relative.end()) return std::nullopt;
  const std::string first = component->string();
  if (++component == relative.end()) return std::nullopt;  // directly in root
  if (first.empty() || first == "." || first == "..") return std::nullopt;
  return OutletGuess{first, "dir"};
}

}  // namespace news::corpus
