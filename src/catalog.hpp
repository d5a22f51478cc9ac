// The catalog: models, providers, offers (a model at a provider, with prices), benchmarks and the
// sources every fact comes from. Schema: data/README.md. Load it with loadCatalog().
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "boxed.hpp"
#include "fact.hpp"
#include "json_reader.hpp"

namespace versus {

inline constexpr std::string_view kCatalogSchema = "versus-catalog/1";
// The largest catalog (JSON or pack) the engine and the CLI read: about 40x today's 3 MB JSON, so a
// 20k-model catalog fits, while a wrong path such as /dev/zero stops with a message instead of
// growing without bound.
inline constexpr size_t kMaxCatalogBytes = size_t{128} << 20;
// "the catalog is larger than 128 MB, …": the words every reader uses for that limit.
std::string catalogTooLarge();

struct Source {
  std::string name, url, date, license, attribution;
};

struct Benchmark {
  std::string id, name, description, unit;
  bool higherIsBetter = true;
};

// What a provider is (data/providers.json): the maker's own API, a cloud, an inference host, a
// gateway that passes prices through, or a reseller. The headline route (routes.hpp) is never a
// reseller's. Empty: not said (every route may head).
inline constexpr std::array<std::string_view, 5> kProviderTypes{"lab", "cloud", "host", "gateway",
                                                                "reseller"};
struct Provider {
  std::string id, name, url, source;
  std::string type;   // one of kProviderTypes, or empty
  std::string maker;  // a lab's: the creator slug (model ids' prefix) whose own API it is
};

enum class Status { Live, Deprecated, Retired };
std::string_view toString(Status s);

// One long-context tier: once a request's prompt passes `start` tokens, all its tokens bill at
// these rates, cached input at the tier's cache prices where it lists them.
// cacheWrite1h: a cache write kept for an hour (Anthropic's 1-hour cache), where it is priced
// apart.
struct TierPrice {
  int64_t start = 0;
  std::optional<double> input, output, cacheRead, cacheWrite, cacheWrite1h;
};

// A service tier's own rates (OpenAI's flex and priority processing): what a request sent at that
// tier bills instead of the standard rates, with its own long-context tiers. Absent is unknown.
struct ServicePrice {
  std::optional<double> input, output, cacheRead, cacheWrite;
  std::vector<TierPrice> tiers;
};

// USD per 1M tokens. Absent is unknown.
struct Price {
  std::optional<double> input, output, cacheRead, cacheWrite, batchInput, batchOutput;
  std::optional<double> request;  // USD per request, on top of the tokens (Perplexity's Sonar)
  std::vector<TierPrice> tiers;
  // Hidden reasoning tokens, where they bill apart from visible output (Qwen's thinking mode).
  std::optional<double> reasoningOutput;
  // A cache write kept for an hour rather than five minutes (LiteLLM's *_above_1hr).
  std::optional<double> cacheWrite1h;
  // Boxed: a few hundred of 80,000 routes have them (boxed.hpp).
  Boxed<ServicePrice> flex, priority;
  // The multiplier on every rate when requests are processed in one region ("EU": 1.1 for OpenAI's
  // data residency); a region absent here is not offered at this route.
  std::map<std::string, double> regionUplift;
};

struct PriceAlternative {
  std::string source, date;
  Price price;
};

// One dated price of an offer (data/README.md "Price history"): exactly one of `from` (the source
// says the price holds from that day), `until` (it held until that day; since when, the source does
// not say) or `seen` (a catalog showed it, from its source's data of that day). Days are
// YYYY-MM-DD.
struct PricePoint {
  std::string from, until, seen;
  std::string source;
  std::optional<Price> price;  // absent when `free`
  bool free = false;
  // The one day it carries (empty when it carries none: only an unchecked point).
  const std::string& day() const { return !from.empty() ? from : !until.empty() ? until : seen; }
};

struct Offer {
  std::string model, provider, providerModelId;
  std::optional<Price> price;
  std::optional<int64_t> context, maxOutput;
  bool free = false;  // a free tier: not a price
  Status status = Status::Live;
  std::string source, date;
  std::vector<PriceAlternative> alternatives;
  // How this route serves the model when it is not the plain weights: "FP8", "TEE", "MaaS"…; empty:
  // plain.
  std::string deployment;
  // Where the route runs when the provider prices a region apart ("EU", "US", "US GovCloud",
  // "global"); empty: the provider's plain route.
  std::string region;
  // Its dated prices, by day; empty: one price, the catalog's, since the history began.
  std::vector<PricePoint> history;
  // The day the route is retired, as a source announces it (LiteLLM's deprecation_date); with
  // status deprecated while that day is ahead. Empty: none announced.
  std::string retires;
};

// The ten capabilities the page shows, in display order.
struct CapabilityInfo {
  std::string_view id, name;
};
inline constexpr std::array<CapabilityInfo, 10> kCapabilities{{
    {"vision", "Vision"},
    {"multimodal", "Multimodal"},
    {"reasoning", "Reasoning"},
    {"functionCalling", "Function calling"},
    {"toolUse", "Tool use"},
    {"structuredOutputs", "Structured outputs"},
    {"codeExecution", "Code execution"},
    {"ideIntegration", "IDE integration"},
    {"computerUse", "Computer use"},
    {"parallelAgents", "Parallel agents"},
}};
// timeToFirstAnswerToken: Artificial Analysis' time to the first token of the answer (the first
// token plus any reasoning), the start of its end-to-end time.
inline constexpr std::array<std::string_view, 4> kSpeedKeys{
    "outputTokensPerSecond", "timeToFirstToken", "reasoningTime", "timeToFirstAnswerToken"};
// What running Artificial Analysis' Intelligence Index took (its verbosity and cost): tokens in
// millions (answer and reasoning are the output's parts), cost in US dollars at AA's list price.
inline constexpr std::array<std::string_view, 4> kIndexRunKeys{
    "inputMillionTokens", "answerMillionTokens", "reasoningMillionTokens", "costUsd"};

// What a model makes. Only text generation is ranked and suggested unless a filter asks for more;
// any kind can be compared when named (the seed pages compare the safety classifier Llama Guard 3
// 1B).
inline constexpr std::array<std::string_view, 6> kModelKinds = {"text",       "embedding", "rerank",
                                                                "classifier", "speech",    "image"};
inline constexpr std::string_view kTextKind = "text";
bool isModelKind(std::string_view kind);
// "is not a kind of model (text, embedding, …)": the catalog's check and the ranking filter's say
// the same.
std::string notAModelKind();

struct Model {
  std::string id, name;
  std::string kind{kTextKind};  // one of kModelKinds; absent in the JSON: text
  std::vector<std::string> aliases;
  MaybeFact<std::string> creator, family, released, knowledgeCutoff, architecture, license,
      commercialUse, bestFor;
  MaybeFact<double> parameters, activeParameters;  // billions
  MaybeFact<bool> openWeights;
  MaybeFact<int64_t> context, maxOutput;
  MaybeFact<std::vector<std::string>> inputModalities, outputModalities, decisionFit;
  std::map<std::string, Fact<bool>> capabilities;
  std::map<std::string, Fact<double>> benchmarks;
  std::map<std::string, Fact<double>> speed;
  std::map<std::string, Fact<double>> indexRun;  // kIndexRunKeys
  Status status = Status::Live;
};

bool from_json(const JsonReader& r, Source& s);
bool from_json(const JsonReader& r, Benchmark& b);
bool from_json(const JsonReader& r, Provider& p);
bool from_json(const JsonReader& r, TierPrice& t);
bool from_json(const JsonReader& r, ServicePrice& p);
bool from_json(const JsonReader& r, Price& p);
bool from_json(const JsonReader& r, PriceAlternative& a);
bool from_json(const JsonReader& r, PricePoint& p);
bool from_json(const JsonReader& r, Offer& o);
bool from_json(const JsonReader& r, Model& m);
bool from_json(const JsonReader& r, Status& s);

// One name a model is known by, prepared for search: as written, lower case, and as words.
struct SearchName {
  std::string text, lower, normalized;
  std::vector<std::string> words;
  std::string squeezed;  // normalized without its spaces: "gpt 5 mini" → "gpt5mini"
};

class ReasoningTable;  // reasoning.hpp: derived from the models, cached by reasoningTableOf()
struct RivalPools;     // rank.hpp: the rankings rivals are picked from, cached by rivalPoolsOf()

// A value derived from a catalog and kept with it, which may refer to the catalog: a copied or
// moved catalog starts without one (a copy may be changed, as a day's repricing is; a moved one
// lives at another address), and so does a catalog indexed again.
template <class T>
struct DerivedCache {
  std::shared_ptr<const T> value;
  DerivedCache() = default;
  DerivedCache(const DerivedCache&) {}
  DerivedCache(DerivedCache&&) noexcept {}
  DerivedCache& operator=(const DerivedCache&) {
    value.reset();
    return *this;
  }
  DerivedCache& operator=(DerivedCache&&) noexcept {
    value.reset();
    return *this;
  }
};

class Catalog {
 public:
  std::string schema, generated;
  std::map<std::string, Source> sources;
  std::vector<Benchmark> benchmarks;
  std::vector<Provider> providers;
  std::vector<Model> models;
  std::vector<Offer> offers;

  // Builds the lookup tables; reports duplicate ids, clashing aliases and dangling references.
  void index(std::vector<Problem>& problems);

  // By id or any alias, case-insensitive.
  const Model* findModel(std::string_view idOrAlias) const;
  const Provider* findProvider(std::string_view id) const;
  const Benchmark* findBenchmark(std::string_view id) const;
  const Source* findSource(std::string_view id) const;
  // Every offer of a model, in catalog order.
  std::vector<const Offer*> offersOf(const Model& model) const;
  // The model's name, id and aliases, prepared once (for every model not prepared yet, on the first
  // call after index(): loading a catalog need not pay for it) so that search does no string work.
  // The first call writes a cache: not for concurrent use (the engine is single-threaded).
  const std::vector<SearchName>& searchNames(const Model& model) const;
  // Prepares the search names of up to `count` more models, in catalog order, so that the page can
  // do it in idle time instead of in the first search → how many models are left unprepared.
  size_t prepareSearchNames(size_t count) const;

 private:
  struct OfferKey {
    std::string_view model, provider, providerModelId;
    bool operator==(const OfferKey&) const = default;
  };
  struct OfferKeyHash {
    size_t operator()(const OfferKey& k) const;
  };

  std::unordered_map<std::string, size_t> modelByName_, providerById_, benchmarkById_;
  std::unordered_map<std::string, std::vector<size_t>> offersByModel_;
  mutable std::vector<std::vector<SearchName>> searchNames_;  // by model index; empty until used
  mutable size_t searchPrepared_ = 0;  // models [0, searchPrepared_) have their names prepared

 public:
  // The reasoning medians (reasoning.hpp reasoningTableOf): one pass over every model, made once.
  mutable DerivedCache<ReasoningTable> reasoningTable;
  // The two rankings at the default workload that rivals are picked from (rank.hpp rivalPoolsOf).
  mutable DerivedCache<RivalPools> rivalPools;
};

struct LoadResult {
  std::optional<Catalog> catalog;  // set only when there are no problems
  std::vector<Problem> problems;
};

// Parses and validates a catalog document; never throws.
LoadResult loadCatalog(std::string_view text);

// Where a fact or a price came from, as every answer shows it: "source" (the id), "sourceName",
// "date" (the fact's own, else the source's; null when neither), and "attribution" with "url" when
// the source asks to be credited.
void addProvenance(const Catalog& c, Json& j, const std::string& sourceId, const std::string& date);

std::string toLower(std::string_view s);
// "llama-3.2 1B" → "llama 3 2 1b": lower case, runs of other characters become one space.
std::string normalizeName(std::string_view s);
// The words of a normalizeName() result, and that result without its spaces (how a query and every
// name are read for search).
std::vector<std::string> nameWords(std::string_view normalized);
std::string squeezeName(std::string_view normalized);

}  // namespace versus
