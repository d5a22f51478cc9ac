// The engine as the page, the widget and the tools see it: one object holding the state between
// calls (the loaded catalog, the visitor's prices laid over it, the stream pricer's keys) and
// answering each question with plain values in and a JSON envelope out:
//   {"ok": true, "result": …} or {"ok": false, "error": "…", "problems"?: [{path, message}]}.
// src/wasm/bindings.cpp only declares these for embind (like manifold's bindings/wasm/), so every
// rule here is reached by the native tests (tests/engine_test.cpp). docs/engine-api.md lists the
// answers.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "price_records.hpp"

namespace versus {

class Engine {
 public:
  static constexpr int kMaxPackedRecords = 1 << 20;

  // A valid catalog replaces the loaded one (and drops the visitor's prices); an invalid one
  // leaves it as it was → {models, providers, offers, generated} or the problems.
  std::string loadCatalog(const std::string& text);
  std::string loadCatalogPack(const std::string& bytes);  // a catalog pack (versus pack)
  // The visitor's prices over the loaded catalog ("" or an empty set: none) → {prices, models,
  // privateIds}.
  std::string setOverrides(const std::string& overridesJson);

  std::string compare(const std::string& modelsJson, const std::string& workloadJson);
  std::string pairFigures(const std::string& modelsJson, const std::string& workloadJson);
  std::string model(const std::string& id, const std::string& workloadJson);
  std::string rank(const std::string& workloadJson, const std::string& filterJson, int limit);
  std::string rivals(const std::string& id, const std::string& excludeJson);
  std::string resolve(const std::string& query);
  std::string search(const std::string& query, int limit);
  // Prepares the search names of up to `count` more models (Catalog::prepareSearchNames), so that
  // the first search does not pay for it → {"left": models still unprepared}.
  std::string prepareSearch(int count);
  std::string catalogLists();
  std::string limits() const;
  std::string parseState(const std::string& hash) const;
  std::string formatState(const std::string& stateJson);

  // The stream pricer: records of RecordPricer::kFields numbers go into priceInput(count) (null
  // when count is outside 0..kMaxPackedRecords; valid until the next call), pricePacked prices
  // them, priceOutput() holds the prices (NaN: unknown).
  std::string priceBatch(const std::string& recordsJson);
  std::optional<std::span<double>> priceInput(int count);
  std::string pricePacked(const std::string& keysJson, int firstKey, int count, int base);
  std::span<const double> priceOutput() const;

 private:
  std::string useCatalog(LoadResult loaded);
  const Catalog* catalog() const;  // the overlaid catalog when there are visitor's prices

  std::optional<Catalog> base_;      // the loaded catalog; replaced only by a valid one
  std::optional<Catalog> overlaid_;  // base_ with the visitor's prices, when there are any
  // Interned record keys and what they resolve to: forgotten (keys kept) whenever the catalog or
  // the visitor's prices change.
  RecordPricer pricer_;
  std::vector<double> priceInput_, priceOutput_;
};

}  // namespace versus
