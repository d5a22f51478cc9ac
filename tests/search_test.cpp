#include "search.hpp"

#include <catch2/catch.hpp>

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
