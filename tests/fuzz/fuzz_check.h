// Invariant checks for the fuzz target bodies: unlike assert() they stay on
// in release builds, and a violation aborts so that libFuzzer records the
// input as a crash (and a regression test fails).
#pragma once

#include <string_view>

namespace news::fuzz {

// Prints "fuzz invariant violated: <what>" to stderr and aborts when
// condition is false.
void check(bool condition, std::string_view what);

}  // namespace news::fuzz
