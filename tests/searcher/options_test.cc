#include "searcher/options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace news::searcher {
namespace {

Result<CommandLine> parse(std::vector<std::string> args) {
  args.insert(args.begin(), "news-search");
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

std::string joined(const std::vector<std::string>& args) {
  std::string text;
  for (const std::string& arg : args) text += arg + " ";
  return text;
}

TEST(ParseCommandLine, BuildsTheRequestFromFlags) {
  const Result<CommandLine> parsed =
      parse({"-d",   "db1",      "--db=db2",   "--limit",  "5",  "--offset",
             "20",   "--outlet", "SouthFront", "--outlet", "RT", "--format",
             "json", "--color",  "never",      "--lang",   "ru", "red",
             "army", "OR",       "navy"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  ASSERT_EQ(parsed.value().action, CommandLine::Action::kSearch);
  const SearchRequest& request = parsed.value().request;
  EXPECT_EQ(request.database_paths, (std::vector<std::string>{"db1", "db2"}));
  EXPECT_EQ(request.query, "red army OR navy");
  EXPECT_EQ(request.limit, 5u);
  EXPECT_EQ(request.offset, 20u);
  EXPECT_EQ(request.outlets, (std::vector<std::string>{"SouthFront", "RT"}));
  EXPECT_EQ(request.format, OutputFormat::kJson);
  EXPECT_EQ(request.color, ColorMode::kNever);
  EXPECT_EQ(request.language, "ru");
}

TEST(ParseCommandLine, HasDefaults) {
  const Result<CommandLine> parsed = parse({"-d", "db", "army"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  const SearchRequest& request = parsed.value().request;
  EXPECT_EQ(request.limit, 10u);
  EXPECT_EQ(request.offset, 0u);
  EXPECT_EQ(request.format, OutputFormat::kText);
  EXPECT_EQ(request.color, ColorMode::kAuto);
  EXPECT_TRUE(request.language.empty());
  EXPECT_TRUE(request.outlets.empty());
}

TEST(ParseCommandLine, KeepsQueryWordsAfterDoubleDash) {
  const Result<CommandLine> parsed = parse({"-d", "db", "--", "-navy", "army"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  EXPECT_EQ(parsed.value().request.query, "-navy army");
}

TEST(ParseCommandLine, RejectsBadCommandLinesWithUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string expected_message;  // a fragment
  };
  const std::vector<Case> cases = {
      {{"army"}, "no index given"},
      {{"-d", "db"}, "no query given"},
      {{"-d", "db", "  "}, "no query given"},
      {{"-d", "db", "--format", "xml", "army"},
       "--format must be one of: text, json, jsonl, csv, tsv (got \"xml\")"},
      {{"-d", "db", "--sort", "new", "army"},
       "--sort must be one of: relevance, date, -date (got \"new\")"},
      {{"-d", "db", "--facets", "outlet,colour", "army"},
       "--facets must be one of"},
      {{"-d", "db", "--fields", "title,colour", "army"},
       "--fields must be one of"},
      {{"-d", "db", "--from", "2019-02-30", "army"}, "--from must be a date"},
      {{"-d", "db", "--to", "2019-13", "army"}, "--to must be a date"},
      {{"-d", "db", "--from", "2020", "--to", "2019", "army"},
       "--from 2020 is after --to 2019"},
      {{"-d", "db", "--facet-limit", "-2", "army"},
       "--facet-limit must be 0 or more"},
      {{"-d", "db", "--batch", "q.txt", "army"}, "query words are not used"},
      {{"-d", "db", "--stats", "--show", "x"}, "exclude each other"},
      {{"-d", "db", "--color", "sometimes", "army"},
       "--color must be one of: auto, always, never (got \"sometimes\")"},
      {{"-d", "db", "--limit", "-1", "army"}, "--limit must be 0 or more"},
      {{"-d", "db", "--offset", "-3", "army"}, "--offset must be 0 or more"},
      {{"-d", "db", "--limit", "ten", "army"}, "limit"},
      {{"-d", "db", "--frobnicate", "army"}, "frobnicate"},
      {{"-d"}, "db"},
  };
  for (const Case& test : cases) {
    const Result<CommandLine> parsed = parse(test.args);
    ASSERT_FALSE(parsed.ok()) << joined(test.args);
    EXPECT_EQ(parsed.error().code(), ErrorCode::kUsage) << joined(test.args);
    EXPECT_NE(parsed.error().message().find(test.expected_message),
              std::string::npos)
        << joined(test.args) << " gave: " << parsed.error().message();
  }
}

TEST(ParseCommandLine, ShowsHelpWithQuerySyntaxAndExitCodes) {
  const Result<CommandLine> parsed = parse({"--help"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  EXPECT_EQ(parsed.value().action, CommandLine::Action::kShowMessage);
  const std::string& help = parsed.value().message;
  for (const std::string fragment : {"Usage: news-search -d DB",
                                     "--limit",
                                     "--offset",
                                     "--outlet",
                                     "--format",
                                     "--color",
                                     "--lang",
                                     "--version",
                                     "Query syntax",
                                     "title:word",
                                     "outlet:name",
                                     "author:name",
                                     "site:host",
                                     "lang:code",
                                     "url:URL",
                                     "date:2019-03-01..2019-03-31",
                                     "NEAR/5",
                                     "--any",
                                     "--exclude-outlet",
                                     "--site",
                                     "--from",
                                     "--to",
                                     "--sort",
                                     "--facets",
                                     "--facet-limit",
                                     "--count",
                                     "--fields",
                                     "--batch",
                                     "--stats",
                                     "--show",
                                     "Batch",
                                     "Exit codes:",
                                     "3  index missing"}) {
    EXPECT_NE(help.find(fragment), std::string::npos) << fragment;
  }
}

TEST(ParseCommandLine, ReadsFiltersSortFacetsFieldsAndModes) {
  const Result<CommandLine> parsed = parse({"-d",
                                            "db",
                                            "--exclude-outlet",
                                            "TASS",
                                            "--site",
                                            "rt.com",
                                            "--from",
                                            "2019",
                                            "--to",
                                            "2019-02",
                                            "--any",
                                            "--sort",
                                            "-date",
                                            "--facets",
                                            "outlet,year,author",
                                            "--facet-limit",
                                            "3",
                                            "--count",
                                            "--format",
                                            "csv",
                                            "--fields",
                                            "id,title,body",
                                            "army"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  const SearchRequest& request = parsed.value().request;
  EXPECT_EQ(request.excluded_outlets, std::vector<std::string>{"TASS"});
  EXPECT_EQ(request.sites, std::vector<std::string>{"rt.com"});
  EXPECT_EQ(request.from->to_iso(), "2019-01-01");
  EXPECT_EQ(request.to->to_iso(), "2019-02-28");
  EXPECT_TRUE(request.is_any);
  EXPECT_EQ(request.sort, SortOrder::kDateDescending);
  EXPECT_EQ(request.facets,
            (std::vector<Facet>{Facet::kOutlet, Facet::kYear, Facet::kAuthor}));
  EXPECT_EQ(request.facet_limit, 3u);
  EXPECT_TRUE(request.is_count_only);
  EXPECT_EQ(request.format, OutputFormat::kCsv);
  EXPECT_EQ(request.fields,
            (std::vector<HitField>{HitField::kId, HitField::kTitle,
                                   HitField::kBody}));
  EXPECT_EQ(parse({"-d", "db", "--facets", "none", "x"}).value().request.facets,
            std::vector<Facet>{});

  const Result<CommandLine> batch = parse({"-d", "db", "--batch", "-"});
  ASSERT_TRUE(batch.ok()) << batch.error().message();
  EXPECT_EQ(batch.value().action, CommandLine::Action::kBatch);
  EXPECT_EQ(batch.value().batch_path, "-");
  EXPECT_EQ(parse({"-d", "db", "--stats"}).value().action,
            CommandLine::Action::kStats);
  const Result<CommandLine> show = parse({"-d", "db", "--show", "path:/a"});
  EXPECT_EQ(show.value().action, CommandLine::Action::kShow);
  EXPECT_EQ(show.value().show_id, "path:/a");
}

TEST(ParseCommandLine, ShowsTheVersion) {
  const Result<CommandLine> parsed = parse({"--version"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  EXPECT_EQ(parsed.value().action, CommandLine::Action::kShowMessage);
  EXPECT_EQ(parsed.value().message.rfind("news-search ", 0), 0u);
}

}  // namespace
}  // namespace news::searcher
