#include "lifecycle.hpp"

#include <catch2/catch.hpp>

#include "routes.hpp"
#include "support.hpp"

using namespace versus;

TEST_CASE("A deprecated route warns, and names the maker's successor with the price difference") {
  const Catalog& c = versus::testing::committedCatalog();
  ReasoningTable t(c);
  Workload w;
  SECTION("GPT-4.1: Azure deprecated its route; GPT-5 follows in the GPT line") {
    const Model& m = *c.findModel("openai/gpt-4.1");
    Lifecycle l = lifecycleOf(c, t, m, w);
    REQUIRE(l.warns());
    REQUIRE(l.successor);
    CHECK(l.successor->id == "openai/gpt-5");
    double mine = headline(c, m, c.offersOf(m), w).monthly->cost;
    double next = headline(c, *l.successor, c.offersOf(*l.successor), w).monthly->cost;
    CHECK(*l.monthly == mine);
    CHECK(*l.successorMonthly == next);
    CHECK_THAT(
        l.sentence,
        Catch::StartsWith("Azure has deprecated its GPT-4.1 route (retirement date 2026-11-04)."));
    CHECK_THAT(l.sentence, Catch::Contains("Its successor is GPT-5 (2025-08-07)"));
    Json j = lifecycleJson(c, l);
    CHECK(j["successor"]["difference"].get<double>() == Approx(next - mine));
  }
  SECTION("a model with every route live warns of nothing") {
    Lifecycle l = lifecycleOf(c, t, *c.findModel("openai/gpt-5"), w);
    CHECK_FALSE(l.warns());
    CHECK(lifecycleJson(c, l).is_null());
  }
}

TEST_CASE("A successor keeps the maker, family, kind and line, and comes later") {
  Json doc = versus::testing::minimalCatalog();
  auto fact = [](const char* v) { return Json{{"value", v}, {"source", "s"}}; };
  doc["models"][0]["name"] = "Model 1";
  doc["models"][0]["family"] = fact("m");
  doc["models"][0]["released"] = fact("2025-01-01");
  for (auto [id, name, released] :
       {std::tuple{"lab/model-2", "Model 2", "2025-06-01"},
        std::tuple{"lab/model-2-mini", "Model 2 mini", "2025-03-01"},  // another line
        std::tuple{"lab/model-0", "Model 0", "2024-01-01"},            // earlier
        std::tuple{"other/model-3", "Model 3", "2025-02-01"}}) {       // another maker
    doc["models"].push_back(
        {{"id", id}, {"name", name}, {"family", fact("m")}, {"released", fact(released)}});
    doc["offers"].push_back({{"model", id},
                             {"provider", "p"},
                             {"source", "s"},
                             {"price", {{"input", 1}, {"output", 2}}}});
  }
  LoadResult r = loadCatalog(doc.dump());
  REQUIRE(r.catalog);
  const Model* next = successorOf(*r.catalog, *r.catalog->findModel("lab/model-a"));
  REQUIRE(next);
  CHECK(next->id == "lab/model-2");
}
