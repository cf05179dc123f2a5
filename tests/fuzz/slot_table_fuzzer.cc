// libFuzzer entry point for fuzz_slot_table (see fuzz_targets.h).
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  news::fuzz::fuzz_slot_table(data, size);
  return 0;
}
