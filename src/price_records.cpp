#include "price_records.hpp"

#include <cmath>
#include <unordered_map>

#include "pricing.hpp"
#include "search.hpp"

namespace versus {

bool from_json(const JsonReader& r, PriceRecord& record) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.required("model", record.model), r.optional("provider", record.provider),
                   r.required("inputTokens", record.inputTokens),
                   r.required("outputTokens", record.outputTokens)});
  if (ok && (record.inputTokens < 0 || record.outputTokens < 0 || record.inputTokens > 1e9 ||
             record.outputTokens > 1e9)) {
    r.problem("token counts must be between 0 and 1e9");
    ok = false;
  }
  return ok;
}

namespace {

// As a person's name for a model resolves elsewhere: an id or alias, else one model its words match.
const Model* resolveName(const Catalog& c, const std::string& name) {
  if (const Model* m = c.findModel(name)) return m;
  std::vector<SearchHit> hits = searchModels(c, name, 2);
  if (hits.size() == 1 || (!hits.empty() && hits[0].rank == 0)) return hits[0].model;
  return nullptr;
}

}  // namespace

Json priceRecordsJson(const Catalog& c, const std::vector<PriceRecord>& records) {
  std::unordered_map<std::string, const Model*> models;
  std::unordered_map<std::string, const Offer*> routes;  // "model-id\nprovider" → offer or null
  Json prices = Json::array();
  Json reasons = Json::array();
  size_t unresolved = 0;
  auto unpriced = [&](size_t i, std::string message) {
    prices.push_back(nullptr);
    ++unresolved;
    if (reasons.size() < 20) reasons.push_back({{"index", i}, {"message", std::move(message)}});
  };
  for (size_t i = 0; i < records.size(); ++i) {
    const PriceRecord& record = records[i];
    auto known = models.find(record.model);
    if (known == models.end()) known = models.emplace(record.model, resolveName(c, record.model)).first;
    const Model* model = known->second;
    if (!model) {
      unpriced(i, "unknown model \"" + record.model + "\"");
      continue;
    }
    std::string key = model->id + "\n" + record.provider;
    auto route = routes.find(key);
    if (route == routes.end()) {
      std::vector<const Offer*> offers = c.offersOf(*model);
      if (!record.provider.empty())
        std::erase_if(offers, [&](const Offer* o) { return o->provider != record.provider; });
      // A typical request's shape picks among several offers at one provider.
      const Offer* best = cheapestOffer(offers, [](const Offer& o) { return usageCost(o, {1000, 250}); });
      route = routes.emplace(key, best).first;
    }
    if (!route->second) {
      unpriced(i, model->id + " has no priced live route" +
                      (record.provider.empty() ? "" : " at \"" + record.provider + "\""));
      continue;
    }
    prices.push_back(*usageCost(*route->second, {record.inputTokens, record.outputTokens}));
  }
  return Json{{"prices", std::move(prices)}, {"unresolved", unresolved}, {"reasons", std::move(reasons)}};
}

}  // namespace versus
