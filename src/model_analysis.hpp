// The single-model analysis (seed page 004): intelligence index, speed, latency, prices (cheapest
// and median across providers), blended 3:1 price, end-to-end time for 500 output tokens, context
// window in A4 pages, provider count, each metric labelled against its peer class's median, and
// a summary in prose. docs/prose.md lists the fields and the peer-class rules.
#pragma once

#include <optional>

#include "catalog.hpp"
#include "pricing.hpp"
#include "routes.hpp"

namespace versus {

// Tokens on one A4 page of 12 pt Arial: seed 004 shows 128k tokens as "≈ 192 A4 pages"
// (128000 / 192 ≈ 667).
inline constexpr double kTokensPerA4Page = 667;
// Output tokens of the end-to-end response-time figure.
inline constexpr double kEndToEndOutputTokens = 500;

// The peer-class rules of seed 004.
enum class SizeClass { Tiny, Small, Medium, Large };  // ≤ 4B, 4–40B, 40–150B, > 150B
enum class PriceClass { Low, Mid, High };             // blended 3:1 < $0.15, ≤ $1, > $1
SizeClass sizeClassOf(double parametersBillions);
PriceClass priceClassOf(double blended31);
// (3 · input + output) / 4 per 1M tokens.
inline double blended31(double input, double output) { return (3 * input + output) / 4; }

// The median of live, priced offers' prices; cheapest route's input and output.
struct OfferPrices {
  int liveRoutes = 0, pricedRoutes = 0, providers = 0;
  std::optional<double> medianInput, medianOutput, cheapestInput, cheapestOutput;
  const Offer* cheapestInputOffer = nullptr;
  const Offer* cheapestOutputOffer = nullptr;
};
OfferPrices offerPrices(const Catalog& c, const Model& m);
// The same from the model's offers and their judgement (judgeRoutes), when the caller has them.
OfferPrices offerPrices(const Catalog& c, const Model& m, const std::vector<const Offer*>& offers,
                        const RouteJudgement& judged);

// TTFT + reasoning time + 500 / output speed, in seconds. Reasoning time is 0 for a model known
// not to reason; unknown (nullopt) when it reasons or may reason and no reasoning time is sourced.
std::optional<double> endToEndSeconds(const Model& m, double outputTokens = kEndToEndOutputTokens);

// The analysis of one model. `w` is accepted so the answer carries the visitor's workload (the
// ratio does not change the 3:1 figures, which are fixed by definition). Peer classes are computed
// from the whole catalog on every call: one pass over the offers and one over the models
// (O(models + offers)), no cache.
Json modelAnalysis(const Catalog& c, const Model& m, const Workload& w);

}  // namespace versus
