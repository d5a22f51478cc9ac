#include "engine.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace versus;

namespace {

Json answer(const std::string& envelope) { return Json::parse(envelope); }

std::string seedText() { return testing::readText("tests/fixtures/seed-catalog.json"); }

const std::string kPair = R"(["meta/llama-3.2-1b-instruct", "openai/o3"])";

}  // namespace

TEST_CASE("The engine answers nothing before a catalog is loaded") {
  Engine e;
  for (const std::string& envelope :
       {e.compare(kPair, ""), e.model("openai/o3", ""), e.rank("", "", 5), e.search("o3", 5),
        e.resolve("o3"), e.rivals("openai/o3", "[]"), e.catalogLists(), e.setOverrides(""),
        e.prepareSearch(10)}) {
    Json j = answer(envelope);
    CHECK(j["ok"] == false);
    CHECK(j["error"] == "no catalog is loaded: call loadCatalog first");
  }
  SECTION("limits and the URL state need no catalog") {
    CHECK(answer(e.limits())["ok"] == true);
    CHECK(answer(e.parseState("#req=5"))["result"]["workload"]["requests"] == 5);
  }
}

TEST_CASE("A catalog is replaced only by a valid one") {
  Engine e;
  Json loaded = answer(e.loadCatalog(seedText()));
  REQUIRE(loaded["ok"] == true);
  CHECK(loaded["result"]["models"].get<int>() > 0);
  Json bad = answer(e.loadCatalog(R"({"schemaVersion": 1})"));
  CHECK(bad["ok"] == false);
  CHECK_FALSE(bad["problems"].empty());
  // the seed catalog is still the one answering
  CHECK(answer(e.compare(kPair, ""))["ok"] == true);
}

TEST_CASE("The visitor's prices lie over the catalog until it is reloaded") {
  Engine e;
  REQUIRE(answer(e.loadCatalog(seedText()))["ok"] == true);
  Json set = answer(
      e.setOverrides(R"({"models": [{"name": "Our Fine-Tune v2", "input": 1, "output": 2}]})"));
  REQUIRE(set["ok"] == true);
  CHECK(set["result"]["privateIds"] == Json::array({"custom/our-fine-tune-v2"}));
  CHECK(answer(e.model("custom/our-fine-tune-v2", ""))["ok"] == true);
  SECTION("no prices: the catalog as it is") {
    REQUIRE(answer(e.setOverrides(""))["ok"] == true);
    CHECK(answer(e.model("custom/our-fine-tune-v2", ""))["ok"] == false);
  }
  SECTION("a new catalog drops them") {
    REQUIRE(answer(e.loadCatalog(seedText()))["ok"] == true);
    CHECK(answer(e.model("custom/our-fine-tune-v2", ""))["ok"] == false);
  }
}

TEST_CASE("Search names are prepared in steps, and a search then finds the same") {
  Engine e;
  REQUIRE(answer(e.loadCatalog(seedText()))["ok"] == true);
  Json before = answer(e.search("llama", 5));
  Engine stepped;
  Json loaded = answer(stepped.loadCatalog(seedText()));
  REQUIRE(loaded["ok"] == true);
  const int models = loaded["result"]["models"].get<int>();
  CHECK(answer(stepped.prepareSearch(2))["result"]["left"] == models - 2);
  CHECK(answer(stepped.prepareSearch(-1))["result"]["left"] ==
        models - 2);  // nothing for a bad count
  CHECK(answer(stepped.prepareSearch(100))["result"]["left"] == 0);
  CHECK(answer(stepped.search("llama", 5)) == before);
}

TEST_CASE("A ranking's problems name the workload's or the filter's field") {
  Engine e;
  REQUIRE(answer(e.loadCatalog(seedText()))["ok"] == true);
  Json j = answer(e.rank(R"({"requests": -1})", R"({"capabilities": ["teleportation"]})", 5));
  REQUIRE(j["ok"] == false);
  std::vector<std::string> paths;
  for (const Json& p : j["problems"]) paths.push_back(p["path"]);
  REQUIRE(paths.size() == 2);
  CHECK(paths[0] == "workload.requests");
  CHECK(paths[1].rfind("filter.capabilities", 0) == 0);
}

TEST_CASE("The lists pickers show: providers by name, whatever their case") {
  Engine e;
  REQUIRE(answer(e.loadCatalog(seedText()))["ok"] == true);
  Json providers = answer(e.catalogLists())["result"]["providers"];
  REQUIRE(providers.size() > 1);
  for (size_t i = 1; i < providers.size(); ++i)
    CHECK(toLower(providers[i - 1]["name"].get<std::string>()) <=
          toLower(providers[i]["name"].get<std::string>()));
}

TEST_CASE("A state the hash would refuse is not written") {
  Engine e;
  CHECK(answer(e.formatState(R"({"models": ["openai/o3"]})"))["result"] ==
        "#a=openai/o3&ratio=0.7&req=1000000&in=800&out=250");
  Json refused = answer(e.formatState(R"({"models": [")" + std::string(201, 'x') + R"("]})"));
  CHECK(refused["ok"] == false);
  CHECK(refused["problems"][0]["path"] == "a");
  CHECK(answer(e.formatState("not json"))["ok"] == false);
}

TEST_CASE("The stream pricer's buffers are bounded") {
  Engine e;
  CHECK_FALSE(e.priceInput(-1));
  CHECK_FALSE(e.priceInput(Engine::kMaxPackedRecords + 1));
  REQUIRE(e.priceInput(4));
  CHECK(e.priceInput(4)->size() == 4 * RecordPricer::kFields);
  Json j = answer(e.pricePacked("[]", 0, 5, 0));
  CHECK(j["ok"] == false);  // 5 records do not fit in a buffer of 4 (and no catalog is loaded)
}
