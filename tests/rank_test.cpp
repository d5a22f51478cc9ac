#include "rank.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "support.hpp"

using namespace versus;
using versus::testing::seedCatalog;

namespace {

std::vector<std::string> idsOf(const Ranking& r) {
  std::vector<std::string> ids;
  for (const RankRow& row : r.rows) ids.push_back(row.model->id);
  return ids;
}

}  // namespace

TEST_CASE("Every priced model ranks by its monthly cost at its cheapest route") {
  Ranking r = rankModels(seedCatalog(), Workload{}, RankFilter{}, 10);
  CHECK(idsOf(r) == std::vector<std::string>{"meta/llama-3.2-1b-instruct", "meta/llama-guard-3-1b",
                                             "openai/o4-mini", "openai/o3",
                                             "openai/gpt-5.3-codex"});
  CHECK(r.matched == 5);
  CHECK(r.unpriced == 0);
  CHECK(r.rows[0].month.cost == Approx(71.85));
  SECTION("the limit keeps the cheapest") {
    Ranking top = rankModels(seedCatalog(), Workload{}, RankFilter{}, 2);
    CHECK(idsOf(top) ==
          std::vector<std::string>{"meta/llama-3.2-1b-instruct", "meta/llama-guard-3-1b"});
    CHECK(top.matched == 5);
  }
}

TEST_CASE("With typical reasoning the ranking counts the whole bill") {
  const Catalog& c = versus::testing::committedCatalog();
  RankFilter f;
  f.capabilities = {"reasoning"};
  Workload w;
  Ranking visible = rankModels(c, w, f, 2000);
  w.reasoning = "typical";
  Ranking typical = rankModels(c, w, f, 2000);
  auto position = [](const Ranking& r, const std::string& id) {
    for (size_t i = 0; i < r.rows.size(); ++i)
      if (r.rows[i].model->id == id) return static_cast<long>(i);
    return -1L;
  };
  REQUIRE(position(visible, "openai/gpt-5") >= 0);
  SECTION("a reasoning model's row is its bill with reasoning, so the order changes") {
    CHECK(idsOf(visible) != idsOf(typical));
    const RankRow& row = typical.rows[position(typical, "openai/gpt-5")];
    CHECK(row.month.reasoningTokens == Approx(1e6 * 250 * 66.84 / 4.59));
    CHECK(row.month.cost > visible.rows[position(visible, "openai/gpt-5")].month.cost * 5);
  }
  SECTION("ranked by region, a model without a route there drops out") {
    Workload eu;
    eu.region = "EU";
    CHECK(rankModels(c, eu, RankFilter{}, 2000).matched <
          rankModels(c, Workload{}, RankFilter{}, 2000).matched);
  }
}

TEST_CASE("Filters keep only models known to pass") {
  RankFilter f;
  SECTION("a capability must be known true: unknown does not pass") {
    f.capabilities = {"functionCalling"};
    CHECK(idsOf(rankModels(seedCatalog(), Workload{}, f, 10)) ==
          std::vector<std::string>{"openai/o4-mini", "openai/o3", "openai/gpt-5.3-codex"});
  }
  SECTION("minimum context: unknown context does not pass") {
    f.minContext = 150000;
    CHECK(idsOf(rankModels(seedCatalog(), Workload{}, f, 10)) ==
          std::vector<std::string>{"openai/o3"});
  }
  SECTION("open weights") {
    f.openWeightsOnly = true;
    CHECK(rankModels(seedCatalog(), Workload{}, f, 10).rows.size() == 2);
  }
  SECTION("a minimum benchmark score") {
    f.benchmark = "gpqa";
    f.minScore = 50;
    CHECK(idsOf(rankModels(seedCatalog(), Workload{}, f, 10)) ==
          std::vector<std::string>{"openai/o3"});
  }
  SECTION("one provider: models served there without a price count as unpriced") {
    f.provider = "openrouter";
    Ranking r = rankModels(seedCatalog(), Workload{}, f, 10);
    CHECK(idsOf(r) == std::vector<std::string>{"openai/gpt-5.3-codex"});
    CHECK(r.unpriced == 4);
  }
  SECTION("unknown ids in a filter are problems, named by field") {
    f.capabilities = {"telepathy"};
    f.benchmark = "nope";
    auto problems = validateFilter(seedCatalog(), f);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "capabilities[0]");
    CHECK(problems[1].path == "benchmark");
  }
}

TEST_CASE("Only text generation is ranked unless the filter asks for other kinds") {
  // An embedding model at $0.01/1M was the "cheapest model" of the whole catalog (BGE M3 in `versus
  // rank`).
  Catalog c = seedCatalog();
  for (Model& m : c.models)
    if (m.id == "meta/llama-3.2-1b-instruct")
      m.kind = "embedding";
    else if (m.id == "meta/llama-guard-3-1b")
      m.kind = "classifier";
  std::vector<Problem> problems;
  c.index(problems);
  REQUIRE(problems.empty());
  RankFilter f;
  SECTION("by default: text generation only") {
    CHECK(idsOf(rankModels(c, Workload{}, f, 10)) ==
          std::vector<std::string>{"openai/o4-mini", "openai/o3", "openai/gpt-5.3-codex"});
  }
  SECTION("kinds named in the filter") {
    f.kinds = {"embedding", "text"};
    CHECK(idsOf(rankModels(c, Workload{}, f, 2)) ==
          std::vector<std::string>{"meta/llama-3.2-1b-instruct", "openai/o4-mini"});
    f.kinds = {"classifier"};
    CHECK(idsOf(rankModels(c, Workload{}, f, 10)) ==
          std::vector<std::string>{"meta/llama-guard-3-1b"});
  }
  SECTION("an unknown kind is a problem naming it") {
    f.kinds = {"text", "vibes"};
    std::vector<Problem> p = validateFilter(c, f);
    REQUIRE(p.size() == 1);
    CHECK(describe(p[0]) ==
          "kinds[1]: \"vibes\" is not a kind of model (text, embedding, rerank, classifier, "
          "speech, image)");
  }
}

TEST_CASE("The ranking as JSON names each row's route and score") {
  RankFilter f;
  f.benchmark = "gpqa";
  Json j = rankJson(seedCatalog(), Workload{}, f, 3);
  REQUIRE(j["rows"].size() == 3);
  CHECK(j["rows"][0]["rank"] == 1);
  CHECK(j["rows"][0]["provider"]["name"] == "Cloudflare Workers AI");
  CHECK(j["rows"][0]["score"].get<double>() == Approx(25.6));
  CHECK(j["rows"][1]["score"].is_null());  // Llama Guard has no GPQA score: unknown, not 0
  CHECK(j["rows"][0]["perRequest"].get<double>() == Approx(71.85 / 1e6));
}

TEST_CASE("Ranking by offer lists every priced route") {
  RankFilter f;
  f.byOffer = true;
  Ranking r = rankModels(seedCatalog(), Workload{}, f, 20);
  CHECK(r.rows.size() == 5);  // the seed catalog prices one route per model
}

TEST_CASE("Continue comparing: a model's nearest rivals") {
  const Catalog& c = testing::seedCatalog();
  SECTION("never the model itself or an excluded one; no name twice; at most six") {
    std::vector<Rival> r = suggestRivals(c, "openai/o3", {"meta/llama-3.2-1b-instruct"});
    CHECK(r.size() <= kMaxRivals);
    std::set<std::string> ids, names;
    for (const Rival& x : r) {
      CHECK(x.model->id != "openai/o3");
      CHECK(x.model->id != "meta/llama-3.2-1b-instruct");
      CHECK(ids.insert(x.model->id).second);
      CHECK(names.insert(x.model->name).second);
      CHECK_FALSE(x.why.empty());
    }
  }
  SECTION("the same creator's models come first, then the nearest in blended price") {
    std::vector<Rival> r = suggestRivals(c, "openai/o3", {});
    REQUIRE_FALSE(r.empty());
    size_t creator = 0;
    while (creator < r.size() && r[creator].why.rfind("also by ", 0) == 0) ++creator;
    CHECK(creator <= 2);
    for (size_t i = creator; i < r.size(); ++i) CHECK(r[i].why.rfind("similar price (", 0) == 0);
    for (size_t i = 0; i < creator; ++i) CHECK(r[i].model->creator->value == "OpenAI");
  }
  SECTION("an unknown id has no rivals") { CHECK(suggestRivals(c, "no/such-model", {}).empty()); }
}

TEST_CASE("Rivals are picked from rankings made once per catalog, not with its copies") {
  Catalog c = testing::committedCatalog();  // a copy of its own: starts without the pools
  auto names = [](const std::vector<Rival>& rivals) {
    std::vector<std::string> out;
    for (const Rival& r : rivals) out.push_back(r.model->id + ": " + r.why);
    return out;
  };
  const std::vector<std::string> first = names(suggestRivals(c, "openai/o3", {}));
  REQUIRE(c.rivalPools.value);
  const RivalPools* pools = c.rivalPools.value.get();
  SECTION("asked again, the same pools and the same rivals: no second ranking of the catalog") {
    CHECK(names(suggestRivals(c, "openai/o3", {})) == first);
    CHECK(&rivalPoolsOf(c) == pools);
  }
  SECTION("the pools are the default workload's rankings") {
    CHECK(pools->priced.size() ==
          rankModels(c, Workload{}, RankFilter{}, c.models.size()).rows.size());
    CHECK(!pools->scored.empty());
    CHECK(pools->scored.size() < pools->priced.size());
  }
  SECTION("a copy (the visitor's prices lie over one) makes its own, with the same rivals") {
    Catalog copy = c;
    CHECK_FALSE(copy.rivalPools.value);
    CHECK(names(suggestRivals(copy, "openai/o3", {})) == first);
    CHECK(&rivalPoolsOf(copy) != pools);
  }
  SECTION("a catalog indexed again drops them") {
    std::vector<Problem> problems;
    c.index(problems);
    CHECK_FALSE(c.rivalPools.value);
  }
}
