#include "model_analysis.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "support.hpp"

using namespace versus;
using versus::testing::seedCatalog;

namespace {

Json fact(const Json& value, const char* source = "s") {
  return {{"value", value}, {"source", source}};
}

// An open-weights model with the facts given (null leaves a fact out).
Json model(const char* id, Json parameters, Json openWeights, Json reasoning, Json speed, Json ttft,
           Json index) {
  Json m{{"id", id}, {"name", std::string("Model ") + id}};
  if (!parameters.is_null()) m["parameters"] = fact(parameters);
  if (!openWeights.is_null()) m["openWeights"] = fact(openWeights);
  if (!reasoning.is_null()) m["capabilities"] = {{"reasoning", fact(reasoning)}};
  if (!speed.is_null()) m["speed"]["outputTokensPerSecond"] = fact(speed, "aa");
  if (!ttft.is_null()) m["speed"]["timeToFirstToken"] = fact(ttft, "aa");
  if (!index.is_null()) m["benchmarks"] = {{"aa-intelligence", fact(index, "aa")}};
  return m;
}

Json offer(const char* modelId, const char* provider, double in, double out) {
  return {{"model", modelId},
          {"provider", provider},
          {"source", "s"},
          {"price", {{"input", in}, {"output", out}}}};
}

// Tiny open-weights models t1–t5 (t4 reasons, t5 may), a Small one, price-class models p*.
const Catalog& peerCatalog() {
  static const Catalog catalog = [] {
    Json doc = Json::parse(R"({
      "schema": "versus-catalog/1",
      "sources": {"s": {"name": "Test source", "date": "2026-01-02"},
                  "aa": {"name": "Artificial Analysis", "url": "https://artificialanalysis.ai",
                         "date": "2026-07-10", "attribution": "Source: Artificial Analysis"}},
      "benchmarks": [{"id": "aa-intelligence", "name": "Artificial Analysis Intelligence Index",
                      "unit": "index"}],
      "providers": [{"id": "p", "name": "Provider P", "source": "s"},
                    {"id": "q", "name": "Provider Q", "source": "s"},
                    {"id": "r", "name": "Provider R", "source": "s"}],
      "models": [], "offers": []
    })");
    Json& ms = doc["models"];
    ms.push_back(model("t1", 1, true, false, 100, 0.5, 10));
    ms.back()["context"] = fact(128000);
    ms.back()["creator"] = fact("Lab");
    ms.push_back(model("t2", 3, true, false, 50, 1.0, 6));
    ms.push_back(model("t3", 2, true, false, 80, 0.8, 8));
    ms.push_back(model("t4", 2, true, true, 10, 1.0, 30));
    ms.back()["speed"]["reasoningTime"] = fact(2, "aa");
    ms.push_back(model("t5", 2, true, nullptr, 500, 0.3, nullptr));
    ms.push_back(model("s1", 8, true, false, 5, 0.1, 1));
    ms.push_back(model("u1", nullptr, true, false, nullptr, nullptr, nullptr));
    ms.push_back(model("pa", nullptr, false, true, nullptr, nullptr, nullptr));
    ms.push_back(model("pb", nullptr, false, true, 40, 2.0, 20));
    ms.push_back(model("pc", nullptr, nullptr, true, nullptr, nullptr, nullptr));
    ms.push_back(model("pd", nullptr, false, true, nullptr, nullptr, nullptr));
    ms.back()["status"] = "retired";
    ms.push_back(model("pe", nullptr, false, nullptr, nullptr, nullptr, nullptr));
    Json& os = doc["offers"];
    os.push_back(offer("t1", "p", 0.1, 0.1));
    os.push_back(offer("t1", "q", 0.2, 0.4));
    os.push_back(offer("t1", "r", 0.3, 0.2));
    os.push_back(offer("t2", "p", 0.05, 0.05));
    os.push_back(offer("pa", "p", 0.1, 0.1));  // blended 3:1 0.1: under $0.15
    os.push_back(offer("pb", "p", 0.5, 1.5));  // 0.75: $0.15–$1
    os.push_back(offer("pc", "p", 0.6, 0.6));  // 0.6
    os.push_back(offer("pd", "p", 0.5, 0.5));  // retired: no peer
    os.push_back(offer("pe", "p", 1, 2));      // two offers: medians 2 and 3
    os.push_back(offer("pe", "q", 3, 4));
    LoadResult r = loadCatalog(doc.dump());
    if (!r.catalog) throw std::runtime_error(describe(r.problems.at(0)));
    return std::move(*r.catalog);
  }();
  return catalog;
}

Json analyse(const char* id) {
  const Catalog& c = peerCatalog();
  const Model* m = c.findModel(id);
  REQUIRE(m);
  return modelAnalysis(c, *m, Workload{});
}

std::string summary(const Json& a) {
  std::string out;
  for (const Json& s : a["summary"]) out += s.get<std::string>() + "\n";
  return out;
}

}  // namespace

TEST_CASE("Seed 004: Llama 3.2 1B's end-to-end time, context in A4 pages, prices") {
  const Catalog& c = seedCatalog();
  Json a = modelAnalysis(c, *c.findModel("meta/llama-3.2-1b-instruct"), Workload{});
  const Json& m = a["metrics"];
  CHECK(m["endToEnd"]["value"].get<double>() == Approx(0.85 + 500 / 87.1));
  CHECK(m["endToEnd"]["value"].get<double>() == Approx(6.59).epsilon(1e-3));
  CHECK(m["endToEnd"]["reasoningTime"] == 0.0);  // known non-reasoning
  CHECK(m["context"]["value"] == 128000);
  CHECK(m["context"]["a4Pages"] == 192);
  CHECK(m["context"]["tokensPerA4Page"] == 667);
  CHECK(m["intelligenceIndex"]["value"] == 6);
  CHECK(m["intelligenceIndex"]["attribution"] == "Source: Artificial Analysis");
  CHECK(m["outputSpeed"]["value"].get<double>() == Approx(87.1));
  CHECK(m["inputPrice"]["cheapest"].get<double>() == Approx(0.027));
  CHECK(m["inputPrice"]["cheapestProvider"]["name"] == "Cloudflare Workers AI");
  CHECK(m["providers"]["liveRoutes"] == 7);
  CHECK(m["verbosity"]["value"].is_null());  // the seed catalog has no index run
  CHECK(a["peerClass"]["id"] == "open-weights-tiny");
  std::string s = summary(a);
  CHECK_THAT(s, Catch::Contains("Producing 500 output tokens takes about 6.59 s end to end "
                                "(0.85 s to the first token and 5.74 s of generation)."));
  CHECK_THAT(s, Catch::Contains("128k-token context window (about 192 A4 pages)"));
  CHECK_THAT(s, Catch::Contains("Source: Artificial Analysis."));
}

TEST_CASE(
    "Open-weights models are compared within their size class, non-reasoning with non-reasoning") {
  Json a = analyse("t1");
  const Json& k = a["peerClass"];
  CHECK(k["basis"] == "size");
  CHECK(k["id"] == "open-weights-tiny");
  CHECK(k["members"] == 3);  // t1, t2, t3: not t4 (reasons), t5 (may reason), s1 (Small)
  CHECK(k["reasoning"] == "non-reasoning only");
  const Json& m = a["metrics"];
  CHECK(m["outputSpeed"]["peerMedian"] == 80);
  CHECK(m["outputSpeed"]["peerCount"] == 3);
  CHECK(m["outputSpeed"]["label"] == "faster than average");
  CHECK(m["timeToFirstToken"]["peerMedian"].get<double>() == Approx(0.8));
  CHECK(m["timeToFirstToken"]["label"] == "faster than average");  // lower is better
  CHECK(m["intelligenceIndex"]["peerMedian"] == 8);
  CHECK(m["intelligenceIndex"]["label"] == "above average");
  CHECK(m["endToEnd"]["value"].get<double>() == Approx(5.5));
  // Prices: median across the three offers, cheapest separately; peers with a price: t1, t2.
  CHECK(m["inputPrice"]["median"].get<double>() == Approx(0.2));
  CHECK(m["inputPrice"]["cheapest"].get<double>() == Approx(0.1));
  CHECK(m["outputPrice"]["median"].get<double>() == Approx(0.2));
  CHECK(m["blendedPrice"]["value"].get<double>() == Approx(0.2));
  CHECK(m["inputPrice"]["peerCount"] == 2);
  CHECK(m["inputPrice"]["label"] == "more expensive than average");
  CHECK(m["providers"]["providers"] == 3);
  std::string s = summary(a);
  CHECK_THAT(s, Catch::Contains("compared with the 3 open-weights non-reasoning models of the Tiny "
                                "size class (up to 4B parameters)"));
  CHECK_THAT(s, Catch::Contains("scores 10 on the Artificial Analysis Intelligence Index, above "
                                "average for its class (median 8 across 3 models)."));
  CHECK_THAT(s, Catch::Contains("Across its 3 priced provider routes, the median price is $0.20"));
}

TEST_CASE("Reasoning models are compared with reasoning and non-reasoning peers") {
  Json a = analyse("t4");
  CHECK(a["peerClass"]["members"] == 5);  // t1–t5
  CHECK(a["peerClass"]["reasoning"] == "reasoning and non-reasoning");
  const Json& m = a["metrics"];
  CHECK(m["outputSpeed"]["peerMedian"] == 80);
  CHECK(m["outputSpeed"]["label"] == "slower than average");
  CHECK(m["endToEnd"]["value"].get<double>() == Approx(1 + 2 + 500.0 / 10));
  CHECK_THAT(summary(a), Catch::Contains("(1 s to the first token, 2 s of thinking, and 50 s of "
                                         "generation)"));
}

TEST_CASE("Unknown stays unknown") {
  SECTION("a reasoning time that is not sourced leaves the end-to-end time unknown") {
    Json a = analyse("t5");  // reasoning not sourced
    CHECK(a["metrics"]["endToEnd"]["value"].is_null());
    CHECK(a["metrics"]["endToEnd"]["reasoningTime"].is_null());
    CHECK(a["reasoning"].is_null());
    CHECK_THAT(summary(a), Catch::Contains("Whether it is a reasoning model is not sourced."));
    CHECK_THAT(summary(a), Catch::Contains("is unknown because its reasoning time is not sourced"));
  }
  SECTION("open weights without a parameter count have no peer class") {
    Json a = analyse("u1");
    CHECK(a["peerClass"].is_null());
    CHECK_THAT(a["peerClassNote"].get<std::string>(),
               Catch::Contains("parameter count is not sourced"));
    CHECK(a["metrics"]["intelligenceIndex"]["value"].is_null());
    CHECK(a["metrics"]["intelligenceIndex"]["label"].is_null());
    CHECK(a["metrics"]["context"]["a4Pages"].is_null());
    std::string s = summary(a);
    CHECK_THAT(s, Catch::Contains("Its context window is not sourced in the catalog."));
    CHECK_THAT(s, Catch::Contains("No live provider route with a price is tracked"));
  }
}

TEST_CASE("Proprietary models are compared within their blended 3:1 price class") {
  Json a = analyse("pb");
  const Json& k = a["peerClass"];
  CHECK(k["basis"] == "price");
  CHECK(k["id"] == "price-0.15-to-1");
  CHECK(k["members"] == 3);  // pb, pc (openness unknown), t1 (open weights at 0.2); not retired pd
  CHECK(a["metrics"]["blendedPrice"]["value"].get<double>() == Approx(0.75));
  CHECK(a["metrics"]["blendedPrice"]["peerMedian"].get<double>() == Approx(0.6));
  CHECK(a["metrics"]["blendedPrice"]["label"] == "more expensive than average");
  CHECK(analyse("pa")["peerClass"]["id"] == "price-under-0.15");
  CHECK(sizeClassOf(4) == SizeClass::Tiny);
  CHECK(sizeClassOf(4.5) == SizeClass::Small);
  CHECK(sizeClassOf(150) == SizeClass::Medium);
  CHECK(sizeClassOf(151) == SizeClass::Large);
  CHECK(priceClassOf(0.149) == PriceClass::Low);
  CHECK(priceClassOf(1) == PriceClass::Mid);
  CHECK(priceClassOf(1.01) == PriceClass::High);
}

TEST_CASE("Median prices across an even number of offers") {
  const Catalog& c = peerCatalog();
  OfferPrices p = offerPrices(c, *c.findModel("pe"));
  CHECK(p.pricedRoutes == 2);
  CHECK(*p.medianInput == Approx(2));
  CHECK(*p.medianOutput == Approx(3));
  CHECK(*p.cheapestInput == Approx(1));
  Json a = analyse("pe");
  CHECK(a["metrics"]["blendedPrice"]["value"].get<double>() == Approx((3 * 2 + 3) / 4.0));
  CHECK(a["peerClass"]["id"] == "price-over-1");
}

TEST_CASE(
    "A measured time to the first answer token gives the end-to-end time, reasoning included") {
  // As Artificial Analysis measures o3 (data/catalog.json): first token 5.47 s, which is also its
  // first answer token (the reasoning streams nothing), 113.79 tokens/s; no reasoning time of its
  // own.
  Json doc = versus::testing::minimalCatalog();
  Json& m = doc["models"][0];
  m["capabilities"] = {{"reasoning", fact(true)}};
  m["speed"] = {{"outputTokensPerSecond", fact(113.79)},
                {"timeToFirstToken", fact(5.47)},
                {"timeToFirstAnswerToken", fact(5.47)}};
  Json thinker = m;
  thinker["id"] = "lab/thinker";
  thinker["aliases"] = Json::array();
  thinker["speed"]["timeToFirstAnswerToken"] = fact(9.47);  // 4 s of reasoning before the answer
  doc["models"].push_back(thinker);
  LoadResult loaded = loadCatalog(doc.dump());
  REQUIRE(loaded.catalog);
  const Catalog& c = *loaded.catalog;

  SECTION("o3's 500 tokens take 5.47 + 500 / 113.79 = 9.86 s") {
    const Model& o3 = *c.findModel("lab/model-a");
    CHECK(*endToEndSeconds(o3) == Approx(5.47 + 500 / 113.79));
    CHECK(*endToEndSeconds(o3) == Approx(9.86).margin(0.005));
    Json a = modelAnalysis(c, o3, Workload{});
    const Json& e2e = a["metrics"]["endToEnd"];
    CHECK(e2e["timeToFirstAnswerToken"] == 5.47);
    CHECK(e2e["reasoningTime"].is_null());  // how the 5.47 s split is not measured
    CHECK_THAT(summary(a), Catch::Contains("takes about 9.86 s end to end: 5.47 s until the answer "
                                           "starts, reasoning included, then 4.39 s of "
                                           "generation."));
  }
  SECTION("a first answer token later than the first token: the difference is the reasoning") {
    Json a = modelAnalysis(c, *c.findModel("lab/thinker"), Workload{});
    const Json& e2e = a["metrics"]["endToEnd"];
    CHECK(e2e["value"].get<double>() == Approx(9.47 + 500 / 113.79));
    CHECK(e2e["reasoningTime"].get<double>() == Approx(4));
    CHECK_THAT(summary(a), Catch::Contains("(5.47 s to the first token, 4 s of thinking, and"));
  }
}

TEST_CASE("Verbosity and the cost to run the Intelligence Index, against the class median") {
  // The committed catalog: Artificial Analysis' Gemini 3.5 Flash run took 12.67M answer and 62.71M
  // reasoning tokens and cost $1,040.88.
  const Catalog& c = versus::testing::committedCatalog();
  const Model* flash = c.findModel("google/gemini-3.5-flash");
  REQUIRE(flash);
  Json a = modelAnalysis(c, *flash, Workload{});
  const Json& v = a["metrics"]["verbosity"];
  CHECK(v["value"].get<double>() == Approx(12.67 + 62.71));
  CHECK(v["answerMillionTokens"] == 12.67);
  CHECK(v["reasoningMillionTokens"] == 62.71);
  CHECK(v["source"] == "aa");
  CHECK(a["metrics"]["indexCost"]["value"].get<double>() == Approx(1040.88));
  SECTION("a speed measured at one Artificial Analysis setting says which") {
    Json sonnet = modelAnalysis(c, *c.findModel("anthropic/claude-sonnet-4-6"), Workload{});
    CHECK_THAT(sonnet["metrics"]["endToEnd"]["note"].get<std::string>(),
               Catch::Contains("setting: Claude Sonnet 4.6 (Adaptive Reasoning, Max Effort)"));
    CHECK_THAT(sonnet["metrics"]["outputSpeed"]["note"].get<std::string>(),
               Catch::Contains("Max Effort"));
  }
  SECTION("a model with no run measured: unknown, not zero") {
    Json none = modelAnalysis(c, *c.findModel("openai/o3"), Workload{});
    CHECK(none["metrics"]["verbosity"]["value"].is_null());
    CHECK(none["metrics"]["indexCost"]["value"].is_null());
  }
}

TEST_CASE("The model page's FAQ answers from the model's own figures") {
  const Catalog& c = seedCatalog();
  Json a = modelAnalysis(c, *c.findModel("meta/llama-3.2-1b-instruct"), Workload{});
  std::map<std::string, std::string> faq;
  for (const Json& item : a["faq"]) faq[item["question"]] = item["answer"];
  REQUIRE(faq.count("How much does Llama 3.2 1B Instruct cost?"));
  // 800 × $0.027 + 250 × $0.201 per 1M, a million requests: $71.85 at Cloudflare Workers AI (seed
  // 000).
  CHECK_THAT(
      faq["How much does Llama 3.2 1B Instruct cost?"],
      Catch::StartsWith(
          "Llama 3.2 1B Instruct costs from $0.027 per 1M input tokens (Cloudflare Workers AI)") &&
          Catch::Contains("cost $71.85 at Cloudflare Workers AI"));
  CHECK(faq["How large is Llama 3.2 1B Instruct's context window?"].rfind(
            "Llama 3.2 1B Instruct reads up to 128k tokens (about 192 A4 pages)", 0) == 0);
  CHECK_THAT(faq["How fast is Llama 3.2 1B Instruct?"],
             Catch::Contains("87.1 output tokens per second") &&
                 Catch::Contains("about 6.6 s end to end"));
  CHECK(faq["Is Llama 3.2 1B Instruct a reasoning model?"] ==
        "Llama 3.2 1B Instruct is not a reasoning model.");
  CHECK_THAT(faq["How smart is Llama 3.2 1B Instruct?"],
             Catch::Contains("scores 6 on the Artificial Analysis Intelligence Index"));
  SECTION("no question the catalog cannot answer: no index run in the seed catalog") {
    CHECK_FALSE(faq.count("How many tokens does Llama 3.2 1B Instruct use?"));
  }
  SECTION("every answer is a sentence, and no two are the same") {
    std::set<std::string> seen;
    for (const auto& [q, answer] : faq) {
      CHECK(answer.back() == '.');
      CHECK(seen.insert(answer).second);
      CHECK(answer.find("undefined") == std::string::npos);
    }
  }
}
