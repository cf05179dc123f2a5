// Times news-search on the synthetic index (scripts/bench-query): per query
// class (one common word, a rare word, an AND of three words, a phrase, a
// date range with an outlet filter), the median and 95th percentile latency
// without facets and with exact outlet facets over all matches, in one warm
// process (news_searcher's Searcher) and per process (news-search spawned
// for each query), then the targets with PASS or FAIL.
//   bench_query INDEX_DIR NEWS_SEARCH_BINARY [ROUNDS]
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "common/document_data.h"
#include "common/text/analyzer.h"
#include "searcher/searcher.h"

extern char** environ;

namespace {

using news::searcher::Facet;
using news::searcher::SearchRequest;

struct QueryClass {
  std::string name;
  std::vector<SearchRequest> requests;
};

struct Figures {
  double p50 = 0;
  double p95 = 0;
  std::uint64_t median_matches = 0;
};

Figures summarize(std::vector<double> millis,
                  std::vector<std::uint64_t> matches) {
  std::sort(millis.begin(), millis.end());
  std::sort(matches.begin(), matches.end());
  Figures figures;
  figures.p50 = millis[millis.size() / 2];
  figures.p95 = millis[std::min(millis.size() - 1, millis.size() * 95 / 100)];
  if (!matches.empty()) figures.median_matches = matches[matches.size() / 2];
  return figures;
}

// Terms of the body (unprefixed, letters only) by document frequency.
std::vector<std::pair<Xapian::doccount, std::string>> body_terms(
    const Xapian::Database& database) {
  std::vector<std::pair<Xapian::doccount, std::string>> terms;
  for (auto term = database.allterms_begin(); term != database.allterms_end();
       ++term) {
    const std::string& name = *term;
    if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) continue;
    if (!std::all_of(name.begin(), name.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; })) {
      continue;
    }
    terms.emplace_back(term.get_termfreq(), name);
  }
  std::sort(terms.begin(), terms.end());
  return terms;
}

SearchRequest request_for(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = 10;
  request.facets = {};
  return request;
}

std::vector<QueryClass> make_classes(const Xapian::Database& database) {
  const auto terms = body_terms(database);
  const Xapian::doccount documents = database.get_doccount();
  std::mt19937 random(7);
  std::vector<std::string> common;
  std::vector<std::string> rare;
  std::vector<std::string> middle;
  for (auto term = terms.rbegin(); term != terms.rend(); ++term) {
    if (common.size() < 10 && term->first >= documents / 2) {
      common.push_back(term->second);
    }
  }
  for (const auto& [frequency, name] : terms) {
    if (frequency >= 5 && frequency <= 50 && name.size() >= 5) {
      rare.push_back(name);
    }
    if (frequency >= documents / 100 && frequency <= documents / 10 &&
        name.size() >= 4) {
      middle.push_back(name);
    }
  }
  std::shuffle(rare.begin(), rare.end(), random);
  std::shuffle(middle.begin(), middle.end(), random);
  rare.resize(std::min<std::size_t>(rare.size(), 20));

  std::vector<QueryClass> classes(5);
  classes[0].name = "common word";
  for (const std::string& word : common) {
    classes[0].requests.push_back(request_for(word));
  }
  classes[1].name = "rare word";
  for (const std::string& word : rare) {
    classes[1].requests.push_back(request_for(word));
  }
  classes[2].name = "AND of 3 words";
  for (std::size_t i = 0; i + 2 < middle.size() && i < 60; i += 3) {
    classes[2].requests.push_back(
        request_for(middle[i] + " " + middle[i + 1] + " " + middle[i + 2]));
  }
  classes[3].name = "phrase";
  news::text::Analyzer analyzer("en");
  std::uniform_int_distribution<Xapian::docid> pick_document(1, documents);
  while (classes[3].requests.size() < 20) {
    const auto article = news::decode_document_data(
        database.get_document(pick_document(random)).get_data());
    if (!article) continue;
    const auto tokens = analyzer.tokenize(article.value().body);
    if (tokens.size() < 40) continue;
    const std::size_t at = 10 + random() % (tokens.size() - 20);
    classes[3].requests.push_back(request_for("\"" + tokens[at].term + " " +
                                              tokens[at + 1].term + " " +
                                              tokens[at + 2].term + "\""));
  }
  classes[4].name = "dates + outlet";
  const std::vector<std::string> outlets = {"Russia Today", "SouthFront",
                                            "Reuters", "BBC News"};
  for (int i = 0; i < 20; ++i) {
    SearchRequest request = request_for(middle[static_cast<std::size_t>(i)]);
    request.outlets = {outlets[static_cast<std::size_t>(i) % outlets.size()]};
    request.from = news::Date{2014 + i % 6, 1, 1};
    request.to = news::Date{2014 + i % 6, 6, 30};
    classes[4].requests.push_back(request);
  }
  return classes;
}

Figures time_in_process(news::searcher::Searcher& searcher,
                        const QueryClass& query_class, bool has_facets,
                        int rounds) {
  std::vector<double> millis;
  std::vector<std::uint64_t> matches;
  for (int round = 0; round < rounds; ++round) {
    for (SearchRequest request : query_class.requests) {
      if (has_facets) request.facets = {Facet::kOutlet};
      const auto start = std::chrono::steady_clock::now();
      const auto results = searcher.search(request);
      const auto stop = std::chrono::steady_clock::now();
      if (!results) {
        std::cerr << request.query << ": " << results.error().message() << "\n";
        continue;
      }
      if (round > 0) {  // the first round warms the caches
        millis.push_back(
            std::chrono::duration<double, std::milli>(stop - start).count());
        matches.push_back(results.value().summary.total_matches);
      }
    }
  }
  return summarize(millis, matches);
}

std::vector<std::string> arguments_for(const SearchRequest& request,
                                       const std::string& index,
                                       bool has_facets) {
  std::vector<std::string> args = {"news-search",
                                   "-d",
                                   index,
                                   "--color",
                                   "never",
                                   "--facets",
                                   has_facets ? "outlet" : "none"};
  for (const std::string& outlet : request.outlets) {
    args.insert(args.end(), {"--outlet", outlet});
  }
  if (request.from) args.insert(args.end(), {"--from", request.from->to_iso()});
  if (request.to) args.insert(args.end(), {"--to", request.to->to_iso()});
  args.insert(args.end(), {"--", request.query});
  return args;
}

Figures time_per_process(const std::string& binary, const std::string& index,
                         const QueryClass& query_class, bool has_facets) {
  std::vector<double> millis;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  for (const SearchRequest& request : query_class.requests) {
    std::vector<std::string> args = arguments_for(request, index, has_facets);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(),
                    environ) != 0) {
      std::cerr << "cannot run " << binary << "\n";
      break;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    millis.push_back(std::chrono::duration<double, std::milli>(
                         std::chrono::steady_clock::now() - start)
                         .count());
  }
  posix_spawn_file_actions_destroy(&actions);
  return summarize(millis, {});
}

const char* verdict(bool is_pass) { return is_pass ? "PASS" : "FAIL"; }

}  // namespace

int main(int argc, char* argv[]) {
  if (argc < 3) {
    std::cerr << "usage: bench_query INDEX_DIR NEWS_SEARCH [ROUNDS]\n";
    return 2;
  }
  const std::string index = argv[1];
  const std::string binary = argv[2];
  const int rounds = argc > 3 ? std::stoi(argv[3]) : 6;
  auto searcher = news::searcher::Searcher::open({index});
  if (!searcher) {
    std::cerr << searcher.error().message() << "\n";
    return 3;
  }
  const Xapian::Database database(index);
  const std::vector<QueryClass> classes = make_classes(database);
  std::printf("index %s: %u documents; %d timed rounds per query, in ms\n\n",
              index.c_str(), database.get_doccount(), rounds - 1);
  std::printf("%-16s %7s %9s | %8s %8s | %8s %8s | %8s %8s | %8s %8s\n",
              "class", "queries", "matches", "warm p50", "warm p95", "+fac p50",
              "+fac p95", "proc p50", "proc p95", "+fac p50", "+fac p95");
  bool is_fast = true;
  bool is_facet_fast = true;
  double facet_p50_over_100k = -1;
  for (const QueryClass& query_class : classes) {
    const Figures warm =
        time_in_process(searcher.value(), query_class, false, rounds);
    const Figures faceted =
        time_in_process(searcher.value(), query_class, true, rounds);
    const Figures process = time_per_process(binary, index, query_class, false);
    const Figures process_faceted =
        time_per_process(binary, index, query_class, true);
    std::printf(
        "%-16s %7zu %9llu | %8.2f %8.2f | %8.2f %8.2f | %8.2f %8.2f | %8.2f "
        "%8.2f\n",
        query_class.name.c_str(), query_class.requests.size(),
        static_cast<unsigned long long>(faceted.median_matches), warm.p50,
        warm.p95, faceted.p50, faceted.p95, process.p50, process.p95,
        process_faceted.p50, process_faceted.p95);
    is_fast = is_fast && warm.p50 < 5 && warm.p95 < 50;
    if (faceted.median_matches >= 100000) {
      facet_p50_over_100k = std::max(facet_p50_over_100k, faceted.p50);
      is_facet_fast = is_facet_fast && faceted.p50 < 100;
    }
  }
  std::printf("\ntargets (warm process):\n");
  std::printf("  p50 < 5 ms and p95 < 50 ms without facets, every class: %s\n",
              verdict(is_fast));
  if (facet_p50_over_100k < 0) {
    std::printf(
        "  exact outlet facets over 100,000 matches < 100 ms: n/a "
        "(no class matched 100,000 articles)\n");
  } else {
    std::printf(
        "  exact outlet facets over 100,000 matches < 100 ms: %s "
        "(p50 %.1f ms)\n",
        verdict(is_facet_fast), facet_p50_over_100k);
  }
  return is_fast && is_facet_fast ? 0 : 1;
}
