#include "boxed.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "catalog_pack.hpp"
#include "fact.hpp"
#include "support.hpp"

using namespace versus;

TEST_CASE("A boxed value reads like an optional one") {
  Boxed<std::string> box;
  CHECK_FALSE(box);
  CHECK_FALSE(box.has_value());

  SECTION("set, read and cleared") {
    box = std::string("flex");
    REQUIRE(box);
    CHECK(*box == "flex");
    CHECK(box->size() == 4);
    box = std::nullopt;
    CHECK_FALSE(box);
  }
  SECTION("a copy is its own value") {
    box.emplace("priority");
    Boxed<std::string> copy = box;
    *copy += " processing";
    CHECK(*box == "priority");
    CHECK(*copy == "priority processing");
    copy = box;
    CHECK(copy == box);
  }
  SECTION("moved from, the source is left empty and the value moves whole") {
    box.emplace("batch");
    Boxed<std::string> moved = std::move(box);
    CHECK(*moved == "batch");
    CHECK_FALSE(box);  // NOLINT(bugprone-use-after-move): what a moved unique_ptr leaves
  }
  SECTION("equal when both are absent, or both hold equal values") {
    Boxed<std::string> other;
    CHECK(box == other);
    other.emplace("x");
    CHECK_FALSE(box == other);
    box.emplace("x");
    CHECK(box == other);
    box.reset();
    CHECK_FALSE(box);
  }
}

TEST_CASE("An absent boxed member costs a pointer, not its value's size") {
  // Why the catalog boxes what it rarely holds: a 20k-model catalog has 80,000 routes and 320,000
  // fact slots, about half of them empty (bench/README.md, memory).
  CHECK(sizeof(Boxed<ServicePrice>) == sizeof(void*));
  CHECK(sizeof(MaybeFact<std::string>) == sizeof(void*));
  CHECK(sizeof(std::optional<ServicePrice>) > 4 * sizeof(void*));
}

TEST_CASE("Boxed members are read and packed as optional ones: absent stays unknown") {
  Json doc = Json::parse(R"({"input": 2, "output": 8, "flex": {"input": 1, "output": 4}})");
  std::vector<Problem> problems;
  Price p;
  REQUIRE(from_json(JsonReader(doc, "price", problems), p));
  REQUIRE(p.flex);
  CHECK(p.flex->input == 1.0);
  CHECK(p.flex->output == 4.0);
  CHECK_FALSE(p.priority);
  CHECK(problems.empty());

  SECTION("packed and read back") {
    Catalog c = testing::seedCatalog();
    c.offers[0].price->flex = ServicePrice{1, 4, 0.25, {}, {}};
    c.models[0].family.reset();
    LoadResult r = loadCatalogPack(packCatalog(c));
    REQUIRE(r.catalog);
    const Price& packed = *r.catalog->offers[0].price;
    REQUIRE(packed.flex);
    CHECK(*packed.flex->cacheRead == 0.25);
    CHECK_FALSE(packed.priority);
    CHECK_FALSE(r.catalog->models[0].family);
    REQUIRE(c.models[0].creator);
    REQUIRE(r.catalog->models[0].creator);
    CHECK(r.catalog->models[0].creator->value == c.models[0].creator->value);
  }
}
