#include "searcher/format/text_formatter.h"

#include <string>
#include <string_view>

namespace news::searcher {
namespace {

constexpr std::string_view kMarker = "**";
constexpr std::string_view kBoldOn = "\x1b[1m";
constexpr std::string_view kBoldOff = "\x1b[0m";
constexpr std::string_view kFieldSeparator = " \u00b7 ";
constexpr std::string_view kIndent = "   ";

// A copy with control characters (newlines, escapes) turned into spaces,
// byte for byte so that snippet highlight offsets stay valid.
std::string printable(std::string_view text) {
  std::string copy(text);
  for (char& c : copy) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) c = ' ';
  }
  return copy;
}

// "outlet" -> "Outlets", "lang" -> "Languages".
std::string facet_heading(const std::string& name) {
  if (name == "lang") return "Languages";
  std::string heading = name;
  if (!heading.empty() && heading[0] >= 'a' && heading[0] <= 'z') {
    heading[0] = static_cast<char>(heading[0] - 'a' + 'A');
  }
  return heading + "s";
}

std::string block_heading(const BatchTag& tag, const std::string& query) {
  std::string heading = "== query " + std::to_string(tag.line);
  if (!tag.id.empty()) heading += " [" + printable(tag.id) + "]";
  return heading + ": " + printable(query);
}

}  // namespace

void TextFormatter::begin(const SearchSummary& summary) {
  summary_ = summary;
  if (summary.batch_tag) {
    if (block_count_ > 0) out_ << "\n";
    out_ << block_heading(*summary.batch_tag, summary.query) << "\n";
  }
  ++block_count_;
  const std::string query = "\"" + printable(summary.query) + "\"";
  if (summary.total_matches == 0) {
    out_ << "No matches for " << query << "\n";
    return;
  }
  if (!summary.is_total_exact) out_ << "about ";
  out_ << summary.total_matches
       << (summary.total_matches == 1 ? " match" : " matches") << " for "
       << query;
  const std::uint64_t first = summary.offset + 1;
  if (summary.limit > 0 && first <= summary.total_matches) {
    const std::uint64_t last = std::min<std::uint64_t>(
        summary.offset + summary.limit, summary.total_matches);
    out_ << "; showing " << first << "-" << last;
  }
  out_ << "\n";
}

void TextFormatter::hit(const Hit& hit) {
  out_ << "\n"
       << hit.rank << ". "
       << (hit.title.empty() ? std::string("(no title)") : printable(hit.title))
       << "\n";

  std::string details;
  const auto add = [&details](const std::string& field) {
    if (field.empty()) return;
    if (!details.empty()) details += kFieldSeparator;
    details += printable(field);
  };
  add(hit.outlet);
  add(hit.published ? hit.published->to_iso() : std::string());
  add(hit.path);
  add(hit.url);
  if (!details.empty()) out_ << kIndent << details << "\n";

  if (!hit.snippet.text.empty()) {
    Snippet shown = hit.snippet;
    shown.text = printable(shown.text);
    out_ << kIndent
         << (is_color_ ? mark_highlights(shown, kBoldOn, kBoldOff)
                       : mark_highlights(shown, kMarker, kMarker))
         << "\n";
  }
}

void TextFormatter::facets(const std::vector<FacetGroup>& facets) {
  for (const FacetGroup& group : facets) {
    if (group.counts.empty()) continue;
    out_ << "\n" << facet_heading(group.name) << ": ";
    bool is_first = true;
    for (const FacetCount& count : group.counts) {
      if (!is_first) out_ << ", ";
      is_first = false;
      out_ << printable(count.value.empty() ? "(none)" : count.value) << " "
           << count.count;
    }
    if (group.value_count > group.counts.size()) {
      out_ << ", ... (" << group.value_count - group.counts.size() << " more)";
    }
    out_ << "\n";
  }
}

void TextFormatter::end() {
  const std::uint64_t shown_end = summary_.offset + summary_.limit;
  if (summary_.limit > 0 && summary_.total_matches > shown_end) {
    out_ << "\nMore: --offset " << shown_end << "\n";
  }
  out_.flush();
}

void TextFormatter::error(const BatchTag& tag, const std::string& query,
                          const Error& error) {
  if (block_count_ > 0) out_ << "\n";
  ++block_count_;
  out_ << block_heading(tag, query) << "\n"
       << "error: " << printable(error.to_string()) << "\n";
  out_.flush();
}

}  // namespace news::searcher
