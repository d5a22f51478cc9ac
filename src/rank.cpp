#include "rank.hpp"

#include <algorithm>

#include "routes.hpp"

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
  for (const Model& m : c.models) {
    if (!passesModelFilters(m, f)) continue;
    std::vector<const Offer*> offers = c.offersOf(m);
    if (!f.provider.empty())
      std::erase_if(offers, [&](const Offer* o) { return o->provider != f.provider; });
    if (f.byOffer) {
      bool any = false;
      for (const Offer* o : offers) {
        if (!isRoutable(*o)) continue;
        rows.push_back({&m, *monthlyCostAt(*o, w)});
        any = true;
      }
      if (!any) ++ranking.unpriced;
    } else if (std::optional<MonthlyCost> month = f.provider.empty()
                                                      ? headline(c, m, offers, w).monthly
                                                      : monthlyCost(offers, w)) {
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

Json rankJson(const Catalog& c, const Workload& w, const RankFilter& f, size_t limit) {
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

}  // namespace versus
