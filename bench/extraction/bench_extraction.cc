// Scores the HTML extractor on trafilatura's evaluation set, the way its
// own evaluation does: for every page of evaldata.json whose HTML is
// present, each "with" snippet found in the extracted body (white space
// normalised on both sides) is a true positive, else a false negative; each
// "without" snippet found is a false positive, else a true negative.
// Prints precision, recall, F1, the extraction throughput in MB/s of HTML on
// one core, and writes the pages with the most errors to a log.
//   bench_extraction CORPUS_DIR LOG_FILE
//   bench_extraction --dump PAGE.html     (prints one extraction)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/html/html_extractor.h"
#include "corpus/html/html_text.h"

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string normalized(std::string_view text) {
  return news::corpus::html::collapse_whitespace(text);
}

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// A string field of an evaldata item; "" when absent or not a string.
std::string string_field(const nlohmann::json& item, const char* key) {
  const auto found = item.find(key);
  if (found == item.end() || !found->is_string()) return "";
  return found->get<std::string>();
}

struct PageScore {
  std::string file;
  int true_positives = 0;
  int false_negatives = 0;
  int false_positives = 0;
  int true_negatives = 0;
  std::vector<std::string> missed;
  std::vector<std::string> leaked;
  std::string error;
};

int dump(const std::string& path) {
  const auto result = news::corpus::extract_html(read_file(path), "");
  if (!result.ok()) {
    std::cerr << result.error().to_string() << '\n';
    return 1;
  }
  const news::corpus::HtmlMetadata& metadata = result.value().metadata;
  std::cout << "title: " << metadata.title << " [" << metadata.title_rule
            << "]\nurl: " << metadata.canonical_url
            << "\nsite: " << metadata.site_name << "\ndate: "
            << (metadata.published ? metadata.published->to_iso() : "") << " ["
            << metadata.date_rule << "]\nauthors:";
  for (const std::string& author : metadata.authors)
    std::cout << " {" << author << "}";
  std::cout << "\nlanguage: " << metadata.language << "\n----\n"
            << result.value().body << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--dump") return dump(argv[2]);
  if (argc != 3) {
    std::cerr << "usage: bench_extraction CORPUS_DIR LOG_FILE\n"
                 "       bench_extraction --dump PAGE.html\n";
    return 2;
  }
  const std::filesystem::path corpus = argv[1];
  const nlohmann::json evaldata = nlohmann::json::parse(
      read_file(corpus / "evaldata.json"), nullptr, /*allow_exceptions=*/false);
  if (!evaldata.is_object()) {
    std::cerr << "bench_extraction: " << (corpus / "evaldata.json").string()
              << ": not a JSON object\n";
    return 2;
  }
  std::vector<PageScore> pages;
  std::vector<std::string> metadata_misses;
  // Metadata against evaldata's own title/date/author where it gives them.
  int titles = 0, titles_equal = 0, dates = 0, dates_equal = 0, authors = 0,
      authors_found = 0;
  std::size_t html_bytes = 0;
  std::chrono::duration<double> extraction_time{0};
  for (const auto& [url, item] : evaldata.items()) {
    if (!item.is_object() || !item.contains("file")) continue;
    const std::filesystem::path path =
        corpus / "html" / item["file"].get<std::string>();
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) continue;
    const std::string bytes = read_file(path);
    html_bytes += bytes.size();
    const auto start = std::chrono::steady_clock::now();
    const auto result = news::corpus::extract_html(bytes, "");
    extraction_time += std::chrono::steady_clock::now() - start;
    PageScore page;
    page.file = item["file"].get<std::string>();
    std::string body;
    if (result.ok()) {
      body = normalized(result.value().body);
      const news::corpus::HtmlMetadata& metadata = result.value().metadata;
      const std::string title = string_field(item, "title");
      if (!title.empty()) {
        ++titles;
        if (lower(normalized(title)) == lower(metadata.title)) {
          ++titles_equal;
        } else {
          metadata_misses.push_back(
              item["file"].get<std::string>() + "\ttitle\t" + title + "\t" +
              metadata.title + "\t" + metadata.title_rule);
        }
      }
      const std::string date = string_field(item, "date");
      if (!date.empty()) {
        ++dates;
        const std::string found =
            metadata.published ? metadata.published->to_iso() : "";
        if (found == date.substr(0, 10)) {
          ++dates_equal;
        } else {
          metadata_misses.push_back(item["file"].get<std::string>() +
                                    "\tdate\t" + date + "\t" + found + "\t" +
                                    metadata.date_rule);
        }
      }
      const std::string author = string_field(item, "author");
      if (!author.empty()) {
        ++authors;
        authors_found += std::any_of(
            metadata.authors.begin(), metadata.authors.end(),
            [&](const std::string& name) {
              return lower(author).find(lower(name)) != std::string::npos;
            });
      }
    } else {
      page.error = result.error().message();
    }
    for (const auto& snippet : item.value("with", nlohmann::json::array())) {
      if (!snippet.is_string()) continue;
      if (body.find(normalized(snippet.get<std::string>())) !=
          std::string::npos) {
        ++page.true_positives;
      } else {
        ++page.false_negatives;
        page.missed.push_back(snippet.get<std::string>());
      }
    }
    for (const auto& snippet : item.value("without", nlohmann::json::array())) {
      if (!snippet.is_string()) continue;
      if (body.find(normalized(snippet.get<std::string>())) !=
          std::string::npos) {
        ++page.false_positives;
        page.leaked.push_back(snippet.get<std::string>());
      } else {
        ++page.true_negatives;
      }
    }
    pages.push_back(std::move(page));
  }
  int tp = 0, fn = 0, fp = 0, tn = 0;
  for (const PageScore& page : pages) {
    tp += page.true_positives;
    fn += page.false_negatives;
    fp += page.false_positives;
    tn += page.true_negatives;
  }
  const double precision =
      tp + fp == 0 ? 0.0 : static_cast<double>(tp) / (tp + fp);
  const double recall =
      tp + fn == 0 ? 0.0 : static_cast<double>(tp) / (tp + fn);
  const double f1 = precision + recall == 0.0
                        ? 0.0
                        : 2 * precision * recall / (precision + recall);
  const double accuracy =
      pages.empty() ? 0.0 : static_cast<double>(tp + tn) / (tp + tn + fp + fn);
  const double mbps =
      extraction_time.count() == 0.0
          ? 0.0
          : static_cast<double>(html_bytes) / 1e6 / extraction_time.count();

  std::stable_sort(pages.begin(), pages.end(),
                   [](const PageScore& a, const PageScore& b) {
                     return a.false_negatives + a.false_positives >
                            b.false_negatives + b.false_positives;
                   });
  std::ofstream log(argv[2]);
  log << "# pages by errors (missed 'with' + leaked 'without')\n";
  for (const PageScore& page : pages) {
    const int errors = page.false_negatives + page.false_positives;
    if (errors == 0) break;
    log << page.file << "\terrors=" << errors
        << " missed=" << page.false_negatives
        << " leaked=" << page.false_positives;
    if (!page.error.empty()) log << " error=" << page.error;
    log << '\n';
    for (const std::string& snippet : page.missed)
      log << "  - missed: " << snippet << '\n';
    for (const std::string& snippet : page.leaked)
      log << "  + leaked: " << snippet << '\n';
  }

  log << "# metadata differing from evaldata (file, field, expected, found, "
         "rule)\n";
  for (const std::string& line : metadata_misses) log << line << '\n';

  std::printf("pages %zu, %.1f MB of HTML\n", pages.size(),
              static_cast<double>(html_bytes) / 1e6);
  std::printf("tp %d  fn %d  fp %d  tn %d\n", tp, fn, fp, tn);
  std::printf("precision %.3f  recall %.3f  accuracy %.3f  F1 %.3f\n",
              precision, recall, accuracy, f1);
  std::printf(
      "metadata: title equal %d/%d, date equal %d/%d, author found %d/%d\n",
      titles_equal, titles, dates_equal, dates, authors_found, authors);
  std::printf("throughput %.1f MB/s of HTML (one core, %.2f s)\n", mbps,
              extraction_time.count());
  std::printf("worst pages: %s\n", argv[2]);
  std::printf(
      "RESULT extraction_f1=%.4f precision=%.4f recall=%.4f mbps=%.1f\n", f1,
      precision, recall, mbps);
  return 0;
}
