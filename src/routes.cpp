#include "routes.hpp"

#include <algorithm>

#include "pricing.hpp"

namespace versus {

bool isMakerRoute(const Catalog& c, const Model& model, const Offer& o) {
  const Provider* p = c.findProvider(o.provider);
  if (!p || p->type != "lab" || p->maker.empty()) return false;
  return model.id.compare(0, p->maker.size() + 1, p->maker + "/") == 0;
}

namespace {

constexpr double kDefaultBlend = 0.7;

}  // namespace

std::string_view toString(RouteFlag flag) {
  switch (flag) {
    case RouteFlag::Reseller:
      return "reseller";
    case RouteFlag::BelowMakerPrice:
      return "below the maker's price";
    case RouteFlag::FarBelowMedian:
      return "far below the median route";
    default:
      return "";
  }
}

RouteJudgement judgeRoutes(const Catalog& c, const Model& model,
                           std::span<const Offer* const> offers) {
  RouteJudgement j;
  j.flags.assign(offers.size(), RouteFlag::None);
  std::vector<double> blends;
  for (const Offer* o : offers) {
    if (!isRoutable(*o)) continue;
    if (!j.makerRoute && o->deployment.empty() && isMakerRoute(c, model, *o)) j.makerRoute = o;
    blends.push_back(*blendedPrice(*o, kDefaultBlend));
  }
  std::optional<double> mid =
      blends.size() >= kMedianMinRoutes ? medianOf(blends) : std::optional<double>();
  bool closed = model.openWeights && !model.openWeights->value;
  const Price* list = j.makerRoute ? &*j.makerRoute->price : nullptr;
  for (size_t i = 0; i < offers.size(); ++i) {
    const Offer& o = *offers[i];
    const Provider* p = c.findProvider(o.provider);
    if (p && p->type == "reseller") {
      j.flags[i] = RouteFlag::Reseller;
      continue;
    }
    if (!isRoutable(o) || &o == j.makerRoute) continue;
    const Price& price = *o.price;
    double floor = 1 - kBelowMakerPriceMargin;
    if (closed && list && !isMakerRoute(c, model, o) &&
        (*price.input < *list->input * floor || *price.output < *list->output * floor)) {
      j.flags[i] = RouteFlag::BelowMakerPrice;
    } else if (mid && *blendedPrice(o, kDefaultBlend) < *mid * kFarBelowMedianShare) {
      j.flags[i] = RouteFlag::FarBelowMedian;
    }
  }
  return j;
}

std::vector<const Offer*> headlineRoutes(const Catalog& c, const Model& model,
                                         std::span<const Offer* const> offers, bool allRoutes) {
  if (allRoutes) return {offers.begin(), offers.end()};
  return headlineRoutes(offers, judgeRoutes(c, model, offers), false);
}

std::vector<const Offer*> headlineRoutes(std::span<const Offer* const> offers,
                                         const RouteJudgement& j, bool allRoutes) {
  std::vector<const Offer*> all(offers.begin(), offers.end());
  if (allRoutes) return all;
  std::vector<const Offer*> clean;
  bool priced = false;
  for (size_t i = 0; i < offers.size(); ++i) {
    if (j.flags[i] != RouteFlag::None) continue;
    clean.push_back(offers[i]);
    priced = priced || isRoutable(*offers[i]);
  }
  return priced ? clean : all;
}

std::vector<const Offer*> offeringTier(std::vector<const Offer*> routes, ServiceTier tier) {
  if (tier == ServiceTier::Standard) return routes;
  std::vector<const Offer*> offering;
  for (const Offer* o : routes)
    if (isRoutable(*o) && o->price && servicePrice(*o->price, tier)) offering.push_back(o);
  return offering.empty() ? routes : offering;
}

TieRank headlineTieRank(const Catalog& c, const Model& model) {
  return [&c, &model](const Offer& o) {
    if (isMakerRoute(c, model, o)) return 0;
    const Provider* p = c.findProvider(o.provider);
    std::string_view type = p ? std::string_view(p->type) : std::string_view();
    for (size_t i = 0; i < kProviderTypes.size(); ++i)
      if (type == kProviderTypes[i]) return type == "reseller" ? 7 : static_cast<int>(i) + 1;
    return 6;
  };
}

Headline headline(const Catalog& c, const Model& model, std::span<const Offer* const> offers,
                  const Workload& w, double reasoningRatio) {
  if (w.allRoutes) return headline(c, model, offers, w, RouteJudgement{}, reasoningRatio);
  return headline(c, model, offers, w, judgeRoutes(c, model, offers), reasoningRatio);
}

Headline headline(const Catalog& c, const Model& model, std::span<const Offer* const> offers,
                  const Workload& w, const RouteJudgement& judgement, double reasoningRatio) {
  std::vector<const Offer*> head =
      offeringTier(headlineRoutes(offers, judgement, w.allRoutes), serviceTierOf(w));
  TieRank rank = headlineTieRank(c, model);
  Headline h;
  h.monthly = monthlyCost(head, w, rank, reasoningRatio);
  h.blendRoute = cheapestOfferForBlend(head, w.ratio, rank);
  if (h.blendRoute) h.blended = blendedPrice(*h.blendRoute, w.ratio);
  return h;
}

}  // namespace versus
