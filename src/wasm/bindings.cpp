// Embind bindings: declarations only (like manifold's bindings/wasm/). Every function is the core's
// versus::Engine (src/engine.hpp) — plain values in, a JSON string envelope out — and the state and
// the rules are there, reached by the native tests. The module is built without C++ exception
// support (see CMakeLists.txt): the core validates every input before it reads it, so nothing
// throws. The ES module web/versus.js wraps these.
#include <emscripten/bind.h>

#include "engine.hpp"

namespace {

versus::Engine& engine() {
  static versus::Engine e;
  return e;
}

// A Float64Array view of engine memory (the stream pricer's buffers), or null.
emscripten::val view(std::span<const double> s) {
  return emscripten::val(emscripten::typed_memory_view(s.size(), s.data()));
}

// A Uint8Array copied into one std::string. Declared as std::string, the pack would be in wasm
// memory twice during the load (embind's buffer, then the string made from it): 8.7 MB more at the
// peak, for a 20k-model catalog, and wasm memory never shrinks.
std::string bytesOf(const emscripten::val& bytes) {
  std::string b(bytes["length"].as<size_t>(), '\0');
  auto* data = reinterpret_cast<unsigned char*>(b.data());
  emscripten::val(emscripten::typed_memory_view(b.size(), data)).call<void>("set", bytes);
  return b;
}

}  // namespace

EMSCRIPTEN_BINDINGS(versus) {
  using emscripten::optional_override;
  using S = const std::string&;
  emscripten::function("loadCatalog",
                       optional_override([](S t) { return engine().loadCatalog(t); }));
  emscripten::function("loadCatalogPack", optional_override([](emscripten::val b) {
                         return engine().loadCatalogPack(bytesOf(b));
                       }));
  emscripten::function("setOverrides",
                       optional_override([](S o) { return engine().setOverrides(o); }));
  emscripten::function("compare",
                       optional_override([](S m, S w) { return engine().compare(m, w); }));
  emscripten::function("pairFigures",
                       optional_override([](S m, S w) { return engine().pairFigures(m, w); }));
  emscripten::function("model", optional_override([](S id, S w) { return engine().model(id, w); }));
  emscripten::function("rank",
                       optional_override([](S w, S f, int n) { return engine().rank(w, f, n); }));
  emscripten::function("search",
                       optional_override([](S q, int n) { return engine().search(q, n); }));
  emscripten::function("prepareSearch",
                       optional_override([](int n) { return engine().prepareSearch(n); }));
  emscripten::function("resolve", optional_override([](S q) { return engine().resolve(q); }));
  emscripten::function("rivals",
                       optional_override([](S id, S x) { return engine().rivals(id, x); }));
  emscripten::function("priceBatch", optional_override([](S r) { return engine().priceBatch(r); }));
  emscripten::function("priceInput", optional_override([](int count) {
                         auto s = engine().priceInput(count);
                         return s ? view(*s) : emscripten::val::null();
                       }));
  emscripten::function("pricePacked", optional_override([](S keys, int first, int count, int base) {
                         return engine().pricePacked(keys, first, count, base);
                       }));
  emscripten::function("priceOutput",
                       optional_override([]() { return view(engine().priceOutput()); }));
  emscripten::function("catalogLists", optional_override([]() { return engine().catalogLists(); }));
  emscripten::function("parseState", optional_override([](S h) { return engine().parseState(h); }));
  emscripten::function("formatState",
                       optional_override([](S s) { return engine().formatState(s); }));
  emscripten::function("limits", optional_override([]() { return engine().limits(); }));
}
