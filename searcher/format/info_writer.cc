#include "searcher/format/info_writer.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "searcher/format/delimited_formatter.h"
#include "searcher/format/hit_values.h"
#include "searcher/format/result_formatter.h"
#include "searcher/request_values.h"

namespace news::searcher {
namespace {

using Json = nlohmann::ordered_json;

Json counts_json(const std::vector<FacetCount>& counts) {
  Json array = Json::array();
  for (const FacetCount& count : counts) {
    array.push_back({{"value", count.value}, {"count", count.count}});
  }
  return array;
}

Json date_or_null(const std::optional<Date>& date) {
  return date ? Json(date->to_iso()) : Json(nullptr);
}

Json stats_json(const IndexStats& stats) {
  std::string schema;
  if (!stats.provenance.databases.empty()) {
    schema = stats.provenance.databases.front().schema_version;
  }
  return {{"format", kFormatVersion},
          {"documents", stats.document_count},
          {"dated", stats.dated_count},
          {"first_date", date_or_null(stats.first_date)},
          {"last_date", date_or_null(stats.last_date)},
          {"size_bytes", stats.size_bytes},
          {"schema", schema},
          {"build", stats.build_info},
          {"facet_tables", stats.facet_tables},
          {"outlets", counts_json(stats.outlets)},
          {"languages", counts_json(stats.languages)},
          {"provenance",
           provenance_json(stats.provenance, stats.provenance.main_language)}};
}

std::string human_size(std::uint64_t bytes) {
  std::ostringstream text;
  text.precision(1);
  text << std::fixed;
  if (bytes >= 1024ULL * 1024 * 1024) {
    text << static_cast<double>(bytes) / (1024.0 * 1024 * 1024) << " GiB";
  } else if (bytes >= 1024ULL * 1024) {
    text << static_cast<double>(bytes) / (1024.0 * 1024) << " MiB";
  } else {
    text << static_cast<double>(bytes) / 1024.0 << " KiB";
  }
  return text.str();
}

// Control characters as spaces (text output only).
std::string printable(std::string text) {
  for (char& c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n') || byte == 0x7F) c = ' ';
  }
  return text;
}

void write_stats_text(const IndexStats& stats, std::ostream& out) {
  for (const DatabaseFingerprint& database : stats.provenance.databases) {
    out << "Index:     " << printable(database.path) << " ("
        << database.document_count << " documents, schema "
        << database.schema_version << ", modified " << database.last_modified
        << ")\n";
  }
  out << "Documents: " << stats.document_count << "\n"
      << "Dated:     " << stats.dated_count;
  if (stats.first_date && stats.last_date) {
    out << " (" << stats.first_date->to_iso() << " .. "
        << stats.last_date->to_iso() << ")";
  }
  out << "\n"
      << "Size:      " << human_size(stats.size_bytes) << "\n"
      << "Analyzer:  " << stats.provenance.analyzer_settings << "\n"
      << "Language:  " << stats.provenance.main_language << " (main)\n";
  if (!stats.build_info.empty()) {
    out << "Built by:  " << printable(stats.build_info) << "\n";
  }
  out << "Facets:    "
      << (stats.facet_tables == "current" ? "stored tables, current"
          : stats.facet_tables == "stale"
              ? "stored tables out of date (the index "
                "changed since); counts read every value instead, slower: run "
                "news-index on it again to refresh them"
              : "no stored tables; counts read every value instead, slower: "
                "run news-index on it again to store them")
      << "\n";
  out << "\nLanguages:";
  for (const FacetCount& count : stats.languages) {
    out << " " << printable(count.value) << " " << count.count;
  }
  out << "\n\nOutlets (" << stats.outlets.size() << "):\n";
  std::size_t width = 0;
  for (const FacetCount& count : stats.outlets) {
    width = std::max(width, count.value.size());
  }
  for (const FacetCount& count : stats.outlets) {
    out << "  " << printable(count.value)
        << std::string(width - count.value.size() + 2, ' ') << count.count
        << "\n";
  }
}

const std::vector<HitField>& stored_fields() {
  static const std::vector<HitField> kFields = {
      HitField::kId,     HitField::kDocid,   HitField::kTitle,
      HitField::kOutlet, HitField::kDate,    HitField::kUrl,
      HitField::kSite,   HitField::kAuthors, HitField::kLanguage,
      HitField::kPath,   HitField::kBody};
  return kFields;
}

void write_article_text(const StoredArticle& article, std::ostream& out) {
  const Hit& hit = article.fields;
  const auto line = [&out](const char* name, const std::string& value) {
    out << name << printable(value) << "\n";
  };
  line("id:      ", hit.id);
  line("docid:   ", std::to_string(article.docid));
  line("title:   ", hit.title);
  line("outlet:  ", hit.outlet);
  line("date:    ", hit.published ? hit.published->to_iso() : "(unknown)");
  line("url:     ", hit.url);
  line("site:    ", hit.site);
  line("authors: ", hit_cell(hit, HitField::kAuthors));
  line("lang:    ", hit.language);
  line("path:    ",
       hit.path + (article.record > 0
                       ? " (record " + std::to_string(article.record) + ")"
                       : std::string()));
  line("facts:   ", "title=" + article.title_rule + " outlet=" +
                        article.outlet_rule + " date=" + article.date_rule);
  out << "\n" << printable(hit.body) << "\n";
}

}  // namespace

void write_stats(const IndexStats& stats, OutputFormat format,
                 std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      out << stats_json(stats).dump(2, ' ', false,
                                    Json::error_handler_t::replace)
          << "\n";
      break;
    case OutputFormat::kJsonl: {
      Json line = {{"type", "stats"}};
      line.update(stats_json(stats));
      out << line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
      break;
    }
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      const bool is_csv = format == OutputFormat::kCsv;
      const auto row = [&](const std::string& kind, const std::string& value,
                           const std::string& count) {
        write_delimited_row({kind, value, count}, is_csv, out);
      };
      row("kind", "value", "count");
      row("documents", "", std::to_string(stats.document_count));
      row("dated", "", std::to_string(stats.dated_count));
      row("first_date",
          stats.first_date ? stats.first_date->to_iso() : std::string(), "");
      row("last_date",
          stats.last_date ? stats.last_date->to_iso() : std::string(), "");
      row("size_bytes", "", std::to_string(stats.size_bytes));
      row("facet_tables", stats.facet_tables, "");
      for (const DatabaseFingerprint& database : stats.provenance.databases) {
        row("schema", database.schema_version, "");
      }
      for (const FacetCount& count : stats.languages) {
        row("language", count.value, std::to_string(count.count));
      }
      for (const FacetCount& count : stats.outlets) {
        row("outlet", count.value, std::to_string(count.count));
      }
      break;
    }
    case OutputFormat::kText:
      write_stats_text(stats, out);
      break;
  }
  out.flush();
}

void write_article(const StoredArticle& article, OutputFormat format,
                   const std::vector<HitField>& fields, std::ostream& out) {
  const std::vector<HitField>& chosen =
      fields.empty() ? stored_fields() : fields;
  switch (format) {
    case OutputFormat::kJson:
    case OutputFormat::kJsonl: {
      Json document =
          format == OutputFormat::kJsonl
              ? Json{{"type", "article"}, {"format", kFormatVersion}}
              : Json{{"format", kFormatVersion}};
      document.update(hit_json(article.fields, chosen));
      document["record"] = article.record;
      document["facts"] = {{"title", article.title_rule},
                           {"outlet", article.outlet_rule},
                           {"date", article.date_rule}};
      out << document.dump(format == OutputFormat::kJson ? 2 : -1, ' ', false,
                           Json::error_handler_t::replace)
          << "\n";
      break;
    }
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      const bool is_csv = format == OutputFormat::kCsv;
      std::vector<std::string> names;
      std::vector<std::string> cells;
      for (const HitField field : chosen) {
        names.emplace_back(field_name(field));
        cells.push_back(hit_cell(article.fields, field));
      }
      write_delimited_row(names, is_csv, out);
      write_delimited_row(cells, is_csv, out);
      break;
    }
    case OutputFormat::kText:
      write_article_text(article, out);
      break;
  }
  out.flush();
}

}  // namespace news::searcher
