// Embind bindings: a few functions taking plain values and returning a JSON string envelope
// {"ok": true, "result": …} or {"ok": false, "error": "…", "problems"?: […]}. Every C++ exception
// is caught here, so JS never sees a bare number. The ES module web/versus.js wraps these.
#include <emscripten/bind.h>

#include <optional>

#include "compare.hpp"
#include "search.hpp"

namespace {

using versus::Json;

std::optional<versus::Catalog> gCatalog;  // the loaded catalog; replaced only by a valid one

std::string failure(const std::string& message) {
  return Json{{"ok", false}, {"error", message}}.dump();
}

template <class F>
std::string guarded(F&& answer) {
  try {
    return answer();
  } catch (const std::exception& e) {
    return failure(std::string("internal error: ") + e.what());
  } catch (...) {
    return failure("internal error");
  }
}

std::string noCatalog() { return failure("no catalog is loaded: call loadCatalog first"); }

std::string loadCatalog(const std::string& text) {
  return guarded([&] {
    versus::LoadResult loaded = versus::loadCatalog(text);
    if (!loaded.catalog) {
      std::string count = std::to_string(loaded.problems.size());
      std::string message = "the catalog has " + count + " problem" +
                            (loaded.problems.size() == 1 ? "" : "s") +
                            "; first: " + versus::describe(loaded.problems.front());
      return Json{{"ok", false}, {"error", message}, {"problems", loaded.problems}}.dump();
    }
    gCatalog = std::move(loaded.catalog);
    return Json{{"ok", true},
                {"result",
                 {{"models", gCatalog->models.size()},
                  {"providers", gCatalog->providers.size()},
                  {"offers", gCatalog->offers.size()},
                  {"generated", gCatalog->generated}}}}
        .dump();
  });
}

versus::Workload workload(double requests, double inputTokens, double outputTokens, double ratio) {
  return versus::Workload{requests, inputTokens, outputTokens, ratio};
}

std::string compare(const std::string& a, const std::string& b, double requests, double inputTokens,
                    double outputTokens, double ratio) {
  if (!gCatalog) return noCatalog();
  return guarded([&] {
    return versus::answerCompare(*gCatalog, a, b,
                                 workload(requests, inputTokens, outputTokens, ratio))
        .dump();
  });
}

std::string model(const std::string& id, double requests, double inputTokens, double outputTokens,
                  double ratio) {
  if (!gCatalog) return noCatalog();
  return guarded([&] {
    return versus::answerModel(*gCatalog, id, workload(requests, inputTokens, outputTokens, ratio))
        .dump();
  });
}

std::string search(const std::string& query, int limit) {
  if (!gCatalog) return noCatalog();
  return guarded([&] {
    size_t n = limit > 0 ? static_cast<size_t>(limit) : 10;
    return Json{{"ok", true}, {"result", versus::searchJson(*gCatalog, query, n)}}.dump();
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(versus) {
  emscripten::function("loadCatalog", &loadCatalog);
  emscripten::function("compare", &compare);
  emscripten::function("model", &model);
  emscripten::function("search", &search);
}
