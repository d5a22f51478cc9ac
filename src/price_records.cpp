#include "price_records.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <unordered_map>

#include "pricing.hpp"
#include "routes.hpp"
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

const Model* recordModel(const Catalog& c, const std::string& name) {
  // The rule every model field uses (search.hpp); a guess between several models is not a record's
  // model.
  Resolution r = resolveModelName(c, name);
  return r.also.empty() ? r.model : nullptr;
}

namespace {

constexpr std::string_view kFreeSuffix = ":free";

// The last "/"-separated segment of an id, lower case: "deepseek/deepseek-r1:free" →
// "deepseek-r1:free".
std::string lastSegment(std::string_view id) {
  size_t slash = id.rfind('/');
  return toLower(slash == std::string_view::npos ? id : id.substr(slash + 1));
}

// "deepseek-r1:free" for a name in OpenRouter's free-variant form, else "".
std::string freeVariant(std::string_view typedName) {
  std::string typed = lastSegment(typedName);
  return typed.ends_with(kFreeSuffix) ? typed : std::string();
}

// The free route a ":free" name stands for, among `offers` (a live one first); null when the name
// has no such suffix or the model has no such route.
const Offer* freeRouteNamed(const std::vector<const Offer*>& offers, std::string_view typedName) {
  std::string typed = freeVariant(typedName);
  if (typed.empty()) return nullptr;
  const Offer* found = nullptr;
  for (const Offer* o : offers)
    if (o->free && lastSegment(o->providerModelId) == typed &&
        (!found || o->status == Status::Live))
      found = o;
  return found;
}

}  // namespace

RecordRoute recordRoute(const Model& model, const Catalog& c, const std::string& provider,
                        std::string_view typedName) {
  std::vector<const Offer*> offers = c.offersOf(model);
  if (!provider.empty())
    std::erase_if(offers, [&](const Offer* o) { return o->provider != provider; });
  RecordRoute route;
  if (const Offer* free = freeRouteNamed(offers, typedName)) {
    // A free route that is gone is no reason to bill the paid one under the free name.
    if (free->status != Status::Live) {
      route.reason = "the free route " + free->providerModelId + " at \"" + free->provider +
                     "\" is " + std::string(toString(free->status));
      return route;
    }
    route.offer = free;
    route.free = true;
    return route;
  }
  // A typical request's shape picks among several offers at one provider.
  // Without a provider, the headline route (routes.hpp), as the comparison quotes it.
  if (provider.empty()) offers = headlineRoutes(c, model, offers, false);
  route.offer = cheapestOffer(offers, [](const Offer& o) { return usageCost(o, {1000, 250}); });
  if (!route.offer)
    route.reason = model.id + " has no priced live route" +
                   (provider.empty() ? "" : " at \"" + provider + "\"");
  return route;
}

double recordCost(const RecordRoute& route, double inputTokens, double outputTokens) {
  return route.free ? 0 : *usageCost(*route.offer, {inputTokens, outputTokens});
}

namespace {

std::string unknownModel(const std::string& name) { return "unknown model \"" + name + "\""; }

}  // namespace

Json priceRecordsJson(const Catalog& c, const std::vector<PriceRecord>& records) {
  std::unordered_map<std::string, const Model*> models;
  std::unordered_map<std::string, RecordRoute> routes;  // "model-id\nprovider"
  Json prices = Json::array();
  Json reasons = Json::array();
  size_t unresolved = 0;
  auto unpriced = [&](size_t i, std::string message) {
    prices.push_back(nullptr);
    ++unresolved;
    if (reasons.size() < kMaxPriceReasons)
      reasons.push_back({{"index", i}, {"message", std::move(message)}});
  };
  for (size_t i = 0; i < records.size(); ++i) {
    const PriceRecord& record = records[i];
    auto known = models.find(record.model);
    if (known == models.end())
      known = models.emplace(record.model, recordModel(c, record.model)).first;
    const Model* model = known->second;
    if (!model) {
      unpriced(i, unknownModel(record.model));
      continue;
    }
    // Names of one model share a route, but a ":free" name and the plain one take different ones.
    std::string key = model->id + "\n" + record.provider + "\n" + freeVariant(record.model);
    auto route = routes.find(key);
    if (route == routes.end())
      route = routes.emplace(key, recordRoute(*model, c, record.provider, record.model)).first;
    if (!route->second.offer) {
      unpriced(i, route->second.reason);
      continue;
    }
    prices.push_back(recordCost(route->second, record.inputTokens, record.outputTokens));
  }
  return Json{
      {"prices", std::move(prices)}, {"unresolved", unresolved}, {"reasons", std::move(reasons)}};
}

Json toJson(const PricedRecords& priced) {
  Json reasons = Json::array();
  for (const auto& reason : priced.reasons)
    reasons.push_back({{"index", reason.first}, {"message", reason.second}});
  return Json{{"unresolved", priced.unresolved}, {"reasons", std::move(reasons)}};
}

size_t RecordPricer::addKey(std::string name, std::string provider) {
  Key key;
  key.name = std::move(name);
  key.provider = std::move(provider);
  keys_.push_back(std::move(key));
  return keys_.size() - 1;
}

bool RecordPricer::addKeys(std::string_view keysJson, size_t first,
                           std::vector<Problem>& problems) {
  if (first > keys_.size()) {
    problems.push_back({"keys", "start at key " + std::to_string(first) + " but only " +
                                    std::to_string(keys_.size()) + " are known"});
    return false;
  }
  keys_.resize(first);
  if (keysJson.empty()) return true;
  const Json doc = Json::parse(keysJson, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_array() || doc.size() % 2 != 0) {
    problems.push_back({"keys", "must be a JSON array of (name, provider) string pairs"});
    return false;
  }
  std::vector<const Json*> strings;
  strings.reserve(doc.size());
  for (const Json& item : doc) {
    if (!item.is_string()) {
      problems.push_back({"keys[" + std::to_string(strings.size()) + "]", "expected a string"});
      return false;
    }
    strings.push_back(&item);
  }
  keys_.reserve(keys_.size() + strings.size() / 2);
  for (size_t i = 0; i < strings.size(); i += 2) {
    Key key;
    std::vector<Problem> found;
    bool ok = read(JsonReader(*strings[i], "model", found), key.name) &&
              read(JsonReader(*strings[i + 1], "provider", found), key.provider);
    if (!ok) key.problem = found.front();
    keys_.push_back(std::move(key));
  }
  return true;
}

void RecordPricer::forget() {
  ++generation_;
  models_.clear();
}

void RecordPricer::resolve(const Catalog& c, Key& key) {
  key.generation = generation_;
  auto known = models_.find(key.name);
  if (known == models_.end()) known = models_.emplace(key.name, recordModel(c, key.name)).first;
  if (!known->second) {
    key.route = RecordRoute{nullptr, false, unknownModel(key.name)};
    return;
  }
  key.route = recordRoute(*known->second, c, key.provider, key.name);
}

namespace {

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

}  // namespace

bool RecordPricer::price(const Catalog& c, std::span<const double> records, size_t base,
                         std::span<double> prices, PricedRecords& priced,
                         std::vector<Problem>& problems) {
  if (&c != catalog_) {
    forget();
    catalog_ = &c;
  }
  const size_t count = records.size() / kFields;
  const size_t firstProblem = problems.size();
  const double keyCount = static_cast<double>(keys_.size());
  auto bad = [&](size_t i, const char* field, std::string message) {
    std::string path = "records[" + std::to_string(base + i) + "]";
    if (*field) path += std::string(".") + field;
    problems.push_back({std::move(path), std::move(message)});
  };
  for (size_t i = 0; i < count && i < prices.size(); ++i) {
    const double* record = &records[i * kFields];
    const double id = record[0], input = record[1], output = record[2];
    prices[i] = std::numeric_limits<double>::quiet_NaN();
    // Written so that NaN fails each check.
    bool valid = true;
    if (!(id >= 0 && id < keyCount && id == std::floor(id))) {
      bad(i, "",
          "refers to key " + number(id) + ", which is not one of the " +
              std::to_string(keys_.size()) + " known");
      valid = false;
    }
    if (!(input >= 0 && input <= 1e9)) {
      bad(i, "inputTokens", "must be a number from 0 to 1e9, got " + number(input));
      valid = false;
    }
    if (!(output >= 0 && output <= 1e9)) {
      bad(i, "outputTokens", "must be a number from 0 to 1e9, got " + number(output));
      valid = false;
    }
    if (!valid) {
      if (problems.size() - firstProblem >= 20) break;
      continue;
    }
    Key& key = keys_[static_cast<size_t>(id)];
    if (key.problem) {
      bad(i, key.problem->path.c_str(), key.problem->message);
      if (problems.size() - firstProblem >= 20) break;
      continue;
    }
    if (problems.size() != firstProblem) continue;  // only checking from here on
    if (key.generation != generation_) resolve(c, key);
    if (!key.route.offer) {
      ++priced.unresolved;
      if (priced.reasons.size() < kMaxPriceReasons)
        priced.reasons.emplace_back(base + i, key.route.reason);
      continue;
    }
    prices[i] = recordCost(key.route, input, output);
  }
  if (prices.size() < count) {
    problems.push_back({"records", "room for " + std::to_string(prices.size()) + " prices but " +
                                       std::to_string(count) + " records"});
  }
  return problems.size() == firstProblem;
}

}  // namespace versus
