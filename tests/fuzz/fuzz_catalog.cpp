// libFuzzer target: loadCatalog on any bytes; when a catalog loads, the engine answers over it.
// The invariants are in checks.hpp, shared with the regression tests.
#include <cstddef>
#include <cstdint>

#include "checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  versus::fuzz::checkCatalogInput({reinterpret_cast<const char*>(data), size});
  return 0;
}
