#include "pricing.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

using namespace versus;
using versus::testing::seedCatalog;

namespace {

Offer offer(std::string provider, std::optional<double> in, std::optional<double> out) {
  Offer o;
  o.model = "lab/m";
  o.provider = std::move(provider);
  o.source = "s";
  if (in || out) o.price = Price{in, out, {}, {}, {}, {}, {}};
  return o;
}

}  // namespace

TEST_CASE("The cost of a usage at one offer") {
  Offer cloudflare = offer("cloudflare-workers-ai", 0.027, 0.201);
  SECTION("is tokens times price per 1M") {
    CHECK(*usageCost(cloudflare, {800, 250}) == Approx(0.00007185));
    CHECK(*usageCost(cloudflare, {1e6, 0}) == Approx(0.027));
  }
  SECTION("is unknown without a price, and a free tier is not a price") {
    CHECK_FALSE(usageCost(offer("p", std::nullopt, std::nullopt), {800, 250}));
    CHECK_FALSE(usageCost(offer("p", 1.0, std::nullopt), {800, 250}));
    Offer free = offer("p", std::nullopt, std::nullopt);
    free.free = true;
    CHECK_FALSE(isPriced(free));
  }
  SECTION("a long-context tier bills the whole request once the prompt passes its start") {
    Offer tiered = offer("p", 3, 15);
    tiered.price->tiers = {TierPrice{200000, 6, 22.5}};
    CHECK(*usageCost(tiered, {200000, 0}) == Approx(0.60));
    CHECK(*usageCost(tiered, {200001, 0}) == Approx(1.200006));
    CHECK(usageBreakdown(tiered, {200001, 0})->tier == &tiered.price->tiers[0]);
    CHECK(usageBreakdown(tiered, {200000, 0})->tier == nullptr);
  }
}

TEST_CASE("Cached input is part of the input, billed at the cache-read price") {
  Offer cached = offer("p", 0.50, 3);
  cached.price->cacheRead = 0.05;
  // 20,212 input tokens of which 16,298 read from cache, 931 output tokens.
  Usage usage{20212, 931, 16298.0 / 20212.0};
  SECTION("the worked example costs $0.0056 a request, not $0.0137") {
    CHECK(*usageCost(cached, usage) == Approx(0.0055649));
    // $0.0137 is the mistake of billing the cached tokens on top of all 20,212 input tokens.
    double cachedOnTop = (20212 * 0.50 + 16298 * 0.05 + 931 * 3) / 1e6;
    CHECK(cachedOnTop == Approx(0.0137).margin(0.00005));
    CHECK(*usageCost(cached, usage) < cachedOnTop - 0.008);
    CHECK(*usageCost(cached, {20212, 931}) == Approx(0.012899));  // no cache: every token at $0.50
    CostBreakdown b = *usageBreakdown(cached, usage);
    CHECK(b.input == Approx(3914 * 0.50 / 1e6));
    CHECK(b.cacheRead == Approx(16298 * 0.05 / 1e6));
    CHECK(b.output == Approx(931 * 3 / 1e6));
    CHECK(b.assumptions.empty());
  }
  SECTION("an unknown cache price is billed at the input price, and said so") {
    Offer noCachePrice = offer("p", 0.50, 3);
    CostBreakdown b = *usageBreakdown(noCachePrice, usage);
    CHECK(b.total() == Approx(20212 * 0.5 / 1e6 + 931 * 3 / 1e6));
    REQUIRE(b.assumptions.size() == 1);
    CHECK_THAT(b.assumptions[0], Catch::Contains("cache-read price"));
  }
  SECTION("cache writes bill at the cache-write price") {
    cached.price->cacheWrite = 0.625;
    Usage writes{1000, 0, 0, 1.0};
    CHECK(*usageCost(cached, writes) == Approx(0.000625));
  }
}

TEST_CASE("A long-context tier's own cache prices apply with the tier") {
  // Claude Opus 4.6 at Vertex (data/catalog.json): $5 / $25, cache read $0.50, write $6.25; above
  // 200k tokens $10 / $37.50, cache read $1, write $12.50.
  Offer opus = offer("google-vertex", 5, 25);
  opus.price->cacheRead = 0.5;
  opus.price->cacheWrite = 6.25;
  opus.price->tiers = {TierPrice{200000, 10, 37.5, 1, 12.5}};
  SECTION("250,545 input tokens, 176,167 of them cached, 2,124 output: $0.9996, not $0.9115") {
    Usage usage{250545, 2124, 176167.0 / 250545.0};
    CostBreakdown b = *usageBreakdown(opus, usage);
    CHECK(b.input == Approx(74378 * 10 / 1e6));      // $0.74378
    CHECK(b.cacheRead == Approx(176167 * 1 / 1e6));  // $0.176167 at the tier's $1, not $0.50
    CHECK(b.output == Approx(2124 * 37.5 / 1e6));    // $0.07965
    CHECK(b.total() == Approx(0.999597));
    CHECK(b.assumptions.empty());
  }
  SECTION("cache writes in a tiered request bill at the tier's write price") {
    Usage writes{300000, 0, 0, 0.5};  // 150,000 written at $12.50, 150,000 plain at $10
    CHECK(*usageCost(opus, writes) == Approx(150000 * 12.5 / 1e6 + 150000 * 10 / 1e6));  // $3.375
  }
  SECTION("below the tier the base cache prices apply") {
    Usage usage{100000, 0, 0.5};  // 50,000 cached at $0.50, 50,000 plain at $5
    CHECK(*usageCost(opus, usage) == Approx(0.025 + 0.25));
  }
  SECTION("a tier without cache prices keeps the base ones, and says so") {
    opus.price->tiers = {TierPrice{200000, 10, 37.5}};
    CostBreakdown b = *usageBreakdown(opus, {300000, 0, 0.5});
    CHECK(b.cacheRead == Approx(150000 * 0.5 / 1e6));
    REQUIRE(b.assumptions.size() == 1);
    CHECK_THAT(b.assumptions[0], Catch::Contains("tier lists no cache-read price"));
  }
}

TEST_CASE("OpenRouter's min_prompt_tokens overrides are tiers of the committed catalog") {
  // qwen/qwen3-max at OpenRouter: $0.78 / $3.90; from 32,000 prompt tokens $1.56 / $7.80; from
  // 128,000 $1.95 / $9.75, the whole request (the importer writes start = min_prompt_tokens - 1).
  const Offer* qwen = versus::testing::committedOffer("alibaba/qwen3-max", "openrouter");
  REQUIRE(qwen);
  SECTION("150,000 input and 1,000 output tokens: $0.30225, not $0.1209 at the base rates") {
    CHECK(*usageCost(*qwen, {150000, 1000}) == Approx(150000 * 1.95 / 1e6 + 1000 * 9.75 / 1e6));
  }
  SECTION("exactly 32,000 prompt tokens is the first tier; 31,999 is not") {
    CHECK(*usageCost(*qwen, {32000, 0}) == Approx(32000 * 1.56 / 1e6));
    CHECK(*usageCost(*qwen, {31999, 0}) == Approx(31999 * 0.78 / 1e6));
  }
}

TEST_CASE("A fee per request is billed on top of the tokens") {
  // Perplexity's Sonar at Perplexity (data/catalog.json): $1 / $1 per 1M tokens and $12 per 1,000
  // requests (genai-prices' requests_kcount).
  const Offer* sonar = versus::testing::committedOffer("perplexity/sonar", "perplexity");
  REQUIRE(sonar);
  REQUIRE(sonar->price->request);
  CHECK(*sonar->price->request == Approx(0.012));
  SECTION("one request of 800 input and 250 output tokens: $0.00105 of tokens and $0.012 of fee") {
    CostBreakdown b = *usageBreakdown(*sonar, {800, 250});
    CHECK(b.requests == Approx(0.012));
    CHECK(b.total() == Approx(0.00105 + 0.012));
  }
  SECTION("a month of 1,000 such requests: $1.05 + $12 = $13.05") {
    Workload w;
    w.requests = 1000;
    CHECK(monthlyCostAt(*sonar, w)->cost == Approx(13.05));
    CHECK(monthlyCostAt(*sonar, w)->breakdown.requests == Approx(12));
  }
  SECTION("a fee outside $0 to $100 is refused by name") {
    Json doc = versus::testing::minimalCatalog();
    doc["offers"][0]["price"]["request"] = -1;
    LoadResult r = loadCatalog(doc.dump());
    REQUIRE(!r.problems.empty());
    CHECK_THAT(describe(r.problems[0]), Catch::Contains("offers[0].price.request"));
  }
}

TEST_CASE("A month mixes batch, long prompts and cache") {
  Offer o = offer("p", 2, 8);
  o.price->batchInput = 1;
  o.price->batchOutput = 4;
  o.price->cacheRead = 0.5;
  o.price->tiers = {TierPrice{200000, 4, 16}};
  SECTION("half the requests through batch halves their price") {
    Workload w{1000, 1000, 100, 0.7};
    w.batchShare = 0.5;
    double direct = 1000 * (1000 * 2 + 100 * 8) / 1e6;
    CHECK(monthlyCostAt(o, w)->cost == Approx(direct * 0.75));
  }
  SECTION("a share of long prompts crosses the tier for those requests only") {
    Workload w{100, 1000, 0, 0.7};
    w.longShare = 0.1;
    w.longInputTokens = 300000;
    double expected = 90 * 1000 * 2 / 1e6 + 10 * 300000 * 4 / 1e6;
    MonthlyCost m = *monthlyCostAt(o, w);
    CHECK(m.cost == Approx(expected));
    CHECK(m.inputTokens == Approx(90 * 1000 + 10 * 300000));
    REQUIRE(m.breakdown.tier);
    CHECK(m.breakdown.tier->start == 200000);
  }
  SECTION("a batch request without a batch price is billed normally, and said so") {
    Offer plain = offer("p", 2, 8);
    Workload w{10, 1000, 0, 0.7};
    w.batchShare = 1;
    MonthlyCost m = *monthlyCostAt(plain, w);
    CHECK(m.cost == Approx(10 * 1000 * 2 / 1e6));
    CHECK_THAT(m.breakdown.assumptions.at(0), Catch::Contains("batch"));
  }
  SECTION("the cheapest route depends on the workload's cache use") {
    Offer noCache = offer("q", 1.8, 8);
    std::vector<const Offer*> offers{&o, &noCache};
    Workload w{1000, 10000, 100, 0.7};
    CHECK(monthlyCost(offers, w)->offer == &noCache);
    w.cacheHitRate = 0.8;
    CHECK(monthlyCost(offers, w)->offer == &o);
  }
}

TEST_CASE("Blended price per 1M at an input share") {
  CHECK(*blendedPrice(offer("p", 2, 8), 0.7) == Approx(3.8));
  CHECK(*blendedPrice(offer("p", 0.027, 0.201), 0.7) == Approx(0.0792));
  CHECK(*blendedPrice(offer("p", 2, 8), 1.0) == Approx(2));
  CHECK(*blendedPrice(offer("p", 2, 8), 0.0) == Approx(8));
}

TEST_CASE("The cheapest route skips unpriced, free and retired offers") {
  Offer a = offer("a", 0.5, 2), b = offer("b", 0.4, 2.5),
        unpriced = offer("c", std::nullopt, std::nullopt), retired = offer("d", 0.01, 0.01);
  retired.status = Status::Retired;
  std::vector<const Offer*> offers{&a, &b, &unpriced, &retired};
  SECTION("by the traffic: input-heavy traffic prefers the cheaper input") {
    CHECK(monthlyCost(offers, Workload{1, 1000, 10, 0.7})->offer == &b);
    CHECK(monthlyCost(offers, Workload{1, 10, 1000, 0.7})->offer == &a);
  }
  SECTION("by the blend") {
    CHECK(cheapestOfferForBlend(offers, 1.0) == &b);
    CHECK(cheapestOfferForBlend(offers, 0.0) == &a);
  }
  SECTION("ties go to the lower input price") {
    Offer c = offer("c", 1.0, 1.0), d = offer("d", 0.0, 2.0);
    std::vector<const Offer*> tied{&c, &d};
    CHECK(cheapestOfferForBlend(tied, 0.5) == &d);
  }
  SECTION("no route at all") {
    std::vector<const Offer*> none{&unpriced, &retired};
    CHECK_FALSE(monthlyCost(none, Workload{}));
  }
}

TEST_CASE("Monthly cost at the seed traffic reproduces the seed page") {
  const Catalog& c = seedCatalog();
  Workload w;  // 1,000,000 requests × 800 in + 250 out
  auto llama = monthlyCost(c.offersOf(*c.findModel("meta/llama-3.2-1b-instruct")), w);
  auto o3 = monthlyCost(c.offersOf(*c.findModel("openai/o3")), w);
  REQUIRE(llama);
  REQUIRE(o3);
  CHECK(llama->cost == Approx(71.85));
  CHECK(llama->offer->provider == "cloudflare-workers-ai");
  CHECK(llama->inputTokens == Approx(800e6));
  CHECK(llama->outputTokens == Approx(250e6));
  CHECK(o3->cost == Approx(3600));
  CHECK(o3->offer->provider == "openai");
  CHECK(o3->cost - llama->cost == Approx(3528.15));
}

TEST_CASE("A workload is validated field by field") {
  SECTION("the default is valid") { CHECK(validateWorkload(Workload{}).empty()); }
  SECTION("negative traffic") {
    auto problems = validateWorkload(Workload{-5, 800, 250, 0.7});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "requests");
    CHECK_THAT(problems[0].message, Catch::Contains("negative"));
  }
  SECTION("NaN, infinity and a ratio outside 0..1") {
    auto problems = validateWorkload(Workload{1, std::nan(""), HUGE_VAL, 1.5});
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].path == "inputTokens");
    CHECK(problems[1].path == "outputTokens");
    CHECK(problems[2].path == "ratio");
  }
  SECTION("shares outside 0..1, and cache reads plus writes above all input") {
    Workload w;
    w.cacheHitRate = 0.8;
    w.cacheWriteRate = 0.3;
    w.batchShare = -0.1;
    auto problems = validateWorkload(w);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "cacheWriteRate");
    CHECK(problems[1].path == "batchShare");
  }
  SECTION("absurdly large figures") {
    CHECK(validateWorkload(Workload{1e308, 800, 250, 0.7}).at(0).path == "requests");
  }
}

TEST_CASE("A workload's choices are validated against the engine's one list") {
  SECTION("the defaults are the first option of each") {
    Workload w;
    CHECK(w.reasoning == "visible");
    CHECK(w.tier == "standard");
    CHECK(w.cacheLifetime == "5m");
    for (const WorkloadChoice& c : kWorkloadChoices) CHECK(w.*c.member == c.options[0]);
  }
  SECTION("a word not in the list names the field and its options") {
    Workload w;
    w.tier = "turbo";
    w.reasoning = "";
    auto problems = validateWorkload(w);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "reasoning");
    CHECK(problems[1].path == "tier");
    CHECK_THAT(problems[1].message, Catch::StartsWith("must be standard, flex or priority"));
  }
  SECTION("a region is a short label") {
    Workload w;
    w.region = std::string(41, 'E');
    CHECK(validateWorkload(w).at(0).path == "region");
    w.region = "E\nU";
    CHECK(validateWorkload(w).at(0).path == "region");
    w.region = "EU";
    CHECK(validateWorkload(w).empty());
  }
}

TEST_CASE("Typical reasoning bills hidden tokens as output, at the reasoning price where listed") {
  Workload w;  // 1e6 requests × (800 in + 250 out)
  SECTION("at the output price: o3's rates, 15.5 reasoning tokens per answer token") {
    Offer o = offer("openai", 2, 8);
    MonthlyCost m = *monthlyCostAt(o, w, 15.5);
    // 1e6 × 250 × 15.5 = 3.875e9 reasoning tokens × $8 / 1M = $31,000, on top of $3,600.
    CHECK(m.reasoningTokens == Approx(3.875e9));
    CHECK(m.breakdown.reasoning == Approx(31000));
    CHECK(m.cost == Approx(34600));
    CHECK(monthlyCostAt(o, w)->cost == Approx(3600));  // no ratio: visible output only
  }
  SECTION("at the route's own reasoning price (Qwen Plus thinking: $1.2 out, $4 reasoning)") {
    Offer o = offer("alibaba", 0.4, 1.2);
    o.price->reasoningOutput = 4;
    MonthlyCost m = *monthlyCostAt(o, w, 2);
    // visible: 1e6 × (800 × 0.4 + 250 × 1.2) / 1e6 = $620; reasoning: 1e6 × 500 × 4 / 1e6 = $2,000.
    CHECK(m.breakdown.reasoning == Approx(2000));
    CHECK(m.cost == Approx(2620));
  }
}

TEST_CASE("A service tier bills its own rates, and a route without it the standard ones, said") {
  Offer o = offer("openai", 2, 8);  // o3 at OpenAI: flex $1 / $4, priority $3.50 / $14
  o.price->cacheRead = 0.5;
  o.price->flex = ServicePrice{1, 4, 0.25, {}, {}};
  o.price->priority = ServicePrice{3.5, 14, 0.875, {}, {}};
  Workload w;
  w.cacheHitRate = 0.5;
  SECTION("flex and priority, with their own cache-read prices") {
    // standard: 1e6 × (400 × 2 + 400 × 0.5 + 250 × 8) / 1e6 = $3,000
    CHECK(monthlyCostAt(o, w)->cost == Approx(3000));
    w.tier = "flex";  // 400 × 1 + 400 × 0.25 + 250 × 4 = $1,500
    CHECK(monthlyCostAt(o, w)->cost == Approx(1500));
    w.tier = "priority";  // 400 × 3.5 + 400 × 0.875 + 250 × 14 = $5,250
    CHECK(monthlyCostAt(o, w)->cost == Approx(5250));
  }
  SECTION("batch requests stay standard-tier batch") {
    o.price->batchInput = 1;
    o.price->batchOutput = 4;
    w.tier = "priority";
    w.batchShare = 0.5;
    // half priority ($5,250 / 2) + half batch (400 × 1 + 400 × 0.5 + 250 × 4 = $1,600 / 2)
    CHECK(monthlyCostAt(o, w)->cost == Approx(2625 + 800));
  }
  SECTION("a priority tier's own long-context tier") {
    o.price->priority->tiers = {TierPrice{272000, 7, 28, 1.75, {}, {}}};
    Usage long_{300000, 1000, 0, 0, false, 0, ServiceTier::Priority};
    // 300,000 × 7 + 1,000 × 28 = $2.128 a request
    CHECK(*usageCost(o, long_) == Approx(2.128));
  }
  SECTION("a route without the tier bills standard and says so") {
    Offer plain = offer("azure", 2, 8);
    w.tier = "flex";
    w.cacheHitRate = 0;
    MonthlyCost m = *monthlyCostAt(plain, w);
    CHECK(m.cost == Approx(3600));
    REQUIRE(m.breakdown.assumptions.size() == 1);
    CHECK(m.breakdown.assumptions[0] == "no flex price listed: billed at the standard price");
  }
}

TEST_CASE("A 1-hour cache write bills at its own price, else at the 5-minute one, said") {
  Offer o = offer("anthropic", 3, 15);  // Claude Sonnet 4.5: write $3.75 (5 min), $6 (1 hour)
  o.price->cacheRead = 0.3;
  o.price->cacheWrite = 3.75;
  o.price->cacheWrite1h = 6;
  Workload w;
  w.cacheWriteRate = 0.5;
  // 400 uncached × 3 + 400 written × write + 250 × 15, a million times
  CHECK(monthlyCostAt(o, w)->cost == Approx(1200 + 1500 + 3750));
  w.cacheLifetime = "1h";
  CHECK(monthlyCostAt(o, w)->cost == Approx(1200 + 2400 + 3750));
  SECTION("a long-context tier's 1-hour price applies with the tier") {
    o.price->tiers = {TierPrice{200000, 6, 22.5, 0.6, 7.5, 12}};
    Usage u{300000, 0, 0, 0.5, false, 0, ServiceTier::Standard, true};
    CHECK(*usageCost(o, u) == Approx((150000 * 6 + 150000 * 12) / 1e6));
  }
  SECTION("without a 1-hour price, the 5-minute one, with an assumption") {
    o.price->cacheWrite1h.reset();
    MonthlyCost m = *monthlyCostAt(o, w);
    CHECK(m.cost == Approx(1200 + 1500 + 3750));
    CHECK(m.breakdown.assumptions.at(0) ==
          "no 1-hour cache-write price listed: cache writes billed at the 5-minute price");
  }
}

TEST_CASE("A region keeps the routes that process there, at their regional price") {
  Offer plain = offer("openai", 2.5, 15);  // GPT-5.4: data residency +10% in the EU and the US
  plain.price->regionUplift = {{"EU", 1.1}, {"US", 1.1}};
  Offer bedrockEu = offer("amazon-bedrock", 3.3, 16.5);
  bedrockEu.region = "EU";
  Offer other = offer("azure", 2.5, 15);
  Workload w;
  SECTION("anywhere: every route at its own price") {
    CHECK(monthlyCostAt(plain, w)->cost == Approx(5750));
    CHECK(monthlyCostAt(other, w)->cost == Approx(5750));
  }
  SECTION("in the EU: the uplift, the EU route, and no figure for a route not offered there") {
    w.region = "eu";  // case-insensitive
    CHECK(monthlyCostAt(plain, w)->cost == Approx(6325));
    CHECK(monthlyCostAt(bedrockEu, w)->cost == Approx(6765));
    CHECK_FALSE(monthlyCostAt(other, w));
    CHECK(*regionFactor(plain, "EU") == 1.1);
    CHECK_FALSE(regionFactor(bedrockEu, "US"));
  }
}

TEST_CASE("The committed catalog's regions are listed by how many routes serve them") {
  Json regions = catalogRegions(versus::testing::committedCatalog());
  REQUIRE(regions.size() >= 2);
  CHECK(regions[0]["routes"].get<int>() >= regions[1]["routes"].get<int>());
  bool eu = false;
  for (const Json& r : regions) eu = eu || r["id"] == "EU";
  CHECK(eu);
}

TEST_CASE("Each real-bill option on the committed catalog's offers, by hand") {
  using versus::testing::committedOffer;
  Workload w;  // 1e6 requests × (800 in + 250 out)
  SECTION("reasoning: o3 at OpenAI ($2 / $8) with OpenAI's median of 15.47 reasoning tokens") {
    const Offer* o3 = committedOffer("openai/o3", "openai");
    REQUIRE(o3);
    CHECK(monthlyCostAt(*o3, w, 15.47)->cost == Approx(1600 + 2000 + 250 * 15.47 * 8));
  }
  SECTION("tier: o3 at OpenAI, flex $1 / $4 and priority $3.50 / $14") {
    const Offer* o3 = committedOffer("openai/o3", "openai");
    w.tier = "flex";
    CHECK(monthlyCostAt(*o3, w)->cost == Approx(800 * 1 + 250 * 4));
    w.tier = "priority";
    CHECK(monthlyCostAt(*o3, w)->cost == Approx(800 * 3.5 + 250 * 14));
  }
  SECTION("cache lifetime: Claude Sonnet 4.5 at Anthropic writes at $3.75 (5 min) or $6 (1 hour)") {
    const Offer* sonnet = committedOffer("anthropic/claude-sonnet-4-5", "anthropic");
    REQUIRE(sonnet);
    REQUIRE(sonnet->price->cacheWrite1h);
    CHECK(*sonnet->price->cacheWrite1h == 6);
    w.cacheWriteRate = 0.5;
    double fiveMinutes = 400 * 3 + 400 * *sonnet->price->cacheWrite + 250 * 15;
    CHECK(monthlyCostAt(*sonnet, w)->cost == Approx(fiveMinutes));
    w.cacheLifetime = "1h";
    CHECK(monthlyCostAt(*sonnet, w)->cost == Approx(400 * 3 + 400 * 6 + 250 * 15));
  }
  SECTION(
      "region: GPT-5.4 at OpenAI costs 1.1× in the EU; a route with no EU price has no figure") {
    const Offer* gpt = committedOffer("openai/gpt-5.4", "openai");
    REQUIRE(gpt);
    double anywhere = monthlyCostAt(*gpt, w)->cost;
    w.region = "EU";
    CHECK(monthlyCostAt(*gpt, w)->cost == Approx(anywhere * 1.1));
    const Offer* o3 = committedOffer("openai/o3", "openai");
    CHECK_FALSE(monthlyCostAt(*o3, w));
  }
}
