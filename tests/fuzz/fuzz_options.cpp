// libFuzzer target: parseOptions on any argument list (words split on NUL or newline).
// The invariants are in checks.hpp, shared with the regression tests.
#include <cstddef>
#include <cstdint>

#include "checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  versus::fuzz::checkOptionsInput({reinterpret_cast<const char*>(data), size});
  return 0;
}
