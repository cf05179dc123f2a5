// libFuzzer entry point for fuzz_jsonl (see fuzz_targets.h).
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  news::fuzz::fuzz_jsonl(data, size);
  return 0;
}
