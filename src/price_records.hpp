// Pricing a stream of usage records, as a billing pipeline or a log would hand them over: each
// record names a model the way a person or an API typed it, a provider, and token counts.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "catalog.hpp"

namespace versus {

struct PriceRecord {
  std::string model;     // id, alias, or the words of a name
  std::string provider;  // provider id; empty: the model's cheapest live route
  double inputTokens = 0, outputTokens = 0;
};
bool from_json(const JsonReader& r, PriceRecord& record);

// The most reasons an answer lists; `unresolved` still counts every unpriced record.
inline constexpr size_t kMaxPriceReasons = 20;

// A record's model as every model field resolves it (search.hpp resolveModelName); null when none
// matches or the best match is a guess between several.
const Model* recordModel(const Catalog& c, const std::string& name);

// The offer records of `model` at `provider` ("": any) price at: the cheapest live priced one for a
// typical request (1,000 input + 250 output tokens); or, when there is none, why. A name typed with
// OpenRouter's free-variant suffix (`deepseek-r1:free`) means that model's live free route whose
// provider model id ends in the same segment: it prices at $0 (`free`), never at the paid route.
struct RecordRoute {
  const Offer* offer = nullptr;
  bool free = false;   // offer is the named free route: every record costs $0
  std::string reason;  // set when offer is null
};
RecordRoute recordRoute(const Model& model, const Catalog& c, const std::string& provider,
                        std::string_view typedName = {});
// USD of a record at a route found by recordRoute (offer set).
double recordCost(const RecordRoute& route, double inputTokens, double outputTokens);

// {"prices": [USD or null, …], "unresolved": n, "reasons": [{"index", "message"}, … at most 20]}.
// A record prices as null (with a reason) when its model or provider is unknown or has no priced
// route. Each distinct name and (model, provider) is resolved once per call.
Json priceRecordsJson(const Catalog& c, const std::vector<PriceRecord>& records);

// What RecordPricer::price found besides the prices.
struct PricedRecords {
  size_t unresolved = 0;  // records priced as unknown
  std::vector<std::pair<size_t, std::string>>
      reasons;  // (index, why) of the first kMaxPriceReasons
};
// {"unresolved": n, "reasons": [{"index", "message"}, …]}.
Json toJson(const PricedRecords& priced);

// The stream pricer for packed records (the wasm module's fast path). A record is three numbers: a
// key, its input tokens and its output tokens; a key is an interned (typed name, provider) pair,
// sent once. What a key resolves to (its offer, or why it has none) is remembered across calls
// until forget(), which must be called whenever the catalog or the visitor's prices change. Priced
// with the same resolution and cost as priceRecordsJson, so both give the same numbers.
class RecordPricer {
 public:
  static constexpr size_t kFields = 3;  // key, inputTokens, outputTokens

  size_t keyCount() const { return keys_.size(); }
  // Interns a pair; returns its key. Keys do not depend on the catalog.
  size_t addKey(std::string name, std::string provider);
  // Keeps the first `first` keys and appends the pairs of `keysJson`, a JSON array
  // ["name", "provider", "name", "provider", …] ("" adds none). `first` above keyCount() is a
  // problem. A pair whose strings cannot be names (e.g. an unclosed bidi override) is kept and
  // reported at the first record that uses it.
  bool addKeys(std::string_view keysJson, size_t first, std::vector<Problem>& problems);
  // The catalog or the visitor's prices changed: resolve every key again when next used.
  void forget();

  // Prices records (kFields numbers each) into `prices` (one per record; NaN: unknown, its reason
  // in `priced`). Token counts must be numbers from 0 to 1e9 and keys must exist; otherwise returns
  // false with problems named "records[base + i].field" (at most 20) and the prices are not to be
  // used.
  bool price(const Catalog& c, std::span<const double> records, size_t base,
             std::span<double> prices, PricedRecords& priced, std::vector<Problem>& problems);

 private:
  struct Key {
    std::string name, provider;
    std::optional<Problem> problem;  // path "model" or "provider": the pair cannot be priced
    uint64_t generation = 0;         // the resolution below is current when it equals generation_
    RecordRoute route;
  };
  void resolve(const Catalog& c, Key& key);

  std::vector<Key> keys_;
  std::unordered_map<std::string, const Model*> models_;  // typed name → model, this generation
  uint64_t generation_ = 1;
  const Catalog* catalog_ = nullptr;
};

}  // namespace versus
