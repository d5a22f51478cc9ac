#include "break_even.hpp"

#include <cmath>

#include "format.hpp"
#include "routes.hpp"

namespace versus {

namespace {

Json nullable(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

CacheBreakEven cacheBreakEven(const Offer& offer, const Workload& w) {
  CacheBreakEven x;
  if (!isPriced(offer)) return x;
  const Price& p = *offer.price;
  x.input = *p.input;
  bool hour = w.cacheLifetime == "1h" && p.cacheWrite1h;
  x.write = hour ? *p.cacheWrite1h : p.cacheWrite.value_or(*p.input);
  std::string lifetime = hour ? "1-hour" : "5-minute";
  if (!p.cacheRead) {
    x.sentence = "No cache-read price is listed, so caching cannot be priced.";
    return x;
  }
  x.read = *p.cacheRead;
  double saving = x.input - x.read, premium = x.write - x.input;
  if (saving <= 0) {
    x.sentence = "Reading from cache costs no less than plain input here, so caching never pays.";
  } else if (!hour && !p.cacheWrite) {
    // No write price: the bill assumes writes cost plain input (its assumptions say so).
    x.readsPerWrite = 0;
    x.sentence =
        "No cache-write price is listed at this route, so writes are billed as plain input: on "
        "that assumption caching pays from the first read (each saves " +
        formatUsd(saving) + " per 1M tokens).";
  } else if (premium <= 0) {
    x.readsPerWrite = 0;
    x.sentence =
        "Caching pays from the first read: a cache write costs no more than plain input (" +
        formatUsd(x.write) + " vs " + formatUsd(x.input) + " per 1M tokens).";
  } else {
    x.readsPerWrite = premium / saving;
    double reads = std::ceil(*x.readsPerWrite - 1e-9);
    x.sentence = "A " + lifetime + " cache write costs " + formatUsd(x.write) + " per 1M tokens, " +
                 formatUsd(premium) + " over plain input; each read saves " + formatUsd(saving) +
                 ", so a cached prompt pays for itself once it is read " + formatNumber(reads, 0) +
                 (reads == 1 ? " time." : " times.");
  }
  return x;
}

BatchSaving batchSaving(const Offer& offer, const Workload& w, double reasoningRatio) {
  BatchSaving x;
  if (!isPriced(offer)) return x;
  if (!offer.price->batchInput || !offer.price->batchOutput) {
    x.sentence = "No batch price is listed at this route, so batch saves nothing here.";
    return x;
  }
  Workload none = w, all = w;
  none.batchShare = 0;
  all.batchShare = 1;
  std::optional<MonthlyCost> n = monthlyCostAt(offer, none, reasoningRatio),
                             a = monthlyCostAt(offer, all, reasoningRatio),
                             now = monthlyCostAt(offer, w, reasoningRatio);
  if (!n || !a || !now) return x;
  x.allBatch = n->cost - a->cost;
  x.current = n->cost - now->cost;
  x.sentence = "Sending every request through batch would save " + formatUsd(*x.allBatch) +
               " a month (" + formatUsd(a->cost) + " instead of " + formatUsd(n->cost) + ")";
  x.sentence +=
      w.batchShare > 0 ? "; the batch share set saves " + formatUsd(*x.current) + "." : ".";
  return x;
}

Crossover crossover(const Catalog& c, const ReasoningTable& reasoning, const Model& a,
                    const Model& b, const Workload& w) {
  Crossover x;
  std::vector<const Offer*> offersA = c.offersOf(a), offersB = c.offersOf(b);
  RouteJudgement ja = judgeRoutes(c, a, offersA), jb = judgeRoutes(c, b, offersB);
  // a's bill minus b's at a workload; none when either is unknown.
  auto gap = [&](const Workload& v) -> std::optional<double> {
    auto ma = headline(c, a, offersA, v, ja, reasoningRatioFor(reasoning, a, v)).monthly;
    auto mb = headline(c, b, offersB, v, jb, reasoningRatioFor(reasoning, b, v)).monthly;
    if (!ma || !mb) return std::nullopt;
    return ma->cost - mb->cost;
  };
  // The first value in [lo, hi] where the gap changes sign, by bisection (the bills are piecewise
  // linear in each figure: a crossing is found to well under a token or a basis point).
  auto meet = [&](double Workload::*member, double lo, double hi, int& cheaperAbove) {
    Workload v = w;
    v.*member = lo;
    std::optional<double> g0 = gap(v);
    v.*member = hi;
    std::optional<double> g1 = gap(v);
    if (!g0 || !g1 || (*g0 < 0) == (*g1 < 0) || *g0 == 0 || *g1 == 0)
      return std::optional<double>();
    for (int i = 0; i < 60; ++i) {
      double mid = (lo + hi) / 2;
      v.*member = mid;
      std::optional<double> g = gap(v);
      if (!g) return std::optional<double>();
      ((*g < 0) == (*g0 < 0) ? lo : hi) = mid;
    }
    cheaperAbove = *g1 < 0 ? 0 : 1;
    return std::optional<double>((lo + hi) / 2);
  };
  x.cacheHitRate = meet(&Workload::cacheHitRate, 0, 1 - w.cacheWriteRate, x.cheaperAbove[0]);
  x.outputTokens = meet(&Workload::outputTokens, 0, 100000, x.cheaperAbove[1]);
  auto name = [&](int i) { return i == 0 ? a.name : b.name; };
  if (x.cacheHitRate)
    x.sentences.push_back("The bills meet at a " + formatPercent(*x.cacheHitRate * 100) +
                          " cache hit rate: above it, " + name(x.cheaperAbove[0]) + " costs less.");
  if (x.outputTokens)
    x.sentences.push_back("The bills meet at " + formatNumber(std::round(*x.outputTokens), 0) +
                          " output tokens per request: above it, " + name(x.cheaperAbove[1]) +
                          " costs less.");
  x.volume =
      "Both bills grow in step with the number of requests (prices per token and per request, no "
      "monthly fee), so neither overtakes the other at any volume.";
  return x;
}

void to_json(Json& j, const CacheBreakEven& x) {
  j = Json{{"readsPerWrite", nullable(x.readsPerWrite)},
           {"input", x.input},
           {"read", x.read},
           {"write", x.write},
           {"sentence", x.sentence}};
}

void to_json(Json& j, const BatchSaving& x) {
  j = Json{{"allBatch", nullable(x.allBatch)},
           {"current", nullable(x.current)},
           {"sentence", x.sentence}};
}

void to_json(Json& j, const Crossover& x) {
  auto index = [](int i) { return i < 0 ? Json(nullptr) : Json(i); };
  j = Json{{"cacheHitRate", nullable(x.cacheHitRate)},
           {"cacheCheaperAbove", index(x.cheaperAbove[0])},
           {"outputTokens", nullable(x.outputTokens)},
           {"outputCheaperAbove", index(x.cheaperAbove[1])},
           {"volume", x.volume},
           {"sentences", x.sentences}};
}

}  // namespace versus
