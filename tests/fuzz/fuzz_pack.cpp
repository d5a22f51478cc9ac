// libFuzzer target: loadCatalogPack on any bytes (the page and the widget load the catalog as a
// pack); when a pack loads, it re-packs and the engine answers over it. The invariants are in
// checks.hpp.
#include <cstddef>
#include <cstdint>

#include "checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  versus::fuzz::checkPackInput({reinterpret_cast<const char*>(data), size});
  return 0;
}
