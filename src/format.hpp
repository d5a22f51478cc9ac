// Numbers for people, used in the engine's sentences: $3,600; $71.85; $0.027; 74.1×; 98.6%.
#pragma once

#include <string>

namespace versus {

std::string formatUsd(double usd);                     // money and prices per 1M tokens
std::string formatRatio(double ratio);                 // "74.1×", "1,250×"
std::string formatPercent(double percent);             // "98.6%", "7,307%"
std::string formatNumber(double value, int decimals);  // thousands separators, trailing zeros kept
// Price gaps worded correctly: never "N% cheaper" with N of 100 or more.
std::string percentCheaper(double percent);  // "97.9% cheaper", "over 99.9% cheaper"
std::string costsMore(double ratio);         // "costs 74.1× as much", "costs 25.0% more"

}  // namespace versus
