// "What is the cheapest model that does function calling with 128k context?": every model (or every
// offer) ranked by its monthly cost for a workload, after filters.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "pricing.hpp"

namespace versus {

struct RankFilter {
  std::vector<std::string> capabilities;  // each must be known to be true
  std::optional<int64_t> minContext;      // tokens; unknown context does not pass
  bool openWeightsOnly = false;
  std::string benchmark;  // with minScore: a score at least this high; unknown does not pass
  std::optional<double> minScore;
  std::string provider;  // only offers at this provider
  bool byOffer = false;  // one row per offer instead of per model's cheapest route
  // Kinds of model ranked (kModelKinds); empty: text generation only, since an embedding model is
  // no answer to "the cheapest model for my workload".
  std::vector<std::string> kinds;
};
bool from_json(const JsonReader& r, RankFilter& f);
void to_json(Json& j, const RankFilter& f);
// Problems with a filter that reading alone cannot see (unknown capability or benchmark ids).
std::vector<Problem> validateFilter(const Catalog& c, const RankFilter& f);

struct RankRow {
  const Model* model = nullptr;
  MonthlyCost month;  // month.offer is the route
};

struct Ranking {
  std::vector<RankRow> rows;  // cheapest first, at most `limit`
  size_t matched = 0;         // rows that passed the filters and are priced
  size_t unpriced = 0;        // models that passed the filters but have no priced route
};

Ranking rankModels(const Catalog& c, const Workload& w, const RankFilter& f, size_t limit);
Json rankJson(const Catalog& c, const Workload& w, const RankFilter& f, size_t limit);

// "Continue comparing": a model's nearest rivals at the default workload. Up to two of the same
// creator nearest in blended price, then the models nearest in blended price among those with an
// Artificial Analysis Intelligence Index (the widely benchmarked ones; the rest of the priced
// catalog when they are too few). A model with no priced route gets models whose name shares its
// first words. Never `id` itself, an id in `exclude`, or two models of one name.
struct Rival {
  const Model* model = nullptr;
  std::string why;  // "also by OpenAI", "similar price ($1.90 / 1M blended)", "similar name"
};
inline constexpr size_t kMaxRivals = 6;
// What rivals are picked from, at the default workload (so the same for every visitor's traffic):
// every priced model, and those with an Artificial Analysis Intelligence Index, cheapest first.
// Two rankings of the whole catalog: made once per catalog (Catalog::rivalPools), not per call.
struct RivalRow {
  const Model* model = nullptr;
  double blended = 0;  // USD per 1M tokens at its cheapest route, at the default ratio
};
struct RivalPools {
  std::vector<RivalRow> priced, scored;
};
const RivalPools& rivalPoolsOf(const Catalog& c);
std::vector<Rival> suggestRivals(const Catalog& c, std::string_view id,
                                 const std::vector<std::string>& exclude,
                                 size_t limit = kMaxRivals);
Json rivalsJson(const std::vector<Rival>& rivals);  // [{"id", "name", "why"}]

}  // namespace versus
