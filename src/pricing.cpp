#include "pricing.hpp"

#include <cmath>

namespace versus {

void to_json(Json& j, const Workload& w) {
  j = Json{{"requests", w.requests},
           {"inputTokens", w.inputTokens},
           {"outputTokens", w.outputTokens},
           {"ratio", w.ratio}};
}

std::vector<Problem> validateWorkload(const Workload& w) {
  std::vector<Problem> problems;
  auto check = [&](const char* field, double v, double max, const char* what) {
    if (!std::isfinite(v))
      problems.push_back(
          {field, std::string("must be a number, got ") + (std::isnan(v) ? "NaN" : "infinity")});
    else if (v < 0)
      problems.push_back({field, std::string("cannot be negative (") + what + ")"});
    else if (v > max)
      problems.push_back({field, std::string("is too large (") + what + ")"});
  };
  // Bounds keep every product finite: 1e12 requests × 1e9 tokens × $1e4/1M stays far below DBL_MAX.
  check("requests", w.requests, 1e12, "requests a month");
  check("inputTokens", w.inputTokens, 1e9, "input tokens per request");
  check("outputTokens", w.outputTokens, 1e9, "output tokens per request");
  if (!std::isfinite(w.ratio))
    problems.push_back({"ratio", "must be a number between 0 and 1"});
  else if (w.ratio < 0 || w.ratio > 1)
    problems.push_back(
        {"ratio", "must be between 0 and 1 (the input share of a blended 1M tokens)"});
  return problems;
}

bool isPriced(const Offer& offer) {
  return !offer.free && offer.price && offer.price->input && offer.price->output;
}

bool isRoutable(const Offer& offer) { return offer.status == Status::Live && isPriced(offer); }

std::optional<double> usageCost(const Offer& offer, const Usage& usage) {
  if (!isPriced(offer)) return std::nullopt;
  double input = *offer.price->input;
  double output = *offer.price->output;
  for (const TierPrice& tier : offer.price->tiers) {
    if (usage.inputTokens > static_cast<double>(tier.start)) {
      if (tier.input) input = *tier.input;
      if (tier.output) output = *tier.output;
    }
  }
  return (usage.inputTokens * input + usage.outputTokens * output) / 1e6;
}

std::optional<double> blendedPrice(const Offer& offer, double inputShare) {
  if (!isPriced(offer)) return std::nullopt;
  return inputShare * *offer.price->input + (1 - inputShare) * *offer.price->output;
}

const Offer* cheapestOffer(std::span<const Offer* const> offers,
                           const std::function<std::optional<double>(const Offer&)>& cost) {
  const Offer* best = nullptr;
  double bestCost = 0;
  for (const Offer* offer : offers) {
    if (!isRoutable(*offer)) continue;
    std::optional<double> c = cost(*offer);
    if (!c) continue;
    bool better =
        !best || *c < bestCost ||
        (*c == bestCost &&
         (*offer->price->input < *best->price->input ||
          (*offer->price->input == *best->price->input && offer->provider < best->provider)));
    if (better) {
      best = offer;
      bestCost = *c;
    }
  }
  return best;
}

const Offer* cheapestOfferForUsage(std::span<const Offer* const> offers, const Usage& perRequest) {
  return cheapestOffer(offers, [&](const Offer& o) { return usageCost(o, perRequest); });
}

const Offer* cheapestOfferForBlend(std::span<const Offer* const> offers, double inputShare) {
  return cheapestOffer(offers, [&](const Offer& o) { return blendedPrice(o, inputShare); });
}

std::optional<MonthlyCost> monthlyCost(std::span<const Offer* const> offers, const Workload& w) {
  Usage perRequest{w.inputTokens, w.outputTokens};
  const Offer* offer = cheapestOfferForUsage(offers, perRequest);
  if (!offer) return std::nullopt;
  MonthlyCost m;
  m.offer = offer;
  m.cost = *usageCost(*offer, perRequest) * w.requests;
  m.inputTokens = w.inputTokens * w.requests;
  m.outputTokens = w.outputTokens * w.requests;
  return m;
}

}  // namespace versus
