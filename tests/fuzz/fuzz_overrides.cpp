// libFuzzer target: the visitor's custom prices (setOverrides' JSON) read and applied to the seed
// catalog. The invariants are in checks.hpp, shared with the regression tests.
#include <cstddef>
#include <cstdint>

#include "checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  versus::fuzz::checkOverridesInput({reinterpret_cast<const char*>(data), size});
  return 0;
}
