#include "searcher/search_command.h"

#include <fstream>
#include <sstream>
#include <string>

#include "searcher/batch.h"
#include "searcher/format/info_writer.h"
#include "searcher/format/json_formatter.h"
#include "searcher/format/result_formatter.h"
#include "searcher/searcher.h"

namespace news::searcher {
namespace {

ExitCode report(const Error& error, std::ostream& err) {
  err << "news-search: " << error.to_string() << "\n";
  return exit_code_for(error);
}

FormatOptions format_options(const SearchRequest& request, bool is_terminal,
                             bool is_batch) {
  FormatOptions options;
  options.format = request.format;
  options.is_color = use_color(request.color, is_terminal);
  options.fields = request.fields;
  options.is_batch = is_batch;
  return options;
}

// Writes provenance lines to --provenance FILE, when one is given.
class ProvenanceLog {
 public:
  explicit ProvenanceLog(const std::string& path) {
    if (!path.empty()) file_.open(path, std::ios::binary | std::ios::trunc);
  }
  Status check(const std::string& path) const {
    if (!path.empty() && !file_.is_open()) {
      return Error::usage("cannot write --provenance file " + path);
    }
    return Done{};
  }
  void write(const SearchSummary& summary, bool is_batch) {
    if (!file_.is_open()) return;
    file_ << summary_json(summary).dump(
                 is_batch ? -1 : 2, ' ', false,
                 nlohmann::ordered_json::error_handler_t::replace)
          << "\n";
  }

 private:
  std::ofstream file_;
};

ExitCode run_search(Searcher& searcher, const CommandLine& command_line,
                    const CommandStreams& streams) {
  const SearchRequest& request = command_line.request;
  ProvenanceLog provenance(command_line.provenance_path);
  if (Status ok = provenance.check(command_line.provenance_path); !ok) {
    return report(ok.error(), streams.err);
  }
  const Result<SearchResults> results = searcher.search(request);
  if (!results) return report(results.error(), streams.err);
  const std::unique_ptr<ResultFormatter> formatter = make_formatter(
      format_options(request, streams.is_terminal, false), streams.out);
  write_results(results.value(), *formatter);
  formatter->finish();
  provenance.write(results.value().summary, false);
  return results.value().summary.total_matches > 0 ? ExitCode::kMatches
                                                   : ExitCode::kNoMatches;
}

ExitCode run_batch(Searcher& searcher, const CommandLine& command_line,
                   const CommandStreams& streams) {
  std::ifstream file;
  std::istream* in = &streams.in;
  if (command_line.batch_path != "-") {
    file.open(command_line.batch_path, std::ios::binary);
    if (!file) {
      return report(
          Error::usage("cannot read the batch file " + command_line.batch_path),
          streams.err);
    }
    in = &file;
  }
  ProvenanceLog provenance(command_line.provenance_path);
  if (Status ok = provenance.check(command_line.provenance_path); !ok) {
    return report(ok.error(), streams.err);
  }
  const std::unique_ptr<ResultFormatter> formatter = make_formatter(
      format_options(command_line.request, streams.is_terminal, true),
      streams.out);
  bool has_error = false;
  bool has_matches = false;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(*in, line)) {
    ++line_number;
    std::optional<BatchEntry> entry =
        parse_batch_line(line, line_number, command_line.request);
    if (!entry) continue;
    Result<SearchResults> results =
        entry->request ? searcher.search(entry->request.value())
                       : Result<SearchResults>(entry->request.error());
    if (!results) {
      const Error& error = results.error();
      if (exit_code_for(error) == ExitCode::kIndex) {
        formatter->finish();
        return report(error, streams.err);
      }
      has_error = true;
      formatter->error(entry->tag, entry->query, error);
      streams.err << "news-search: batch line " << line_number << ": "
                  << error.to_string() << "\n";
      continue;
    }
    results.value().summary.batch_tag = entry->tag;
    write_results(results.value(), *formatter);
    provenance.write(results.value().summary, true);
    has_matches = has_matches || results.value().summary.total_matches > 0;
  }
  formatter->finish();
  if (has_error) return ExitCode::kUsage;
  return has_matches ? ExitCode::kMatches : ExitCode::kNoMatches;
}

}  // namespace

ExitCode exit_code_for(const Error& error) {
  switch (error.code()) {
    case ErrorCode::kUsage:
    case ErrorCode::kQuerySyntax:
      return ExitCode::kUsage;
    case ErrorCode::kBadInput:
    case ErrorCode::kIo:
    case ErrorCode::kIndex:
    case ErrorCode::kInternal:
      break;
  }
  return ExitCode::kIndex;
}

ExitCode run_command(const CommandLine& command_line,
                     const CommandStreams& streams) {
  Result<Searcher> searcher =
      Searcher::open(command_line.request.database_paths);
  if (!searcher) return report(searcher.error(), streams.err);
  switch (command_line.action) {
    case CommandLine::Action::kBatch:
      return run_batch(searcher.value(), command_line, streams);
    case CommandLine::Action::kStats: {
      const Result<IndexStats> stats = searcher.value().stats();
      if (!stats) return report(stats.error(), streams.err);
      write_stats(stats.value(), command_line.request.format, streams.out);
      return ExitCode::kMatches;
    }
    case CommandLine::Action::kShow: {
      const Result<std::optional<StoredArticle>> article =
          searcher.value().show(command_line.show_id);
      if (!article) return report(article.error(), streams.err);
      if (!article.value()) {
        streams.err << "news-search: no article with id or document number "
                    << command_line.show_id << "\n";
        return ExitCode::kNoMatches;
      }
      write_article(*article.value(), command_line.request.format,
                    command_line.request.fields, streams.out);
      return ExitCode::kMatches;
    }
    case CommandLine::Action::kSearch:
    case CommandLine::Action::kShowMessage:
      break;
  }
  return run_search(searcher.value(), command_line, streams);
}

ExitCode run_search_command(const SearchRequest& request, bool is_terminal,
                            std::ostream& out, std::ostream& err) {
  CommandLine command_line;
  command_line.request = request;
  std::istringstream no_input;
  return run_command(command_line, {no_input, out, err, is_terminal});
}

}  // namespace news::searcher
