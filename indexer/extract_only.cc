#include "indexer/extract_only.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "corpus/article_source.h"

namespace news::indexer {
namespace {

using Json = nlohmann::ordered_json;

Json date_or_null(const std::optional<Date>& date) {
  return date ? Json(date->to_iso()) : Json(nullptr);
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) {
    text += (text.empty() ? "" : "; ") + name;
  }
  return text;
}

}  // namespace

std::string article_to_json_line(const Article& article) {
  Json line;
  line["v"] = 1;
  line["source"] = {{"path", article.source.path},
                    {"record", article.source.record}};
  line["id"] = article.id;
  line["title"] = article.title;
  line["outlet"] = article.outlet;
  line["date"] = date_or_null(article.published);
  line["crawled"] = date_or_null(article.crawled);
  line["authors"] = article.authors;
  line["url"] = article.url;
  line["lang"] = article.language;
  line["body"] = article.body;
  line["facts"] = {{"title", article.facts.title_rule},
                   {"outlet", article.facts.outlet_rule},
                   {"date", article.facts.date_rule}};
  // Invalid UTF-8 cannot reach here (readers repair it); replace anyway
  // rather than throw.
  return line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string article_to_text(const Article& article) {
  std::string text = "== " + article.source.to_string() + "\n";
  const auto field = [&text](const char* name, const std::string& value,
                             const std::string& rule) {
    text += std::string(name) + value;
    if (!rule.empty()) text += "  [" + rule + "]";
    text += "\n";
  };
  field("title:   ", article.title, article.facts.title_rule);
  field("outlet:  ", article.outlet, article.facts.outlet_rule);
  field(
      "date:    ", article.published ? article.published->to_iso() : "unknown",
      article.facts.date_rule);
  if (article.crawled) field("crawled: ", article.crawled->to_iso(), "");
  field("authors: ", joined(article.authors), "");
  field("url:     ", article.url, "");
  field("lang:    ", article.language, "");
  field("id:      ", article.id, "");
  text += "body:\n";
  std::size_t begin = 0;
  while (begin <= article.body.size()) {
    std::size_t end = article.body.find('\n', begin);
    if (end == std::string::npos) end = article.body.size();
    const std::string_view line =
        std::string_view(article.body).substr(begin, end - begin);
    text += line.empty() ? "\n" : "  " + std::string(line) + "\n";
    begin = end + 1;
  }
  text += "\n";
  return text;
}

Status run_extract_only(const IndexOptions& options, std::ostream& out,
                        IndexReport& report) {
  corpus::ArticleSource source(options.corpus);
  if (Status loaded = source.load_side_files(report); !loaded.ok()) {
    return loaded.error();
  }
  const std::vector<corpus::InputFile> files = source.list_inputs(report);
  report.counts().files_total = files.size();
  source.learn(files, report);
  const bool is_jsonl = options.extract_format == ExtractFormat::kJsonl;
  for (const corpus::InputFile& file : files) {
    if (!out) break;  // closed pipe: nobody reads any more
    source.read_articles_each(file, report, [&](Article&& article) {
      if (!out) return;
      out << (is_jsonl ? article_to_json_line(article)
                       : article_to_text(article));
      ++report.counts().articles_indexed;
    });
    ++report.counts().files_done;
    if (report.should_stop()) return report.stop_error();
  }
  out.flush();
  return Done{};
}

}  // namespace news::indexer
