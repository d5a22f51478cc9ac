// Embind bindings: a few functions taking plain values (strings, numbers; a workload or filter as
// JSON text) and returning a JSON string envelope {"ok": true, "result": …} or
// {"ok": false, "error": "…", "problems"?: […]}. The module is built without C++ exception support
// (see CMakeLists.txt): the core validates every input before it reads it, so nothing here throws.
// The ES module web/versus.js wraps these.
#include <emscripten/bind.h>

#include <algorithm>
#include <optional>

#include "catalog_pack.hpp"
#include "compare.hpp"
#include "limits.hpp"
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
// The stream pricer's interned record keys and what they resolve to: forgotten (keys kept) whenever
// the catalog or the visitor's prices change. Packed records go in and prices come out through two
// buffers that JS reads and writes as Float64Array views.
versus::RecordPricer gPricer;
std::vector<double> gPriceInput, gPriceOutput;
constexpr int kMaxPackedRecords = 1 << 20;

const versus::Catalog* catalog() { return gOverlaid ? &*gOverlaid : gBase ? &*gBase : nullptr; }

std::string failure(const std::string& message, const std::vector<Problem>& problems = {}) {
  Json j{{"ok", false}, {"error", message}};
  if (!problems.empty()) j["problems"] = problems;
  return versus::dumpJson(j);
}

std::string success(Json result) {
  return versus::dumpJson(Json{{"ok", true}, {"result", std::move(result)}});
}

std::string noCatalog() { return failure("no catalog is loaded: call loadCatalog first"); }

std::string firstProblem(const std::string& what, const std::vector<Problem>& problems) {
  return what + " has " + std::to_string(problems.size()) + " problem" +
         (problems.size() == 1 ? "" : "s") + "; first: " + versus::describe(problems.front());
}

std::string useCatalog(versus::LoadResult loaded);

std::string loadCatalog(const std::string& text) { return useCatalog(versus::loadCatalog(text)); }

// The same from a catalog pack (versus pack): JS passes its bytes as a Uint8Array or ArrayBuffer.
std::string loadCatalogPack(const std::string& bytes) {
  return useCatalog(versus::loadCatalogPack(bytes));
}

// Makes a valid catalog the loaded one → {models, providers, offers, generated}; else its problems.
std::string useCatalog(versus::LoadResult loaded) {
  if (!loaded.catalog)
    return failure(firstProblem("the catalog", loaded.problems), loaded.problems);
  gBase = std::move(loaded.catalog);
  gOverlaid.reset();
  gPricer.forget();
  return success({{"models", gBase->models.size()},
                  {"providers", gBase->providers.size()},
                  {"offers", gBase->offers.size()},
                  {"generated", gBase->generated}});
}

std::string setOverrides(const std::string& overridesJson) {
  if (!gBase) return noCatalog();
  versus::Overrides overrides;
  std::vector<Problem> problems;
  if (!versus::readJsonText(overridesJson, "overrides", overrides, problems))
    return failure(firstProblem("the custom prices", problems), problems);
  if (overrides.empty()) {
    gOverlaid.reset();
    gPricer.forget();
    return success({{"prices", 0}, {"models", 0}, {"privateIds", Json::array()}});
  }
  std::optional<versus::Catalog> overlaid = versus::applyOverrides(*gBase, overrides, problems);
  if (!overlaid) return failure(firstProblem("the custom prices", problems), problems);
  gOverlaid = std::move(overlaid);
  gPricer.forget();
  Json privateIds = Json::array();
  for (const versus::PrivateModel& m : overrides.models)
    privateIds.push_back(versus::privateModelId(m.name));
  return success({{"prices", overrides.prices.size()},
                  {"models", overrides.models.size()},
                  {"privateIds", std::move(privateIds)}});
}

// A question about models: their names (a JSON array) and a workload (JSON). The answer of `answer`
// (names, workload) when both read, else the problems.
template <class Answer>
std::string askAboutModels(const std::string& modelsJson, const std::string& workloadJson,
                           Answer answer) {
  if (!catalog()) return noCatalog();
  std::vector<std::string> names;
  versus::Workload w;
  std::vector<Problem> problems;
  bool ok = versus::readJsonText(modelsJson, "models", names, problems);
  ok = versus::readJsonText(workloadJson, "workload", w, problems) && ok;
  if (!ok) return failure(firstProblem("the question", problems), problems);
  return answer(names, w);
}

std::string compare(const std::string& modelsJson, const std::string& workloadJson) {
  return askAboutModels(modelsJson, workloadJson,
                        [](const auto& names, const auto& w) -> std::string {
                          return versus::dumpJson(versus::answerCompareMany(*catalog(), names, w));
                        });
}

// Two names → the pair's figures only (versus::pairFiguresJson): what the page redraws while an
// input moves.
std::string pairFigures(const std::string& modelsJson, const std::string& workloadJson) {
  return askAboutModels(
      modelsJson, workloadJson, [](const auto& names, const auto& w) -> std::string {
        if (names.size() != 2) {
          std::vector<Problem> problems{{"models", "must name two models"}};
          return failure(firstProblem("the question", problems), problems);
        }
        return versus::dumpJson(versus::answerPairFigures(*catalog(), names[0], names[1], w));
      });
}

std::string model(const std::string& id, const std::string& workloadJson) {
  if (!catalog()) return noCatalog();
  versus::Workload w;
  std::vector<Problem> problems;
  if (!versus::readJsonText(workloadJson, "workload", w, problems))
    return failure(firstProblem("the workload", problems), problems);
  return versus::dumpJson(versus::answerModel(*catalog(), id, w));
}

std::string rank(const std::string& workloadJson, const std::string& filterJson, int limit) {
  if (!catalog()) return noCatalog();
  versus::Workload w;
  versus::RankFilter f;
  std::vector<Problem> problems;
  bool ok = versus::readJsonText(workloadJson, "workload", w, problems);
  ok = versus::readJsonText(filterJson, "filter", f, problems) && ok;
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

// "Continue comparing": a model's nearest rivals, never those in `excludeJson` (an array of ids).
std::string rivals(const std::string& id, const std::string& excludeJson) {
  if (!catalog()) return noCatalog();
  std::vector<std::string> exclude;
  std::vector<Problem> problems;
  if (!versus::readJsonText(excludeJson, "exclude", exclude, problems))
    return failure(firstProblem("the models to leave out", problems), problems);
  return success(versus::rivalsJson(versus::suggestRivals(*catalog(), id, exclude)));
}

// A typed model name → {id, name, guess, also, note?}, or an error naming what comes closest.
std::string resolve(const std::string& query) {
  if (!catalog()) return noCatalog();
  versus::Resolution r = versus::resolveModelName(*catalog(), query);
  if (!r.model) return failure(r.error);
  return success(versus::resolutionJson(r, query));
}

std::string search(const std::string& query, int limit) {
  if (!catalog()) return noCatalog();
  size_t n = limit > 0 ? static_cast<size_t>(limit) : 10;
  return success(versus::searchJson(*catalog(), query, n));
}

// [{"model", "provider"?, "inputTokens", "outputTokens"}, …] → {"prices": [USD|null…],
// "unresolved", "reasons"}.
std::string priceBatch(const std::string& recordsJson) {
  if (!catalog()) return noCatalog();
  std::vector<versus::PriceRecord> records;
  std::vector<Problem> problems;
  if (!versus::readJsonText(recordsJson, "records", records, problems))
    return failure(firstProblem("the records", problems), problems);
  return success(versus::priceRecordsJson(*catalog(), records));
}

// The fast path of the stream pricer (web/versus.js priceRecords): priceInput(count) → a
// Float64Array view with room for `count` records of 3 numbers (key, inputTokens, outputTokens), or
// null when count is outside 0..2^20; the view is valid until the next call. Fill it, then call
// pricePacked.
emscripten::val priceInput(int count) {
  if (count < 0 || count > kMaxPackedRecords) return emscripten::val::null();
  gPriceInput.resize(static_cast<size_t>(count) * versus::RecordPricer::kFields);
  return emscripten::val(emscripten::typed_memory_view(gPriceInput.size(), gPriceInput.data()));
}

// keysJson: the (name, provider) pairs new since key `firstKey`, ["name", "provider", …] ("" for
// none). Prices the first `count` records of priceInput → {"unresolved", "reasons": [{"index",
// "message"}]}, indices and problem paths counted from `base`; the prices are then in
// priceOutput().
std::string pricePacked(const std::string& keysJson, int firstKey, int count, int base) {
  if (!catalog()) return noCatalog();
  if (firstKey < 0 || count < 0 || base < 0 ||
      static_cast<size_t>(count) * versus::RecordPricer::kFields > gPriceInput.size())
    return failure("the packed records do not fit: call priceInput(count) first");
  std::vector<Problem> problems;
  if (!gPricer.addKeys(keysJson, static_cast<size_t>(firstKey), problems))
    return failure(firstProblem("the record keys", problems), problems);
  gPriceOutput.resize(static_cast<size_t>(count));
  versus::PricedRecords priced;
  std::span<const double> records(gPriceInput.data(),
                                  gPriceOutput.size() * versus::RecordPricer::kFields);
  if (!gPricer.price(*catalog(), records, static_cast<size_t>(base), gPriceOutput, priced,
                     problems))
    return failure(firstProblem("the records", problems), problems);
  return success(versus::toJson(priced));
}

// The prices of the last pricePacked call as a Float64Array view (NaN: unknown); valid until the
// next call.
emscripten::val priceOutput() {
  return emscripten::val(emscripten::typed_memory_view(gPriceOutput.size(), gPriceOutput.data()));
}

// What filters and pickers list: {"benchmarks": [{"id", "name", "unit", "higherIsBetter"}],
// "providers":
// [{"id", "name"}] by name} — so that the page need not fetch the catalog a second time to read
// them.
std::string catalogLists() {
  if (!catalog()) return noCatalog();
  Json benchmarks = Json::array(), providers = Json::array();
  for (const versus::Benchmark& b : catalog()->benchmarks)
    benchmarks.push_back(
        {{"id", b.id}, {"name", b.name}, {"unit", b.unit}, {"higherIsBetter", b.higherIsBetter}});
  std::vector<const versus::Provider*> byName;
  for (const versus::Provider& p : catalog()->providers) byName.push_back(&p);
  std::stable_sort(byName.begin(), byName.end(), [](const auto* x, const auto* y) {
    return versus::toLower(x->name) < versus::toLower(y->name);
  });
  for (const versus::Provider* p : byName) providers.push_back({{"id", p->id}, {"name", p->name}});
  return success({{"benchmarks", std::move(benchmarks)}, {"providers", std::move(providers)}});
}

// The engine's limits and defaults (see limits.hpp); needs no catalog.
std::string limits() { return success(versus::engineLimits()); }

// The URL hash → {"models", "workload", "problems"}; never fails (bad values keep their defaults).
std::string parseState(const std::string& hash) { return success(versus::parseUrlState(hash)); }

// A state (parseState's shape) → the canonical hash; a value the hash would refuse is a problem.
std::string formatState(const std::string& stateJson) {
  versus::UrlState state;
  std::vector<Problem> problems;
  if (!versus::readJsonText(stateJson, "state", state, problems))
    return failure(firstProblem("the state", problems), problems);
  std::string hash = versus::formatUrlState(state);
  versus::UrlState back = versus::parseUrlState(hash);
  if (!back.problems.empty())
    return failure(firstProblem("the state", back.problems), back.problems);
  return success(hash);
}

}  // namespace

EMSCRIPTEN_BINDINGS(versus) {
  emscripten::function("loadCatalog", &loadCatalog);
  emscripten::function("loadCatalogPack", &loadCatalogPack);
  emscripten::function("setOverrides", &setOverrides);
  emscripten::function("compare", &compare);
  emscripten::function("pairFigures", &pairFigures);
  emscripten::function("model", &model);
  emscripten::function("rank", &rank);
  emscripten::function("search", &search);
  emscripten::function("resolve", &resolve);
  emscripten::function("rivals", &rivals);
  emscripten::function("priceBatch", &priceBatch);
  emscripten::function("priceInput", &priceInput);
  emscripten::function("pricePacked", &pricePacked);
  emscripten::function("priceOutput", &priceOutput);
  emscripten::function("catalogLists", &catalogLists);
  emscripten::function("parseState", &parseState);
  emscripten::function("formatState", &formatState);
  emscripten::function("limits", &limits);
}
