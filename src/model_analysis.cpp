#include "model_analysis.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "format.hpp"
#include "prose.hpp"
#include "reasoning.hpp"
#include "routes.hpp"

namespace versus {

using prose::cleanName;
using prose::formatTokens;
using prose::formatTrimmed;
using prose::joinAnd;

SizeClass sizeClassOf(double b) {
  if (b <= 4) return SizeClass::Tiny;
  if (b <= 40) return SizeClass::Small;
  if (b <= 150) return SizeClass::Medium;
  return SizeClass::Large;
}

PriceClass priceClassOf(double p) {
  if (p < 0.15) return PriceClass::Low;
  if (p <= 1) return PriceClass::Mid;
  return PriceClass::High;
}

namespace {

// Keys as std::string once, so that a lookup allocates nothing.
const std::string kIntelligence = "aa-intelligence";
const std::string kSpeed = "outputTokensPerSecond";
const std::string kTtft = "timeToFirstToken";
const std::string kReasoningTime = "reasoningTime";
const std::string kTtfat = "timeToFirstAnswerToken";
const std::string kReasoning = "reasoning";

template <class T>
const Fact<T>* findFact(const std::map<std::string, Fact<T>>& facts, const std::string& key) {
  auto it = facts.find(key);
  return it == facts.end() ? nullptr : &it->second;
}

std::optional<bool> capability(const Model& m, const std::string& id) {
  const Fact<bool>* f = findFact(m.capabilities, id);
  return f ? std::optional<bool>(f->value) : std::nullopt;
}

// Everything the peer classes need of one model.
struct Stats {
  std::optional<double> intelligence, speed, ttft, endToEnd, medianInput, medianOutput, blended,
      context, parameters;
  std::optional<double> verbosity,
      indexCost;  // running the Intelligence Index: output tokens (M), USD
  std::optional<bool> openWeights, reasoning;
  bool retired = false;
};

struct PriceRow {
  size_t model;
  double input, output;
};

// One pass over the offers (the median prices of every model) and one over the models.
std::vector<Stats> catalogStats(const Catalog& c) {
  std::vector<Stats> stats(c.models.size());
  std::unordered_map<std::string_view, size_t> index;
  index.reserve(c.models.size());
  for (size_t i = 0; i < c.models.size(); ++i) index.emplace(c.models[i].id, i);
  std::vector<PriceRow> rows;
  rows.reserve(c.offers.size());
  for (const Offer& o : c.offers) {
    if (!isRoutable(o)) continue;
    auto it = index.find(o.model);
    if (it != index.end()) rows.push_back({it->second, *o.price->input, *o.price->output});
  }
  std::sort(rows.begin(), rows.end(),
            [](const PriceRow& x, const PriceRow& y) { return x.model < y.model; });
  std::vector<double> ins, outs;
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    ins.clear();
    outs.clear();
    for (; j < rows.size() && rows[j].model == rows[i].model; ++j) {
      ins.push_back(rows[j].input);
      outs.push_back(rows[j].output);
    }
    Stats& s = stats[rows[i].model];
    s.medianInput = medianOf(ins);
    s.medianOutput = medianOf(outs);
    s.blended = blended31(*s.medianInput, *s.medianOutput);
    i = j;
  }
  for (size_t i = 0; i < c.models.size(); ++i) {
    const Model& m = c.models[i];
    Stats& s = stats[i];
    if (const Fact<double>* f = findFact(m.benchmarks, kIntelligence)) s.intelligence = f->value;
    if (const Fact<double>* f = findFact(m.speed, kSpeed))
      if (f->value > 0) s.speed = f->value;
    if (const Fact<double>* f = findFact(m.speed, kTtft)) s.ttft = f->value;
    s.endToEnd = endToEndSeconds(m);
    // Verbosity is every output token the run took, the answer and the hidden reasoning.
    const Fact<double>* answer = findFact(m.indexRun, "answerMillionTokens");
    const Fact<double>* reasoning = findFact(m.indexRun, "reasoningMillionTokens");
    if (answer) s.verbosity = answer->value + (reasoning ? reasoning->value : 0);
    if (const Fact<double>* f = findFact(m.indexRun, "costUsd")) s.indexCost = f->value;
    if (m.context && m.context->value > 0) s.context = static_cast<double>(m.context->value);
    if (m.parameters && m.parameters->value > 0) s.parameters = m.parameters->value;
    if (m.openWeights) s.openWeights = m.openWeights->value;
    s.reasoning = capability(m, kReasoning);
    s.retired = m.status == Status::Retired;
  }
  return stats;
}

const char* sizeName(SizeClass k) {
  switch (k) {
    case SizeClass::Tiny:
      return "Tiny";
    case SizeClass::Small:
      return "Small";
    case SizeClass::Medium:
      return "Medium";
    case SizeClass::Large:
      return "Large";
  }
  return "";
}
const char* sizeRange(SizeClass k) {
  switch (k) {
    case SizeClass::Tiny:
      return "up to 4B parameters";
    case SizeClass::Small:
      return "4B to 40B parameters";
    case SizeClass::Medium:
      return "40B to 150B parameters";
    case SizeClass::Large:
      return "over 150B parameters";
  }
  return "";
}
const char* sizeId(SizeClass k) {
  switch (k) {
    case SizeClass::Tiny:
      return "tiny";
    case SizeClass::Small:
      return "small";
    case SizeClass::Medium:
      return "medium";
    case SizeClass::Large:
      return "large";
  }
  return "";
}
const char* priceName(PriceClass k) {
  switch (k) {
    case PriceClass::Low:
      return "under $0.15 per 1M blended tokens";
    case PriceClass::Mid:
      return "$0.15 to $1 per 1M blended tokens";
    case PriceClass::High:
      return "over $1 per 1M blended tokens";
  }
  return "";
}
const char* priceId(PriceClass k) {
  switch (k) {
    case PriceClass::Low:
      return "price-under-0.15";
    case PriceClass::Mid:
      return "price-0.15-to-1";
    case PriceClass::High:
      return "price-over-1";
  }
  return "";
}

// Which models a model is measured against.
struct PeerClass {
  bool defined = false;
  std::string basis, id, name, description, why;  // why: when not defined
  bool nonReasoningOnly = false;
  std::vector<size_t> members;  // model indices, the model itself included
};

PeerClass peerClass(const Catalog& c, const std::vector<Stats>& stats, size_t self) {
  PeerClass k;
  const Stats& me = stats[self];
  k.nonReasoningOnly = me.reasoning == false;
  std::string reasoning = k.nonReasoningOnly ? "non-reasoning " : "";
  std::function<bool(const Stats&)> inClass;
  if (me.openWeights == true) {
    if (!me.parameters) {
      k.why = "its parameter count is not sourced, so its size class is unknown";
      return k;
    }
    SizeClass size = sizeClassOf(*me.parameters);
    k.basis = "size";
    k.id = std::string("open-weights-") + sizeId(size);
    k.name = sizeName(size);
    k.description = "open-weights " + reasoning + "models of the " + k.name + " size class (" +
                    sizeRange(size) + ")";
    inClass = [size](const Stats& s) {
      return s.openWeights == true && s.parameters && sizeClassOf(*s.parameters) == size;
    };
  } else {
    if (!me.blended) {
      k.why = "it has no priced provider route, so its price class is unknown";
      return k;
    }
    PriceClass price = priceClassOf(*me.blended);
    k.basis = "price";
    k.id = priceId(price);
    k.name = priceName(price);
    k.description = reasoning + "models priced " + k.name;
    inClass = [price](const Stats& s) { return s.blended && priceClassOf(*s.blended) == price; };
  }
  k.defined = true;
  for (size_t i = 0; i < stats.size(); ++i) {
    const Stats& s = stats[i];
    if (i != self && (s.retired || (k.nonReasoningOnly && s.reasoning != false))) continue;
    if (i == self || inClass(s)) k.members.push_back(i);
  }
  (void)c;
  return k;
}

enum class Better { Higher, Lower };

struct MetricWords {
  const char* better;
  const char* worse;
};

struct Metric {
  std::optional<double> value, median;
  int count = 0;
  std::string label;  // empty: no comparison
  std::string direction;
};

// The class median of one statistic and how the model's value reads against it.
Metric compare(const PeerClass& k, const std::vector<Stats>& stats,
               std::optional<double> Stats::*field, std::optional<double> value, Better better,
               MetricWords words, std::vector<double>& scratch) {
  Metric m;
  m.value = value;
  if (!k.defined) return m;
  scratch.clear();
  for (size_t i : k.members)
    if (const std::optional<double>& v = stats[i].*field) scratch.push_back(*v);
  m.count = static_cast<int>(scratch.size());
  if (scratch.empty()) return m;
  m.median = medianOf(scratch);
  if (!value || m.count < 2) return m;
  double tolerance = std::fabs(*m.median) * 0.01;  // within 1% of the median: about average
  double d = *value - *m.median;
  if (std::fabs(d) <= tolerance) {
    m.label = "about average";
    m.direction = "same";
  } else {
    bool good = better == Better::Higher ? d > 0 : d < 0;
    m.label = good ? words.better : words.worse;
    m.direction = good ? "better" : "worse";
  }
  return m;
}

Json metricJson(const Metric& m, const char* unit) {
  Json j{{"value", m.value ? Json(*m.value) : Json(nullptr)},
         {"unit", unit},
         {"peerMedian", m.median ? Json(*m.median) : Json(nullptr)},
         {"peerCount", m.count},
         {"label", m.label.empty() ? Json(nullptr) : Json(m.label)},
         {"direction", m.direction.empty() ? Json(nullptr) : Json(m.direction)}};
  return j;
}

std::string seconds(double s) { return formatTrimmed(s, s >= 10 ? 1 : 2) + " s"; }
std::string tps(double v) { return formatTrimmed(v, 1) + " tokens per second"; }

// "below average for its class (median 8 across 12 models)"; empty when there are no peers.
std::string againstPeers(const Metric& m, const std::string& medianText) {
  if (m.label.empty() || !m.median) return "";
  return m.label + " for its class (median " + medianText + " across " + std::to_string(m.count) +
         " models)";
}
// "cheaper than average; class median $0.11 across 5 models", for use inside parentheses.
std::string againstPeersInline(const Metric& m, const std::string& medianText) {
  if (m.label.empty() || !m.median) return "";
  return m.label + "; class median " + medianText + " across " + std::to_string(m.count) +
         " models";
}

}  // namespace

OfferPrices offerPrices(const Catalog& c, const Model& m) {
  std::vector<const Offer*> offers = c.offersOf(m);
  return offerPrices(c, m, offers, judgeRoutes(c, m, offers));
}

// `all`: the model's offers; `judged`: judgeRoutes of them.
OfferPrices offerPrices(const Catalog& c, const Model& m, const std::vector<const Offer*>& all,
                        const RouteJudgement& judged) {
  OfferPrices p;
  std::vector<double> ins, outs;
  std::vector<std::string_view> providers;
  // The cheapest prices are those of routes that may head (routes.hpp): a reseller's or a stealth
  // discount is no price the page quotes as "cheapest"; the medians take every priced route.
  std::vector<const Offer*> head = headlineRoutes(all, judged, false);
  TieRank rank = headlineTieRank(c, m);  // at one price, the maker's own route is named
  for (const Offer* o : all) {
    if (o->status != Status::Live) continue;
    ++p.liveRoutes;
    if (std::find(providers.begin(), providers.end(), o->provider) == providers.end())
      providers.push_back(o->provider);
    if (!isPriced(*o)) continue;
    ++p.pricedRoutes;
    double in = *o->price->input, out = *o->price->output;
    ins.push_back(in);
    outs.push_back(out);
    if (std::find(head.begin(), head.end(), o) == head.end()) continue;
    if (!p.cheapestInput || in < *p.cheapestInput ||
        (in == *p.cheapestInput && rank(*o) < rank(*p.cheapestInputOffer))) {
      p.cheapestInput = in;
      p.cheapestInputOffer = o;
    }
    if (!p.cheapestOutput || out < *p.cheapestOutput ||
        (out == *p.cheapestOutput && rank(*o) < rank(*p.cheapestOutputOffer))) {
      p.cheapestOutput = out;
      p.cheapestOutputOffer = o;
    }
  }
  p.providers = static_cast<int>(providers.size());
  if (!ins.empty()) {
    p.medianInput = medianOf(ins);
    p.medianOutput = medianOf(outs);
  }
  return p;
}

std::optional<double> endToEndSeconds(const Model& m, double outputTokens) {
  const Fact<double>* speed = findFact(m.speed, kSpeed);
  if (!speed || speed->value <= 0) return std::nullopt;
  // Measured time to the first answer token already holds any reasoning (Artificial Analysis' own
  // end-to-end time is exactly this plus the generation, for every row of its snapshot).
  if (const Fact<double>* answer = findFact(m.speed, kTtfat))
    return answer->value + outputTokens / speed->value;
  const Fact<double>* ttft = findFact(m.speed, kTtft);
  if (!ttft) return std::nullopt;
  double thinking = 0;
  if (const Fact<double>* r = findFact(m.speed, kReasoningTime))
    thinking = r->value;
  else if (capability(m, kReasoning) != false)
    return std::nullopt;  // reasons, or may: its thinking time is unknown
  return ttft->value + thinking + outputTokens / speed->value;
}

Json modelAnalysis(const Catalog& c, const Model& m, const Workload& w) {
  std::vector<Stats> stats = catalogStats(c);
  // The model's place in the catalog, found by id so that a copy of a catalog model works too.
  const Model* inCatalog = c.findModel(m.id);
  if (!inCatalog) return Json{{"id", m.id}, {"error", "model not in catalog"}};
  size_t self = static_cast<size_t>(inCatalog - c.models.data());
  const Stats& me = stats[self];
  PeerClass k = peerClass(c, stats, self);
  const std::vector<const Offer*> offers = c.offersOf(m);
  const RouteJudgement judged = judgeRoutes(c, m, offers);  // one judging for prices and the bill
  OfferPrices prices = offerPrices(c, m, offers, judged);
  std::vector<double> scratch;
  scratch.reserve(c.models.size());

  const MetricWords higher{"above average", "below average"};
  const MetricWords fast{"faster than average", "slower than average"};
  const MetricWords cheap{"cheaper than average", "more expensive than average"};
  const MetricWords big{"larger than average", "smaller than average"};
  Metric intel =
      compare(k, stats, &Stats::intelligence, me.intelligence, Better::Higher, higher, scratch);
  Metric speed = compare(k, stats, &Stats::speed, me.speed, Better::Higher, fast, scratch);
  Metric ttft = compare(k, stats, &Stats::ttft, me.ttft, Better::Lower, fast, scratch);
  Metric e2e = compare(k, stats, &Stats::endToEnd, me.endToEnd, Better::Lower, fast, scratch);
  Metric in = compare(k, stats, &Stats::medianInput, me.medianInput, Better::Lower, cheap, scratch);
  Metric out =
      compare(k, stats, &Stats::medianOutput, me.medianOutput, Better::Lower, cheap, scratch);
  Metric blend = compare(k, stats, &Stats::blended, me.blended, Better::Lower, cheap, scratch);
  Metric ctx = compare(k, stats, &Stats::context, me.context, Better::Higher, big, scratch);
  const MetricWords terse{"less verbose than average", "more verbose than average"};
  Metric verbosity =
      compare(k, stats, &Stats::verbosity, me.verbosity, Better::Lower, terse, scratch);
  Metric indexCost =
      compare(k, stats, &Stats::indexCost, me.indexCost, Better::Lower, cheap, scratch);

  std::vector<std::string> sourceIds;
  // Where a figure came from, and its fact's note where it says how it was measured (the AA
  // setting).
  auto provenance = [&](Json& j, const std::string& source, const std::string& date,
                        const std::string& note = "") {
    addProvenance(c, j, source, date);
    if (!note.empty()) j["note"] = note;
    if (std::find(sourceIds.begin(), sourceIds.end(), source) == sourceIds.end())
      sourceIds.push_back(source);
  };

  Json metrics = Json::object();
  {
    Json j = metricJson(intel, "index");
    if (const Fact<double>* f = findFact(m.benchmarks, kIntelligence))
      provenance(j, f->source, f->date, f->note);
    if (const Benchmark* b = c.findBenchmark("aa-intelligence")) j["name"] = b->name;
    metrics["intelligenceIndex"] = std::move(j);
  }
  {
    Json j = metricJson(speed, "tokens/s");
    if (const Fact<double>* f = findFact(m.speed, kSpeed))
      provenance(j, f->source, f->date, f->note);
    metrics["outputSpeed"] = std::move(j);
  }
  {
    Json j = metricJson(ttft, "s");
    if (const Fact<double>* f = findFact(m.speed, kTtft))
      provenance(j, f->source, f->date, f->note);
    metrics["timeToFirstToken"] = std::move(j);
  }
  std::optional<double> thinking;
  const Fact<double>* answer = findFact(m.speed, kTtfat);
  if (const Fact<double>* r = findFact(m.speed, kReasoningTime))
    thinking = r->value;
  else if (answer && me.ttft && answer->value > *me.ttft + 1e-9)
    thinking = answer->value - *me.ttft;  // the part of the wait before the answer spent reasoning
  else if (me.reasoning == false)
    thinking = 0.0;
  {
    Json j = metricJson(e2e, "s");
    j["outputTokens"] = kEndToEndOutputTokens;
    j["timeToFirstToken"] = me.ttft ? Json(*me.ttft) : Json(nullptr);
    j["reasoningTime"] = thinking ? Json(*thinking) : Json(nullptr);
    j["timeToFirstAnswerToken"] = answer ? Json(answer->value) : Json(nullptr);
    j["generation"] = me.speed ? Json(kEndToEndOutputTokens / *me.speed) : Json(nullptr);
    if (const Fact<double>* f = findFact(m.speed, kSpeed))
      if (!f->note.empty()) j["note"] = f->note;  // the setting its times were measured at
    metrics["endToEnd"] = std::move(j);
  }
  auto priceJson = [&](const Metric& metric, std::optional<double> cheapest, const Offer* route) {
    Json j = metricJson(metric, "USD per 1M tokens");
    j["median"] = j["value"];
    j["cheapest"] = cheapest ? Json(*cheapest) : Json(nullptr);
    j["cheapestProvider"] = nullptr;
    if (route) {
      const Provider* p = c.findProvider(route->provider);
      j["cheapestProvider"] = {{"id", route->provider},
                               {"name", p ? cleanName(p->name) : route->provider}};
      if (std::find(sourceIds.begin(), sourceIds.end(), route->source) == sourceIds.end())
        sourceIds.push_back(route->source);
    }
    return j;
  };
  metrics["inputPrice"] = priceJson(in, prices.cheapestInput, prices.cheapestInputOffer);
  metrics["outputPrice"] = priceJson(out, prices.cheapestOutput, prices.cheapestOutputOffer);
  metrics["blendedPrice"] = metricJson(blend, "USD per 1M tokens");
  metrics["blendedPrice"]["ratio"] = "3:1";
  {
    Json j = metricJson(ctx, "tokens");
    j["a4Pages"] = me.context ? Json(std::lround(*me.context / kTokensPerA4Page)) : Json(nullptr);
    j["tokensPerA4Page"] = kTokensPerA4Page;
    if (m.context) provenance(j, m.context->source, m.context->date);
    metrics["context"] = std::move(j);
  }
  metrics["providers"] = {{"providers", prices.providers},
                          {"liveRoutes", prices.liveRoutes},
                          {"pricedRoutes", prices.pricedRoutes}};
  // Seed page 004's verbosity (output tokens to run the Intelligence Index) and cost to run it.
  {
    Json j = metricJson(verbosity, "M tokens");
    if (const Fact<double>* f = findFact(m.indexRun, "answerMillionTokens")) {
      provenance(j, f->source, f->date);
      const Fact<double>* r = findFact(m.indexRun, "reasoningMillionTokens");
      j["answerMillionTokens"] = f->value;
      j["reasoningMillionTokens"] = r ? Json(r->value) : Json(nullptr);
    }
    metrics["verbosity"] = std::move(j);
  }
  {
    Json j = metricJson(indexCost, "USD");
    if (const Fact<double>* f = findFact(m.indexRun, "costUsd")) provenance(j, f->source, f->date);
    metrics["indexCost"] = std::move(j);
  }

  std::optional<MonthlyCost> month =
      headline(c, m, offers, w, judged, reasoningRatioFor(reasoningTableOf(c), m, w)).monthly;

  // ---- the summary, from the facts above --------------------------------------------------------
  std::string name = cleanName(m.name);
  if (name.empty()) name = m.id;
  std::vector<std::string> summary;
  {
    std::vector<std::string> adjectives;
    if (me.openWeights == true) adjectives.push_back("open-weights");
    if (me.openWeights == false) adjectives.push_back("proprietary");
    if (me.reasoning == true) adjectives.push_back("reasoning");
    if (me.reasoning == false) adjectives.push_back("non-reasoning");
    std::string kind;
    for (const std::string& a : adjectives) kind += a + " ";
    kind += "model";
    std::string s = name + " is " + prose::article(kind) + " " + kind;
    if (m.creator && !cleanName(m.creator->value).empty())
      s += " from " + cleanName(m.creator->value);
    if (m.released && m.released->value.size() >= 4) s += ", released " + m.released->value;
    s += ".";
    if (k.defined && k.members.size() > 1)
      s += " Its metrics are compared with the " + std::to_string(k.members.size()) + " " +
           k.description + " in the catalog, itself included.";
    else if (k.defined)
      s += " It is the only one of the " + k.description +
           " in the catalog, so its metrics have no peers to compare with.";
    else
      s += " It has no peer class: " + k.why + ".";
    if (me.openWeights != true && me.openWeights != false)
      s += " Whether its weights are open is not sourced.";
    if (me.reasoning != true && me.reasoning != false)
      s += " Whether it is a reasoning model is not sourced.";
    if (me.context)
      s += " It has " + prose::article(formatTokens(*me.context)) + " " +
           formatTokens(*me.context) + "-token context window (about " +
           formatNumber(std::round(*me.context / kTokensPerA4Page), 0) + " A4 pages)" +
           (m.knowledgeCutoff ? " with knowledge up to " + m.knowledgeCutoff->value : "") + ".";
    else
      s += " Its context window is not sourced in the catalog.";
    summary.push_back(s);
  }
  {
    std::string s;
    if (me.intelligence) {
      s = name + " scores " + formatTrimmed(*me.intelligence, 1) +
          " on the Artificial Analysis Intelligence Index";
      std::string v = againstPeers(intel, intel.median ? formatTrimmed(*intel.median, 1) : "");
      s += v.empty() ? "; no other model in its peer class has a score to compare with."
                     : ", " + v + ".";
    } else {
      s = "Its Artificial Analysis Intelligence Index score is not sourced in the catalog.";
    }
    summary.push_back(s);
  }
  {
    std::string s;
    auto withPeer = [&](const Metric& metric) {
      std::string v = againstPeersInline(metric, metric.median ? formatUsd(*metric.median) : "");
      return v.empty() ? std::string() : " (" + v + ")";
    };
    if (prices.pricedRoutes == 0) {
      s = "No live provider route with a price is tracked for " + name +
          ", so its prices are unknown.";
    } else {
      if (prices.pricedRoutes == 1)
        s = "Its only priced provider route charges ";
      else
        s = "Across its " + std::to_string(prices.pricedRoutes) +
            " priced provider routes, the median price is ";
      s += formatUsd(*prices.medianInput) + " per 1M input tokens" + withPeer(in) + " and " +
           formatUsd(*prices.medianOutput) + " per 1M output tokens" + withPeer(out) + ".";
      if (prices.pricedRoutes > 1) {
        auto provider = [&](const Offer* o) {
          const Provider* p = c.findProvider(o->provider);
          return p ? cleanName(p->name) : o->provider;
        };
        s += " The cheapest routes charge " + formatUsd(*prices.cheapestInput) +
             " per 1M input tokens (" + provider(prices.cheapestInputOffer) + ") and " +
             formatUsd(*prices.cheapestOutput) + " per 1M output tokens (" +
             provider(prices.cheapestOutputOffer) + ").";
      }
      s += " At a 3:1 input/output blend of the median prices that is " + formatUsd(*me.blended) +
           " per 1M tokens" + withPeer(blend) + ".";
    }
    if (month)
      s += " At " + formatTrimmed(w.requests, 0) + " requests a month of " +
           formatTrimmed(w.inputTokens, 2) + " input and " + formatTrimmed(w.outputTokens, 2) +
           " output tokens, the cheapest route comes to " + formatUsd(month->cost) + " a month.";
    summary.push_back(s);
  }
  {
    std::string s;
    if (me.speed) {
      s = "At " + tps(*me.speed) + ", " + name + " is ";
      std::string v =
          againstPeers(speed, speed.median ? formatTrimmed(*speed.median, 1) + " t/s" : "");
      s += v.empty() ? "the only model of its peer class with a measured output speed." : v + ".";
    } else {
      s = "Its output speed is not sourced in the catalog.";
    }
    if (me.ttft) {
      s += " Its time to first token is " + seconds(*me.ttft);
      std::string v = againstPeers(ttft, ttft.median ? seconds(*ttft.median) : "");
      s += v.empty() ? "." : ", " + v + ".";
    } else {
      s += " Its time to first token is not sourced.";
    }
    if (me.endToEnd && me.ttft && thinking) {
      std::vector<std::string> parts{seconds(*me.ttft) + " to the first token"};
      if (*thinking > 0) parts.push_back(seconds(*thinking) + " of thinking");
      parts.push_back(seconds(kEndToEndOutputTokens / *me.speed) + " of generation");
      s += " Producing 500 output tokens takes about " + seconds(*me.endToEnd) + " end to end (" +
           joinAnd(parts) + ").";
    } else if (me.endToEnd && answer) {
      // A reasoning model whose first streamed token is its first answer token: how the wait splits
      // between reasoning and the first token is not measured.
      s += " Producing 500 output tokens takes about " + seconds(*me.endToEnd) +
           " end to end: " + seconds(answer->value) +
           " until the answer starts, reasoning included, then " +
           seconds(kEndToEndOutputTokens / *me.speed) + " of generation.";
    } else if (me.speed && me.ttft) {
      s += " The end-to-end time for 500 output tokens is unknown because its reasoning time is "
           "not sourced.";
    }
    summary.push_back(s);
  }
  std::vector<std::string> attributions;
  for (const std::string& id : sourceIds)
    if (const Source* src = c.findSource(id))
      if (!src->attribution.empty() && std::find(attributions.begin(), attributions.end(),
                                                 src->attribution) == attributions.end())
        attributions.push_back(src->attribution);
  if (!attributions.empty()) {
    std::string s;
    for (const std::string& a : attributions) s += (s.empty() ? "" : " ") + a + ".";
    summary.push_back(s);
  }

  // ---- the FAQ (seed page 004 has one): each answer from the figures above, a question only where
  // the catalog has something to say, the unknown said once.
  Json faq = Json::array();
  auto ask = [&](const std::string& q, const std::string& a) {
    faq.push_back({{"question", q}, {"answer", a}});
  };
  auto providerName = [&](const Offer* o) {
    const Provider* p = o ? c.findProvider(o->provider) : nullptr;
    return p ? cleanName(p->name) : (o ? o->provider : std::string());
  };
  if (prices.cheapestInput && prices.cheapestOutput) {
    std::string a = name + " costs from " + formatUsd(*prices.cheapestInput) +
                    " per 1M input tokens (" + providerName(prices.cheapestInputOffer) + ") and " +
                    formatUsd(*prices.cheapestOutput) + " per 1M output tokens (" +
                    providerName(prices.cheapestOutputOffer) + ") at its verified routes";
    if (month)
      a += "; " + formatNumber(w.requests, 0) + " requests a month of " +
           formatNumber(w.inputTokens, 0) + " input and " + formatNumber(w.outputTokens, 0) +
           " output tokens cost " + formatUsd(month->cost) + " at " + providerName(month->offer);
    ask("How much does " + name + " cost?", a + ".");
  } else {
    ask("How much does " + name + " cost?", name + " has no priced live route in the catalog.");
  }
  if (prices.liveRoutes > 0)
    ask("Which providers serve " + name + "?",
        name + " has " + std::to_string(prices.liveRoutes) + " live route" +
            (prices.liveRoutes == 1 ? "" : "s") + " at " + std::to_string(prices.providers) +
            " provider" + (prices.providers == 1 ? "" : "s") + ", " +
            std::to_string(prices.pricedRoutes) +
            " of them priced; the table of providers lists each with its price and source.");
  if (me.context) {
    std::string a = name + " reads up to " + formatTokens(*me.context) + " tokens (about " +
                    formatNumber(std::round(*me.context / kTokensPerA4Page), 0) + " A4 pages)";
    if (m.maxOutput)
      a += " and writes up to " + formatTokens(m.maxOutput->value) + " tokens per answer";
    ask("How large is " + name + "'s context window?", a + ".");
  }
  if (me.intelligence) {
    std::string v = againstPeers(intel, intel.median ? formatTrimmed(*intel.median, 1) : "");
    ask("How smart is " + name + "?", name + " scores " + formatTrimmed(*me.intelligence, 1) +
                                          " on the Artificial Analysis Intelligence Index" +
                                          (v.empty() ? "" : ", " + v) + ".");
  }
  if (me.speed || me.ttft) {
    std::string a = name;
    if (me.speed) a += " writes " + formatTrimmed(*me.speed, 1) + " output tokens per second";
    if (me.speed && me.ttft) a += ", and";
    if (me.ttft) a += " starts answering after " + formatTrimmed(*me.ttft, 2) + " s";
    if (std::optional<double> t = me.endToEnd)
      a += "; a " + std::to_string(static_cast<int>(kEndToEndOutputTokens)) +
           "-token answer takes about " + formatTrimmed(*t, 1) + " s end to end";
    ask("How fast is " + name + "?", a + " (Artificial Analysis, the median across providers).");
  }
  if (me.reasoning) {
    std::string a = *me.reasoning
                        ? name +
                              " is a reasoning model: it thinks before it answers, and its "
                              "hidden reasoning tokens are billed as output"
                        : name + " is not a reasoning model";
    if (*me.reasoning && thinking && *thinking > 0)
      a += "; it spends about " + formatTrimmed(*thinking, 1) +
           " s reasoning before the first answer token";
    ask("Is " + name + " a reasoning model?", a + ".");
  }
  if (me.verbosity) {
    std::string a = "Running the Intelligence Index took " + name + " " +
                    formatTrimmed(*me.verbosity, 1) + "M output tokens";
    std::string v =
        againstPeers(verbosity, verbosity.median ? formatTrimmed(*verbosity.median, 1) + "M" : "");
    if (!v.empty()) a += ", " + v;
    if (me.indexCost) a += "; at its prices that cost " + formatUsd(*me.indexCost);
    ask("How many tokens does " + name + " use?", a + ".");
  }
  if (me.openWeights)
    ask("Are " + name + "'s weights open?",
        *me.openWeights
            ? name + " is open-weights: you can run it yourself, or at any host that serves it."
            : name +
                  " is proprietary: it runs only at its maker's API and the clouds and "
                  "gateways that resell it.");
  {
    std::vector<std::string> yes, no;
    for (const CapabilityInfo& info : kCapabilities) {
      auto it = m.capabilities.find(std::string(info.id));
      if (it == m.capabilities.end()) continue;
      std::string n(info.name);  // "Function calling" → "function calling"; "IDE integration" stays
      if (n.size() > 1 && std::islower(static_cast<unsigned char>(n[1])))
        n[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(n[0])));
      (it->second.value ? yes : no).push_back(n);
    }
    if (!yes.empty() || !no.empty()) {
      std::string a = yes.empty() ? "" : name + " supports " + prose::joinAnd(yes);
      if (!no.empty())
        a += (a.empty() ? name + " does not support " : "; not ") + prose::joinAnd(no);
      bool partial = yes.size() + no.size() < kCapabilities.size();
      ask("What can " + name + " do?",
          a + (partial ? ", by its sources; whether it has the other capabilities is not sourced."
                       : "."));
    }
  }
  if (m.released || m.knowledgeCutoff) {
    std::string a = name;
    if (m.released) a += " was released " + m.released->value;
    if (m.released && m.knowledgeCutoff) a += ", and";
    if (m.knowledgeCutoff) a += " knows of the world up to " + m.knowledgeCutoff->value;
    ask("When was " + name + " released?", a + ".");
  }

  Json sources = Json::array();
  for (const std::string& id : sourceIds) {
    const Source* s = c.findSource(id);
    sources.push_back(
        {{"id", id},
         {"name", s && !s->name.empty() ? s->name : id},
         {"date", s && !s->date.empty() ? Json(s->date) : Json(nullptr)},
         {"url", s && !s->url.empty() ? Json(s->url) : Json(nullptr)},
         {"attribution", s && !s->attribution.empty() ? Json(s->attribution) : Json(nullptr)}});
  }

  Json peer = nullptr;
  if (k.defined)
    peer = {
        {"basis", k.basis},
        {"id", k.id},
        {"name", k.name},
        {"description", k.description},
        {"reasoning", k.nonReasoningOnly ? "non-reasoning only" : "reasoning and non-reasoning"},
        {"members", k.members.size()}};
  return Json{{"id", m.id},
              {"name", name},
              {"openWeights", me.openWeights ? Json(*me.openWeights) : Json(nullptr)},
              {"reasoning", me.reasoning ? Json(*me.reasoning) : Json(nullptr)},
              {"parameters", me.parameters ? Json(*me.parameters) : Json(nullptr)},
              {"peerClass", peer},
              {"peerClassNote", k.defined ? Json(nullptr) : Json("No peer class: " + k.why + ".")},
              {"metrics", std::move(metrics)},
              {"monthly", month ? Json(month->cost) : Json(nullptr)},
              {"workload", w},
              {"summary", summary},
              {"faq", std::move(faq)},
              {"sources", std::move(sources)}};
}

}  // namespace versus
