// Helpers shared by the test suites: an RAII temporary folder and access to
// the real corpora in ../shared/corpora (relative to the repository root).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace news::testing {

// A fresh empty folder under the system temp dir, removed with its contents
// when the object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // path() / name, as a string.
  std::string file(const std::string& name) const;

 private:
  std::filesystem::path path_;
};

// The repository root (where CMakeLists.txt is).
std::filesystem::path source_dir();
// The build folder (where news-index and news-search are).
std::filesystem::path binary_dir();
// ../shared/corpora relative to the repository root.
std::filesystem::path corpora_dir();
// Whether the shared corpora are present.
bool has_corpora();

// The contents of the files under folder (recursively, in path order) until
// max_bytes have been read; the file that crosses the limit is read whole.
struct FileText {
  std::filesystem::path path;
  std::string text;
};
std::vector<FileText> read_files_under(const std::filesystem::path& folder,
                                       std::size_t max_bytes);

}  // namespace news::testing

// Skips the current test with a visible message when ../shared/corpora is
// absent (a user's clone); fails it instead when the CI environment variable
// is set, because CI must run every real-data test.
#define NEWS_REQUIRE_CORPORA()                                       \
  do {                                                               \
    if (!::news::testing::has_corpora()) {                           \
      if (std::getenv("CI") != nullptr) {                            \
        FAIL() << "CI is set but the shared corpora are missing at " \
               << ::news::testing::corpora_dir();                    \
      }                                                              \
      GTEST_SKIP() << "shared corpora not found at "                 \
                   << ::news::testing::corpora_dir()                 \
                   << "; real-data test skipped";                    \
    }                                                                \
  } while (false)
