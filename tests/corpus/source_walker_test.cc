// Finding input files: folders, path lists, and what is reported.
#include "corpus/source_walker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "corpus/article_source.h"
#include "tests/corpus/recording_sink.h"
#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

namespace fs = std::filesystem;
using news::testing::corpora_dir;
using news::testing::RecordingSink;
using news::testing::TempDir;

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> paths_of(const std::vector<InputFile>& files) {
  std::vector<std::string> paths;
  for (const InputFile& file : files) paths.push_back(file.path);
  return paths;
}

std::vector<InputFile> walk(WalkOptions options, RecordingSink& sink) {
  return SourceWalker(std::move(options)).walk(sink);
}

TEST(SourceWalker, RecursesIntoFoldersInSortedOrder) {
  TempDir dir;
  const fs::path root = dir.path();
  write_file(root / "b.txt", "Title here\n\nBody.\n");
  write_file(root / "a" / "deep" / "c.TXT", "Title here\n\nBody.\n");
  write_file(root / "a" / "notes", "Plain text without extension.\n");
  write_file(root / "a" / "page.html", "<html></html>");
  write_file(root / ".hidden.txt", "Hidden.\n");
  write_file(root / ".git" / "x.txt", "Hidden folder.\n");
  RecordingSink sink;
  const auto files = walk({{root.string()}, ""}, sink);
  EXPECT_EQ(paths_of(files),
            (std::vector<std::string>{(root / "a" / "deep" / "c.TXT").string(),
                                      (root / "a" / "notes").string(),
                                      (root / "a" / "page.html").string(),
                                      (root / "b.txt").string()}));
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  for (const InputFile& file : files) {
    EXPECT_EQ(file.root, root.string());
    const bool is_page = file.path == (root / "a" / "page.html").string();
    EXPECT_EQ(file.format, is_page ? Format::kHtml : Format::kText);
    EXPECT_STREQ(format_name(file.format), is_page ? "html" : "txt");
    EXPECT_GT(file.size_bytes, 0u);
    EXPECT_GT(file.mtime_seconds, 0);
  }
}

TEST(SourceWalker, ListsEachFileOnceWhateverTheRoute) {
  TempDir dir;
  write_file(dir.path() / "x" / "one.txt", "One\n\nBody.\n");
  fs::create_directory_symlink(dir.path() / "x", dir.path() / "y");
  RecordingSink sink;
  const auto files =
      walk({{dir.path().string(), (dir.path() / "x" / "one.txt").string()}, ""},
           sink);
  EXPECT_EQ(
      paths_of(files),
      (std::vector<std::string>{(dir.path() / "x" / "one.txt").string()}));
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
}

TEST(SourceWalker, FollowsAPathListAndSkipsBlankLines) {
  TempDir dir;
  write_file(dir.path() / "one.txt", "One\n\nBody.\n");
  write_file(dir.path() / "sub" / "two.txt", "Two\n\nBody.\n");
  write_file(dir.path() / "list", (dir.path() / "sub").string() +
                                      "\r\n\n   \n" +
                                      (dir.path() / "one.txt").string() + "\n");
  RecordingSink sink;
  const auto files = walk({{}, dir.file("list")}, sink);
  EXPECT_EQ(paths_of(files), (std::vector<std::string>{
                                 (dir.path() / "one.txt").string(),
                                 (dir.path() / "sub" / "two.txt").string()}));
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  for (const InputFile& file : files) EXPECT_EQ(file.root, "");
}

TEST(SourceWalker, ReportsAMissingPathListAndGoesOn) {
  TempDir dir;
  write_file(dir.path() / "one.txt", "One\n\nBody.\n");
  RecordingSink sink;
  const auto files = walk({{dir.path().string()}, dir.file("nope.list")}, sink);
  EXPECT_EQ(files.size(), 1u);
  EXPECT_TRUE(sink.has(dir.file("nope.list"), "cannot read path list"))
      << sink.dump();
}

TEST(SourceWalker, ReportsMissingPathsAndGoesOn) {
  TempDir dir;
  write_file(dir.path() / "one.txt", "One\n\nBody.\n");
  RecordingSink sink;
  const auto files =
      walk({{dir.file("missing.txt"), dir.path().string()}, ""}, sink);
  EXPECT_EQ(files.size(), 1u);
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_EQ(sink.errors[0].code(), ErrorCode::kIo);
  EXPECT_TRUE(sink.has(dir.file("missing.txt"), "No such file or directory"))
      << sink.dump();
}

TEST(SourceWalker, ReportsBrokenSymlinks) {
  TempDir dir;
  write_file(dir.path() / "one.txt", "One\n\nBody.\n");
  fs::create_symlink(dir.path() / "gone.txt", dir.path() / "link.txt");
  RecordingSink sink;
  const auto files = walk({{dir.path().string()}, ""}, sink);
  EXPECT_EQ(files.size(), 1u);
  EXPECT_TRUE(sink.has(dir.file("link.txt"), "broken symbolic link"))
      << sink.dump();
}

TEST(SourceWalker, ReportsSymlinkLoops) {
  TempDir dir;
  write_file(dir.path() / "a" / "one.txt", "One\n\nBody.\n");
  fs::create_directory_symlink(dir.path() / "a", dir.path() / "a" / "again");
  fs::create_symlink(dir.path() / "self", dir.path() / "self");
  RecordingSink sink;
  const auto files = walk({{dir.path().string()}, ""}, sink);
  EXPECT_EQ(
      paths_of(files),
      (std::vector<std::string>{(dir.path() / "a" / "one.txt").string()}));
  EXPECT_TRUE(
      sink.has((dir.path() / "a" / "again").string(), "symbolic link loop"))
      << sink.dump();
  EXPECT_TRUE(sink.has(dir.file("self"), "symbolic link loop")) << sink.dump();
}

TEST(SourceWalker, ReportsExplicitFilesOfUnsupportedType) {
  TempDir dir;
  write_file(dir.path() / "photo.jpg", "\xFF\xD8\xFF");
  RecordingSink sink;
  const auto files = walk({{dir.file("photo.jpg")}, ""}, sink);
  EXPECT_TRUE(files.empty());
  EXPECT_TRUE(sink.has(dir.file("photo.jpg"), "not a supported input"))
      << sink.dump();
}

TEST(SourceWalker, LeavesOutBinaryFilesWithoutExtension) {
  TempDir dir;
  write_file(dir.path() / "program", std::string("\x7F"
                                                 "ELF\0\0\0",
                                                 7));
  RecordingSink sink;
  EXPECT_TRUE(walk({{dir.path().string()}, ""}, sink).empty());
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
}

TEST(SourceWalker, FindsEveryArticleOfTheWikinewsCorpus) {
  NEWS_REQUIRE_CORPORA();
  RecordingSink sink;
  const auto files =
      walk({{(corpora_dir() / "wikinews-en-2004").string()}, ""}, sink);
  // 101 text dumps and articles.jsonl; SOURCE.md is no input.
  EXPECT_EQ(files.size(), 102u);
  EXPECT_EQ(std::count_if(files.begin(), files.end(),
                          [](const InputFile& file) {
                            return file.format == Format::kText;
                          }),
            101);
  EXPECT_EQ(files.front().path,
            (corpora_dir() / "wikinews-en-2004" / "articles.jsonl").string());
  EXPECT_EQ(files.front().format, Format::kJsonl);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  EXPECT_TRUE(std::is_sorted(
      files.begin(), files.end(),
      [](const InputFile& a, const InputFile& b) { return a.path < b.path; }));
}

TEST(ArticleSource, OutletFromDirOnlyWhenAsked) {
  TempDir dir;
  write_file(dir.path() / "Daily Example" / "2019" / "one.txt",
             "A headline for the test\n\nA body sentence.\n");
  for (const bool is_outlet_from_dir : {false, true}) {
    CorpusOptions options;
    options.roots = {dir.path().string()};
    options.is_outlet_from_dir = is_outlet_from_dir;
    ArticleSource source(options);
    RecordingSink sink;
    const auto files = source.list_inputs(sink);
    ASSERT_EQ(files.size(), 1u);
    const auto articles = source.read_articles(files[0], sink);
    ASSERT_EQ(articles.size(), 1u) << sink.dump();
    EXPECT_EQ(articles[0].outlet,
              is_outlet_from_dir ? "Daily Example" : "unknown");
    EXPECT_EQ(articles[0].facts.outlet_rule,
              is_outlet_from_dir ? "dir" : "none");
  }
}

}  // namespace
}  // namespace news::corpus
