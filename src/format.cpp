#include "format.hpp"

#include <cmath>
#include <cstdio>

namespace versus {

std::string formatNumber(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
  std::string digits(buf);
  auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : digits.substr(dot);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  bool negative = value < 0 && std::stod(digits) != 0;
  return (negative ? "-" : "") + grouped + fraction;
}

std::string formatUsd(double usd) {
  double a = std::fabs(usd);
  std::string sign = usd < 0 ? "-" : "";
  if (a == 0) return "$0";
  if (a >= 1000) return sign + "$" + formatNumber(std::round(a), 0);
  if (a >= 1) {
    // Whole dollars stay whole ($2, $14); otherwise cents ($71.85, $7.80).
    bool whole = std::fabs(a - std::round(a)) < 0.005;
    return sign + "$" + formatNumber(a, whole ? 0 : 2);
  }
  // Below a dollar: three significant digits, trailing zeros trimmed, at least cents ($0.50,
  // $0.027).
  int decimals = std::max(2, 2 - static_cast<int>(std::floor(std::log10(a))));
  decimals = std::min(decimals, 8);
  std::string s = formatNumber(a, decimals);
  while (s.size() > 4 && s.back() == '0' && s[s.size() - 3] != '.') s.pop_back();
  return sign + "$" + s;
}

std::string formatRatio(double ratio) {
  if (ratio >= 100) return formatNumber(std::round(ratio), 0) + "×";
  return formatNumber(ratio, ratio >= 10 ? 1 : 2) + "×";
}

std::string formatPercent(double percent) {
  double a = std::fabs(percent);
  return formatNumber(percent, a >= 100 ? 0 : 1) + "%";
}

std::string percentCheaper(double percent) {
  if (percent >= 99.95) return "over 99.9% cheaper";
  if (percent < 0.05) return "marginally cheaper (by less than 0.1%)";
  // Truncated, never rounded up: a saving is not overstated (98.65 reads "98.6% cheaper").
  return formatPercent(std::floor(percent * 10 + 1e-9) / 10) + " cheaper";
}

std::string costsMore(double ratio) {
  if (ratio >= 2) return "costs " + formatRatio(ratio) + " as much";
  return "costs " + formatPercent((ratio - 1) * 100) + " more";
}

}  // namespace versus
