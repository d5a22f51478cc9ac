// What a usage costs: at one offer, blended per 1M tokens, at a model's cheapest route, per month.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "catalog.hpp"

namespace versus {

// Tokens of one request (or any amount of traffic).
struct Usage {
  double inputTokens = 0;
  double outputTokens = 0;
};

// A month of traffic and the input share used for blended prices.
struct Workload {
  double requests = 1'000'000;
  double inputTokens = 800;   // per request
  double outputTokens = 250;  // per request
  double ratio = 0.7;         // input share of a blended 1M tokens
};
void to_json(Json& j, const Workload& w);
// Every problem with a workload, each naming its field ("requests", "ratio", …).
std::vector<Problem> validateWorkload(const Workload& w);

// An offer that can price a usage: known input and output prices, not a free tier.
bool isPriced(const Offer& offer);
// An offer the cheapest route may use: priced and live.
bool isRoutable(const Offer& offer);

// USD for a usage at an offer; unknown when the offer is not priced. A long-context tier applies to
// the whole request once its input passes the tier's start.
std::optional<double> usageCost(const Offer& offer, const Usage& usage);
// USD per 1M tokens at input share `inputShare`, at base (untiered) prices.
std::optional<double> blendedPrice(const Offer& offer, double inputShare);

// The routable offer with the lowest cost by `cost`; ties go to the lower input price, then
// provider id.
const Offer* cheapestOffer(std::span<const Offer* const> offers,
                           const std::function<std::optional<double>(const Offer&)>& cost);
const Offer* cheapestOfferForUsage(std::span<const Offer* const> offers, const Usage& perRequest);
const Offer* cheapestOfferForBlend(std::span<const Offer* const> offers, double inputShare);

struct MonthlyCost {
  double cost = 0;
  double inputTokens = 0;   // a month
  double outputTokens = 0;  // a month
  const Offer* offer = nullptr;
};
// The month's bill at the model's cheapest route for this traffic; unknown when no route is priced.
std::optional<MonthlyCost> monthlyCost(std::span<const Offer* const> offers, const Workload& w);

}  // namespace versus
