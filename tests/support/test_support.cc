#include "tests/support/test_support.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>

namespace news::testing {

TempDir::TempDir() {
  std::random_device random;
  const auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("news-test-" + std::to_string(random()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = std::move(candidate);
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::file(const std::string& name) const {
  return (path_ / name).string();
}

std::filesystem::path source_dir() { return NEWS_SOURCE_DIR; }

std::filesystem::path binary_dir() { return NEWS_BINARY_DIR; }

std::filesystem::path corpora_dir() {
  return source_dir().parent_path() / "shared" / "corpora";
}

bool has_corpora() {
  std::error_code error;
  return std::filesystem::is_directory(corpora_dir() / "seed", error);
}

std::vector<FileText> read_files_under(const std::filesystem::path& folder,
                                       std::size_t max_bytes) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<FileText> files;
  std::size_t read = 0;
  for (const auto& path : paths) {
    if (read >= max_bytes) break;
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
    read += text.size();
    files.push_back(FileText{path, std::move(text)});
  }
  return files;
}

}  // namespace news::testing
