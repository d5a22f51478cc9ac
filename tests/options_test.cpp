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

TEST_CASE("--on names the day a workload is priced on") {
  auto p = parseOptions({"model", "deepseek/deepseek-v4-flash", "--on", "2026-08-01"});
  REQUIRE(p.options);
  CHECK(p.options->workload.on == "2026-08-01");
  CHECK(validateWorkload(p.options->workload).empty());
  CHECK(parseOptions({"compare", "a", "b", "--on", "August"}).error ==
        "on: expected a day like 2026-08-17, got \"August\"");
  CHECK(parseOptions({"model", "a", "--on"}).error == "--on needs a value");
}

TEST_CASE("The real bill's options: --reasoning, --tier, --cache-ttl, --region") {
  auto p = parseOptions({"compare", "openai/o3", "openai/gpt-4.1", "--reasoning", "typical",
                         "--tier", "priority", "--cache-ttl", "1h", "--region", "EU"});
  REQUIRE(p.options);
  CHECK(p.options->workload.reasoning == "typical");
  CHECK(p.options->workload.tier == "priority");
  CHECK(p.options->workload.cacheLifetime == "1h");
  CHECK(p.options->workload.region == "EU");
  CHECK(parseOptions({"model", "a", "--tier", "turbo"}).error ==
        "tier: must be standard, flex or priority (the service tier of requests not sent as "
        "batch)");
  CHECK(parseOptions({"model", "a", "--reasoning"}).error == "--reasoning needs a value");
}

TEST_CASE("Workload and filter options for rank") {
  auto p = parseOptions({"rank",        "--cache-hit",   "0.5",         "--batch-share",
                         "0.25",        "--long-share",  "0.1",         "--long-input-tokens",
                         "250000",      "--capability",  "vision",      "--capability",
                         "reasoning",   "--min-context", "128000",      "--open-weights",
                         "--benchmark", "gpqa",          "--min-score", "60",
                         "--provider",  "openai",        "--limit",     "20"});
  REQUIRE(p.options);
  const CliOptions& o = *p.options;
  CHECK(o.workload.cacheHitRate == 0.5);
  CHECK(o.workload.batchShare == 0.25);
  CHECK(o.workload.longInputTokens == 250000);
  CHECK(o.filter.capabilities == std::vector<std::string>{"vision", "reasoning"});
  CHECK(*o.filter.minContext == 128000);
  CHECK(o.filter.openWeightsOnly);
  CHECK(*o.filter.minScore == 60);
  CHECK(o.filter.provider == "openai");
  CHECK(o.limit == 20);
  SECTION("compare takes up to six models") {
    CHECK(parseOptions({"compare", "a", "b", "c", "d", "e", "f"}).options);
    CHECK(parseOptions({"compare", "a", "b", "c", "d", "e", "f", "g"}).error ==
          "compare takes 2 to 6 arguments, got 7");
  }
  SECTION("a minimum score needs a benchmark; a share must be a share") {
    CHECK(parseOptions({"rank", "--min-score", "50"}).error == "--min-score needs --benchmark");
    CHECK(parseOptions({"rank", "--cache-hit", "2"}).error.rfind("--cache-hit:", 0) == 0);
  }
}

TEST_CASE("Bad command lines get a message naming what is wrong") {
  auto error = [](std::vector<std::string> args) { return parseOptions(args).error; };
  CHECK(error({}) == "no command given");
  CHECK(error({"frobnicate"}) == "unknown command \"frobnicate\"");
  CHECK(error({"compare", "a"}) == "compare takes 2 to 6 arguments, got 1");
  CHECK(error({"model"}) == "model takes 1 argument, got 0");
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
