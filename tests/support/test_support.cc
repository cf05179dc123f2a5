#include "tests/support/test_support.h"

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

}  // namespace news::testing
