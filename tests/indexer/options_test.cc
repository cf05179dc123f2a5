#include "indexer/options.h"

#include <gtest/gtest.h>

#include <vector>

namespace news::indexer {
namespace {

Result<ParsedIndexOptions> parse(std::vector<const char*> args) {
  args.insert(args.begin(), "news-index");
  return parse_index_options(static_cast<int>(args.size()), args.data());
}

TEST(IndexOptions, ParsesDatabasePathsAndFlags) {
  const auto parsed = parse(
      {"-d", "idx", "--outlet", "SouthFront", "--outlet-from-dir", "a", "b"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  const IndexOptions& options = parsed.value().options;
  EXPECT_EQ(options.writer.database_path, "idx");
  EXPECT_EQ(options.corpus.roots, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(options.corpus.outlet, "SouthFront");
  EXPECT_TRUE(options.corpus.is_outlet_from_dir);
  EXPECT_EQ(options.writer.language, "en");
}

TEST(IndexOptions, OutletsFileGoesToTheCorpusOptions) {
  const auto parsed = parse({"-d", "idx", "--outlets", "my-outlets.csv", "a"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  EXPECT_EQ(parsed.value().options.corpus.outlets_file, "my-outlets.csv");
  EXPECT_EQ(parse({"-d", "idx", "a"}).value().options.corpus.outlets_file, "");
}

TEST(IndexOptions, MemoryBudgetSetsTheBatchTextAndShardsPassThrough) {
  const auto parsed = parse({"-d", "idx", "--memory-mb", "64", "--shards", "3",
                             "--shard-documents", "1000", "a"});
  ASSERT_TRUE(parsed.ok()) << parsed.error().to_string();
  const IndexOptions& options = parsed.value().options;
  EXPECT_EQ(options.writer.batch_bytes, 8ULL << 20);  // 64 MB / 8
  EXPECT_EQ(options.shards, 3U);
  EXPECT_EQ(options.shard_documents, 1000U);
  const auto defaults = parse({"-d", "idx", "a"});
  EXPECT_EQ(defaults.value().options.shards, 0U);
  EXPECT_EQ(defaults.value().options.shard_documents, 50'000U);
  EXPECT_EQ(defaults.value().options.writer.batch_documents, 300U);
}

TEST(IndexOptions, RejectsBadCommandLines) {
  const std::vector<std::vector<const char*>> bad = {
      {},
      {"-d", "idx"},
      {"a"},
      {"-d", "idx", "--bogus", "a"},
      {"-d", "idx", "--progress", "sometimes", "a"},
      {"-d", "idx", "--batch-size", "0", "a"},
      {"-d", "idx", "--batch-size", "many", "a"},
      {"-d", "idx", "--memory-mb", "8", "a"},
      {"-d", "idx", "--memory-mb", "lots", "a"},
      {"-d", "idx", "--shards", "-1", "a"},
      {"-d", "idx", "--shard-documents", "0", "a"},
      {"-d", "idx", "--threads", "-2", "a"},
  };
  for (const auto& args : bad) {
    const auto parsed = parse(args);
    std::string line;
    for (const char* arg : args) line += std::string(arg) + " ";
    ASSERT_FALSE(parsed.ok()) << "args: " << line;
    EXPECT_EQ(parsed.error().code(), ErrorCode::kUsage) << "args: " << line;
  }
}

TEST(IndexOptions, HelpListsExitCodes) {
  const auto parsed = parse({"--help"});
  ASSERT_TRUE(parsed.ok());
  EXPECT_NE(parsed.value().text_to_print.find("Exit codes"), std::string::npos);
  EXPECT_NE(parsed.value().text_to_print.find("--outlet-from-dir"),
            std::string::npos);
}

}  // namespace
}  // namespace news::indexer
