#include "break_even.hpp"

#include <catch2/catch.hpp>

#include "routes.hpp"
#include "support.hpp"

using namespace versus;

namespace {

Offer priced(double in, double out) {
  Offer o;
  o.model = "lab/m";
  o.provider = "p";
  o.source = "s";
  o.price = Price{in, out, {}, {}, {}, {}, {}};
  return o;
}

}  // namespace

TEST_CASE("How many cache reads pay for a cache write") {
  Offer o = priced(3, 15);  // Claude Sonnet 4.5's rates
  o.price->cacheRead = 0.3;
  o.price->cacheWrite = 3.75;
  o.price->cacheWrite1h = 6;
  Workload w;
  SECTION("5 minutes: $0.75 premium over input, $2.70 saved per read: one read pays") {
    CacheBreakEven x = cacheBreakEven(o, w);
    CHECK(*x.readsPerWrite == Approx(0.75 / 2.7));
    CHECK(x.sentence ==
          "A 5-minute cache write costs $3.75 per 1M tokens, $0.75 over plain input; each read "
          "saves $2.70, so a cached prompt pays for itself once it is read 1 time.");
  }
  SECTION("1 hour: $3 premium, $2.70 saved per read: two reads pay") {
    w.cacheLifetime = "1h";
    CacheBreakEven x = cacheBreakEven(o, w);
    CHECK(*x.readsPerWrite == Approx(3 / 2.7));
    CHECK_THAT(x.sentence, Catch::EndsWith("once it is read 2 times."));
  }
  SECTION("no write price (OpenAI's automatic caching): pays from the first read, as assumed") {
    o.price->cacheWrite.reset();
    CacheBreakEven x = cacheBreakEven(o, w);
    CHECK(*x.readsPerWrite == 0);
    CHECK_THAT(x.sentence, Catch::StartsWith("No cache-write price is listed at this route"));
  }
  SECTION("a write priced at plain input: pays from the first read") {
    o.price->cacheWrite = 3;
    CHECK_THAT(cacheBreakEven(o, w).sentence,
               Catch::StartsWith("Caching pays from the first read"));
  }
  SECTION("no cache-read price: no answer") {
    o.price->cacheRead.reset();
    CHECK_FALSE(cacheBreakEven(o, w).readsPerWrite);
  }
}

TEST_CASE("What batch saves at the workload's traffic") {
  Offer o = priced(2, 8);  // GPT-4.1: batch at half price
  o.price->batchInput = 1;
  o.price->batchOutput = 4;
  Workload w;
  w.batchShare = 0.25;
  BatchSaving x = batchSaving(o, w, 0);
  CHECK(*x.allBatch == Approx(1800));  // $3,600 → $1,800
  CHECK(*x.current == Approx(450));
  CHECK(x.sentence ==
        "Sending every request through batch would save $1,800 a month ($1,800 instead of "
        "$3,600); the batch share set saves $450.");
  CHECK_FALSE(batchSaving(priced(2, 8), w, 0).allBatch);
}

TEST_CASE("Where two models' bills meet") {
  const Catalog& c = versus::testing::committedCatalog();
  ReasoningTable t(c);
  const Model& gpt5 = *c.findModel("openai/gpt-5");
  const Model& gpt41 = *c.findModel("openai/gpt-4.1");
  Workload w;
  Crossover x = crossover(c, t, gpt41, gpt5, w);
  SECTION("requests scale both bills: no volume crossover, said") {
    CHECK_THAT(x.volume, Catch::Contains("neither overtakes the other at any volume"));
  }
  SECTION(
      "the output length where GPT-5 ($1.25 / $10) stops being cheaper than GPT-4.1 ($2 / $8)") {
    // At their headline routes the bills are equal where 800 × Δin = out × Δout.
    auto bill = [&](const Model& m, double out) {
      Workload v = w;
      v.outputTokens = out;
      return headline(c, m, c.offersOf(m), v).monthly->cost;
    };
    REQUIRE(x.outputTokens);
    double at = *x.outputTokens;
    CHECK(bill(gpt41, at) == Approx(bill(gpt5, at)).epsilon(1e-6));
    CHECK(bill(gpt41, at + 10) < bill(gpt5, at + 10));
    CHECK(x.cheaperAbove[1] == 0);  // GPT-4.1, the first
    CHECK_THAT(x.sentences.back(), Catch::EndsWith("above it, GPT-4.1 costs less."));
  }
}
