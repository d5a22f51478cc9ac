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
    CHECK(cheapestOfferForUsage(offers, {1000, 10}) == &b);
    CHECK(cheapestOfferForUsage(offers, {10, 1000}) == &a);
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
    CHECK(cheapestOfferForUsage(none, {1, 1}) == nullptr);
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
  SECTION("absurdly large figures") {
    CHECK(validateWorkload(Workload{1e308, 800, 250, 0.7}).at(0).path == "requests");
  }
}
