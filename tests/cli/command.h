// Runs the news-index and news-search executables for end-to-end tests and
// captures what a user would see: stdout, stderr and the exit code.
#pragma once

#include <string>
#include <vector>

namespace news::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs program (a path) with args, each passed as one argument (no shell
// interpretation), stdin from /dev/null.
CommandResult run_command(const std::string& program,
                          const std::vector<std::string>& args);

// build/news-index and build/news-search.
std::string news_index_path();
std::string news_search_path();

// Reads a whole file; "" when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace news::testing
