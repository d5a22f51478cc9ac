// The pair page's words: every section of the seed comparison pages (headline, verdict, scorecard,
// tradeoffs, monthly cost, switch friction, deep dive, FAQ, sources) written from a comparison's
// facts. What the catalog does not know is said to be unknown, never guessed. docs/prose.md says
// what each section holds and which facts it uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"

namespace versus {

// Small wording helpers shared with the model analysis.
namespace prose {

// When a difference is worth a reason to pay more (docs/prose.md, "Materiality"): a context window
// from 1.25× the other's, a benchmark lead from 3 points, a price from 10% apart. Smaller ones are
// still in the tables and the deep dive, never in "pay for … only if you need …".
inline constexpr double kMaterialContextRatio = 1.25;
inline constexpr double kMaterialScoreGap = 3.0;
inline constexpr double kMaterialPriceShare = 0.10;

std::string cleanName(std::string_view s);                   // trimmed, inner whitespace collapsed
std::string joinAnd(const std::vector<std::string>& items);  // "a", "a and b", "a, b, and c"
std::string formatTokens(double tokens);                     // "128k", "1.05M", "800"
std::string formatTrimmed(double value, int maxDecimals);    // "25.6", "20", "0.85"
// How much more the dearer one costs: "costs 48.0× as much" (≥ 2×) or "costs 27.0% more".
// "a" or "an" before `word` as it is read aloud: "an 8k-token", "an 80/20", "a 128k-token".
std::string article(std::string_view word);
// The blend a blended price is quoted at: "70/30" and "a 70/30 input/output blend", "an 80/20
// input/output blend".
std::string blendLabel(double ratio);
std::string blendPhrase(double ratio);
// A capability's name as it reads inside a sentence: "vision", "reasoning mode", "IDE integration".
std::string capabilityPhrase(const std::string& id, const std::string& name);
// A decision-fit tag as the scorecard shows it: "rag" → "RAG", "long-context" → "Long context".
std::string fitTag(const std::string& tag);

// What a comparison says about a pair, as typed facts: the engine builds them (compare.hpp
// pairFacts) from the same prices and catalog facts its comparison JSON shows, and every sentence
// of the pair's prose is written from them. Names are cleaned; unknown is nullopt or empty.
struct CapabilityFact {
  std::string id, phrase;  // phrase: "vision input", "function calling"
  std::optional<bool> a, b;
};

struct BenchmarkFact {
  std::string name;
  double a = 0, b = 0, gap = 0;  // gap: b − a
  int leader = -1;               // 0 or 1 by the benchmark's direction; -1 on a tie
};

struct SideFacts {
  const Model* model = nullptr;
  std::string name;
  std::optional<double> input, output;  // the headline route's prices per 1M
  std::optional<double> blended, monthly;
  std::string route, monthlyRoute;  // provider names
  int routes = 0, priced = 0;       // live routes, and those with a price
  std::optional<double> context;
  std::optional<bool> openWeights;
  std::string license, creator, year, knowledgeCutoff;
  std::vector<std::string> providers;  // live, by name
  std::string bestFor;
  std::vector<std::string> fit;
  std::string reasoning;  // when the bill counts hidden reasoning: where its ratio comes from
};

struct PairFacts {
  SideFacts s[2];
  double requests = 0, inputTokens = 0, outputTokens = 0, ratio = 0.7;
  double cacheHitRate = 0, batchShare = 0, longShare = 0;
  std::vector<CapabilityFact> caps;
  std::vector<BenchmarkFact> shared;
  std::optional<BenchmarkFact> largest;
  size_t onlyA = 0, onlyB = 0;  // benchmarks only one side has
  std::vector<std::string> sharedProviders;
  int cheaperBlend = -1;             // by blended price at the ratio
  std::vector<std::string> sources;  // ids of the sources behind the figures, first seen first
};

// The pair's verdict, the one the comparison, the CLI, the page and the widget all show: which
// is cheaper at the blend and by how much, what the dearer one adds, the month's bill at the
// visitor's traffic (and when it overturns the blend), and the hidden reasoning it counts.
std::string verdict(const PairFacts& p);

}  // namespace prose

// The pair page's words written from the pair's facts. Returns
// {"title", "headline", "verdict", "scorecard": [{"signal","a","b"}], "tradeoffs": [...],
//  "monthly": {"text","excluded"}, "switchFriction": [...], "deepDive": [...],
//  "faq": [{"question","answer"}], "sources": [{"id","name","date","url","attribution"}],
//  "lastReviewed"}. Unknown facts become words.
Json pairProse(const Catalog& c, const prose::PairFacts& facts);

}  // namespace versus
