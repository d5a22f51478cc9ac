#include "compare.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "format.hpp"
#include "support.hpp"

using namespace versus;
using versus::testing::seedCatalog;

namespace {

Json compareSeed(const char* a, const char* b, Workload w = {}) {
  Json answer = answerCompare(seedCatalog(), a, b, w);
  REQUIRE(answer["ok"].get<bool>());
  return answer["result"];
}

constexpr const char* kLlama = "meta/llama-3.2-1b-instruct";

}  // namespace

TEST_CASE("The four seed pairs reproduce the seed pages' derived figures") {
  SECTION("Llama 3.2 1B Instruct vs o3 (seed 000)") {
    Json r = compareSeed(kLlama, "openai/o3");
    const Json& price = r["price"];
    CHECK(price["cheaperInput"] == 0);
    CHECK(std::round(price["inputPercentMoreExpensive"].get<double>()) ==
          7307);  // the seed's "~7307%"
    CHECK(price["inputPercentCheaper"].get<double>() == Approx(98.65).epsilon(1e-4));
    CHECK(price["inputRatio"].get<double>() == Approx(74.07).epsilon(1e-3));
    CHECK(price["blendGap"].get<double>() == Approx(3.7208));
    CHECK(price["outputDelta"].get<double>() == Approx(7.799));       // 8 − 0.201
    CHECK(formatUsd(price["outputDelta"].get<double>()) == "$7.80");  // as the seed shows it
    CHECK(r["models"][0]["monthly"]["cost"].get<double>() == Approx(71.85));
    CHECK(r["models"][1]["monthly"]["cost"].get<double>() == Approx(3600));
    CHECK(price["monthlyGap"].get<double>() == Approx(3528.15));
    CHECK(r["models"][0]["cheapest"]["provider"]["name"] == "Cloudflare Workers AI");
    CHECK(r["models"][1]["cheapest"]["provider"]["name"] == "OpenAI API");

    const Json& shared = r["benchmarks"]["shared"];
    REQUIRE(shared.size() == 2);
    CHECK(shared[0]["name"] == "Google-Proof Q&A");
    CHECK(shared[0]["gap"].get<double>() == Approx(62.1));
    CHECK(shared[0]["leader"] == 1);
    CHECK(shared[1]["gap"].get<double>() == Approx(68.6));
    CHECK(r["benchmarks"]["largestGap"]["id"] == "humaneval");

    const Json& overlap = r["providers"]["shared"];
    REQUIRE(overlap.size() == 2);
    CHECK(overlap[0]["name"] == "OpenRouter");
    CHECK(overlap[1]["name"] == "Vercel AI Gateway");
    CHECK(r["models"][0]["routes"] == 7);
    CHECK(r["models"][1]["routes"] == 3);
  }
  SECTION("Llama 3.2 1B Instruct vs o4-mini (seed 001)") {
    Json r = compareSeed(kLlama, "openai/o4-mini");
    CHECK(std::round(r["price"]["inputPercentMoreExpensive"].get<double>()) == 1752);
    CHECK(r["price"]["blendGap"].get<double>() == Approx(0.8708));
    const Json& shared = r["benchmarks"]["shared"];
    REQUIRE(shared.size() == 2);
    CHECK(shared[0]["id"] == "mmlu-pro");
    CHECK(shared[0]["gap"].get<double>() == Approx(63.2));
    CHECK(shared[1]["id"] == "bfcl");
    CHECK(shared[1]["gap"].get<double>() == Approx(42.4));
    CHECK(r["benchmarks"]["largestGap"]["id"] == "mmlu-pro");
  }
  SECTION("GPT-5.3-Codex vs Llama 3.2 1B Instruct (seed 002): the cheaper one is b") {
    Json r = compareSeed("openai/gpt-5.3-codex", kLlama);
    CHECK(r["price"]["cheaperInput"] == 1);
    CHECK(std::round(r["price"]["inputPercentMoreExpensive"].get<double>()) == 6381);
    CHECK(r["price"]["blendGap"].get<double>() == Approx(-5.3458));
    CHECK(r["benchmarks"]["shared"].empty());
    CHECK(r["benchmarks"]["largestGap"].is_null());
  }
  SECTION("Llama 3.2 1B Instruct vs Llama Guard 3 1B (seed 003)") {
    Json r = compareSeed(kLlama, "meta/llama-guard-3-1b");
    CHECK(std::round(r["price"]["inputPercentMoreExpensive"].get<double>()) == 270);
    CHECK(r["price"]["blendGap"].get<double>() == Approx(0.0208));
  }
}

TEST_CASE("Capabilities compare as yes, no or unknown") {
  Json r = compareSeed(kLlama, "meta/llama-guard-3-1b");
  const Json& caps = r["capabilities"];
  REQUIRE(caps.size() == 10);
  CHECK(caps[0]["id"] == "vision");
  CHECK(caps[0]["a"] == false);
  CHECK(caps[0]["b"].is_null());  // not sourced for Llama Guard: unknown, not "no"
  CHECK(caps[0]["differs"] == false);
  CHECK(caps[5]["id"] == "structuredOutputs");
  CHECK(caps[5]["a"] == true);
  CHECK(caps[5]["b"] == false);
  CHECK(caps[5]["differs"] == true);
}

TEST_CASE("Unknown facts are null in the answer, never zero") {
  Json r = compareSeed(kLlama, "openai/o4-mini");
  for (const Json& row : r["specs"]) {
    if (row["id"] == "context") {
      CHECK(row["a"]["value"] == 128000);
      CHECK(row["a"]["source"] == "seed-000");
      CHECK(row["a"]["date"] == "2026-06-08");
      CHECK(row["b"].is_null());
    }
  }
  const Json& offers = r["models"][0]["offers"];
  CHECK(offers[0]["provider"]["id"] == "cloudflare-workers-ai");  // priced first
  CHECK(offers[1]["input"].is_null());
  CHECK(offers[1]["monthly"].is_null());
}

TEST_CASE("The verdict words price gaps correctly") {
  SECTION("a large gap is a percentage below 100, what the dearer one adds, and the month's bill") {
    std::string v = compareSeed(kLlama, "openai/o3")["verdict"];
    CHECK_THAT(v,
               Catch::StartsWith(
                   "Llama 3.2 1B Instruct is 97.9% cheaper than o3 at a 70/30 input/output blend "
                   "($0.0792 vs $3.80 per 1M tokens); pay for o3 only if you need a larger context "
                   "window"));
    CHECK_THAT(v, Catch::EndsWith("At 1,000,000 requests a month the bill is $71.85 for Llama 3.2 "
                                  "1B Instruct and $3,600 for o3."));
  }
  SECTION("the verdict follows the ratio") {
    Workload w;
    w.ratio = 1.0;
    std::string v = compareSeed(kLlama, "openai/o3", w)["verdict"];
    CHECK_THAT(v, Catch::Contains("at a 100/0 input/output blend ($0.027 vs $2 per 1M tokens)"));
    CHECK_THAT(v, Catch::Contains("98.6% cheaper"));  // 98.65, floored: never overstated
  }
  SECTION("the article fits the blend as it is read: an 80/20, an 11/89, an 18/82, a 50/50") {
    for (auto [ratio, phrase] : {std::pair{0.8, "at an 80/20 input/output blend"},
                                 std::pair{0.11, "at an 11/89 input/output blend"},
                                 std::pair{0.18, "at an 18/82 input/output blend"},
                                 std::pair{0.08, "at an 8/92 input/output blend"},
                                 std::pair{0.5, "at a 50/50 input/output blend"}}) {
      Workload w;
      w.ratio = ratio;
      INFO("ratio " << ratio);
      Json answer = answerCompare(seedCatalog(), kLlama, "openai/o3", w)["result"];
      CHECK_THAT(answer["verdict"].get<std::string>(), Catch::Contains(phrase));
      CHECK(answer["prose"]["verdict"] == answer["verdict"]);
    }
  }
  SECTION("a model compared with itself costs the same, and both bills are one figure") {
    std::string v = compareSeed("openai/o3", "openai/o3")["verdict"];
    CHECK_THAT(v, Catch::StartsWith("o3 and o3 cost the same at a 70/30 input/output blend"));
    CHECK_THAT(v, Catch::EndsWith("At 1,000,000 requests a month both bills are $3,600."));
  }
  SECTION("the comparison, the CLI, the page and the widget read one verdict: the prose's") {
    for (const char* b : {"openai/o3", "openai/o4-mini", "meta/llama-guard-3-1b"}) {
      Json answer = answerCompare(seedCatalog(), kLlama, b, Workload{})["result"];
      CHECK(answer["verdict"] == answer["prose"]["verdict"]);
    }
  }
}

namespace {

// The pair figures' input-price sentence for Model A at `inA` and Model B at `inB` per 1M input
// (a negative price: no offer for that side).
std::string inputSentenceFor(double inA, double inB) {
  Json doc = versus::testing::minimalCatalog();
  doc["models"].push_back({{"id", "lab/model-b"}, {"name", "Model B"}});
  doc["offers"] = Json::array();
  for (auto [model, input] : {std::pair{"lab/model-a", inA}, std::pair{"lab/model-b", inB}})
    if (input >= 0)
      doc["offers"].push_back({{"model", model},
                               {"provider", "p"},
                               {"source", "s"},
                               {"price", {{"input", input}, {"output", 1}}}});
  LoadResult r = loadCatalog(doc.dump());
  REQUIRE(r.catalog);
  Json answer = answerPairFigures(*r.catalog, "lab/model-a", "lab/model-b", Workload{});
  REQUIRE(answer["ok"] == true);
  return answer["result"]["price"]["inputSentence"];
}

}  // namespace

TEST_CASE("The input-price sentence words the gap from both sides, as the seed pages do") {
  SECTION(
      "the seed pair: the cheap side's saving floored, the dear side's multiple and surcharge") {
    CHECK(inputSentenceFor(0.027, 2) ==
          "On input tokens, Model A is 98.6% cheaper ($0.027 vs $2 per 1M); Model B is 74.1× the "
          "price (7,307% more expensive).");
    CHECK(inputSentenceFor(3.7, 1) ==
          "On input tokens, Model B is 72.9% cheaper ($1 vs $3.70 per 1M); Model A is 3.70× the "
          "price (270% more expensive).");
  }
  SECTION("under 2×: a surcharge only") {
    CHECK(inputSentenceFor(1, 1.1) ==
          "On input tokens, Model A is 9.0% cheaper ($1 vs $1.10 per 1M); Model B is 10.0% more "
          "expensive.");
  }
  SECTION("a hair apart: marginally cheaper, no \"0.0% more expensive\"") {
    CHECK(inputSentenceFor(1, 1.0001) ==
          "On input tokens, Model A is marginally cheaper (by less than 0.1%) ($1 vs $1 per 1M).");
  }
  SECTION("free against paid: 100% cheaper (free), no infinite multiple") {
    CHECK(inputSentenceFor(0, 2) ==
          "On input tokens, Model A is 100% cheaper (free) ($0 vs $2 per 1M).");
  }
  SECTION("equal and unknown prices") {
    CHECK(inputSentenceFor(2, 2) == "Both cost $2 per 1M input tokens at their cheapest routes.");
    CHECK(inputSentenceFor(-1, 2) ==
          "Input prices cannot be compared: no tracked price for Model A.");
    CHECK(inputSentenceFor(-1, -1) ==
          "Input prices cannot be compared: no tracked price for Model A or Model B.");
  }
  SECTION("never N% cheaper with N of 100 or more, whatever the gap") {
    for (double cheap = 0.001; cheap < 10; cheap *= 1.7) {
      std::string s = inputSentenceFor(cheap, 10);
      INFO(s);
      CHECK(s.find("100.0%") == std::string::npos);
      CHECK(s.find(" 0.0%") == std::string::npos);
      CHECK(s.find("cheaper") != std::string::npos);
    }
  }
}

TEST_CASE("Price gaps handle zero and missing prices") {
  PriceGap zero = priceGap(0.0, 2.0);
  CHECK(zero.cheaper == 0);
  CHECK(*zero.percentCheaper == Approx(100));
  CHECK_FALSE(zero.ratio);  // no "Infinity×"
  CHECK(priceGap(std::nullopt, 2.0).cheaper == -1);
  CHECK(priceGap(2.0, 2.0).cheaper == -1);
}

TEST_CASE("Questions with bad names or workloads answer with an error value") {
  SECTION("an unknown model suggests near names") {
    Json answer = answerCompare(seedCatalog(), "llama 3.2", "gpt-9", Workload{});
    CHECK(answer["ok"] == false);
    CHECK_THAT(answer["error"].get<std::string>(), Catch::Contains("gpt-9"));
  }
  SECTION("a name whose only match forgives a typo is not compared, and the error names it") {
    Json answer = answerCompare(seedCatalog(), "codec", "openai/o3", Workload{});
    CHECK(answer["ok"] == false);
    CHECK(answer["error"] == "unknown model \"codec\"; did you mean openai/gpt-5.3-codex?");
  }
  SECTION("a name that matches one model by its words resolves") {
    Json answer = answerCompare(seedCatalog(), "o4 mini", "llama guard", Workload{});
    REQUIRE(answer["ok"] == true);
    CHECK(answer["result"]["models"][0]["id"] == "openai/o4-mini");
  }
  SECTION("negative traffic names the field") {
    Json answer = answerCompare(seedCatalog(), kLlama, "openai/o3", Workload{-1, 800, 250, 0.7});
    CHECK(answer["ok"] == false);
    CHECK(answer["problems"][0]["path"] == "requests");
  }
}

TEST_CASE("The model view has specs, all ten capabilities, benchmarks and speed") {
  Json answer = answerModel(seedCatalog(), "llama-3-2-instruct-1b", Workload{});
  REQUIRE(answer["ok"] == true);
  const Json& m = answer["result"];
  CHECK(m["id"] == kLlama);
  CHECK(m["capabilities"].size() == 10);
  CHECK(m["benchmarks"].size() == 5);
  CHECK(m["speed"]["outputTokensPerSecond"]["value"].get<double>() == Approx(87.1));
  CHECK(m["speed"]["outputTokensPerSecond"]["attribution"] == "Source: Artificial Analysis");
  CHECK(m["speed"]["reasoningTime"].is_null());
  CHECK(m["monthly"]["cost"].get<double>() == Approx(71.85));
}

TEST_CASE("Three to six models compare side by side") {
  Json answer = answerCompareMany(
      seedCatalog(), {kLlama, "openai/o3", "openai/o4-mini", "meta/llama-guard-3-1b"}, Workload{});
  REQUIRE(answer["ok"] == true);
  const Json& r = answer["result"];
  REQUIRE(r["models"].size() == 4);
  CHECK(r["cheapestMonthly"] == 0);
  CHECK(r["models"][3]["monthly"]["cost"].get<double>() == Approx(105));  // 1,050M tokens at $0.10
  CHECK(r["capabilities"].size() == 10);
  CHECK(r["capabilities"][0]["values"] == Json::array({false, true, true, nullptr}));
  SECTION("benchmarks at least two models have, with the leader") {
    REQUIRE(r["benchmarks"].size() == 4);
    CHECK(r["benchmarks"][0]["id"] == "gpqa");
    CHECK(r["benchmarks"][0]["leader"] == 1);
    CHECK(r["benchmarks"][0]["values"][3].is_null());
  }
  SECTION("which provider serves which model") {
    for (const Json& p : r["providers"])
      if (p["id"] == "openrouter") CHECK(p["models"] == Json::array({true, true, true, false}));
  }
  SECTION("two names give the pair answer; seven are too many") {
    CHECK(answerCompareMany(seedCatalog(), {kLlama, "openai/o3"}, Workload{})["result"].contains(
        "verdict"));
    CHECK(answerCompareMany(seedCatalog(), {"a", "b", "c", "d", "e", "f", "g"}, Workload{})["ok"] ==
          false);
  }
}

TEST_CASE("The monthly answer shows its breakdown and assumptions") {
  Workload w;
  w.cacheHitRate = 0.5;
  Json r = compareSeed(kLlama, "openai/o3", w);
  const Json& b = r["models"][1]["monthly"]["breakdown"];
  CHECK(b["cacheRead"].get<double>() ==
        Approx(400e6 * 2 / 1e6));  // no cache price in the seed data
  CHECK_THAT(b["assumptions"][0].get<std::string>(), Catch::Contains("cache-read price"));
  CHECK(r["models"][1]["monthly"]["cost"].get<double>() == Approx(3600));
}

TEST_CASE(
    "A pair's figures are the comparison's, without its offer lists, break-even answers, "
    "lifecycle, tables and prose") {
  Workload w;
  w.ratio = 0.3;
  w.requests = 2000;
  SECTION("the same models (less their offers), price and workload as the full comparison") {
    for (auto [a, b] : {std::pair{kLlama, "openai/o3"}, std::pair{"openai/o3", "o4-mini"}}) {
      Json full = compareSeed(a, b, w);
      Json answer = answerPairFigures(seedCatalog(), a, b, w);
      REQUIRE(answer["ok"].get<bool>());
      const Json& figures = answer["result"];
      CHECK(figures["price"] == full["price"]);
      CHECK(figures["workload"] == full["workload"]);
      for (int i : {0, 1}) {
        Json model = full["models"][i];
        CHECK(!model["offers"].empty());
        model.erase("offers");
        // The workload details' answers are the full comparison's only (they re-price the pair).
        CHECK(model.contains("breakEven"));
        model.erase("breakEven");
        model.erase("lifecycle");
        CHECK(figures["models"][i] == model);
      }
      CHECK(!figures.contains("prose"));
      CHECK(!figures.contains("specs"));
    }
  }
  SECTION("bad names and workloads are errors, as for compare") {
    CHECK(answerPairFigures(seedCatalog(), kLlama, "no such model", w)["ok"] == false);
    Workload bad;
    bad.ratio = 2;
    CHECK(answerPairFigures(seedCatalog(), kLlama, "openai/o3", bad)["ok"] == false);
  }
}

TEST_CASE("Each model's estimate says what it counts and what it leaves out") {
  const Catalog& c = versus::testing::committedCatalog();
  auto estimate = [&](const char* id, Workload w) {
    Json a = answerModel(c, id, w);
    REQUIRE(a["ok"] == true);
    return a["result"]["estimate"];
  };
  SECTION("o3 reasons: its hidden reasoning tokens are not in the figure") {
    Json e = estimate("openai/o3", Workload{});
    CHECK(e["includes"] == Json::array({"input and output tokens at the headline route"}));
    CHECK(e["excludes"][0] == "hidden reasoning tokens (the output tokens are the visible answer)");
  }
  SECTION("Sonar at Perplexity: the route's month counts its fee per request") {
    // 1,000,000 requests × (800 + 250 tokens at $1 per 1M) = $1,050, plus 1,000,000 × $0.012 =
    // $12,000.
    Json view = answerModel(c, "perplexity/sonar", Workload{})["result"];
    int seen = 0;
    for (const Json& o : view["offers"])
      if (o["provider"]["id"] == "perplexity") {
        CHECK(o["requestFee"].get<double>() == Approx(0.012));
        CHECK(o["monthly"].get<double>() == Approx(13050));
        ++seen;
      }
    CHECK(seen == 1);
  }
  SECTION("cache and batch are named when the workload uses them") {
    Workload w;
    w.cacheHitRate = 0.5;
    w.batchShare = 0.2;
    Json e = estimate("openai/gpt-5-mini", w);
    CHECK(e["includes"].dump().find("cache reads and writes") != std::string::npos);
    CHECK(e["includes"].dump().find("the batch share") != std::string::npos);
  }
}

TEST_CASE("A model's routes list the ones that may head first, the flagged ones after") {
  const Catalog& c = versus::testing::committedCatalog();
  Json offers = answerModel(c, "anthropic/claude-sonnet-4-6", Workload{})["result"]["offers"];
  REQUIRE(offers.size() > 10);
  // Kilo's stealth $2.40 and the resellers are cheaper than Anthropic's $3 but come after every
  // live route without a flag; the first route is the headline, Anthropic's own.
  CHECK(offers[0]["provider"]["id"] == "anthropic");
  CHECK(offers[0]["maker"] == true);
  for (const Json& o : offers)
    if (o["provider"]["id"] == "google")
      CHECK(o["maker"] == false);  // a lab, but not Claude's maker
  bool seenFlagged = false;
  for (const Json& o : offers) {
    if (o["status"] != "live") break;
    if (!o["flag"].is_null())
      seenFlagged = true;
    else
      CHECK_FALSE(seenFlagged);
  }
  CHECK(seenFlagged);
}

TEST_CASE(
    "When the blend and the visitor's bill disagree on the cheaper model, the verdict says so") {
  // A at $1 / $1 blends to $1.00 at 70/30, B at $0.50 / $2.50 to $1.10: A is cheaper by the blend.
  // At 800 input + 250 output tokens a request, A bills $1,050 and B $1,025 a million requests.
  Json doc = versus::testing::minimalCatalog();
  doc["models"].push_back({{"id", "lab/model-b"}, {"name", "Model B"}});
  doc["offers"][0]["price"] = {{"input", 1}, {"output", 1}};
  doc["offers"].push_back({{"model", "lab/model-b"},
                           {"provider", "p"},
                           {"source", "s"},
                           {"price", {{"input", 0.5}, {"output", 2.5}}}});
  LoadResult r = loadCatalog(doc.dump());
  REQUIRE(r.catalog);
  Json answer = answerCompare(*r.catalog, "lab/model-a", "lab/model-b", Workload{});
  REQUIRE(answer["ok"] == true);
  const std::string expected =
      "At 1,000,000 requests a month, though, Model B's monthly bill is the lower: $1,025 against "
      "$1,050 for Model A.";
  CHECK_THAT(answer["result"]["verdict"].get<std::string>(), Catch::Contains(expected));
  CHECK_THAT(answer["result"]["prose"]["verdict"].get<std::string>(), Catch::Contains(expected));
  SECTION("the seed pairs agree both ways: no such sentence") {
    Json seed = answerCompare(seedCatalog(), kLlama, "openai/o3", Workload{});
    CHECK(seed["result"]["verdict"].get<std::string>().find("though") == std::string::npos);
  }
}
