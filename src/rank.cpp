#include "rank.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "format.hpp"
#include "price_history.hpp"
#include "reasoning.hpp"
#include "routes.hpp"
#include "search.hpp"

namespace versus {

bool from_json(const JsonReader& r, RankFilter& f) {
  if (!r.expectObject()) return false;
  bool ok =
      allOf({r.optional("capabilities", f.capabilities), r.optional("minContext", f.minContext),
             r.optional("openWeightsOnly", f.openWeightsOnly), r.optional("benchmark", f.benchmark),
             r.optional("minScore", f.minScore), r.optional("provider", f.provider),
             r.optional("byOffer", f.byOffer), r.optional("kinds", f.kinds)});
  if (f.minScore && f.benchmark.empty()) {
    r.problemAt("minScore", "needs a benchmark");
    ok = false;
  }
  return ok;
}

void to_json(Json& j, const RankFilter& f) {
  j = Json{{"capabilities", f.capabilities},
           {"minContext", f.minContext ? Json(*f.minContext) : Json(nullptr)},
           {"openWeightsOnly", f.openWeightsOnly},
           {"benchmark", f.benchmark},
           {"minScore", f.minScore ? Json(*f.minScore) : Json(nullptr)},
           {"provider", f.provider},
           {"byOffer", f.byOffer},
           {"kinds", f.kinds}};
}

std::vector<Problem> validateFilter(const Catalog& c, const RankFilter& f) {
  std::vector<Problem> problems;
  for (size_t i = 0; i < f.capabilities.size(); ++i) {
    bool known =
        std::any_of(kCapabilities.begin(), kCapabilities.end(),
                    [&](const CapabilityInfo& cap) { return cap.id == f.capabilities[i]; });
    if (!known)
      problems.push_back({"capabilities[" + std::to_string(i) + "]",
                          "\"" + f.capabilities[i] + "\" is not a known capability"});
  }
  if (!f.benchmark.empty() && !c.findBenchmark(f.benchmark))
    problems.push_back({"benchmark", "\"" + f.benchmark + "\" is not a benchmark in the catalog"});
  if (!f.provider.empty() && !c.findProvider(f.provider))
    problems.push_back({"provider", "\"" + f.provider + "\" is not a provider in the catalog"});
  if (f.minContext && *f.minContext < 0) problems.push_back({"minContext", "cannot be negative"});
  for (size_t i = 0; i < f.kinds.size(); ++i)
    if (!isModelKind(f.kinds[i]))
      problems.push_back(
          {"kinds[" + std::to_string(i) + "]", "\"" + f.kinds[i] + "\" " + notAModelKind()});
  return problems;
}

namespace {

bool passesModelFilters(const Model& m, const RankFilter& f) {
  if (m.status != Status::Live) return false;
  if (f.kinds.empty() ? m.kind != kTextKind
                      : std::find(f.kinds.begin(), f.kinds.end(), m.kind) == f.kinds.end())
    return false;
  for (const std::string& cap : f.capabilities) {
    auto it = m.capabilities.find(cap);
    if (it == m.capabilities.end() || !it->second.value) return false;
  }
  if (f.minContext && (!m.context || m.context->value < *f.minContext)) return false;
  if (f.openWeightsOnly && (!m.openWeights || !m.openWeights->value)) return false;
  if (f.minScore) {
    auto it = m.benchmarks.find(f.benchmark);
    if (it == m.benchmarks.end() || it->second.value < *f.minScore) return false;
  }
  return true;
}

}  // namespace

Ranking rankModels(const Catalog& c, const Workload& w, const RankFilter& f, size_t limit) {
  Ranking ranking;
  std::vector<RankRow> rows;
  const ReasoningTable& reasoning = reasoningTableOf(c);
  for (const Model& m : c.models) {
    if (!passesModelFilters(m, f)) continue;
    double ratio = reasoningRatioFor(reasoning, m, w);
    std::vector<const Offer*> offers = c.offersOf(m);
    if (!f.provider.empty())
      std::erase_if(offers, [&](const Offer* o) { return o->provider != f.provider; });
    if (f.byOffer) {
      bool any = false;
      for (const Offer* o : offers) {
        if (!isRoutable(*o)) continue;
        std::optional<MonthlyCost> month = monthlyCostAt(*o, w, ratio);
        if (!month) continue;  // not offered in the workload's region
        rows.push_back({&m, *month});
        any = true;
      }
      if (!any) ++ranking.unpriced;
    } else if (std::optional<MonthlyCost> month = f.provider.empty()
                                                      ? headline(c, m, offers, w, ratio).monthly
                                                      : monthlyCost(offers, w, {}, ratio)) {
      rows.push_back({&m, *month});
    } else {
      ++ranking.unpriced;
    }
  }
  ranking.matched = rows.size();
  auto cheaper = [](const RankRow& x, const RankRow& y) {
    if (x.month.cost != y.month.cost) return x.month.cost < y.month.cost;
    if (x.model->name != y.model->name) return x.model->name < y.model->name;
    return x.month.offer->provider < y.month.offer->provider;
  };
  size_t keep = std::min(limit, rows.size());
  std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(keep), rows.end(),
                    cheaper);
  rows.resize(keep);
  ranking.rows = std::move(rows);
  return ranking;
}

namespace {

// The ranking of the catalog as given (rankJson prices it on the workload's day first).
Json rankJsonOf(const Catalog& c, const Workload& w, const RankFilter& f, size_t limit) {
  Ranking ranking = rankModels(c, w, f, limit);
  Json rows = Json::array();
  size_t rank = 0;
  for (const RankRow& row : ranking.rows) {
    const Model& m = *row.model;
    const Offer& o = *row.month.offer;
    const Provider* p = c.findProvider(o.provider);
    Json j{{"rank", ++rank},
           {"id", m.id},
           {"name", m.name},
           {"creator", m.creator ? Json(m.creator->value) : Json(nullptr)},
           {"provider", {{"id", o.provider}, {"name", p ? p->name : o.provider}}},
           {"monthly", row.month.cost},
           {"perRequest", w.requests > 0 ? Json(row.month.cost / w.requests) : Json(nullptr)},
           {"blended", *blendedPrice(o, w.ratio)},
           {"input", *o.price->input},
           {"output", *o.price->output},
           {"context", m.context ? Json(m.context->value) : Json(nullptr)},
           {"openWeights", m.openWeights ? Json(m.openWeights->value) : Json(nullptr)},
           {"assumptions", row.month.breakdown.assumptions},
           {"source", o.source}};
    if (!f.benchmark.empty()) {
      auto it = m.benchmarks.find(f.benchmark);
      j["score"] = it == m.benchmarks.end() ? Json(nullptr) : Json(it->second.value);
    }
    rows.push_back(std::move(j));
  }
  return Json{{"workload", w},
              {"filter", f},
              {"matched", ranking.matched},
              {"unpriced", ranking.unpriced},
              {"rows", std::move(rows)}};
}

}  // namespace

Json rankJson(const Catalog& catalog, const Workload& w, const RankFilter& f, size_t limit) {
  return onWorkloadDay(catalog, w, [&](const Catalog& c) { return rankJsonOf(c, w, f, limit); });
}

const RivalPools& rivalPoolsOf(const Catalog& c) {
  if (!c.rivalPools.value) {
    const Workload w;  // the default workload: rivals do not move with the visitor's traffic
    const size_t all = c.models.size();
    // Each ranking kept as its models and blended prices only (a ranking's rows carry their bills'
    // breakdowns: about 1 kB a row, 25 MB at 20k models); the second is made once the first is.
    auto lean = [&](const Ranking& r) {
      std::vector<RivalRow> rows;
      rows.reserve(r.rows.size());
      for (const RankRow& row : r.rows) {
        std::optional<double> b = blendedPrice(*row.month.offer, w.ratio);
        rows.push_back({row.model, b ? *b : 0.0});
      }
      return rows;
    };
    auto pools = std::make_shared<RivalPools>();
    pools->priced = lean(rankModels(c, w, RankFilter{}, all));
    RankFilter benchmarked;
    benchmarked.benchmark = "aa-intelligence";
    benchmarked.minScore = 0;
    if (validateFilter(c, benchmarked).empty())
      pools->scored = lean(rankModels(c, w, benchmarked, all));
    c.rivalPools.value = std::move(pools);
  }
  return *c.rivalPools.value;
}

std::vector<Rival> suggestRivals(const Catalog& c, std::string_view id,
                                 const std::vector<std::string>& exclude, size_t limit) {
  const RivalPools& pools = rivalPoolsOf(c);
  const std::vector<RivalRow>& priced = pools.priced;
  const std::vector<RivalRow>& scored = pools.scored;

  std::vector<Rival> out;
  std::set<std::string, std::less<>> skip(exclude.begin(), exclude.end());
  skip.emplace(id);
  std::set<std::string> names;
  auto nameKey = [](std::string_view name) {
    std::string k = toLower(name);
    while (!k.empty() && k.back() == ' ') k.pop_back();
    while (!k.empty() && k.front() == ' ') k.erase(k.begin());
    return k;
  };
  auto add = [&](const Model& m, std::string why) {
    std::string key = nameKey(m.name);
    if (out.size() >= limit || key.empty() || skip.count(m.id) || names.count(key)) return;
    skip.insert(m.id);
    names.insert(key);
    out.push_back({&m, std::move(why)});
  };
  auto find = [&](const std::vector<RivalRow>& rows) -> const RivalRow* {
    for (const RivalRow& r : rows)
      if (r.model->id == id) return &r;
    return nullptr;
  };
  const RivalRow* me = find(scored);
  const std::vector<RivalRow>* pool = &scored;
  if (!me) {
    me = find(priced);
    if (me && scored.empty()) pool = &priced;
  }
  if (!me) {
    // No priced route: models whose names share its first two words.
    const Model* m = c.findModel(id);
    if (!m) return out;
    std::string query;  // the name's first two words
    size_t words = 0;
    for (size_t i = 0; i < m->name.size() && words < 2; ++i) {
      bool space = m->name[i] == ' ';
      if (!space) query += m->name[i];
      if (space && !query.empty() && query.back() != ' ') query += ' ', ++words;
    }
    while (!query.empty() && query.back() == ' ') query.pop_back();
    if (query.empty()) return out;
    names.insert(nameKey(m->name));
    for (const SearchHit& h : searchModels(c, query, 12)) add(*h.model, "similar name");
    return out;
  }
  names.insert(nameKey(me->model->name));
  auto logPrice = [&](const RivalRow& r) { return std::log(std::max(r.blended, 1e-6)); };
  const double mine = logPrice(*me);
  // Rows by their distance in log price from the model's, nearest first (ties in pool order); each
  // row's price worked out once, not in every comparison.
  auto nearest = [&](const std::vector<const RivalRow*>& rows) {
    std::vector<std::pair<double, const RivalRow*>> keyed;
    keyed.reserve(rows.size());
    for (const RivalRow* r : rows) keyed.emplace_back(std::fabs(logPrice(*r) - mine), r);
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<const RivalRow*> sorted;
    sorted.reserve(keyed.size());
    for (const auto& k : keyed) sorted.push_back(k.second);
    return sorted;
  };
  auto pointers = [](const std::vector<RivalRow>& rows) {
    std::vector<const RivalRow*> out;
    for (const RivalRow& r : rows) out.push_back(&r);
    return out;
  };
  if (me->model->creator && !me->model->creator->value.empty()) {
    const std::string& creator = me->model->creator->value;
    const std::string creatorKey = toLower(creator);
    std::vector<const RivalRow*> same;
    for (const RivalRow& r : priced)
      if (r.model->creator && r.model->id != id && toLower(r.model->creator->value) == creatorKey)
        same.push_back(&r);
    same = nearest(same);
    std::set<std::string_view> benchmarkedIds;
    for (const RivalRow& r : *pool) benchmarkedIds.insert(r.model->id);
    // The benchmarked ones of the same creator first.
    std::stable_partition(same.begin(), same.end(), [&](const RivalRow* r) {
      return benchmarkedIds.count(r->model->id) > 0;
    });
    size_t cap = std::min(limit, size_t{2});
    for (size_t i = 0; i < same.size() && i < 6 && out.size() < cap; ++i)
      add(*same[i]->model, "also by " + creator);
  }
  for (const std::vector<RivalRow>* rows :
       {pool, static_cast<const std::vector<RivalRow>*>(&priced)}) {
    if (out.size() >= limit) break;  // the second pool only when the first had too few
    for (const RivalRow* r : nearest(pointers(*rows))) {
      if (out.size() >= limit) break;
      add(*r->model, "similar price (" + formatUsd(r->blended) + " / 1M blended)");
    }
  }
  return out;
}

Json rivalsJson(const std::vector<Rival>& rivals) {
  Json out = Json::array();
  for (const Rival& r : rivals)
    out.push_back({{"id", r.model->id}, {"name", r.model->name}, {"why", r.why}});
  return out;
}

}  // namespace versus
