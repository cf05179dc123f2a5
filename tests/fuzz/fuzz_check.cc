#include "tests/fuzz/fuzz_check.h"

#include <cstdio>
#include <cstdlib>

namespace news::fuzz {

void check(bool condition, std::string_view what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz invariant violated: %.*s\n",
               static_cast<int>(what.size()), what.data());
  std::abort();
}

}  // namespace news::fuzz
