// The engine as the page sees it (see engine.hpp): every question and answer as JSON text in an
// envelope, and the state between calls (the catalog, the visitor's prices, the stream pricer).
#include "engine.hpp"

#include <algorithm>

#include "catalog_pack.hpp"
#include "compare.hpp"
#include "limits.hpp"
#include "rank.hpp"
#include "search.hpp"
#include "url_state.hpp"

namespace versus {

namespace {

std::string failure(const std::string& message, const std::vector<Problem>& problems = {}) {
  Json j{{"ok", false}, {"error", message}};
  if (!problems.empty()) j["problems"] = problems;
  return dumpJson(j);
}

std::string success(Json result) {
  return dumpJson(Json{{"ok", true}, {"result", std::move(result)}});
}

std::string noCatalog() { return failure("no catalog is loaded: call loadCatalog first"); }

std::string firstProblem(const std::string& what, const std::vector<Problem>& problems) {
  return what + " has " + std::to_string(problems.size()) + " problem" +
         (problems.size() == 1 ? "" : "s") + "; first: " + describe(problems.front());
}

// A question about models: their names (a JSON array) and a workload (JSON). The answer of `answer`
// (names, workload) when both read, else the problems.
template <class Answer>
std::string askAboutModels(const Catalog* catalog, const std::string& modelsJson,
                           const std::string& workloadJson, Answer answer) {
  if (!catalog) return noCatalog();
  std::vector<std::string> names;
  Workload w;
  std::vector<Problem> problems;
  bool ok = readJsonText(modelsJson, "models", names, problems);
  ok = readJsonText(workloadJson, "workload", w, problems) && ok;
  if (!ok) return failure(firstProblem("the question", problems), problems);
  return answer(names, w);
}

}  // namespace

const Catalog* Engine::catalog() const {
  return overlaid_ ? &*overlaid_ : base_ ? &*base_ : nullptr;
}

std::string Engine::loadCatalog(const std::string& text) {
  return useCatalog(versus::loadCatalog(text));
}

// The same from a catalog pack (versus pack): JS passes its bytes as a Uint8Array or ArrayBuffer.
std::string Engine::loadCatalogPack(const std::string& bytes) {
  return useCatalog(versus::loadCatalogPack(bytes));
}

// Makes a valid catalog the loaded one → {models, providers, offers, generated}; else its problems.
std::string Engine::useCatalog(LoadResult loaded) {
  if (!loaded.catalog)
    return failure(firstProblem("the catalog", loaded.problems), loaded.problems);
  base_ = std::move(loaded.catalog);
  overlaid_.reset();
  pricer_.forget();
  return success({{"models", base_->models.size()},
                  {"providers", base_->providers.size()},
                  {"offers", base_->offers.size()},
                  {"generated", base_->generated}});
}

std::string Engine::setOverrides(const std::string& overridesJson) {
  if (!base_) return noCatalog();
  Overrides overrides;
  std::vector<Problem> problems;
  if (!readJsonText(overridesJson, "overrides", overrides, problems))
    return failure(firstProblem("the custom prices", problems), problems);
  if (overrides.empty()) {
    overlaid_.reset();
    pricer_.forget();
    return success({{"prices", 0}, {"models", 0}, {"privateIds", Json::array()}});
  }
  std::optional<Catalog> overlaid = applyOverrides(*base_, overrides, problems);
  if (!overlaid) return failure(firstProblem("the custom prices", problems), problems);
  overlaid_ = std::move(overlaid);
  pricer_.forget();
  Json privateIds = Json::array();
  for (const PrivateModel& m : overrides.models) privateIds.push_back(privateModelId(m.name));
  return success({{"prices", overrides.prices.size()},
                  {"models", overrides.models.size()},
                  {"privateIds", std::move(privateIds)}});
}

std::string Engine::compare(const std::string& modelsJson, const std::string& workloadJson) {
  return askAboutModels(catalog(), modelsJson, workloadJson,
                        [this](const auto& names, const auto& w) -> std::string {
                          return dumpJson(answerCompareMany(*catalog(), names, w));
                        });
}

// Two names → the pair's figures only (pairFiguresJson): what the page redraws while an
// input moves.
std::string Engine::pairFigures(const std::string& modelsJson, const std::string& workloadJson) {
  return askAboutModels(catalog(), modelsJson, workloadJson,
                        [this](const auto& names, const auto& w) -> std::string {
                          if (names.size() != 2) {
                            std::vector<Problem> problems{{"models", "must name two models"}};
                            return failure(firstProblem("the question", problems), problems);
                          }
                          return dumpJson(answerPairFigures(*catalog(), names[0], names[1], w));
                        });
}

std::string Engine::model(const std::string& id, const std::string& workloadJson) {
  if (!catalog()) return noCatalog();
  Workload w;
  std::vector<Problem> problems;
  if (!readJsonText(workloadJson, "workload", w, problems))
    return failure(firstProblem("the workload", problems), problems);
  return dumpJson(answerModel(*catalog(), id, w));
}

std::string Engine::rank(const std::string& workloadJson, const std::string& filterJson,
                         int limit) {
  if (!catalog()) return noCatalog();
  Workload w;
  RankFilter f;
  std::vector<Problem> problems;
  bool ok = readJsonText(workloadJson, "workload", w, problems);
  ok = readJsonText(filterJson, "filter", f, problems) && ok;
  if (ok) {
    for (Problem p : validateWorkload(w)) problems.push_back({"workload." + p.path, p.message});
    for (Problem p : validateFilter(*catalog(), f))
      problems.push_back({"filter." + p.path, p.message});
  }
  if (!problems.empty()) return failure(firstProblem("the ranking", problems), problems);
  size_t n = limit > 0 ? static_cast<size_t>(limit) : 50;
  return success(rankJson(*catalog(), w, f, n));
}

// "Continue comparing": a model's nearest rivals, never those in `excludeJson` (an array of ids).
std::string Engine::rivals(const std::string& id, const std::string& excludeJson) {
  if (!catalog()) return noCatalog();
  std::vector<std::string> exclude;
  std::vector<Problem> problems;
  if (!readJsonText(excludeJson, "exclude", exclude, problems))
    return failure(firstProblem("the models to leave out", problems), problems);
  return success(rivalsJson(suggestRivals(*catalog(), id, exclude)));
}

// A typed model name → {id, name, guess, also, note?}, or an error naming what comes closest.
std::string Engine::resolve(const std::string& query) {
  if (!catalog()) return noCatalog();
  Resolution r = resolveModelName(*catalog(), query);
  if (!r.model) return failure(r.error);
  return success(resolutionJson(r, query));
}

std::string Engine::search(const std::string& query, int limit) {
  if (!catalog()) return noCatalog();
  size_t n = limit > 0 ? static_cast<size_t>(limit) : 10;
  return success(searchJson(*catalog(), query, n));
}

std::string Engine::prepareSearch(int count) {
  if (!catalog()) return noCatalog();
  size_t left = catalog()->prepareSearchNames(count > 0 ? static_cast<size_t>(count) : 0);
  return success(Json{{"left", left}});
}

// [{"model", "provider"?, "inputTokens", "outputTokens"}, …] → {"prices": [USD|null…],
// "unresolved", "reasons"}.
std::string Engine::priceBatch(const std::string& recordsJson) {
  if (!catalog()) return noCatalog();
  std::vector<PriceRecord> records;
  std::vector<Problem> problems;
  if (!readJsonText(recordsJson, "records", records, problems))
    return failure(firstProblem("the records", problems), problems);
  return success(priceRecordsJson(*catalog(), records));
}

// The fast path of the stream pricer (web/versus.js priceRecords): priceInput(count) → a
// Float64Array view with room for `count` records of 3 numbers (key, inputTokens, outputTokens), or
// null when count is outside 0..2^20; the view is valid until the next call. Fill it, then call
// pricePacked.
std::optional<std::span<double>> Engine::priceInput(int count) {
  if (count < 0 || count > kMaxPackedRecords) return std::nullopt;
  priceInput_.resize(static_cast<size_t>(count) * RecordPricer::kFields);
  return std::span<double>(priceInput_);
}

// keysJson: the (name, provider) pairs new since key `firstKey`, ["name", "provider", …] ("" for
// none). Prices the first `count` records of priceInput → {"unresolved", "reasons": [{"index",
// "message"}]}, indices and problem paths counted from `base`; the prices are then in
// priceOutput().
std::string Engine::pricePacked(const std::string& keysJson, int firstKey, int count, int base) {
  if (!catalog()) return noCatalog();
  if (firstKey < 0 || count < 0 || base < 0 ||
      static_cast<size_t>(count) * RecordPricer::kFields > priceInput_.size())
    return failure("the packed records do not fit: call priceInput(count) first");
  std::vector<Problem> problems;
  if (!pricer_.addKeys(keysJson, static_cast<size_t>(firstKey), problems))
    return failure(firstProblem("the record keys", problems), problems);
  priceOutput_.resize(static_cast<size_t>(count));
  PricedRecords priced;
  std::span<const double> records(priceInput_.data(), priceOutput_.size() * RecordPricer::kFields);
  if (!pricer_.price(*catalog(), records, static_cast<size_t>(base), priceOutput_, priced,
                     problems))
    return failure(firstProblem("the records", problems), problems);
  return success(toJson(priced));
}

// The prices of the last pricePacked call as a Float64Array view (NaN: unknown); valid until the
// next call.
std::span<const double> Engine::priceOutput() const { return priceOutput_; }

// What filters and pickers list: {"benchmarks": [{"id", "name", "unit", "higherIsBetter"}],
// "providers":
// [{"id", "name"}] by name} — so that the page need not fetch the catalog a second time to read
// them.
std::string Engine::catalogLists() {
  if (!catalog()) return noCatalog();
  Json benchmarks = Json::array(), providers = Json::array();
  for (const Benchmark& b : catalog()->benchmarks)
    benchmarks.push_back(
        {{"id", b.id}, {"name", b.name}, {"unit", b.unit}, {"higherIsBetter", b.higherIsBetter}});
  std::vector<const Provider*> byName;
  for (const Provider& p : catalog()->providers) byName.push_back(&p);
  std::stable_sort(byName.begin(), byName.end(), [](const auto* x, const auto* y) {
    return toLower(x->name) < toLower(y->name);
  });
  for (const Provider* p : byName) providers.push_back({{"id", p->id}, {"name", p->name}});
  return success({{"benchmarks", std::move(benchmarks)},
                  {"providers", std::move(providers)},
                  {"regions", catalogRegions(*catalog())}});
}

// The engine's limits and defaults (see limits.hpp); needs no catalog.
std::string Engine::limits() const { return success(engineLimits()); }

// The URL hash → {"models", "workload", "problems"}; never fails (bad values keep their defaults).
std::string Engine::parseState(const std::string& hash) const {
  return success(parseUrlState(hash));
}

// A state (parseState's shape) → the canonical hash; a value the hash would refuse is a problem.
std::string Engine::formatState(const std::string& stateJson) {
  UrlState state;
  std::vector<Problem> problems;
  if (!readJsonText(stateJson, "state", state, problems))
    return failure(firstProblem("the state", problems), problems);
  std::string hash = formatUrlState(state);
  UrlState back = parseUrlState(hash);
  if (!back.problems.empty())
    return failure(firstProblem("the state", back.problems), back.problems);
  return success(hash);
}

}  // namespace versus
