// Break-even answers for a workload (issue 17): when caching pays, what batch saves, and where two
// models' bills meet. Each is a figure and the sentence the page and the CLI show as it is.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "catalog.hpp"
#include "pricing.hpp"
#include "reasoning.hpp"

namespace versus {

// How many cache reads pay for one cache write at an offer's standard prices (the workload's cache
// lifetime picks the 5-minute or 1-hour write price): the write's premium over plain input,
// divided by what each read saves. 0 when a write costs no more than input; none when the offer
// lists no cache-read price or reading from cache saves nothing.
struct CacheBreakEven {
  std::optional<double> readsPerWrite;
  double input = 0, read = 0, write = 0;  // USD per 1M
  std::string sentence;
};
CacheBreakEven cacheBreakEven(const Offer& offer, const Workload& w);

// What the month would save at an offer if every request went through batch, and what the
// workload's batch share saves now; none when the offer lists no batch price.
struct BatchSaving {
  std::optional<double> allBatch, current;  // USD a month
  std::string sentence;
};
BatchSaving batchSaving(const Offer& offer, const Workload& w, double reasoningRatio);

// Where two models' bills (each at its headline route, which may change) meet as one workload
// figure moves: the cache hit rate (0 to all input not written to cache) and the output tokens per
// request (0 to 100,000). None when one stays cheaper over the whole range. Requests scale both
// bills alike (per-token prices and per-request fees, no monthly fees), so there is no volume at
// which one overtakes the other; `volume` says so.
struct Crossover {
  std::optional<double> cacheHitRate, outputTokens;
  int cheaperAbove[2] = {-1, -1};  // 0 (a) or 1 (b): cheaper above each crossing
  std::string volume;
  std::vector<std::string> sentences;
};
Crossover crossover(const Catalog& c, const ReasoningTable& reasoning, const Model& a,
                    const Model& b, const Workload& w);

void to_json(Json& j, const CacheBreakEven& x);
void to_json(Json& j, const BatchSaving& x);
void to_json(Json& j, const Crossover& x);

}  // namespace versus
