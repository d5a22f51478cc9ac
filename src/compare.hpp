// Questions the engine answers, as the JSON documented in docs/engine-api.md: one model in view,
// and two models side by side.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "pricing.hpp"
#include "prose.hpp"

namespace versus {

// How two prices relate, worded correctly: "98.6% cheaper", "74.1× the price", "7,307% more".
struct PriceGap {
  int cheaper = -1;                            // 0 or 1; -1 when equal or unknown
  std::optional<double> ratio;                 // expensive ÷ cheap; unknown when cheap is 0
  std::optional<double> percentCheaper;        // (exp − cheap) ÷ exp × 100
  std::optional<double> percentMoreExpensive;  // (exp − cheap) ÷ cheap × 100
};
PriceGap priceGap(std::optional<double> a, std::optional<double> b);

struct BenchmarkGap {
  const Benchmark* benchmark = nullptr;
  double a = 0, b = 0;
  double gap = 0;   // b − a, in the benchmark's points
  int leader = -1;  // 0 or 1 by the benchmark's direction; -1 on a tie
};
// Benchmarks both models have, in catalog order.
std::vector<BenchmarkGap> sharedBenchmarks(const Catalog& c, const Model& a, const Model& b);
// The shared benchmark with the largest absolute gap.
std::optional<BenchmarkGap> largestGap(const std::vector<BenchmarkGap>& gaps);

struct ProviderOverlap {
  std::vector<const Provider*> shared, onlyA, onlyB;  // live offers only
};
ProviderOverlap providerOverlap(const Catalog& c, const Model& a, const Model& b);

// The answer of `versus model` / `model()`: the model's view, facts and prices.
Json modelJson(const Catalog& c, const Model& m, const Workload& w);
// The answer of `versus compare` / `compare()`.
Json compareJson(const Catalog& c, const Model& a, const Model& b, const Workload& w);
// The pair's facts its prose and verdict are written from (prose.hpp), from compareJson's prices.
prose::PairFacts pairFacts(const Catalog& c, const Model& a, const Model& b, const Workload& w);
// The part of compareJson a pair's figures are drawn from: "workload", "models" (each without its
// "offers") and "price"; the same values, a fraction of the work (no offer list, tables or prose).
Json pairFiguresJson(const Catalog& c, const Model& a, const Model& b, const Workload& w);

// Three to six models side by side: one row per spec, capability, benchmark and provider.
Json compareManyJson(const Catalog& c, const std::vector<const Model*>& models, const Workload& w);

inline constexpr size_t kMaxCompared = 6;

// The questions from names a person typed, with errors as a value: {"ok", "result" | "error"}.
Json answerModel(const Catalog& c, std::string_view name, const Workload& w);
Json answerCompare(const Catalog& c, std::string_view a, std::string_view b, const Workload& w);
Json answerPairFigures(const Catalog& c, std::string_view a, std::string_view b, const Workload& w);
// Two names: the pair answer (compareJson); three to six: compareManyJson.
Json answerCompareMany(const Catalog& c, const std::vector<std::string>& names, const Workload& w);

}  // namespace versus
