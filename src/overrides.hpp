// A visitor's own prices: a negotiated rate for an offer, or a private model with its price.
// Applied on top of the catalog as facts whose source is "visitor", so the page can mark them as
// the visitor's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"

namespace versus {

inline constexpr std::string_view kVisitorSource = "visitor";
inline constexpr std::string_view kVisitorProvider = "visitor";
inline constexpr double kMaxVisitorPrice = 10000;  // USD per 1M tokens, as for the catalog
inline constexpr size_t kMaxOverrides = 50;        // custom prices and private models together
inline constexpr size_t kMaxPrivateNameBytes = 200;

struct PriceOverride {
  std::string model;     // id or alias
  std::string provider;  // provider id; absent: the visitor's own route
  std::optional<double> input, output, cacheRead;
};

struct PrivateModel {
  std::string name;
  double input = 0, output = 0;  // USD per 1M tokens
  std::optional<int64_t> context;
};

struct Overrides {
  std::vector<PriceOverride> prices;
  std::vector<PrivateModel> models;
  bool empty() const { return prices.empty() && models.empty(); }
};

bool from_json(const JsonReader& r, PriceOverride& o);
bool from_json(const JsonReader& r, PrivateModel& m);
bool from_json(const JsonReader& r, Overrides& o);
void to_json(Json& j, const Overrides& o);

// The id a private model gets: "custom/" and its name as an id.
std::string privateModelId(std::string_view name);

// The catalog with the visitor's prices applied; every problem names the override's JSON path.
std::optional<Catalog> applyOverrides(const Catalog& base, const Overrides& overrides,
                                      std::vector<Problem>& problems);

}  // namespace versus
