#include "fact.hpp"

#include <catch2/catch.hpp>

using namespace versus;

TEST_CASE("A fact carries its value, source, date and alternatives") {
  std::vector<Problem> problems;
  ReadContext context{{"aa", "epoch"}, {}};
  Json doc = Json::parse(R"({"value": 82.7, "source": "aa", "date": "2026-07-10",
      "alternatives": [{"value": 81.8, "source": "epoch"}], "note": "newest source shown"})");
  Fact<double> f;
  REQUIRE(from_json(JsonReader(doc, "gpqa", problems, &context), f));
  CHECK(f.value == 82.7);
  CHECK(f.source == "aa");
  CHECK(f.date == "2026-07-10");
  REQUIRE(f.alternatives.size() == 1);
  CHECK(f.alternatives[0].value == 81.8);
  CHECK(problems.empty());
}

TEST_CASE("A fact must name a known source and a real date") {
  std::vector<Problem> problems;
  ReadContext context{{"aa"}, {}};
  Fact<double> f;

  SECTION("unknown source") {
    Json doc = Json::parse(R"({"value": 1, "source": "nowhere"})");
    CHECK_FALSE(from_json(JsonReader(doc, "models[0].context", problems, &context), f));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "models[0].context.source");
  }
  SECTION("a value of the wrong type") {
    Json doc = Json::parse(R"({"value": "128k", "source": "aa"})");
    CHECK_FALSE(from_json(JsonReader(doc, "models[0].context", problems, &context), f));
    CHECK(problems.at(0).path == "models[0].context.value");
  }
  SECTION("a malformed date") {
    Json doc = Json::parse(R"({"value": 1, "source": "aa", "date": "last week"})");
    CHECK_FALSE(from_json(JsonReader(doc, "f", problems, &context), f));
    CHECK(problems.at(0).path == "f.date");
  }
}
