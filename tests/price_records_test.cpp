#include "price_records.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace versus;
using versus::testing::seedCatalog;

TEST_CASE("A stream of records is priced at each record's provider") {
  std::vector<PriceRecord> records{
      {"o3", "openai", 1000000, 0},                                  // $2
      {"@cf/meta/llama-3.2-1b-instruct", "", 1000000, 1000000},      // cheapest route: $0.027 + $0.201
      {"llama guard", "fireworks-ai", 0, 2000000},                    // words of a name: $0.20
  };
  Json r = priceRecordsJson(seedCatalog(), records);
  REQUIRE(r["prices"].size() == 3);
  CHECK(r["prices"][0].get<double>() == Approx(2));
  CHECK(r["prices"][1].get<double>() == Approx(0.228));
  CHECK(r["prices"][2].get<double>() == Approx(0.2));
  CHECK(r["unresolved"] == 0);
}

TEST_CASE("A record that cannot be priced is null, with the reason") {
  std::vector<PriceRecord> records{
      {"gpt-99", "openai", 10, 10},
      {"o3", "openrouter", 10, 10},  // served there, but at an unknown price
  };
  Json r = priceRecordsJson(seedCatalog(), records);
  CHECK(r["prices"] == Json::array({nullptr, nullptr}));
  CHECK(r["unresolved"] == 2);
  CHECK_THAT(r["reasons"][0]["message"].get<std::string>(), Catch::Contains("unknown model \"gpt-99\""));
  CHECK_THAT(r["reasons"][1]["message"].get<std::string>(), Catch::Contains("no priced live route at \"openrouter\""));
}

TEST_CASE("Records are read with their paths checked") {
  std::vector<Problem> problems;
  Json doc = Json::parse(R"([{"model": "o3", "inputTokens": -1, "outputTokens": 5}, {"inputTokens": 1}])");
  std::vector<PriceRecord> records;
  CHECK_FALSE(read(JsonReader(doc, "records", problems), records));
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].path == "records[0]");
  CHECK(problems[1].path == "records[1].model");
  CHECK(problems[2].path == "records[1].outputTokens");
}
