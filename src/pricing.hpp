// What a usage costs: at one offer, blended per 1M tokens, at a model's cheapest route, per month.
// The cost model: cached input is part of input (not on top of it) and bills at the cache-read
// price; a share of requests can go through batch; a share of requests can carry a long prompt, and
// a long-context tier bills the whole request at its rates (its cache prices included, where it
// lists them) once the prompt passes the tier's start.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"

namespace versus {

enum class ServiceTier { Standard, Flex, Priority };

// Tokens of one request.
struct Usage {
  double inputTokens = 0;     // the whole prompt, cached tokens included
  double outputTokens = 0;    // the visible answer
  double cacheHitRate = 0;    // share of the prompt read from cache
  double cacheWriteRate = 0;  // share of the prompt written to cache
  bool batch = false;
  double reasoningTokens = 0;  // hidden reasoning, billed as output (Price::reasoningOutput)
  ServiceTier tier = ServiceTier::Standard;  // of a request not sent as batch
  bool hourCache = false;                    // cache writes kept an hour (Price::cacheWrite1h)
  double uplift = 1;  // the region's multiplier on every rate (Price::regionUplift)
};

// A month of traffic and the input share used for blended prices.
struct Workload {
  double requests = 1'000'000;
  double inputTokens = 800;   // per request
  double outputTokens = 250;  // per request
  double ratio = 0.7;         // input share of a blended 1M tokens
  double cacheHitRate = 0;    // share of input tokens read from cache
  double cacheWriteRate = 0;  // share of input tokens written to cache
  double batchShare = 0;      // share of requests sent through a batch API
  double longShare = 0;       // share of requests whose prompt is longInputTokens instead
  double longInputTokens = 0;
  // The headline route may be any route, resellers' and outliers' too (routes.hpp); JSON
  // "allRoutes", the hash's routes=all.
  bool allRoutes = false;
  // A day (YYYY-MM-DD): every offer priced as on that day by its history (catalogOnDay in
  // price_history.hpp), or unknown where the history does not reach; empty: the catalog's prices.
  // JSON "on", the CLI's --on.
  std::string on;
  // The choices of kWorkloadChoices (below): what output bills ("visible" answer only, or with the
  // model's "typical" hidden reasoning: reasoning.hpp), the service tier requests not sent as batch
  // use ("standard", "flex", "priority"), and how long a cache write is kept ("5m", "1h").
  std::string reasoning{"visible"}, tier{"standard"}, cacheLifetime{"5m"};
  // Where requests must be processed ("EU", "US"…): only routes in that region (Offer::region) or
  // priced for it (Price::regionUplift, every rate multiplied) are used. Empty: anywhere.
  std::string region;
};

// The workload's choices, each a word from a short list whose first is the default: the JSON
// reader and writer, validateWorkload, the hash (url_state.cpp), the CLI's flags (options.cpp) and
// engineLimits all read this one list.
struct WorkloadChoice {
  std::string_view name;  // the JSON key
  std::string_view hashKey, flag;
  std::string Workload::*member;
  std::array<std::string_view, 3> options;  // "" past the last
  std::string_view what;
};
inline constexpr WorkloadChoice kWorkloadChoices[] = {
    {"reasoning",
     "reasoning",
     "--reasoning",
     &Workload::reasoning,
     {"visible", "typical"},
     "what output bills: the visible answer, or with the model's typical reasoning"},
    {"tier",
     "tier",
     "--tier",
     &Workload::tier,
     {"standard", "flex", "priority"},
     "the service tier of requests not sent as batch"},
    {"cacheLifetime",
     "ttl",
     "--cache-ttl",
     &Workload::cacheLifetime,
     {"5m", "1h"},
     "how long a cache write is kept"},
};
// "visible or typical": the options of a choice, as a message lists them.
std::string choiceOptions(const WorkloadChoice& c);
inline constexpr size_t kMaxRegionBytes = 40;  // a region label, as the catalog's are

// The one list of a workload's fields: the JSON reader and writer, validateWorkload and the limits
// the page and the widget ask for (engineLimits) all read it. A share runs from 0 to 1; any other
// field from 0 to `max`, which keeps every product finite (1e12 requests × 1e9 tokens × $1e4/1M
// stays far below DBL_MAX).
struct WorkloadField {
  std::string_view name;
  double Workload::*member;
  double max;  // 1 for a share
  bool share;
  std::string_view what;
};
inline constexpr WorkloadField kWorkloadFields[] = {
    {"requests", &Workload::requests, 1e12, false, "requests a month"},
    {"inputTokens", &Workload::inputTokens, 1e9, false, "input tokens per request"},
    {"outputTokens", &Workload::outputTokens, 1e9, false, "output tokens per request"},
    {"ratio", &Workload::ratio, 1, true, "the input share of a blended 1M tokens"},
    {"cacheHitRate", &Workload::cacheHitRate, 1, true, "the share of input read from cache"},
    {"cacheWriteRate", &Workload::cacheWriteRate, 1, true, "the share of input written to cache"},
    {"batchShare", &Workload::batchShare, 1, true, "the share of requests sent as batch"},
    {"longShare", &Workload::longShare, 1, true, "the share of requests with a long prompt"},
    {"longInputTokens", &Workload::longInputTokens, 1e9, false, "input tokens of a long request"},
};

void to_json(Json& j, const Workload& w);
// Reads a workload; absent fields keep their defaults.
bool from_json(const JsonReader& r, Workload& w);
// Every problem with a workload, each naming its field ("requests", "ratio", …).
std::vector<Problem> validateWorkload(const Workload& w);

// The median of `v` (reorders it; `v` must not be empty): of the prices of a model's routes, or of
// a class of models' figures.
double medianOf(std::vector<double>& v);

// An offer that can price a usage: known input and output prices, not a free tier.
bool isPriced(const Offer& offer);
// An offer the cheapest route may use: priced and live.
bool isRoutable(const Offer& offer);

// What one usage costs at an offer, by part, and what had to be assumed to price it.
struct CostBreakdown {
  double input = 0;  // uncached input
  double cacheRead = 0;
  double cacheWrite = 0;
  double output = 0;
  double reasoning = 0;             // hidden reasoning tokens (Usage::reasoningTokens)
  double requests = 0;              // fees per request (Price::request)
  const TierPrice* tier = nullptr;  // the long-context tier applied, if any
  std::vector<std::string> assumptions;
  double total() const { return input + cacheRead + cacheWrite + output + reasoning + requests; }
  CostBreakdown& operator+=(const CostBreakdown& other);
  CostBreakdown scaled(double factor) const;
};
std::optional<CostBreakdown> usageBreakdown(const Offer& offer, const Usage& usage);
// USD for a usage at an offer; unknown when the offer is not priced.
std::optional<double> usageCost(const Offer& offer, const Usage& usage);
// USD per 1M tokens at input share `inputShare`, at base (untiered, uncached) prices.
std::optional<double> blendedPrice(const Offer& offer, double inputShare);

struct MonthlyCost {
  double cost = 0;
  double inputTokens = 0;      // a month
  double outputTokens = 0;     // a month, visible
  double reasoningTokens = 0;  // a month, hidden (with typical reasoning)
  CostBreakdown breakdown;     // a month
  const Offer* offer = nullptr;
};
// The service tier a workload names (Workload::tier).
ServiceTier serviceTierOf(const Workload& w);
// A service tier's rates at a price (input and output both known), or none: standard, or not
// offered.
const ServicePrice* servicePrice(const Price& p, ServiceTier tier);
// The multiplier on an offer's rates for requests processed in `region`: 1 for a route in that
// region (Offer::region, case-insensitive) or for any region when `region` is empty, the
// route's uplift where it prices the region, none when the route is not offered there.
std::optional<double> regionFactor(const Offer& offer, std::string_view region);

// The regions a workload may ask for: every live priced route's own region and every region a
// route prices by an uplift, with how many routes serve each → [{"id", "routes"}], by route count.
Json catalogRegions(const Catalog& c);

// The month's bill for a workload at one offer; unknown when the offer is not priced, or not
// offered in the workload's region. `reasoningRatio`: the hidden reasoning tokens billed per
// visible output token (reasoning.hpp; 0 unless the workload asks for typical reasoning).
std::optional<MonthlyCost> monthlyCostAt(const Offer& offer, const Workload& w,
                                         double reasoningRatio = 0);

// Which of two routes at one price to prefer (lower first); none: provider id decides.
using TieRank = std::function<int(const Offer&)>;
// The routable offer with the lowest cost by `cost`; ties go to the lower input price, then the
// lower tie rank, then provider id.
const Offer* cheapestOffer(std::span<const Offer* const> offers,
                           const std::function<std::optional<double>(const Offer&)>& cost,
                           const TieRank& tieRank = {});
const Offer* cheapestOfferForBlend(std::span<const Offer* const> offers, double inputShare,
                                   const TieRank& tieRank = {});
// The month's bill at the model's cheapest route for this workload; unknown when no route is
// priced.
std::optional<MonthlyCost> monthlyCost(std::span<const Offer* const> offers, const Workload& w,
                                       const TieRank& tieRank = {}, double reasoningRatio = 0);

}  // namespace versus
