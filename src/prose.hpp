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

// `comparison` is compareJson()'s answer (docs/engine-api.md), unchanged. Returns
// {"title", "headline", "verdict", "scorecard": [{"signal","a","b"}], "tradeoffs": [...],
//  "monthly": {"text","excluded"}, "switchFriction": [...], "deepDive": [...],
//  "faq": [{"question","answer"}], "sources": [{"id","name","date","url","attribution"}],
//  "lastReviewed"}. Never throws on a well-formed comparison; unknown facts become words.
Json pairProse(const Catalog& c, const Json& comparison);

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
// The blend a blended price is quoted at, for both verdict writers: "70/30" and "a 70/30
// input/output blend", "an 80/20 input/output blend".
std::string blendLabel(double ratio);
std::string blendPhrase(double ratio);
// For both verdict writers: when the blend's cheaper model has the higher monthly bill at the
// visitor's tokens (the blend is a fixed mix, the bill the visitor's own), the sentence that says
// so; else "".
std::string billOverturnsBlend(const std::string& blendCheaper, double blendCheaperMonthly,
                               const std::string& other, double otherMonthly);
std::optional<double> number(const Json& j, const char* key);  // null or missing: unknown

}  // namespace prose

}  // namespace versus
