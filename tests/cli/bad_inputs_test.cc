// A folder of hostile inputs next to real articles, through news-index as a
// user runs it: every real article is indexed, every bad file is reported
// exactly once with its path, nothing hangs (ctest's timeout), the exit code
// and summary count the problems, a re-run does not report them again, and
// --strict stops at the first.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/command.h"
#include "tests/support/test_support.h"

namespace news::testing {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

struct BadInput {
  std::string name;     // file name under bad/ (may hold odd bytes)
  std::string message;  // part of the one message expected for it
};

class BadInputs : public ::testing::Test {
 protected:
  void SetUp() override {
    NEWS_REQUIRE_CORPORA();
    root_ = dir_.path() / "corpus";
    // Real articles: 20 Wikinews dumps.
    std::vector<fs::path> real;
    for (const auto& entry :
         fs::directory_iterator(corpora_dir() / "wikinews-en-2004" / "txt")) {
      real.push_back(entry.path());
    }
    std::sort(real.begin(), real.end());
    real.resize(20);
    for (const fs::path& file : real) {
      fs::create_directories(root_ / "real");
      fs::copy_file(file, root_ / "real" / file.filename());
    }
    const fs::path bad = root_ / "bad";
    fs::create_directories(bad);
    write_file(bad / "binary.txt", std::string("\x7f"
                                               "ELF\0\0\1\2",
                                               8) +
                                       std::string(5000, '\0'));
    write_file(bad / "empty.txt", "");
    write_file(bad / "blank.txt", "   \n\t\n  \n");
    write_file(bad / "single-line.txt",
               std::string(70u << 20, 'a'));  // past the 64 MiB cap
    { std::ofstream sparse(bad / "sparse.txt"); }
    fs::resize_file(bad / "sparse.txt", 3ULL << 30);  // 3 GB of zeros
    write_file(bad / "truncated.txt.gz", std::string("\x1f\x8b\x08\0", 4));
    fs::create_symlink(bad / "nowhere.txt", bad / "broken-link.txt");
    fs::create_directories(bad / "loop");
    fs::create_symlink(bad / "loop", bad / "loop" / "again");
    // Odd names with good content: indexed, and printable in messages.
    write_file(bad / "new\nline.txt",
               "Harbour cranes return\n\nDock workers restarted the cranes.\n");
    write_file(bad / "bad\xff\xfe-name.txt",
               "Rain delays harvest\n\nFarmers waited for the rain.\n");
    write_file(bad / "latin1.txt",
               "Caf\xe9 owners protest\n\nThe caf\xe9 owners protested.\n");
    expected_ = {
        {"binary.txt", "binary file; skipped"},
        {"empty.txt", "empty file; skipped"},
        {"blank.txt", "empty file; skipped"},
        {"single-line.txt", "only the first 64 MiB were read"},
        {"sparse.txt", "binary file; skipped"},
        {"truncated.txt.gz", "truncated gzip"},
        {"broken-link.txt", "broken symbolic link"},
        {"loop", "symbolic link loop"},
    };
    real_count_ = real.size() + 3;  // the three odd but good files
  }

  TempDir dir_;
  fs::path root_;
  std::vector<BadInput> expected_;
  std::size_t real_count_ = 0;
};

TEST_F(BadInputs, EveryGoodArticleIsIndexedAndEveryBadFileReportedOnce) {
  const std::string index = dir_.file("index");
  const CommandResult result = run_command(
      news_index_path(), {"-d", index, "--progress=never", root_.string()});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(Xapian::Database(index).get_doccount(), real_count_) << result.err;
  for (const BadInput& bad : expected_) {
    std::size_t lines_naming_it = 0;
    std::istringstream lines(result.err);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("/bad/" + bad.name) == std::string::npos) continue;
      ++lines_naming_it;
      EXPECT_NE(line.find(bad.message), std::string::npos)
          << bad.name << ": " << line;
    }
    EXPECT_EQ(lines_naming_it, 1u) << bad.name << "\n" << result.err;
  }
  // Odd names are printed on one line, escaped.
  EXPECT_EQ(count_of(result.err, "new\\nline.txt"), 0u) << result.err;
  EXPECT_NE(result.err.find(std::to_string(expected_.size()) + " skipped"),
            std::string::npos)
      << result.err;
  for (const std::string query : {"cranes", "harvest", "protested"}) {
    EXPECT_EQ(run_command(news_search_path(), {"-d", index, query}).exit_code,
              0)
        << query;
  }

  // A re-run with nothing changed reports nothing again: failed files are
  // remembered and retried only when they change.
  const CommandResult again = run_command(
      news_index_path(), {"-d", index, "--progress=never", root_.string()});
  EXPECT_EQ(again.exit_code, 1) << again.err;  // links and loops remain
  EXPECT_EQ(count_of(again.err, "binary file"), 0u) << again.err;
  EXPECT_EQ(count_of(again.err, "empty file"), 0u) << again.err;
  write_file(root_ / "bad" / "empty.txt",
             "Now it has a headline\n\nAnd a body that says something.\n");
  const CommandResult fixed = run_command(
      news_index_path(), {"-d", index, "--progress=never", root_.string()});
  EXPECT_NE(fixed.err.find("1 changed"), std::string::npos) << fixed.err;
  EXPECT_EQ(Xapian::Database(index).get_doccount(), real_count_ + 1);
}

TEST_F(BadInputs, StrictStopsAtTheFirstProblemAndKeepsCommittedWork) {
  const std::string index = dir_.file("strict");
  const CommandResult result = run_command(
      news_index_path(),
      {"-d", index, "--progress=never", "--strict", root_.string()});
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_NE(result.err.find("--strict"), std::string::npos) << result.err;
  // The index opens (whatever was committed before the stop is whole).
  EXPECT_LE(Xapian::Database(index).get_doccount(), real_count_);
}

}  // namespace
}  // namespace news::testing
