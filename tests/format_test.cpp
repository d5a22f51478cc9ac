#include "format.hpp"

#include <catch2/catch.hpp>

#include "prose.hpp"
#include "support.hpp"

using namespace versus;

TEST_CASE("Money reads as people write it") {
  CHECK(formatUsd(3600) == "$3,600");
  CHECK(formatUsd(3528.15) == "$3,528");
  CHECK(formatUsd(71.85) == "$71.85");
  CHECK(formatUsd(7.8) == "$7.80");
  CHECK(formatUsd(2) == "$2");
  CHECK(formatUsd(14) == "$14");
  CHECK(formatUsd(0.027) == "$0.027");
  CHECK(formatUsd(0.201) == "$0.201");
  CHECK(formatUsd(0.5) == "$0.50");
  CHECK(formatUsd(0.0792) == "$0.0792");
  CHECK(formatUsd(0) == "$0");
  CHECK(formatUsd(-5.3458) == "-$5.35");
  CHECK(formatUsd(1234567.8) == "$1,234,568");
}

TEST_CASE("Ratios and percentages") {
  CHECK(formatRatio(74.074) == "74.1×");
  CHECK(formatRatio(2.5) == "2.50×");
  CHECK(formatRatio(1250) == "1,250×");
  CHECK(formatPercent(98.65) == "98.7%");
  CHECK(formatPercent(7307.4) == "7,307%");
}

TEST_CASE("Plain numbers group thousands") {
  CHECK(formatNumber(1000000, 0) == "1,000,000");
  CHECK(formatNumber(999, 0) == "999");
  CHECK(formatNumber(-0.0001, 2) == "0.00");
}

TEST_CASE("Price gaps are worded correctly") {
  SECTION("a percentage cheaper never reaches 100") {
    CHECK(percentCheaper(98.66) == "98.6% cheaper");       // truncated, never rounded up
    CHECK(percentCheaper(99.97) == "over 99.9% cheaper");  // not "100.0% cheaper"
    CHECK(percentCheaper(100) == "over 99.9% cheaper");
    CHECK(percentCheaper(0.01) == "marginally cheaper (by less than 0.1%)");
  }
  SECTION("the dearer side costs a multiple, or a percentage more below 2×") {
    CHECK(costsMore(74.07) == "costs 74.1× as much");
    CHECK(costsMore(1.27) == "costs 27.0% more");
  }
}

// The page's formatter (web/format.js) must give the same answers: tests/node/format.test.mjs reads
// the same table.
TEST_CASE("The shared table of worded figures") {
  Json table = Json::parse(testing::readText("tests/fixtures/format-cases.json"));
  auto each = [&](const char* fn, auto format) {
    for (const Json& c : table.at(fn)) {
      CAPTURE(fn, c[0].get<double>());
      CHECK(format(c[0].get<double>()) == c[1].get<std::string>());
    }
  };
  each("usd", formatUsd);
  each("ratio", formatRatio);
  each("percent", formatPercent);
  each("percentCheaper", percentCheaper);
  each("tokens", prose::formatTokens);
}
