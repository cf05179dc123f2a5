// Exit codes and messages of both executables, as documented in --help and
// the README: news-search 0 hits, 1 none, 2 usage or syntax, 3 index;
// news-index 0 done, 1 done with skipped input, 2 usage, 3 fatal.
#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/cli/command.h"
#include "tests/support/test_support.h"

namespace news::testing {
namespace {

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// A small index of two hand-made dumps, built once per test.
class SmallIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = dir_.file("news");
    index_ = dir_.file("index");
    std::filesystem::create_directory(folder_);
    write_file(folder_ + "/a.txt",
               "Harbour cranes return to work\n\nDock workers at the harbour "
               "restarted the cranes on Monday.\n");
    write_file(folder_ + "/b.txt",
               "Rain delays harvest\n\nFarmers waited for the rain to stop "
               "before the harvest.\n");
    const CommandResult indexed =
        run_command(news_index_path(), {"-d", index_, "-q", folder_});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  }

  CommandResult search(std::vector<std::string> args) const {
    args.insert(args.begin(), {"-d", index_});
    return run_command(news_search_path(), args);
  }

  TempDir dir_;
  std::string folder_;
  std::string index_;
};

TEST_F(SmallIndex, SearchExitsZeroWithHitsAndOneWithout) {
  EXPECT_EQ(search({"harbour"}).exit_code, 0);
  EXPECT_EQ(search({"volcano"}).exit_code, 1);
}

TEST_F(SmallIndex, QuerySyntaxErrorExitsTwoWithAMessage) {
  for (const std::string query :
       {"harbour AND", "(harbour", "\"harbour", "NOT", "AND OR"}) {
    const CommandResult result = search({query});
    // Xapian's parser accepts some of these leniently; whatever it does,
    // nothing may crash, and errors must be explained.
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1 ||
                result.exit_code == 2)
        << query << ": " << result.exit_code << " " << result.err;
    if (result.exit_code == 2) {
      EXPECT_NE(result.err.find("news-search:"), std::string::npos) << query;
    }
  }
  const CommandResult bad = search({"harbour AND"});
  EXPECT_EQ(bad.exit_code, 2) << bad.out << bad.err;
  EXPECT_NE(bad.err.find("syntax"), std::string::npos) << bad.err;
}

TEST_F(SmallIndex, EmptyQueryAndBadFlagsExitTwo) {
  EXPECT_EQ(search({}).exit_code, 2);
  EXPECT_EQ(search({""}).exit_code, 2);
  EXPECT_EQ(search({"--format", "yaml", "harbour"}).exit_code, 2);
  EXPECT_EQ(search({"--no-such-flag", "harbour"}).exit_code, 2);
}

TEST(SearchCli, MissingOrForeignDatabaseExitsThreeNamingIt) {
  TempDir dir;
  const std::string missing = dir.file("nowhere");
  const CommandResult result =
      run_command(news_search_path(), {"-d", missing, "harbour"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE(result.err.find(missing), std::string::npos) << result.err;

  const std::string foreign = dir.file("foreign");
  {
    Xapian::WritableDatabase database(foreign, Xapian::DB_CREATE);
    Xapian::Document document;
    document.add_term("harbour");
    database.add_document(document);
    database.commit();
  }
  const CommandResult foreign_result =
      run_command(news_search_path(), {"-d", foreign, "harbour"});
  EXPECT_EQ(foreign_result.exit_code, 3) << foreign_result.err;
  EXPECT_NE(foreign_result.err.find(foreign), std::string::npos)
      << foreign_result.err;
}

TEST(IndexerCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_command(news_index_path(), {}).exit_code, 2);
  EXPECT_EQ(run_command(news_index_path(), {"-d"}).exit_code, 2);
  EXPECT_EQ(run_command(news_index_path(), {"--bogus"}).exit_code, 2);
  TempDir dir;
  EXPECT_EQ(run_command(news_index_path(), {"-d", dir.file("i")}).exit_code, 2);
}

TEST(IndexerCli, BadInputIsReportedAndTheRunGoesOn) {
  TempDir dir;
  const std::string folder = dir.file("news");
  std::filesystem::create_directory(folder);
  write_file(folder + "/good.txt",
             "A good headline for once\n\nThe body of a good article.\n");
  write_file(folder + "/binary.txt", std::string("\x7f"
                                                 "ELF\0\0\0\x01\x02",
                                                 9));
  write_file(folder + "/empty.txt", "");
  write_file(folder + "/latin1.txt",
             "Caf\xe9 owners protest\n\nThe caf\xe9 owners of the town "
             "protested on Tuesday.\n");
  const std::string index = dir.file("index");
  const CommandResult result = run_command(
      news_index_path(),
      {"-d", index, "--progress=never", folder, dir.file("missing.txt")});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("binary.txt"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("empty.txt"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("missing.txt"), std::string::npos) << result.err;
  EXPECT_EQ(Xapian::Database(index).get_doccount(), 2u) << result.err;
  EXPECT_EQ(
      run_command(news_search_path(), {"-d", index, "protested"}).exit_code, 0);
}

TEST(IndexerCli, UnwritableDatabaseExitsThree) {
  TempDir dir;
  const std::string not_a_folder = dir.file("file");
  write_file(not_a_folder, "x");
  write_file(dir.file("a.txt"), "Headline of the story\n\nBody text here.\n");
  const CommandResult result = run_command(
      news_index_path(), {"-d", not_a_folder + "/index", dir.file("a.txt")});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find(not_a_folder), std::string::npos) << result.err;
}

TEST(IndexerCli, ReindexingAChangedFileReplacesItsArticle) {
  TempDir dir;
  const std::string index = dir.file("index");
  const std::string folder = dir.file("news");
  std::filesystem::create_directory(folder);
  const std::string file = folder + "/story.txt";
  {
    std::ofstream(file)
        << "First headline here\n\nThe zebra crossed the road.\n";
  }
  ASSERT_EQ(
      run_command(news_index_path(), {"-d", index, "-q", folder}).exit_code, 0);
  {
    std::ofstream(file)
        << "Second headline here\n\nThe giraffe crossed the road.\n";
  }
  std::filesystem::last_write_time(
      file, std::filesystem::last_write_time(file) + std::chrono::hours(1));
  ASSERT_EQ(
      run_command(news_index_path(), {"-d", index, "-q", folder}).exit_code, 0);
  EXPECT_EQ(Xapian::Database(index).get_doccount(), 1u);
  EXPECT_EQ(run_command(news_search_path(), {"-d", index, "giraffe"}).exit_code,
            0);
  EXPECT_EQ(run_command(news_search_path(), {"-d", index, "zebra"}).exit_code,
            1);
}

}  // namespace
}  // namespace news::testing
