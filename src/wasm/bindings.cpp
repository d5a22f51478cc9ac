// Embind bindings: a few functions taking plain values (strings, numbers; a workload or filter as
// JSON text) and returning a JSON string envelope {"ok": true, "result": …} or
// {"ok": false, "error": "…", "problems"?: […]}. The module is built without C++ exception support
// (see CMakeLists.txt): the core validates every input before it reads it, so nothing here throws.
// The ES module web/versus.js wraps these.
#include <emscripten/bind.h>

#include <optional>

#include "compare.hpp"
#include "overrides.hpp"
#include "price_records.hpp"
#include "rank.hpp"
#include "search.hpp"
#include "url_state.hpp"

namespace {

using versus::Json;
using versus::Problem;

std::optional<versus::Catalog> gBase;      // the loaded catalog; replaced only by a valid one
std::optional<versus::Catalog> gOverlaid;  // gBase with the visitor's prices, when there are any

const versus::Catalog* catalog() { return gOverlaid ? &*gOverlaid : gBase ? &*gBase : nullptr; }

std::string failure(const std::string& message, const std::vector<Problem>& problems = {}) {
  Json j{{"ok", false}, {"error", message}};
  if (!problems.empty()) j["problems"] = problems;
  return j.dump();
}

std::string success(Json result) {
  return Json{{"ok", true}, {"result", std::move(result)}}.dump();
}

std::string noCatalog() { return failure("no catalog is loaded: call loadCatalog first"); }

std::string firstProblem(const std::string& what, const std::vector<Problem>& problems) {
  return what + " has " + std::to_string(problems.size()) + " problem" +
         (problems.size() == 1 ? "" : "s") + "; first: " + versus::describe(problems.front());
}

// Reads a JSON argument into T with from_json; problems are reported under `name`.
template <class T>
bool readArgument(const std::string& text, const char* name, T& out,
                  std::vector<Problem>& problems) {
  if (text.empty()) return true;  // absent: the defaults
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    problems.push_back({name, "is not valid JSON"});
    return false;
  }
  return versus::read(versus::JsonReader(j, name, problems), out);
}

std::string loadCatalog(const std::string& text) {
  versus::LoadResult loaded = versus::loadCatalog(text);
  if (!loaded.catalog)
    return failure(firstProblem("the catalog", loaded.problems), loaded.problems);
  gBase = std::move(loaded.catalog);
  gOverlaid.reset();
  return success({{"models", gBase->models.size()},
                  {"providers", gBase->providers.size()},
                  {"offers", gBase->offers.size()},
                  {"generated", gBase->generated}});
}

std::string setOverrides(const std::string& overridesJson) {
  if (!gBase) return noCatalog();
  versus::Overrides overrides;
  std::vector<Problem> problems;
  if (!readArgument(overridesJson, "overrides", overrides, problems))
    return failure(firstProblem("the custom prices", problems), problems);
  if (overrides.empty()) {
    gOverlaid.reset();
    return success({{"prices", 0}, {"models", 0}});
  }
  std::optional<versus::Catalog> overlaid = versus::applyOverrides(*gBase, overrides, problems);
  if (!overlaid) return failure(firstProblem("the custom prices", problems), problems);
  gOverlaid = std::move(overlaid);
  return success({{"prices", overrides.prices.size()}, {"models", overrides.models.size()}});
}

std::string compare(const std::string& modelsJson, const std::string& workloadJson) {
  if (!catalog()) return noCatalog();
  std::vector<std::string> names;
  versus::Workload w;
  std::vector<Problem> problems;
  bool ok = readArgument(modelsJson, "models", names, problems);
  ok = readArgument(workloadJson, "workload", w, problems) && ok;
  if (!ok) return failure(firstProblem("the question", problems), problems);
  return versus::answerCompareMany(*catalog(), names, w).dump();
}

std::string model(const std::string& id, const std::string& workloadJson) {
  if (!catalog()) return noCatalog();
  versus::Workload w;
  std::vector<Problem> problems;
  if (!readArgument(workloadJson, "workload", w, problems))
    return failure(firstProblem("the workload", problems), problems);
  return versus::answerModel(*catalog(), id, w).dump();
}

std::string rank(const std::string& workloadJson, const std::string& filterJson, int limit) {
  if (!catalog()) return noCatalog();
  versus::Workload w;
  versus::RankFilter f;
  std::vector<Problem> problems;
  bool ok = readArgument(workloadJson, "workload", w, problems);
  ok = readArgument(filterJson, "filter", f, problems) && ok;
  if (ok) {
    for (Problem p : versus::validateWorkload(w))
      problems.push_back({"workload." + p.path, p.message});
    for (Problem p : versus::validateFilter(*catalog(), f))
      problems.push_back({"filter." + p.path, p.message});
  }
  if (!problems.empty()) return failure(firstProblem("the ranking", problems), problems);
  size_t n = limit > 0 ? static_cast<size_t>(limit) : 50;
  return success(versus::rankJson(*catalog(), w, f, n));
}

std::string search(const std::string& query, int limit) {
  if (!catalog()) return noCatalog();
  size_t n = limit > 0 ? static_cast<size_t>(limit) : 10;
  return success(versus::searchJson(*catalog(), query, n));
}

// [{"model", "provider"?, "inputTokens", "outputTokens"}, …] → {"prices": [USD|null…], "unresolved", "reasons"}.
std::string priceBatch(const std::string& recordsJson) {
  if (!catalog()) return noCatalog();
  std::vector<versus::PriceRecord> records;
  std::vector<Problem> problems;
  if (!readArgument(recordsJson, "records", records, problems))
    return failure(firstProblem("the records", problems), problems);
  return success(versus::priceRecordsJson(*catalog(), records));
}

// The URL hash → {"models", "workload", "problems"}; never fails (bad values keep their defaults).
std::string parseState(const std::string& hash) { return success(versus::parseUrlState(hash)); }

// {"models", "workload"} → the canonical hash, "#a=…&b=…".
std::string formatState(const std::string& stateJson) {
  versus::UrlState state;
  std::vector<Problem> problems;
  Json j = Json::parse(stateJson, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return failure("the state is not valid JSON");
  versus::JsonReader r(j, "state", problems);
  if (r.expectObject()) {
    r.optional("models", state.models);
    r.optional("workload", state.workload);
  }
  if (!problems.empty()) return failure(firstProblem("the state", problems), problems);
  return success(versus::formatUrlState(state));
}

}  // namespace

EMSCRIPTEN_BINDINGS(versus) {
  emscripten::function("loadCatalog", &loadCatalog);
  emscripten::function("setOverrides", &setOverrides);
  emscripten::function("compare", &compare);
  emscripten::function("model", &model);
  emscripten::function("rank", &rank);
  emscripten::function("search", &search);
  emscripten::function("priceBatch", &priceBatch);
  emscripten::function("parseState", &parseState);
  emscripten::function("formatState", &formatState);
}
