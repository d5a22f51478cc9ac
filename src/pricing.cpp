#include "pricing.hpp"

#include <algorithm>
#include <cmath>
#include <map>
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
  for (const WorkloadChoice& c : kWorkloadChoices) j[std::string(c.name)] = w.*c.member;
  if (!w.region.empty()) j["region"] = w.region;
}

std::string choiceOptions(const WorkloadChoice& c) {
  std::string out;
  size_t n = 0;
  for (std::string_view o : c.options) n += o.empty() ? 0 : 1;
  for (size_t i = 0; i < n; ++i)
    out += (i == 0 ? "" : i + 1 == n ? " or " : ", ") + std::string(c.options[i]);
  return out;
}

bool from_json(const JsonReader& r, Workload& w) {
  if (!r.expectObject()) return false;
  bool ok = true;
  for (const WorkloadField& f : kWorkloadFields) ok = r.optional(f.name, w.*f.member) && ok;
  ok = r.optional("allRoutes", w.allRoutes) && ok;
  ok = r.optional("on", w.on) && ok;
  for (const WorkloadChoice& c : kWorkloadChoices) ok = r.optional(c.name, w.*c.member) && ok;
  ok = r.optional("region", w.region) && ok;
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
  for (const WorkloadChoice& c : kWorkloadChoices) {
    const std::string& v = w.*c.member;
    if (std::find(c.options.begin(), c.options.end(), v) == c.options.end() || v.empty())
      problems.push_back(
          {std::string(c.name), "must be " + choiceOptions(c) + " (" + std::string(c.what) + ")"});
  }
  bool labelOk = w.region.size() <= kMaxRegionBytes &&
                 std::none_of(w.region.begin(), w.region.end(), [](char ch) {
                   return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f;
                 });
  if (!labelOk)
    problems.push_back({"region", "must be a region's short label, such as EU (up to 40 bytes)"});
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
  reasoning += other.reasoning;
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
  b.reasoning *= factor;
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

ServiceTier serviceTierOf(const Workload& w) {
  return w.tier == "flex"       ? ServiceTier::Flex
         : w.tier == "priority" ? ServiceTier::Priority
                                : ServiceTier::Standard;
}

const ServicePrice* servicePrice(const Price& p, ServiceTier tier) {
  const Boxed<ServicePrice>* sp = tier == ServiceTier::Flex       ? &p.flex
                                  : tier == ServiceTier::Priority ? &p.priority
                                                                  : nullptr;
  return sp && *sp && (*sp)->input && (*sp)->output ? &**sp : nullptr;
}

std::optional<double> regionFactor(const Offer& offer, std::string_view region) {
  if (region.empty() || toLower(offer.region) == toLower(region)) return 1.0;
  if (!offer.region.empty() || !offer.price) return std::nullopt;  // a route of another region
  for (const auto& [name, factor] : offer.price->regionUplift)
    if (toLower(name) == toLower(region)) return factor;
  return std::nullopt;
}

Json catalogRegions(const Catalog& c) {
  std::map<std::string, size_t> routes;
  for (const Offer& o : c.offers) {
    if (!isRoutable(o)) continue;
    if (!o.region.empty()) ++routes[o.region];
    for (const auto& [region, factor] : o.price->regionUplift) ++routes[region];
  }
  std::vector<std::pair<std::string, size_t>> list(routes.begin(), routes.end());
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  Json out = Json::array();
  for (const auto& [region, n] : list) out.push_back({{"id", region}, {"routes", n}});
  return out;
}

std::optional<CostBreakdown> usageBreakdown(const Offer& offer, const Usage& usage) {
  if (!isPriced(offer)) return std::nullopt;
  const Price& p = *offer.price;
  CostBreakdown b;
  // A service tier bills its own rates and long-context tiers; batch requests are standard-tier.
  const ServicePrice* service = usage.batch ? nullptr : servicePrice(p, usage.tier);
  if (!usage.batch && usage.tier != ServiceTier::Standard && !service)
    b.assumptions.push_back(std::string("no ") +
                            (usage.tier == ServiceTier::Flex ? "flex" : "priority") +
                            " price listed: billed at the standard price");
  double input = service ? *service->input : *p.input;
  double output = service ? *service->output : *p.output;
  const std::vector<TierPrice>& tiers = service ? service->tiers : p.tiers;
  for (const TierPrice& tier : tiers) {
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
  const std::optional<double>& baseRead = service ? service->cacheRead : p.cacheRead;
  const std::optional<double>& baseWrite = service ? service->cacheWrite : p.cacheWrite;
  double cached = usage.inputTokens * usage.cacheHitRate;
  double written = usage.inputTokens * usage.cacheWriteRate;
  double uncached = usage.inputTokens - cached - written;
  double cacheReadPrice = cached > 0 ? cachePrice(b.tier ? b.tier->cacheRead : std::nullopt,
                                                  baseRead, input, b, "cache-read", "cached input")
                                     : input;
  double cacheWritePrice = input;
  if (written > 0) {
    std::optional<double> tierHour = b.tier ? b.tier->cacheWrite1h : std::nullopt;
    if (usage.hourCache && (tierHour || p.cacheWrite1h)) {
      cacheWritePrice = cachePrice(tierHour, p.cacheWrite1h, input, b, "1-hour cache-write",
                                   "1-hour cache writes");
    } else {
      if (usage.hourCache)
        b.assumptions.push_back(
            "no 1-hour cache-write price listed: cache writes billed at the 5-minute price");
      cacheWritePrice = cachePrice(b.tier ? b.tier->cacheWrite : std::nullopt, baseWrite, input, b,
                                   "cache-write", "cache writes");
    }
  }
  // Reasoning bills as output, at its own price where the route lists one.
  double reasoningPrice = p.reasoningOutput && !service ? *p.reasoningOutput : output;
  double k = usage.uplift / 1e6;
  b.input = uncached * input * k;
  b.cacheRead = cached * cacheReadPrice * k;
  b.cacheWrite = written * cacheWritePrice * k;
  b.output = usage.outputTokens * output * k;
  b.reasoning = usage.reasoningTokens * reasoningPrice * k;
  b.requests = p.request.value_or(0) * usage.uplift;
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

std::optional<MonthlyCost> monthlyCostAt(const Offer& offer, const Workload& w,
                                         double reasoningRatio) {
  if (!isPriced(offer)) return std::nullopt;
  std::optional<double> uplift = regionFactor(offer, w.region);
  if (!uplift) return std::nullopt;
  ServiceTier tier = serviceTierOf(w);
  bool hourCache = w.cacheLifetime == "1h";
  double reasoning = w.outputTokens * reasoningRatio;
  MonthlyCost m;
  m.offer = &offer;
  // Four kinds of request: short or long prompt, sent directly or through batch.
  for (bool isLong : {false, true}) {
    double lengthShare = isLong ? w.longShare : 1 - w.longShare;
    double prompt = isLong ? w.longInputTokens : w.inputTokens;
    for (bool batch : {false, true}) {
      double share = lengthShare * (batch ? w.batchShare : 1 - w.batchShare);
      if (share <= 0) continue;
      Usage usage{prompt,    w.outputTokens, w.cacheHitRate, w.cacheWriteRate, batch,
                  reasoning, tier,           hourCache,      *uplift};
      m.breakdown += usageBreakdown(offer, usage)->scaled(share * w.requests);
      m.inputTokens += share * w.requests * prompt;
      m.outputTokens += share * w.requests * w.outputTokens;
      m.reasoningTokens += share * w.requests * reasoning;
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
                                       const TieRank& tieRank, double reasoningRatio) {
  const Offer* offer = cheapestOffer(
      offers,
      [&](const Offer& o) {
        std::optional<MonthlyCost> m = monthlyCostAt(o, w, reasoningRatio);
        return m ? std::optional<double>(m->cost) : std::nullopt;
      },
      tieRank);
  if (!offer) return std::nullopt;
  return monthlyCostAt(*offer, w, reasoningRatio);
}

}  // namespace versus
