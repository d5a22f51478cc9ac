#include "compare.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "break_even.hpp"
#include "format.hpp"
#include "lifecycle.hpp"
#include "model_analysis.hpp"
#include "price_history.hpp"
#include "prose.hpp"
#include "reasoning.hpp"
#include "routes.hpp"
#include "search.hpp"

namespace versus {

namespace {

Json nullable(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
Json nullable(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json providerRef(const Catalog& c, const std::string& id) {
  const Provider* p = c.findProvider(id);
  return Json{{"id", id},
              {"name", p ? p->name : id},
              {"type", p && !p->type.empty() ? Json(p->type) : Json(nullptr)}};
}

template <class T>
Json factView(const Catalog& c, const MaybeFact<T>& f) {
  if (!f) return nullptr;
  Json j{{"value", f->value}};
  addProvenance(c, j, f->source, f->date);
  if (!f->note.empty()) j["note"] = f->note;
  if (!f->alternatives.empty()) {
    Json alts = Json::array();
    for (const auto& a : f->alternatives) {
      Json alt{{"value", a.value}};
      addProvenance(c, alt, a.source, a.date);
      alts.push_back(std::move(alt));
    }
    j["alternatives"] = std::move(alts);
  }
  return j;
}

template <class T>
Json factView(const Catalog& c, const std::map<std::string, Fact<T>>& facts,
              const std::string& key) {
  auto it = facts.find(key);
  return it == facts.end() ? Json(nullptr) : factView(c, MaybeFact<T>(it->second));
}

Json tiersJson(const std::vector<TierPrice>& list) {
  Json tiers = Json::array();
  for (const TierPrice& t : list) {
    Json j{{"start", t.start},
           {"input", nullable(t.input)},
           {"output", nullable(t.output)},
           {"cacheRead", nullable(t.cacheRead)},
           {"cacheWrite", nullable(t.cacheWrite)}};
    if (t.cacheWrite1h) j["cacheWrite1h"] = *t.cacheWrite1h;
    tiers.push_back(std::move(j));
  }
  return tiers;
}
Json tiersJson(const Offer& o) { return o.price ? tiersJson(o.price->tiers) : Json::array(); }

// A service tier's rates (flex, priority), null when the route lists none.
Json servicePriceJson(const Boxed<ServicePrice>& sp) {
  if (!sp) return nullptr;
  return Json{{"input", nullable(sp->input)},
              {"output", nullable(sp->output)},
              {"cacheRead", nullable(sp->cacheRead)},
              {"cacheWrite", nullable(sp->cacheWrite)},
              {"tiers", tiersJson(sp->tiers)}};
}

Json routeJson(const Catalog& c, const Model& m, const Offer& o) {
  Json j{{"provider", providerRef(c, o.provider)},
         {"maker", isMakerRoute(c, m, o)},  // at the lab that makes the model
         {"deployment", o.deployment.empty() ? Json(nullptr) : Json(o.deployment)},
         {"region", o.region.empty() ? Json(nullptr) : Json(o.region)},
         {"input", *o.price->input},
         {"output", *o.price->output},
         {"cacheRead", nullable(o.price->cacheRead)},
         {"tiers", tiersJson(o)}};
  addProvenance(c, j, o.source, o.date);
  return j;
}

Json breakdownJson(const CostBreakdown& b) {
  Json j{{"input", b.input},
         {"cacheRead", b.cacheRead},
         {"cacheWrite", b.cacheWrite},
         {"output", b.output},
         {"reasoning", b.reasoning},
         {"requests", b.requests},
         {"assumptions", b.assumptions}};
  j["tier"] = b.tier ? Json{{"start", b.tier->start},
                            {"input", nullable(b.tier->input)},
                            {"output", nullable(b.tier->output)},
                            {"cacheRead", nullable(b.tier->cacheRead)},
                            {"cacheWrite", nullable(b.tier->cacheWrite)}}
                     : Json(nullptr);
  return j;
}

Json offerJson(const Catalog& c, const Model& m, const Offer& o, const Workload& w, RouteFlag flag,
               double reasoningRatio) {
  const Price* p = o.price ? &*o.price : nullptr;
  auto field = [&](std::optional<double> Price::*member) {
    return p && !o.free ? nullable(p->*member) : Json(nullptr);
  };
  std::optional<MonthlyCost> month = monthlyCostAt(o, w, reasoningRatio);
  Json j{{"provider", providerRef(c, o.provider)},
         {"maker", isMakerRoute(c, m, o)},
         {"providerModelId", o.providerModelId.empty() ? Json(nullptr) : Json(o.providerModelId)},
         {"deployment", o.deployment.empty() ? Json(nullptr) : Json(o.deployment)},
         {"region", o.region.empty() ? Json(nullptr) : Json(o.region)},
         {"input", field(&Price::input)},
         {"output", field(&Price::output)},
         {"cacheRead", field(&Price::cacheRead)},
         {"cacheWrite", field(&Price::cacheWrite)},
         {"batchInput", field(&Price::batchInput)},
         {"batchOutput", field(&Price::batchOutput)},
         {"requestFee", field(&Price::request)},
         {"reasoningOutput", field(&Price::reasoningOutput)},
         {"cacheWrite1h", field(&Price::cacheWrite1h)},
         {"flex", p && !o.free ? servicePriceJson(p->flex) : Json(nullptr)},
         {"priority", p && !o.free ? servicePriceJson(p->priority) : Json(nullptr)},
         {"regionUplift", p && !p->regionUplift.empty() ? Json(p->regionUplift) : Json(nullptr)},
         {"retires", o.retires.empty() ? Json(nullptr) : Json(o.retires)},
         {"tiers", tiersJson(o)},
         {"free", o.free},
         {"status", toString(o.status)},
         {"blended", nullable(blendedPrice(o, w.ratio))},
         {"monthly", month ? Json(month->cost) : Json(nullptr)},
         {"context", nullable(o.context)},
         // Why the headline leaves this route out (routes.hpp), null when it may head.
         {"flag", flag == RouteFlag::None ? Json(nullptr) : Json(toString(flag))},
         {"history", historyJson(o)}};
  addProvenance(c, j, o.source, o.date);
  std::optional<bool> stale = isStalePrice(c, o);
  j["stale"] = stale ? Json(*stale) : Json(nullptr);
  if (!w.on.empty()) j["priceOn"] = dayPriceJson(c, o, w.on);
  // Whether this route offers what the workload asks for: its service tier (else it bills the
  // standard price, said in the assumptions) and its region (else it has no monthly figure).
  j["offersTier"] = serviceTierOf(w) == ServiceTier::Standard ||
                    (p && servicePrice(*p, serviceTierOf(w)) != nullptr);
  j["inRegion"] = regionFactor(o, w.region).has_value();
  if (month) j["assumptions"] = month->breakdown.assumptions;
  return j;
}

// Live first, then the routes that may head (unflagged, routes.hpp) before the flagged ones, then
// by the month's cost (unknown last), then provider name. `flags` are judgeRoutes' for `offers`.
std::vector<const Offer*> sortedOffers(const Catalog& c, std::vector<const Offer*> offers,
                                       const Workload& w, const std::vector<RouteFlag>& flags,
                                       const TieRank& rank, double reasoningRatio) {
  std::unordered_map<const Offer*, bool> flagged;
  for (size_t i = 0; i < offers.size() && i < flags.size(); ++i)
    flagged[offers[i]] = flags[i] != RouteFlag::None && !w.allRoutes;
  auto key = [&](const Offer* o) {
    std::optional<MonthlyCost> month = monthlyCostAt(*o, w, reasoningRatio);
    std::optional<double> cost = month ? std::optional<double>(month->cost) : std::nullopt;
    const Provider* p = c.findProvider(o->provider);
    return std::make_tuple(o->status != Status::Live, flagged[o], !cost.has_value(),
                           cost.value_or(0), rank ? rank(*o) : 0,
                           toLower(p ? p->name : o->provider));
  };
  std::stable_sort(offers.begin(), offers.end(),
                   [&](const Offer* x, const Offer* y) { return key(x) < key(y); });
  return offers;
}

struct ModelPrices {
  std::vector<const Offer*> offers;
  RouteJudgement judgement;         // a flag per offer
  const Offer* cheapest = nullptr;  // for the month's traffic
  const Offer* blendRoute = nullptr;
  std::optional<double> blended;
  std::optional<MonthlyCost> monthly;
  const ReasoningTable* table = nullptr;
  ReasoningEstimate reasoning;
  double reasoningRatio = 0;  // what the monthly figures count (0: visible output only)
  // The month's bill with visible output only and with typical reasoning, when the model reasons.
  std::optional<MonthlyCost> visibleMonthly, typicalMonthly;
};

ModelPrices pricesOf(const Catalog& c, const ReasoningTable& reasoning, const Model& m,
                     const Workload& w) {
  ModelPrices p;
  p.offers = c.offersOf(m);
  p.judgement = judgeRoutes(c, m, p.offers);
  p.table = &reasoning;
  p.reasoning = reasoning.of(m);
  p.reasoningRatio = reasoningRatioFor(reasoning, m, w);
  Headline h = headline(c, m, p.offers, w, p.judgement, p.reasoningRatio);
  if (p.reasoning.ratio > 0) {
    (p.reasoningRatio > 0 ? p.typicalMonthly : p.visibleMonthly) = h.monthly;
    (p.reasoningRatio > 0 ? p.visibleMonthly : p.typicalMonthly) =
        headline(c, m, p.offers, w, p.judgement, p.reasoningRatio > 0 ? 0 : p.reasoning.ratio)
            .monthly;
  }
  p.monthly = h.monthly;
  p.cheapest = p.monthly ? p.monthly->offer : nullptr;
  p.blendRoute = h.blendRoute;
  p.blended = h.blended;
  return p;
}

// What the month's estimate counts and what it leaves out, in words the page shows as they are.
Json estimateJson(const ModelPrices& p, const Workload& w) {
  Json includes = Json::array(), excludes = Json::array();
  if (p.monthly) {
    includes.push_back("input and output tokens at the headline route");
    const CostBreakdown& b = p.monthly->breakdown;
    if (b.cacheRead > 0 || b.cacheWrite > 0)
      includes.push_back(w.cacheLifetime == "1h" && b.cacheWrite > 0
                             ? "cache reads and 1-hour cache writes"
                             : "cache reads and writes");
    if (w.batchShare > 0) includes.push_back("the batch share");
    if (b.tier) includes.push_back("the long-context tier");
    if (b.requests > 0) includes.push_back("its fee per request");
    if (b.reasoning > 0) includes.push_back("typical hidden reasoning tokens, billed as output");
    if (w.tier != "standard") includes.push_back("the " + w.tier + " service tier");
    if (!w.region.empty()) includes.push_back("processing in " + w.region);
  }
  if (p.reasoning.ratio > 0 && p.reasoningRatio == 0)
    excludes.push_back("hidden reasoning tokens (the output tokens are the visible answer)");
  excludes.push_back("taxes and volume discounts");
  return Json{{"includes", std::move(includes)}, {"excludes", std::move(excludes)}};
}

// How many of a model's routes are live, and how many of those can be priced.
std::pair<int, int> routeCounts(const ModelPrices& p) {
  int live = 0, priced = 0;
  for (const Offer* o : p.offers) {
    if (o->status == Status::Live) ++live;
    if (isRoutable(*o)) ++priced;
  }
  return {live, priced};
}

// withOffers false: without the "offers" list (the pair's figures need only the routes and counts).
Json modelView(const Catalog& c, const Model& m, const ModelPrices& p, const Workload& w,
               bool withOffers = true) {
  Json offers = Json::array();
  auto [live, priced] = routeCounts(p);
  if (withOffers)
    for (const Offer* o :
         sortedOffers(c, p.offers, w, p.judgement.flags, headlineTieRank(c, m), p.reasoningRatio)) {
      size_t i = std::find(p.offers.begin(), p.offers.end(), o) - p.offers.begin();
      Json offer = offerJson(c, m, *o, w, p.judgement.flags[i], p.reasoningRatio);
      offer["headline"] = o == p.cheapest;  // the route the headline figures use
      offers.push_back(std::move(offer));
    }
  Json view{{"id", m.id},
            {"name", m.name},
            {"kind", m.kind},
            {"creator", factView(c, m.creator)},
            {"status", toString(m.status)},
            {"routes", live},
            {"pricedRoutes", priced},
            {"cheapest", p.cheapest ? routeJson(c, m, *p.cheapest) : Json(nullptr)},
            {"blended", nullptr},
            {"monthly", nullptr}};
  if (withOffers) view["offers"] = std::move(offers);
  view["estimate"] = estimateJson(p, w);
  if (p.blended)
    view["blended"] = Json{{"price", *p.blended}, {"route", routeJson(c, m, *p.blendRoute)}};
  if (p.monthly)
    view["monthly"] = Json{{"cost", p.monthly->cost},
                           {"inputTokens", p.monthly->inputTokens},
                           {"outputTokens", p.monthly->outputTokens},
                           {"reasoningTokens", p.monthly->reasoningTokens},
                           {"breakdown", breakdownJson(p.monthly->breakdown)},
                           {"route", routeJson(c, m, *p.monthly->offer)}};
  // The reasoning the bill can count, and the month with and without it (when the model reasons).
  Json reasoning = p.reasoning;
  auto cost = [](const std::optional<MonthlyCost>& mc) {
    return mc ? Json(mc->cost) : Json(nullptr);
  };
  reasoning["counted"] = p.reasoningRatio > 0;
  reasoning["visibleMonthly"] = cost(p.visibleMonthly);
  reasoning["typicalMonthly"] = cost(p.typicalMonthly);
  view["reasoning"] = std::move(reasoning);
  if (withOffers) {
    // The workload details' answers at the headline route, and what to warn of.
    view["breakEven"] = p.monthly
                            ? Json{{"cache", cacheBreakEven(*p.monthly->offer, w)},
                                   {"batch", batchSaving(*p.monthly->offer, w, p.reasoningRatio)}}
                            : Json(nullptr);
    view["lifecycle"] = lifecycleJson(c, lifecycleOf(c, *p.table, m, w));
  }
  return view;
}

struct SpecRow {
  const char* id;
  const char* label;
  Json (*view)(const Catalog&, const Model&);
};

const SpecRow kSpecs[] = {
    {"creator", "Creator", [](const Catalog& c, const Model& m) { return factView(c, m.creator); }},
    {"family", "Family", [](const Catalog& c, const Model& m) { return factView(c, m.family); }},
    {"released", "Released",
     [](const Catalog& c, const Model& m) { return factView(c, m.released); }},
    {"context", "Context window",
     [](const Catalog& c, const Model& m) { return factView(c, m.context); }},
    {"maxOutput", "Max output",
     [](const Catalog& c, const Model& m) { return factView(c, m.maxOutput); }},
    {"parameters", "Parameters (B)",
     [](const Catalog& c, const Model& m) { return factView(c, m.parameters); }},
    {"activeParameters", "Active parameters (B)",
     [](const Catalog& c, const Model& m) { return factView(c, m.activeParameters); }},
    {"architecture", "Architecture",
     [](const Catalog& c, const Model& m) { return factView(c, m.architecture); }},
    {"license", "License", [](const Catalog& c, const Model& m) { return factView(c, m.license); }},
    {"openWeights", "Open weights",
     [](const Catalog& c, const Model& m) { return factView(c, m.openWeights); }},
    {"commercialUse", "Commercial use",
     [](const Catalog& c, const Model& m) { return factView(c, m.commercialUse); }},
    {"knowledgeCutoff", "Knowledge cutoff",
     [](const Catalog& c, const Model& m) { return factView(c, m.knowledgeCutoff); }},
    {"inputModalities", "Input modalities",
     [](const Catalog& c, const Model& m) { return factView(c, m.inputModalities); }},
    {"outputModalities", "Output modalities",
     [](const Catalog& c, const Model& m) { return factView(c, m.outputModalities); }},
};

Json capabilityValue(const Model& m, std::string_view id) {
  auto it = m.capabilities.find(std::string(id));
  return it == m.capabilities.end() ? Json(nullptr) : Json(it->second.value);
}

Json providerList(const Catalog& c, const std::vector<const Provider*>& providers) {
  Json out = Json::array();
  for (const Provider* p : providers) out.push_back(providerRef(c, p->id));
  return out;
}

Json benchmarkGapJson(const BenchmarkGap& g) {
  return Json{{"id", g.benchmark->id},
              {"name", g.benchmark->name},
              {"unit", g.benchmark->unit},
              {"a", g.a},
              {"b", g.b},
              {"gap", g.gap},
              {"leader", g.leader < 0 ? Json(nullptr) : Json(g.leader)}};
}

Json onlyOne(const Catalog& c, const Model& has, const Model& lacks) {
  Json out = Json::array();
  for (const Benchmark& b : c.benchmarks) {
    auto it = has.benchmarks.find(b.id);
    if (it != has.benchmarks.end() && !lacks.benchmarks.count(b.id))
      out.push_back({{"id", b.id}, {"name", b.name}, {"value", it->second.value}});
  }
  return out;
}

Json errorJson(std::string message, const std::vector<Problem>& problems = {}) {
  Json j{{"ok", false}, {"error", std::move(message)}};
  if (!problems.empty()) j["problems"] = problems;
  return j;
}

const Model* resolve(const Catalog& c, std::string_view name, std::string& error) {
  // The rule every field that names a model follows (search.hpp); a guess is not compared.
  Resolution r = resolveModelName(c, name);
  if (r.model && !r.guess) return r.model;
  error = "unknown model \"" + std::string(name) + "\"";
  if (r.model) {
    std::vector<const Model*> near{r.model};
    for (const Model* m : r.also) near.push_back(m);
    if (near.size() > 3) near.resize(3);
    error += "; did you mean ";
    for (size_t i = 0; i < near.size(); ++i)
      error += (i ? (i + 1 == near.size() ? " or " : ", ") : "") + near[i]->id;
    error += "?";
  }
  return nullptr;
}

std::string workloadError(const std::vector<Problem>& problems) {
  std::string message = "invalid workload: ";
  for (size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + describe(problems[i]);
  return message;
}

}  // namespace

PriceGap priceGap(std::optional<double> a, std::optional<double> b) {
  PriceGap g;
  if (!a || !b || *a == *b) return g;
  g.cheaper = *a < *b ? 0 : 1;
  double cheap = std::min(*a, *b), dear = std::max(*a, *b);
  g.percentCheaper = (dear - cheap) / dear * 100;
  if (cheap > 0) {
    g.ratio = dear / cheap;
    g.percentMoreExpensive = (dear - cheap) / cheap * 100;
  }
  return g;
}

std::vector<BenchmarkGap> sharedBenchmarks(const Catalog& c, const Model& a, const Model& b) {
  std::vector<BenchmarkGap> gaps;
  for (const Benchmark& bench : c.benchmarks) {
    auto ia = a.benchmarks.find(bench.id);
    auto ib = b.benchmarks.find(bench.id);
    if (ia == a.benchmarks.end() || ib == b.benchmarks.end()) continue;
    BenchmarkGap g{&bench, ia->second.value, ib->second.value, ib->second.value - ia->second.value,
                   -1};
    if (g.gap != 0) g.leader = (g.gap > 0) == bench.higherIsBetter ? 1 : 0;
    gaps.push_back(g);
  }
  return gaps;
}

std::optional<BenchmarkGap> largestGap(const std::vector<BenchmarkGap>& gaps) {
  std::optional<BenchmarkGap> best;
  for (const BenchmarkGap& g : gaps)
    if (!best || std::fabs(g.gap) > std::fabs(best->gap)) best = g;
  return best;
}

ProviderOverlap providerOverlap(const Catalog& c, const Model& a, const Model& b) {
  auto liveProviders = [&](const Model& m) {
    std::vector<const Provider*> out;
    for (const Offer* o : c.offersOf(m)) {
      const Provider* p = c.findProvider(o->provider);
      if (o->status == Status::Live && p && std::find(out.begin(), out.end(), p) == out.end())
        out.push_back(p);
    }
    std::sort(out.begin(), out.end(), [](const Provider* x, const Provider* y) {
      return toLower(x->name) < toLower(y->name);
    });
    return out;
  };
  std::vector<const Provider*> pa = liveProviders(a), pb = liveProviders(b);
  ProviderOverlap o;
  for (const Provider* p : pa)
    (std::find(pb.begin(), pb.end(), p) != pb.end() ? o.shared : o.onlyA).push_back(p);
  for (const Provider* p : pb)
    if (std::find(pa.begin(), pa.end(), p) == pa.end()) o.onlyB.push_back(p);
  return o;
}

Json modelJson(const Catalog& c, const Model& m, const Workload& w) {
  Json view = modelView(c, m, pricesOf(c, reasoningTableOf(c), m, w), w);
  Json specs = Json::array();
  for (const SpecRow& row : kSpecs)
    specs.push_back({{"id", row.id}, {"label", row.label}, {"value", row.view(c, m)}});
  Json capabilities = Json::array();
  for (const CapabilityInfo& cap : kCapabilities)
    capabilities.push_back({{"id", cap.id},
                            {"name", cap.name},
                            {"value", factView(c, m.capabilities, std::string(cap.id))}});
  Json benchmarks = Json::array();
  for (const Benchmark& b : c.benchmarks) {
    Json v = factView(c, m.benchmarks, b.id);
    if (!v.is_null())
      benchmarks.push_back({{"id", b.id}, {"name", b.name}, {"unit", b.unit}, {"value", v}});
  }
  Json speed = Json::object();
  for (std::string_view key : kSpeedKeys)
    speed[std::string(key)] = factView(c, m.speed, std::string(key));
  view["aliases"] = m.aliases;
  view["specs"] = std::move(specs);
  view["capabilities"] = std::move(capabilities);
  view["benchmarks"] = std::move(benchmarks);
  view["speed"] = std::move(speed);
  Json indexRun = Json::object();
  for (std::string_view key : kIndexRunKeys)
    indexRun[std::string(key)] = factView(c, m.indexRun, std::string(key));
  view["indexRun"] = std::move(indexRun);
  view["bestFor"] = factView(c, m.bestFor);
  view["decisionFit"] = factView(c, m.decisionFit);
  view["workload"] = w;
  return view;
}

namespace {

// How the pair's prices compare: the gaps, ratios and which is cheaper.
// The headline routes' input prices in one sentence, as the seed pages word it: "On input tokens,
// A is 98.6% cheaper ($0.027 vs $2 per 1M); B is 74.1× the price (7,307% more expensive)."
std::string inputSentence(const Model& a, const Model& b, std::optional<double> inA,
                          std::optional<double> inB) {
  std::string nameA = prose::cleanName(a.name), nameB = prose::cleanName(b.name);
  PriceGap g = priceGap(inA, inB);
  if (g.cheaper >= 0) {
    bool aCheap = g.cheaper == 0;
    const std::string& cheap = aCheap ? nameA : nameB;
    const std::string& dear = aCheap ? nameB : nameA;
    double pct = *g.percentCheaper;
    std::string cheaper = pct >= 100 ? "100% cheaper (free)" : percentCheaper(pct), dearer;
    // Below 0.05% the gap is "marginally cheaper": no "more expensive" figure beside it.
    if (pct >= 0.05) {
      if (g.ratio && *g.ratio >= 1.995) dearer = formatRatio(*g.ratio) + " the price";
      if (g.percentMoreExpensive && *g.percentMoreExpensive > 0) {
        std::string more = formatPercent(*g.percentMoreExpensive) + " more expensive";
        dearer = dearer.empty() ? more : dearer + " (" + more + ")";
      }
    }
    return "On input tokens, " + cheap + " is " + cheaper + " (" + formatUsd(aCheap ? *inA : *inB) +
           " vs " + formatUsd(aCheap ? *inB : *inA) + " per 1M)" +
           (dearer.empty() ? "." : "; " + dear + " is " + dearer + ".");
  }
  if (inA && inB)
    return "Both cost " + formatUsd(*inA) + " per 1M input tokens at their cheapest routes.";
  std::string missing = !inA && !inB ? nameA + " or " + nameB : !inA ? nameA : nameB;
  return "Input prices cannot be compared: no tracked price for " + missing + ".";
}

Json pairPriceJson(const Model& a, const Model& b, const ModelPrices& pa, const ModelPrices& pb) {
  auto input = [](const ModelPrices& p) {
    return p.cheapest ? p.cheapest->price->input : std::optional<double>();
  };
  auto output = [](const ModelPrices& p) {
    return p.cheapest ? p.cheapest->price->output : std::optional<double>();
  };
  auto monthly = [](const ModelPrices& p) {
    return p.monthly ? std::optional<double>(p.monthly->cost) : std::nullopt;
  };
  auto difference = [](std::optional<double> x, std::optional<double> y) {
    return x && y ? Json(*y - *x) : Json(nullptr);
  };
  auto index = [](int i) { return i < 0 ? Json(nullptr) : Json(i); };

  PriceGap inputGap = priceGap(input(pa), input(pb));
  PriceGap monthlyGap = priceGap(monthly(pa), monthly(pb));
  return Json{{"cheaperInput", index(inputGap.cheaper)},
              {"inputSentence", inputSentence(a, b, input(pa), input(pb))},
              {"inputRatio", nullable(inputGap.ratio)},
              {"inputPercentCheaper", nullable(inputGap.percentCheaper)},
              {"inputPercentMoreExpensive", nullable(inputGap.percentMoreExpensive)},
              {"outputDelta", difference(output(pa), output(pb))},
              {"blendGap", difference(pa.blended, pb.blended)},
              {"monthlyGap", difference(monthly(pa), monthly(pb))},
              {"monthlyRatio", nullable(monthlyGap.ratio)},
              {"cheaperMonthly", index(monthlyGap.cheaper)}};
}

}  // namespace

Json pairFiguresJson(const Catalog& c, const Model& a, const Model& b, const Workload& w) {
  const ReasoningTable& reasoning = reasoningTableOf(c);
  ModelPrices pa = pricesOf(c, reasoning, a, w), pb = pricesOf(c, reasoning, b, w);
  return Json{
      {"workload", w},
      {"models", Json::array({modelView(c, a, pa, w, false), modelView(c, b, pb, w, false)})},
      {"price", pairPriceJson(a, b, pa, pb)}};
}

namespace {

// What the comparison has worked out for the pair, handed to factsOf as it is (nothing computed
// twice).
struct PairShown {
  const ProviderOverlap& overlap;
  const std::vector<BenchmarkGap>& gaps;
  const Json& specs;    // the spec rows' views ({"id","label","a","b"}), with their provenance
  size_t onlyA, onlyB;  // benchmarks only one side has
};

// The facts the pair's prose is written from: the same prices, overlap and gaps the comparison
// shows, typed (prose.hpp). Source ids: the routes' and creator's of each model, then the specs'.
prose::PairFacts factsOf(const Catalog& c, const Model& a, const Model& b, const ModelPrices& pa,
                         const ModelPrices& pb, const Workload& w, const PairShown& shown) {
  const ProviderOverlap& overlap = shown.overlap;
  using prose::cleanName;
  prose::PairFacts p;
  p.requests = w.requests;
  p.inputTokens = w.inputTokens;
  p.outputTokens = w.outputTokens;
  p.ratio = w.ratio;
  p.cacheHitRate = w.cacheHitRate;
  p.batchShare = w.batchShare;
  p.longShare = w.longShare;
  auto providerName = [&](const std::string& id) {
    const Provider* pr = c.findProvider(id);
    return cleanName(pr ? pr->name : id);
  };
  auto addSource = [&](const std::string& id) {
    if (!id.empty() && std::find(p.sources.begin(), p.sources.end(), id) == p.sources.end())
      p.sources.push_back(id);
  };
  auto addFactSources = [&](const auto& fact) {
    if (!fact) return;
    addSource(fact->source);
    for (const auto& alt : fact->alternatives) addSource(alt.source);
  };
  for (const Provider* pr : overlap.shared) p.sharedProviders.push_back(cleanName(pr->name));
  const Model* models[2] = {&a, &b};
  const ModelPrices* prices[2] = {&pa, &pb};
  for (int i = 0; i < 2; ++i) {
    const Model& m = *models[i];
    const ModelPrices& mp = *prices[i];
    prose::SideFacts& s = p.s[i];
    s.model = &m;
    s.name = cleanName(m.name);
    if (s.name.empty()) s.name = m.id;
    if (mp.cheapest) {
      s.input = mp.cheapest->price->input;
      s.output = mp.cheapest->price->output;
      s.route = providerName(mp.cheapest->provider);
    }
    s.blended = mp.blended;
    if (mp.monthly) {
      s.monthly = mp.monthly->cost;
      s.monthlyRoute = providerName(mp.monthly->offer->provider);
    }
    std::tie(s.routes, s.priced) = routeCounts(mp);
    if (m.context && m.context->value > 0) s.context = static_cast<double>(m.context->value);
    if (m.openWeights) s.openWeights = m.openWeights->value;
    if (m.license) s.license = cleanName(m.license->value);
    if (m.creator) s.creator = cleanName(m.creator->value);
    if (m.released) {
      const std::string& r = m.released->value;
      if (r.size() >= 4 && std::all_of(r.begin(), r.begin() + 4, [](char ch) {
            return std::isdigit(static_cast<unsigned char>(ch));
          }))
        s.year = r.substr(0, 4);
    }
    if (m.knowledgeCutoff) s.knowledgeCutoff = m.knowledgeCutoff->value;
    s.providers = p.sharedProviders;
    for (const Provider* pr : i == 0 ? overlap.onlyA : overlap.onlyB)
      s.providers.push_back(cleanName(pr->name));
    std::sort(s.providers.begin(), s.providers.end(),
              [](const std::string& x, const std::string& y) { return toLower(x) < toLower(y); });
    s.providers.erase(std::remove(s.providers.begin(), s.providers.end(), std::string()),
                      s.providers.end());
    if (m.bestFor) s.bestFor = cleanName(m.bestFor->value);
    if (m.decisionFit)
      for (const std::string& t : m.decisionFit->value)
        if (!cleanName(t).empty()) s.fit.push_back(prose::fitTag(cleanName(t)));
    if (mp.reasoningRatio > 0) s.reasoning = mp.reasoning.sentence;
    addFactSources(m.creator);
    for (const Offer* o : mp.offers) addSource(o->source);
  }
  for (const Json& row : shown.specs)
    for (const char* side : {"a", "b"}) {
      const Json& view = row.at(side);
      if (view.is_null()) continue;
      addSource(view.value("source", ""));
      for (const Json& alt : view.value("alternatives", Json::array()))
        addSource(alt.value("source", ""));
    }
  for (const CapabilityInfo& cap : kCapabilities) {
    prose::CapabilityFact k{std::string(cap.id),
                            prose::capabilityPhrase(std::string(cap.id), std::string(cap.name)),
                            std::nullopt, std::nullopt};
    if (auto it = a.capabilities.find(k.id); it != a.capabilities.end()) k.a = it->second.value;
    if (auto it = b.capabilities.find(k.id); it != b.capabilities.end()) k.b = it->second.value;
    if (!k.phrase.empty()) p.caps.push_back(k);
  }
  // A benchmark without a name (the catalog allows one) is left out of the sentences.
  for (const BenchmarkGap& g : shown.gaps) {
    prose::BenchmarkFact f{cleanName(g.benchmark->name), g.a, g.b, g.gap, g.leader};
    if (!f.name.empty()) p.shared.push_back(f);
  }
  for (const prose::BenchmarkFact& g : p.shared)
    if (!p.largest || std::fabs(g.gap) > std::fabs(p.largest->gap)) p.largest = g;
  p.onlyA = shown.onlyA;
  p.onlyB = shown.onlyB;
  p.cheaperBlend = priceGap(pa.blended, pb.blended).cheaper;
  return p;
}

struct PairAnswer {
  Json comparison;
  prose::PairFacts facts;
};

PairAnswer comparePair(const Catalog& c, const Model& a, const Model& b, const Workload& w) {
  const ReasoningTable& reasoning = reasoningTableOf(c);
  ModelPrices pa = pricesOf(c, reasoning, a, w), pb = pricesOf(c, reasoning, b, w);
  Json price = pairPriceJson(a, b, pa, pb);

  ProviderOverlap overlap = providerOverlap(c, a, b);
  Json capabilities = Json::array();
  for (const CapabilityInfo& cap : kCapabilities) {
    Json va = capabilityValue(a, cap.id), vb = capabilityValue(b, cap.id);
    capabilities.push_back({{"id", cap.id},
                            {"name", cap.name},
                            {"a", va},
                            {"b", vb},
                            {"differs", !va.is_null() && !vb.is_null() && va != vb}});
  }
  std::vector<BenchmarkGap> gaps = sharedBenchmarks(c, a, b);
  Json shared = Json::array();
  for (const BenchmarkGap& g : gaps) shared.push_back(benchmarkGapJson(g));
  std::optional<BenchmarkGap> largest = largestGap(gaps);
  Json largestJson = nullptr;
  if (largest)
    largestJson = {{"id", largest->benchmark->id},
                   {"name", largest->benchmark->name},
                   {"gap", largest->gap},
                   {"leader", largest->leader < 0 ? Json(nullptr) : Json(largest->leader)}};
  Json specs = Json::array();
  for (const SpecRow& row : kSpecs)
    specs.push_back(
        {{"id", row.id}, {"label", row.label}, {"a", row.view(c, a)}, {"b", row.view(c, b)}});

  Json onlyA = onlyOne(c, a, b), onlyB = onlyOne(c, b, a);
  prose::PairFacts facts =
      factsOf(c, a, b, pa, pb, w, {overlap, gaps, specs, onlyA.size(), onlyB.size()});
  Json comparison{{"workload", w},
                  {"models", Json::array({modelView(c, a, pa, w), modelView(c, b, pb, w)})},
                  {"price", std::move(price)},
                  {"providers",
                   {{"shared", providerList(c, overlap.shared)},
                    {"onlyA", providerList(c, overlap.onlyA)},
                    {"onlyB", providerList(c, overlap.onlyB)}}},
                  {"capabilities", std::move(capabilities)},
                  {"benchmarks",
                   {{"shared", std::move(shared)},
                    {"largestGap", std::move(largestJson)},
                    {"onlyA", std::move(onlyA)},
                    {"onlyB", std::move(onlyB)}}},
                  {"specs", std::move(specs)},
                  {"verdict", prose::verdict(facts)},
                  {"crossover", crossover(c, reasoning, a, b, w)}};
  return PairAnswer{std::move(comparison), std::move(facts)};
}

// A pair's answer: the comparison and the prose the engine writes from its facts.
Json answerPair(const Catalog& c, const Model& a, const Model& b, const Workload& w) {
  PairAnswer pair = comparePair(c, a, b, w);
  pair.comparison["prose"] = pairProse(c, pair.facts);
  return Json{{"ok", true}, {"result", std::move(pair.comparison)}};
}

}  // namespace

Json compareJson(const Catalog& c, const Model& a, const Model& b, const Workload& w) {
  return comparePair(c, a, b, w).comparison;
}

prose::PairFacts pairFacts(const Catalog& c, const Model& a, const Model& b, const Workload& w) {
  return comparePair(c, a, b, w).facts;
}

Json compareManyJson(const Catalog& c, const std::vector<const Model*>& models, const Workload& w) {
  std::vector<ModelPrices> prices;
  Json views = Json::array();
  const ReasoningTable& reasoning = reasoningTableOf(c);
  for (const Model* m : models) {
    prices.push_back(pricesOf(c, reasoning, *m, w));
    views.push_back(modelView(c, *m, prices.back(), w));
  }
  int cheapest = -1;
  for (size_t i = 0; i < prices.size(); ++i)
    if (prices[i].monthly &&
        (cheapest < 0 || prices[i].monthly->cost < prices[cheapest].monthly->cost))
      cheapest = static_cast<int>(i);

  Json specs = Json::array();
  for (const SpecRow& row : kSpecs) {
    Json values = Json::array();
    for (const Model* m : models) values.push_back(row.view(c, *m));
    specs.push_back({{"id", row.id}, {"label", row.label}, {"values", std::move(values)}});
  }
  Json capabilities = Json::array();
  for (const CapabilityInfo& cap : kCapabilities) {
    Json values = Json::array();
    for (const Model* m : models) values.push_back(capabilityValue(*m, cap.id));
    capabilities.push_back({{"id", cap.id}, {"name", cap.name}, {"values", std::move(values)}});
  }
  // Benchmarks at least two of the models have: a gap needs two scores.
  Json benchmarks = Json::array();
  for (const Benchmark& b : c.benchmarks) {
    Json values = Json::array();
    int known = 0, leader = -1;
    for (size_t i = 0; i < models.size(); ++i) {
      auto it = models[i]->benchmarks.find(b.id);
      if (it == models[i]->benchmarks.end()) {
        values.push_back(nullptr);
        continue;
      }
      double v = it->second.value;
      if (leader < 0 ||
          (b.higherIsBetter ? v > values[leader].get<double>() : v < values[leader].get<double>()))
        leader = static_cast<int>(i);
      values.push_back(v);
      ++known;
    }
    if (known >= 2)
      benchmarks.push_back({{"id", b.id},
                            {"name", b.name},
                            {"unit", b.unit},
                            {"values", std::move(values)},
                            {"leader", leader}});
  }
  Json providers = Json::array();
  for (const Provider& p : c.providers) {
    Json serves = Json::array();
    bool any = false;
    for (const Model* m : models) {
      bool live = false;
      for (const Offer* o : c.offersOf(*m))
        live = live || (o->provider == p.id && o->status == Status::Live);
      serves.push_back(live);
      any = any || live;
    }
    if (any) providers.push_back({{"id", p.id}, {"name", p.name}, {"models", std::move(serves)}});
  }
  return Json{{"workload", w},
              {"models", std::move(views)},
              {"cheapestMonthly", cheapest < 0 ? Json(nullptr) : Json(cheapest)},
              {"specs", std::move(specs)},
              {"capabilities", std::move(capabilities)},
              {"benchmarks", std::move(benchmarks)},
              {"providers", std::move(providers)}};
}

Json answerCompareMany(const Catalog& catalog, const std::vector<std::string>& names,
                       const Workload& w) {
  if (names.size() < 2 || names.size() > kMaxCompared)
    return errorJson("compare takes 2 to " + std::to_string(kMaxCompared) + " models, got " +
                     std::to_string(names.size()));
  if (auto problems = validateWorkload(w); !problems.empty())
    return errorJson(workloadError(problems), problems);
  return onWorkloadDay(catalog, w, [&](const Catalog& c) {
    std::vector<const Model*> models;
    std::string error;
    for (const std::string& name : names) {
      const Model* m = resolve(c, name, error);
      if (!m) return errorJson(error);
      models.push_back(m);
    }
    if (models.size() == 2) return answerPair(c, *models[0], *models[1], w);
    return Json{{"ok", true}, {"result", compareManyJson(c, models, w)}};
  });
}

Json answerModel(const Catalog& catalog, std::string_view name, const Workload& w) {
  if (auto problems = validateWorkload(w); !problems.empty())
    return errorJson(workloadError(problems), problems);
  return onWorkloadDay(catalog, w, [&](const Catalog& c) {
    std::string error;
    const Model* m = resolve(c, name, error);
    if (!m) return errorJson(error);
    Json result = modelJson(c, *m, w);
    result["analysis"] = modelAnalysis(c, *m, w);
    return Json{{"ok", true}, {"result", std::move(result)}};
  });
}

namespace {

// Two names resolved and a valid workload → answer(a, b); else the error.
template <class Answer>
Json answerTwo(const Catalog& catalog, std::string_view a, std::string_view b, const Workload& w,
               Answer answer) {
  if (auto problems = validateWorkload(w); !problems.empty())
    return errorJson(workloadError(problems), problems);
  return onWorkloadDay(catalog, w, [&](const Catalog& c) {
    std::string error;
    const Model* ma = resolve(c, a, error);
    if (!ma) return errorJson(error);
    const Model* mb = resolve(c, b, error);
    if (!mb) return errorJson(error);
    return answer(c, *ma, *mb);
  });
}

}  // namespace

Json answerCompare(const Catalog& c, std::string_view a, std::string_view b, const Workload& w) {
  return answerTwo(c, a, b, w, [&](const Catalog& priced, const Model& ma, const Model& mb) {
    return answerPair(priced, ma, mb, w);
  });
}

Json answerPairFigures(const Catalog& c, std::string_view a, std::string_view b,
                       const Workload& w) {
  return answerTwo(c, a, b, w, [&](const Catalog& priced, const Model& ma, const Model& mb) {
    return Json{{"ok", true}, {"result", pairFiguresJson(priced, ma, mb, w)}};
  });
}

}  // namespace versus
