#include "reasoning.hpp"

#include <catch2/catch.hpp>

#include "pricing.hpp"
#include "support.hpp"

using namespace versus;
using versus::testing::committedCatalog;

namespace {

const Model& model(const std::string& id) {
  const Model* m = committedCatalog().findModel(id);
  REQUIRE(m);
  return *m;
}

}  // namespace

TEST_CASE("A model's reasoning ratio: measured, else its maker's median, else none") {
  ReasoningTable table(committedCatalog());
  SECTION("measured: GPT-5 spent 66.84M reasoning and 4.59M answer tokens on the index") {
    ReasoningEstimate e = table.of(model("openai/gpt-5"));
    CHECK(e.basis == ReasoningBasis::Measured);
    CHECK(e.ratio == Approx(66.84 / 4.59));
    CHECK(e.source == "aa");
    CHECK(e.date == "2026-07-10");
    CHECK_THAT(e.sentence, Catch::Contains("14.6 reasoning tokens per answer token"));
  }
  SECTION("o3 reasons but was not measured: the median of OpenAI's measured reasoning models") {
    ReasoningEstimate e = table.of(model("openai/o3"));
    CHECK(e.basis == ReasoningBasis::MakerMedian);
    std::vector<double> ratios;
    for (const Model& m : committedCatalog().models)
      if (m.id.rfind("openai/", 0) == 0)
        if (std::optional<double> r = measuredReasoningRatio(m); r && *r > 0) ratios.push_back(*r);
    CHECK(e.models == ratios.size());
    CHECK(e.models == 11);
    CHECK(e.ratio == Approx(medianOf(ratios)));
    CHECK_THAT(e.sentence, Catch::StartsWith("o3's own reasoning was not measured: the median "
                                             "of OpenAI's 11 measured reasoning models"));
  }
  SECTION("a model that does not reason bills none, measured or not") {
    CHECK(table.of(model("openai/gpt-4.1")).ratio == 0);
    CHECK(table.of(model("openai/gpt-4.1")).basis == ReasoningBasis::NotReasoning);
    CHECK(table.of(model("openai/gpt-4.1-mini")).ratio == 0);  // measured: answer tokens only
  }
  SECTION("the workload asks for it, or the ratio is 0") {
    Workload w;
    CHECK(reasoningRatioFor(table, model("openai/gpt-5"), w) == 0);
    w.reasoning = "typical";
    CHECK(reasoningRatioFor(table, model("openai/gpt-5"), w) == Approx(66.84 / 4.59));
  }
}

TEST_CASE("A maker without measurements borrows the median of all measured reasoning models") {
  Json doc = versus::testing::minimalCatalog();
  doc["models"][0]["capabilities"] = {{"reasoning", {{"value", true}, {"source", "s"}}}};
  doc["models"].push_back({{"id", "other/r1"},
                           {"name", "R1"},
                           {"indexRun",
                            {{"answerMillionTokens", {{"value", 2}, {"source", "s"}}},
                             {"reasoningMillionTokens", {{"value", 10}, {"source", "s"}}}}}});
  LoadResult r = loadCatalog(doc.dump());
  REQUIRE(r.catalog);
  ReasoningTable table(*r.catalog);
  ReasoningEstimate e = table.of(*r.catalog->findModel("lab/model-a"));
  CHECK(e.basis == ReasoningBasis::AllMedian);
  CHECK(e.ratio == 5);
  CHECK(e.models == 1);
  CHECK_THAT(e.sentence, Catch::Contains("the median of all 1 measured reasoning models"));
}

TEST_CASE("The catalog's reasoning table is made once and kept with the catalog, not with its copies") {
  Catalog c = committedCatalog();  // a copy of its own: starts without a table
  const ReasoningTable& first = reasoningTableOf(c);
  SECTION("asked again, the same table: no second pass over the models") {
    CHECK(&reasoningTableOf(c) == &first);
  }
  SECTION("a copy (a day's repricing) and a moved catalog make their own") {
    Catalog copy = c;
    CHECK(&reasoningTableOf(copy) != &first);
    CHECK(reasoningTableOf(copy).of(*copy.findModel("openai/o3")).ratio ==
          Approx(first.of(*c.findModel("openai/o3")).ratio));
    Catalog moved = std::move(copy);
    CHECK_FALSE(moved.reasoningTable.value);
  }
  SECTION("a catalog indexed again drops it") {
    std::vector<Problem> problems;
    c.index(problems);
    CHECK_FALSE(c.reasoningTable.value);
  }
}
