// Pricing a stream of usage records, as a billing pipeline or a log would hand them over: each record
// names a model the way a person or an API typed it, a provider, and token counts.
#pragma once

#include <string>
#include <vector>

#include "catalog.hpp"

namespace versus {

struct PriceRecord {
  std::string model;     // id, alias, or the words of a name
  std::string provider;  // provider id; empty: the model's cheapest live route
  double inputTokens = 0, outputTokens = 0;
};
bool from_json(const JsonReader& r, PriceRecord& record);

// {"prices": [USD or null, …], "unresolved": n, "reasons": [{"index", "message"}, … at most 20]}.
// A record prices as null (with a reason) when its model or provider is unknown or has no priced route.
// Each distinct name and (model, provider) is resolved once per call.
Json priceRecordsJson(const Catalog& c, const std::vector<PriceRecord>& records);

}  // namespace versus
