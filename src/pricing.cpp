#include "pricing.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "format.hpp"

namespace versus {

double medianOf(std::vector<double>& v) {
  size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  double hi = v[mid];
  if (v.size() % 2 == 1) return hi;
  double lo = *std::max_element(v.begin(), v.begin() + mid);
  return (lo + hi) / 2;
}

void to_json(Json& j, const Workload& w) {
  j = Json::object();
  for (const WorkloadField& f : kWorkloadFields) j[std::string(f.name)] = w.*f.member;
  j["allRoutes"] = w.allRoutes;
  if (!w.on.empty()) j["on"] = w.on;
}

bool from_json(const JsonReader& r, Workload& w) {
  if (!r.expectObject()) return false;
  bool ok = true;
  for (const WorkloadField& f : kWorkloadFields) ok = r.optional(f.name, w.*f.member) && ok;
  ok = r.optional("allRoutes", w.allRoutes) && ok;
  ok = r.optional("on", w.on) && ok;
  return ok;
}

std::vector<Problem> validateWorkload(const Workload& w) {
  std::vector<Problem> problems;
  for (const WorkloadField& f : kWorkloadFields) {
    std::string field(f.name);
    double v = w.*f.member;
    std::string what(f.what);
    if (f.share) {
      if (!std::isfinite(v) || v < 0 || v > 1)
        problems.push_back({field, "must be between 0 and 1 (" + what + ")"});
    } else if (!std::isfinite(v)) {
      problems.push_back(
          {field, std::string("must be a number, got ") + (std::isnan(v) ? "NaN" : "infinity")});
    } else if (v < 0) {
      problems.push_back({field, "cannot be negative (" + what + ")"});
    } else if (v > f.max) {
      problems.push_back({field, "is too large (" + what + ")"});
    }
    // Said once, after the second of the two shares.
    if (f.member == &Workload::cacheWriteRate && std::isfinite(w.cacheHitRate) &&
        std::isfinite(w.cacheWriteRate) && w.cacheHitRate + w.cacheWriteRate > 1 + 1e-9)
      problems.push_back(
          {"cacheWriteRate", "cache reads and writes together cannot exceed all input"});
  }
  if (!w.on.empty() && !isDay(w.on))
    problems.push_back({"on", "expected a day like 2026-08-17, got \"" + w.on + "\""});
  return problems;
}

bool isPriced(const Offer& offer) {
  return !offer.free && offer.price && offer.price->input && offer.price->output;
}

bool isRoutable(const Offer& offer) { return offer.status == Status::Live && isPriced(offer); }

CostBreakdown& CostBreakdown::operator+=(const CostBreakdown& other) {
  input += other.input;
  cacheRead += other.cacheRead;
  cacheWrite += other.cacheWrite;
  output += other.output;
  requests += other.requests;
  if (!tier) tier = other.tier;
  for (const std::string& a : other.assumptions)
    if (std::find(assumptions.begin(), assumptions.end(), a) == assumptions.end())
      assumptions.push_back(a);
  return *this;
}

CostBreakdown CostBreakdown::scaled(double factor) const {
  CostBreakdown b = *this;
  b.input *= factor;
  b.cacheRead *= factor;
  b.cacheWrite *= factor;
  b.output *= factor;
  b.requests *= factor;
  return b;
}

namespace {

// The price per 1M of cached input (`kind` "cache-read" or "cache-write"): the applied tier's own,
// else the base one, else the input price; each fallback is said in the assumptions.
double cachePrice(std::optional<double> tierPrice, std::optional<double> basePrice, double input,
                  CostBreakdown& b, std::string_view kind, std::string_view what) {
  // Views: this runs for every priced usage with cached input; sentences are built only on
  // fallback.
  if (tierPrice) return *tierPrice;
  const std::string k(kind), w(what);  // short: kept inline, no allocation
  if (basePrice) {
    if (b.tier)
      b.assumptions.push_back("the long-context tier lists no " + k + " price: " + w +
                              " billed at the base " + k + " price");
    return *basePrice;
  }
  b.assumptions.push_back("no " + k + " price listed: " + w + " billed at the input price");
  return input;
}

}  // namespace

std::optional<CostBreakdown> usageBreakdown(const Offer& offer, const Usage& usage) {
  if (!isPriced(offer)) return std::nullopt;
  const Price& p = *offer.price;
  CostBreakdown b;
  double input = *p.input;
  double output = *p.output;
  for (const TierPrice& tier : p.tiers) {
    if (usage.inputTokens > static_cast<double>(tier.start)) {
      if (tier.input) input = *tier.input;
      if (tier.output) output = *tier.output;
      b.tier = &tier;
    }
  }
  if (usage.batch) {
    // Batch APIs discount the base rates; where a source lists no batch price, bill the normal one.
    if (p.batchInput && p.batchOutput && !b.tier) {
      input = *p.batchInput;
      output = *p.batchOutput;
    } else {
      b.assumptions.push_back("no batch price listed: batch requests billed at the normal price");
    }
  }
  double cached = usage.inputTokens * usage.cacheHitRate;
  double written = usage.inputTokens * usage.cacheWriteRate;
  double uncached = usage.inputTokens - cached - written;
  double cacheReadPrice = cached > 0
                              ? cachePrice(b.tier ? b.tier->cacheRead : std::nullopt, p.cacheRead,
                                           input, b, "cache-read", "cached input")
                              : input;
  double cacheWritePrice = written > 0
                               ? cachePrice(b.tier ? b.tier->cacheWrite : std::nullopt,
                                            p.cacheWrite, input, b, "cache-write", "cache writes")
                               : input;
  b.input = uncached * input / 1e6;
  b.cacheRead = cached * cacheReadPrice / 1e6;
  b.cacheWrite = written * cacheWritePrice / 1e6;
  b.output = usage.outputTokens * output / 1e6;
  b.requests = p.request.value_or(0);
  return b;
}

std::optional<double> usageCost(const Offer& offer, const Usage& usage) {
  std::optional<CostBreakdown> b = usageBreakdown(offer, usage);
  return b ? std::optional<double>(b->total()) : std::nullopt;
}

std::optional<double> blendedPrice(const Offer& offer, double inputShare) {
  if (!isPriced(offer)) return std::nullopt;
  return inputShare * *offer.price->input + (1 - inputShare) * *offer.price->output;
}

std::optional<MonthlyCost> monthlyCostAt(const Offer& offer, const Workload& w) {
  if (!isPriced(offer)) return std::nullopt;
  MonthlyCost m;
  m.offer = &offer;
  // Four kinds of request: short or long prompt, sent directly or through batch.
  for (bool isLong : {false, true}) {
    double lengthShare = isLong ? w.longShare : 1 - w.longShare;
    double prompt = isLong ? w.longInputTokens : w.inputTokens;
    for (bool batch : {false, true}) {
      double share = lengthShare * (batch ? w.batchShare : 1 - w.batchShare);
      if (share <= 0) continue;
      Usage usage{prompt, w.outputTokens, w.cacheHitRate, w.cacheWriteRate, batch};
      m.breakdown += usageBreakdown(offer, usage)->scaled(share * w.requests);
      m.inputTokens += share * w.requests * prompt;
      m.outputTokens += share * w.requests * w.outputTokens;
    }
  }
  m.cost = m.breakdown.total();
  return m;
}

const Offer* cheapestOffer(std::span<const Offer* const> offers,
                           const std::function<std::optional<double>(const Offer&)>& cost,
                           const TieRank& tieRank) {
  const Offer* best = nullptr;
  double bestCost = 0;
  for (const Offer* offer : offers) {
    if (!isRoutable(*offer)) continue;
    std::optional<double> c = cost(*offer);
    if (!c) continue;
    auto tieBreak = [&] {
      int a = tieRank ? tieRank(*offer) : 0, b = tieRank ? tieRank(*best) : 0;
      return a != b ? a < b : offer->provider < best->provider;
    };
    bool better = !best || *c < bestCost ||
                  (*c == bestCost && (*offer->price->input < *best->price->input ||
                                      (*offer->price->input == *best->price->input && tieBreak())));
    if (better) {
      best = offer;
      bestCost = *c;
    }
  }
  return best;
}

const Offer* cheapestOfferForBlend(std::span<const Offer* const> offers, double inputShare,
                                   const TieRank& tieRank) {
  return cheapestOffer(
      offers, [&](const Offer& o) { return blendedPrice(o, inputShare); }, tieRank);
}

std::optional<MonthlyCost> monthlyCost(std::span<const Offer* const> offers, const Workload& w,
                                       const TieRank& tieRank) {
  const Offer* offer = cheapestOffer(
      offers,
      [&](const Offer& o) {
        std::optional<MonthlyCost> m = monthlyCostAt(o, w);
        return m ? std::optional<double>(m->cost) : std::nullopt;
      },
      tieRank);
  if (!offer) return std::nullopt;
  return monthlyCostAt(*offer, w);
}

}  // namespace versus
