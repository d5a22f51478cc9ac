#include "options.hpp"

#include <catch2/catch.hpp>

using namespace versus;

TEST_CASE("The command line parses into a workload") {
  SECTION("compare with every option") {
    auto p = parseOptions({"compare", "a", "b", "--catalog", "c.json", "--requests", "1e6",
                           "--input-tokens", "800", "--output-tokens", "250", "--ratio", "0.6",
                           "--json"});
    REQUIRE(p.options);
    CHECK(p.options->arguments == std::vector<std::string>{"a", "b"});
    CHECK(*p.options->catalogPath == "c.json");
    CHECK(p.options->workload.requests == 1e6);
    CHECK(p.options->workload.ratio == 0.6);
    CHECK(p.options->json);
  }
  SECTION("defaults are the seed traffic") {
    auto p = parseOptions({"model", "openai/o3"});
    REQUIRE(p.options);
    CHECK(p.options->workload.requests == 1e6);
    CHECK(p.options->workload.inputTokens == 800);
    CHECK(p.options->workload.outputTokens == 250);
    CHECK(p.options->workload.ratio == 0.7);
  }
}

TEST_CASE("Bad command lines get a message naming what is wrong") {
  auto error = [](std::vector<std::string> args) { return parseOptions(args).error; };
  CHECK(error({}) == "no command given");
  CHECK(error({"frobnicate"}) == "unknown command \"frobnicate\"");
  CHECK(error({"compare", "a"}) == "compare takes 2 arguments, got 1");
  CHECK(error({"compare", "a", "b", "--requests", "lots"}) ==
        "--requests: expected a number, got \"lots\"");
  CHECK(error({"compare", "a", "b", "--requests", "-5"}) ==
        "--requests: cannot be negative (requests a month)");
  CHECK(error({"compare", "a", "b", "--ratio", "1.5"}).rfind("--ratio:", 0) == 0);
  CHECK(error({"compare", "a", "b", "--ratio"}) == "--ratio needs a number");
  CHECK(error({"compare", "a", "b", "--bogus"}) == "unknown option \"--bogus\"");
  CHECK(error({"compare", "a", "b", "--requests", "nan"}) ==
        "--requests: expected a number, got \"nan\"");
}

TEST_CASE("Numbers are parsed strictly") {
  CHECK(parseNumber("1000000") == 1e6);
  CHECK(parseNumber("0.7") == 0.7);
  CHECK_FALSE(parseNumber("12abc"));
  CHECK_FALSE(parseNumber(""));
  CHECK_FALSE(parseNumber("inf"));
  CHECK_FALSE(parseNumber("1e400"));
}
