#include "search.hpp"

#include <catch2/catch.hpp>

#include "pricing.hpp"
#include "support.hpp"

using namespace versus;
using versus::testing::seedCatalog;

TEST_CASE("A model is found by any of its names") {
  const Catalog& c = seedCatalog();
  auto first = [&](std::string_view q) {
    auto hits = searchModels(c, q, 5);
    return hits.empty() ? std::string("(none)") : hits[0].model->id;
  };
  SECTION("a provider's id") {
    CHECK(first("@cf/meta/llama-3.2-1b-instruct") == "meta/llama-3.2-1b-instruct");
  }
  SECTION("words of the name") { CHECK(first("llama 3.2 1b") == "meta/llama-3.2-1b-instruct"); }
  SECTION("spaces for dashes") { CHECK(first("o4 mini") == "openai/o4-mini"); }
  SECTION("case does not matter") { CHECK(first("GPT-5.3-CODEX") == "openai/gpt-5.3-codex"); }
  SECTION("words must all match") {
    auto hits = searchModels(c, "llama guard", 5);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].model->id == "meta/llama-guard-3-1b");
  }
  SECTION("no match") { CHECK(searchModels(c, "claude", 5).empty()); }
  SECTION("an empty query lists models by name, up to the limit") {
    auto hits = searchModels(c, "", 3);
    CHECK(hits.size() == 3);
  }
}

TEST_CASE("Names normalise to lower-case words") {
  CHECK(normalizeName("Llama-3.2 1B_Instruct") == "llama 3 2 1b instruct");
  CHECK(normalizeName("  --  ") == "");
}

TEST_CASE("A search forgives typos and left-out spaces, and puts what people mean first") {
  const Catalog& c = versus::testing::committedCatalog();
  auto first = [&](std::string_view q) {
    auto hits = searchModels(c, q, 5);
    return hits.empty() ? std::string("(none)") : hits[0].model->id;
  };
  SECTION("a typo in each word: one edit from the name's word or its start") {
    CHECK(first("clade sonet") == "anthropic/claude-sonnet-4-6");
    CHECK(first("gemni flash").rfind("google/gemini-", 0) == 0);
  }
  SECTION("spaces left out") { CHECK(first("gpt5").rfind("openai/gpt-5", 0) == 0); }
  SECTION("the model with the most priced routes heads its family's hits") {
    // Claude Sonnet 3, 3.5, 4, 4.5, 4.6, 5 all match "claude sonnet": 4.6 has the most routes.
    CHECK(first("claude sonnet") == "anthropic/claude-sonnet-4-6");
  }
  SECTION("short words and numbers must match as typed: no near-miss for gpt-99") {
    CHECK(searchModels(c, "gpt-99", 5).empty());
    CHECK(searchModels(c, "no such model", 5).empty());
  }
  SECTION("an exact name still comes first") { CHECK(first("o3") == "openai/o3"); }
}

TEST_CASE("Each search result says what a picker shows beside the name") {
  const Catalog& c = versus::testing::seedCatalog();
  Json hits = searchJson(c, "o3", 1);
  REQUIRE(hits.size() == 1);
  const Json& o3 = hits[0];
  CHECK(o3["id"] == "openai/o3");
  CHECK(o3["name"] == "o3");
  CHECK(o3["status"] == "live");
  // The routes a visitor could use: live and priced (or free), counted from the fixture's offers.
  size_t live = 0;
  for (const Offer* o : c.offersOf(*c.findModel("openai/o3"))) live += isRoutable(*o) ? 1 : 0;
  CHECK(o3["routes"] == live);
  CHECK(live > 0);
  CHECK(o3["released"] == c.findModel("openai/o3")->released->value);
}

TEST_CASE("A typed name resolves as every model field resolves it") {
  const Catalog& c = testing::seedCatalog();
  SECTION("an id or an alias is that model") {
    Resolution r = resolveModelName(c, "  openai/o3 ");
    REQUIRE(r.model);
    CHECK(r.model->id == "openai/o3");
    CHECK(r.also.empty());
    CHECK(resolutionJson(r, "openai/o3")["guess"] == false);
  }
  SECTION("a name typed as it is shown") {
    Resolution r = resolveModelName(c, "llama 3.2 1b instruct");
    REQUIRE(r.model);
    CHECK(r.model->id == "meta/llama-3.2-1b-instruct");
  }
  SECTION("the only match, when it forgives a typo, is a guess with a note") {
    Resolution r = resolveModelName(c, "codec");  // one edit from "codex" of GPT-5.3-Codex
    REQUIRE(r.model);
    CHECK(r.model->id == "openai/gpt-5.3-codex");
    CHECK(r.guess);
    CHECK(r.also.empty());
    Json j = resolutionJson(r, "codec");
    CHECK(j["guess"] == true);
    CHECK(j["note"] == "Comparing GPT-5.3-Codex, the closest match to \u201ccodec\u201d.");
  }
  SECTION("the only match by the words of its name is meant") {
    Resolution r = resolveModelName(c, "o4 mini");
    REQUIRE(r.model);
    CHECK(r.model->id == "openai/o4-mini");
    CHECK_FALSE(r.guess);
  }
  SECTION("nothing typed, nothing matching") {
    CHECK(resolveModelName(c, "  ").error == "Pick a model.");
    Resolution none = resolveModelName(c, "zzqqxx");
    CHECK_FALSE(none.model);
    CHECK(none.error == "No model matches \u201czzqqxx\u201d.");
  }
}
