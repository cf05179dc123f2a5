// Builds the synthetic index that scripts/bench-query measures: COUNT
// articles recombined from the paragraphs and titles of the real text dumps
// (seed, ptc-propaganda, Wikinews) so that word statistics stay realistic,
// with skewed outlets (Zipf-like), dates spread over 2013-2020 (a tenth
// undated), hosts and some authors. Documents are built directly with
// indexer::ArticleToDocument, as news-index writes them, into a fresh
// database (no fsync; commits every few thousand documents).
//   make_bench_index CORPORA_DIR INDEX_DIR COUNT
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/schema.h"
#include "common/slot_table.h"
#include "common/text/analyzer.h"
#include "indexer/article_to_document.h"

namespace {

namespace fs = std::filesystem;

struct Pool {
  std::vector<std::string> titles;
  std::vector<std::string> paragraphs;
};

// A text dump: the first non-empty line is the title, the other non-empty
// lines (sentences or paragraphs) are the body's paragraphs.
void read_dump(const fs::path& path, Pool& pool) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  bool has_title = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (!has_title) {
      pool.titles.push_back(line);
      has_title = true;
    } else if (line.size() >= 40) {
      pool.paragraphs.push_back(line);
    }
  }
}

Pool read_pool(const fs::path& corpora) {
  Pool pool;
  for (const fs::path& root : {corpora / "seed", corpora / "ptc-propaganda",
                               corpora / "wikinews-en-2004" / "txt"}) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) read_dump(file, pool);
  }
  return pool;
}

constexpr const char* kOutlets[] = {"Russia Today",
                                    "SouthFront",
                                    "Sputnik",
                                    "The Guardian",
                                    "Reuters",
                                    "Associated Press",
                                    "Breitbart",
                                    "Fox News",
                                    "CNN",
                                    "BBC News",
                                    "Al Jazeera",
                                    "Der Spiegel",
                                    "Le Monde",
                                    "TASS",
                                    "RIA Novosti",
                                    "Meduza",
                                    "InfoWars",
                                    "Zero Hedge",
                                    "Daily Mail",
                                    "The Intercept",
                                    "Politico",
                                    "Axios",
                                    "Vox",
                                    "The Hill",
                                    "NPR",
                                    "Canada Free Press",
                                    "Global Research",
                                    "Mint Press",
                                    "Oriental Review",
                                    "Strategic Culture",
                                    "New Eastern Outlook",
                                    "Veterans Today",
                                    "American Thinker",
                                    "Gateway Pundit",
                                    "Newsmax",
                                    "Epoch Times",
                                    "Washington Examiner",
                                    "National Review",
                                    "Slate",
                                    "Salon"};
constexpr int kOutletCount = sizeof(kOutlets) / sizeof(kOutlets[0]);

constexpr const char* kAuthors[] = {
    "Jane Doe",      "John Smith",   "Maria Garcia", "Ivan Petrov",
    "Wei Zhang",     "Fatima Khan",  "Tom Brown",    "Anna Müller",
    "Pierre Martin", "Olga Ivanova", "Sam Lee",      "Ali Hassan"};

std::string host_for(int outlet) {
  std::string host;
  for (const char c : std::string(kOutlets[outlet])) {
    if (c >= 'A' && c <= 'Z') {
      host.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      host.push_back(c);
    }
  }
  return host + ".example";
}

}  // namespace

int main(int argc, char* argv[]) {
  if (argc != 4) {
    std::cerr << "usage: make_bench_index CORPORA_DIR INDEX_DIR COUNT\n";
    return 2;
  }
  const fs::path corpora = argv[1];
  const std::string index_path = argv[2];
  const long count = std::stol(argv[3]);
  const Pool pool = read_pool(corpora);
  if (pool.titles.empty() || pool.paragraphs.empty()) {
    std::cerr << "make_bench_index: no text dumps under " << corpora << "\n";
    return 3;
  }
  std::cerr << "make_bench_index: " << pool.titles.size() << " titles, "
            << pool.paragraphs.size() << " paragraphs; building " << count
            << " articles into " << index_path << "\n";

  // Zipf-like outlet weights: outlet k gets weight 1/(k+1).
  std::vector<double> weights;
  for (int k = 0; k < kOutletCount; ++k) weights.push_back(1.0 / (k + 1));
  std::mt19937_64 random(20240501);
  std::discrete_distribution<int> pick_outlet(weights.begin(), weights.end());
  std::uniform_int_distribution<std::size_t> pick_title(0,
                                                        pool.titles.size() - 1);
  std::uniform_int_distribution<std::size_t> pick_paragraph(
      0, pool.paragraphs.size() - 1);
  std::uniform_int_distribution<int> paragraph_count(3, 9);
  std::uniform_int_distribution<int> pick_day(0, 8 * 365 - 1);
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<int> pick_author(
      0, static_cast<int>(std::size(kAuthors)) - 1);

  const auto started = std::chrono::steady_clock::now();
  Xapian::WritableDatabase database(
      index_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  news::text::Analyzer analyzer("en");
  news::indexer::ArticleToDocument converter(analyzer);
  for (long n = 0; n < count; ++n) {
    news::Article article;
    const int outlet = pick_outlet(random);
    article.id = "bench:" + std::to_string(n);
    article.url = "https://www." + host_for(outlet) + "/a/" + std::to_string(n);
    article.outlet = kOutlets[outlet];
    article.title = pool.titles[pick_title(random)];
    article.language = "en";
    const int paragraphs = paragraph_count(random);
    for (int p = 0; p < paragraphs; ++p) {
      if (p > 0) article.body += "\n\n";
      article.body += pool.paragraphs[pick_paragraph(random)];
    }
    if (percent(random) >= 10) {
      // Days from 2013-01-01, in a calendar of 12 months of 28 days: every
      // date exists and the spread is even enough for a benchmark.
      const int day = pick_day(random);
      article.published = news::Date{
          2013 + day / 365, 1 + (day % 365) / 31 % 12, 1 + (day % 365) % 28};
    }
    if (percent(random) < 30) {
      article.authors.push_back(kAuthors[pick_author(random)]);
      if (percent(random) < 20) {
        article.authors.push_back(kAuthors[pick_author(random)]);
      }
    }
    article.source.path = "bench/" + std::to_string(n) + ".txt";
    database.add_document(converter.convert(article));
    if ((n + 1) % 5000 == 0) {
      database.commit();
      const double seconds = std::chrono::duration<double>(
                                 std::chrono::steady_clock::now() - started)
                                 .count();
      std::fprintf(stderr, "\r%ld articles, %.0f s", n + 1, seconds);
    }
  }
  database.set_metadata(news::schema::kMetaSchemaVersion,
                        std::to_string(news::schema::kVersion));
  database.set_metadata(news::schema::kMetaAnalyzer,
                        news::text::Analyzer::settings_description());
  database.set_metadata(news::schema::kMetaMainLanguage, "en");
  database.set_metadata(news::schema::kMetaBuildInfo, "make_bench_index");
  database.commit();
  // As news-index does last (common/slot_table.h).
  news::store_slot_tables(
      database,
      std::vector<Xapian::valueno>(std::begin(news::schema::kStoredTableSlots),
                                   std::end(news::schema::kStoredTableSlots)));
  std::cerr << "\nmake_bench_index: " << database.get_doccount()
            << " documents\n";
  return 0;
}
