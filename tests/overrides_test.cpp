#include "overrides.hpp"

#include <catch2/catch.hpp>

#include "compare.hpp"
#include "support.hpp"

using namespace versus;
using versus::testing::seedCatalog;

namespace {

Overrides parse(const char* text, std::vector<Problem>& problems) {
  Overrides o;
  Json j = Json::parse(text);
  from_json(JsonReader(j, "overrides", problems), o);
  return o;
}

}  // namespace

TEST_CASE("A negotiated price replaces the catalog's and keeps it as an alternative") {
  std::vector<Problem> problems;
  Overrides o =
      parse(R"({"prices": [{"model": "o3", "provider": "openai", "input": 1.5}]})", problems);
  REQUIRE(problems.empty());
  std::optional<Catalog> c = applyOverrides(seedCatalog(), o, problems);
  REQUIRE(c);
  const Offer* openai = c->offersOf(*c->findModel("openai/o3"))[0];
  CHECK(openai->source == "visitor");
  CHECK(*openai->price->input == 1.5);
  CHECK(*openai->price->output == 8);  // not overridden: kept
  REQUIRE(openai->alternatives.size() == 1);
  CHECK(*openai->alternatives[0].price.input == 2);
  SECTION("and the comparison follows it") {
    Json r = compareJson(*c, *c->findModel("meta/llama-3.2-1b-instruct"),
                         *c->findModel("openai/o3"), Workload{});
    CHECK(r["models"][1]["monthly"]["cost"].get<double>() == Approx(800 * 1.5 + 250 * 8));
    CHECK(r["models"][1]["cheapest"]["source"] == "visitor");
    CHECK(r["models"][1]["cheapest"]["sourceName"] == "Your price");
  }
  SECTION("the base catalog is untouched") {
    CHECK(*seedCatalog().offersOf(*seedCatalog().findModel("openai/o3"))[0]->price->input == 2);
  }
}

TEST_CASE("A price at a provider that had none adds the visitor's offer") {
  std::vector<Problem> problems;
  Overrides o =
      parse(R"({"prices": [{"model": "o3", "provider": "openrouter", "input": 1, "output": 4}]})",
            problems);
  std::optional<Catalog> c = applyOverrides(seedCatalog(), o, problems);
  REQUIRE(c);
  auto month = monthlyCost(c->offersOf(*c->findModel("openai/o3")), Workload{});
  CHECK(month->offer->provider == "openrouter");
  CHECK(month->cost == Approx(800 + 1000));
}

TEST_CASE("A private model is priced and compared like any other") {
  std::vector<Problem> problems;
  Overrides o = parse(
      R"({"models": [{"name": "Our fine-tune", "input": 0.2, "output": 0.6, "context": 32000}]})",
      problems);
  std::optional<Catalog> c = applyOverrides(seedCatalog(), o, problems);
  REQUIRE(c);
  const Model* m = c->findModel("custom/our-fine-tune");
  REQUIRE(m);
  CHECK(m->context->value == 32000);
  Json answer = answerCompare(*c, "our fine tune", "o3", Workload{});
  REQUIRE(answer["ok"] == true);
  CHECK(answer["result"]["models"][0]["monthly"]["cost"].get<double>() ==
        Approx(800 * 0.2 + 250 * 0.6));
}

TEST_CASE("Bad overrides name what is wrong") {
  std::vector<Problem> problems;
  SECTION("a negative price") {
    parse(R"({"prices": [{"model": "o3", "input": -1}]})", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "overrides.prices[0].input");
  }
  SECTION("nothing to override") {
    parse(R"({"prices": [{"model": "o3"}]})", problems);
    CHECK(problems.at(0).path == "overrides.prices[0]");
  }
  SECTION("an unknown model or provider") {
    Overrides o = parse(
        R"({"prices": [{"model": "gpt-99", "input": 1}, {"model": "o3", "provider": "nowhere", "input": 1}]})",
        problems);
    REQUIRE(problems.empty());
    CHECK_FALSE(applyOverrides(seedCatalog(), o, problems));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "prices[0].model");
    CHECK(problems[1].path == "prices[1].provider");
  }
  SECTION("a private model without a usable name") {
    parse(R"({"models": [{"name": "!!!", "input": 1, "output": 1}]})", problems);
    CHECK(problems.at(0).path == "overrides.models[0].name");
  }
  SECTION("two private models whose names make one id") {
    Overrides o = parse(
        R"({"models": [{"name": "Our Model", "input": 1, "output": 1},
                       {"name": "our model", "input": 2, "output": 2}]})",
        problems);
    REQUIRE(problems.empty());
    CHECK_FALSE(applyOverrides(seedCatalog(), o, problems));
    REQUIRE(problems.size() == 1);
    CHECK(describe(problems[0]) == "models[1].name: a model named \"our model\" already exists");
  }
  SECTION("a price for only one side of an offer that had none") {
    Overrides o =
        parse(R"({"prices": [{"model": "o3", "provider": "openrouter", "input": 1}]})", problems);
    CHECK_FALSE(applyOverrides(seedCatalog(), o, problems));
    CHECK_THAT(problems.at(0).message, Catch::Contains("both input and output"));
  }
}
