// libFuzzer target: parseUrlState on any hash; the state round-trips through formatUrlState.
// The invariants are in checks.hpp, shared with the regression tests.
#include <cstddef>
#include <cstdint>

#include "checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  versus::fuzz::checkUrlStateInput({reinterpret_cast<const char*>(data), size});
  return 0;
}
