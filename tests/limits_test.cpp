#include "limits.hpp"

#include <catch2/catch.hpp>

#include "pricing.hpp"

using namespace versus;

TEST_CASE("The engine reports the limits it enforces") {
  Json limits = engineLimits();
  SECTION("every workload field with its default and bounds") {
    const Json& w = limits.at("workload");
    CHECK(w.size() == std::size(kWorkloadFields));
    CHECK(w.at("requests") == Json{{"default", 1e6},
                                   {"min", 0},
                                   {"max", 1e12},
                                   {"share", false},
                                   {"what", "requests a month"}});
    CHECK(w.at("ratio").at("default") == 0.7);
    CHECK(w.at("ratio").at("max") == 1);
    CHECK(w.at("longInputTokens").at("max") == 1e9);
  }
  SECTION("the age past which a route's price is flagged stale") {
    CHECK(limits.at("prices") == Json{{"staleDays", 90}});
  }
  SECTION("the reported maximum is the one validateWorkload enforces") {
    for (const auto& [field, bound] : limits.at("workload").items()) {
      Json at = Json::object(), over = Json::object();
      at[field] = bound.at("max");
      over[field] = bound.at("max").get<double>() * 1.001;
      auto problemsOf = [](const Json& j) {
        std::vector<Problem> problems;
        Workload w;
        REQUIRE(from_json(JsonReader(j, "workload", problems), w));
        return validateWorkload(w);
      };
      INFO(field);
      CHECK(problemsOf(at).empty());
      // (a cache share over 1 is also more than all input: a second problem, after this one)
      REQUIRE_FALSE(problemsOf(over).empty());
      CHECK(problemsOf(over)[0].path == field);
    }
  }
  SECTION("list limits") {
    CHECK(limits.at("comparedModels") == 6);
    CHECK(limits.at("modelNameBytes") == 200);
    CHECK(limits.at("custom").at("entries") == 50);
    CHECK(limits.at("custom").at("price") == 10000);
  }
}
