// Which route a visitor sees first: the headline route policy (docs/routes.md). The cheapest route
// tracked is often a reseller's outlier (a batch price sold as standard, subscription points, a
// "stealth" discount), so the headline is the cheapest live priced route that is neither a
// reseller's nor an outlier. Flagged routes stay listed, with their flag; a visitor can include
// them (Workload::allRoutes).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "pricing.hpp"

namespace versus {

// A closed-weights model's route more than this share below its maker's own list price (input or
// output) is an outlier: no maker sells its model cheaper through a third party than at home.
inline constexpr double kBelowMakerPriceMargin = 0.10;
// Any model's route whose blended price (at the default 70/30 blend) is under this share of the
// median of its model's live priced routes is an outlier, once the model has enough routes for a
// median to mean something.
inline constexpr double kFarBelowMedianShare = 0.3;
inline constexpr size_t kMedianMinRoutes = 5;

enum class RouteFlag { None, Reseller, BelowMakerPrice, FarBelowMedian };
// The flag as the page and the CLI write it: "", "reseller", "below the maker's price", "far
// below the median route".
std::string_view toString(RouteFlag flag);

// The flag of each of `offers` (same order) for `model`, and its maker's own route, if tracked.
struct RouteJudgement {
  std::vector<RouteFlag> flags;
  const Offer* makerRoute = nullptr;  // live, priced, at the lab that makes the model
};
RouteJudgement judgeRoutes(const Catalog& c, const Model& model,
                           std::span<const Offer* const> offers);

// Whether `o` is at the lab that makes `model` (a provider of type lab whose maker is the id
// prefix).
bool isMakerRoute(const Catalog& c, const Model& model, const Offer& o);

// At one price, the maker's own route heads, then a cloud's, a host's, a gateway's, a route of no
// stated type, a reseller's.
TieRank headlineTieRank(const Catalog& c, const Model& model);

// The model's headline figures for a workload: the month's bill at its headline route, and the
// cheapest headline route at the workload's blend.
struct Headline {
  std::optional<MonthlyCost> monthly;
  const Offer* blendRoute = nullptr;
  std::optional<double> blended;
};
// `reasoningRatio`: the model's hidden reasoning tokens per visible output token the bill counts
// (reasoningRatioFor, reasoning.hpp; 0: visible output only).
Headline headline(const Catalog& c, const Model& model, std::span<const Offer* const> offers,
                  const Workload& w, double reasoningRatio = 0);
// The same, from a judgement of these `offers` already made (judgeRoutes): no second judging.
Headline headline(const Catalog& c, const Model& model, std::span<const Offer* const> offers,
                  const Workload& w, const RouteJudgement& judgement, double reasoningRatio = 0);

// The routes the headline picks from: the unflagged ones; every route when `allRoutes`, or when no
// unflagged route is priced (a model only resellers sell keeps a figure, flagged).
std::vector<const Offer*> headlineRoutes(const Catalog& c, const Model& model,
                                         std::span<const Offer* const> offers, bool allRoutes);
std::vector<const Offer*> headlineRoutes(std::span<const Offer* const> offers,
                                         const RouteJudgement& judgement, bool allRoutes);

// A flex or priority workload is a request for that service: of `routes`, those that price the tier
// head, and a route without it (which would bill standard, usually cheaper than priority) only when
// none of them does, so "priority" never quietly means a route that has no priority service.
std::vector<const Offer*> offeringTier(std::vector<const Offer*> routes, ServiceTier tier);

}  // namespace versus
