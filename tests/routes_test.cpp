#include "routes.hpp"

#include <catch2/catch.hpp>

#include "compare.hpp"
#include "rank.hpp"
#include "support.hpp"

using namespace versus;
using versus::testing::readText;

namespace {

// A closed model by "lab" with its maker's route at $1 / $4, and routes at a cloud, a gateway, a
// reseller and a host: each case below is worked out by hand from these prices.
Catalog routesCatalog() {
  LoadResult r = loadCatalog(R"({
    "schema": "versus-catalog/1",
    "sources": {"s": {"name": "Test source", "date": "2026-01-02"}},
    "benchmarks": [],
    "providers": [
      {"id": "lab", "name": "Lab API", "source": "s", "type": "lab", "maker": "lab"},
      {"id": "cloud", "name": "Cloud", "source": "s", "type": "cloud"},
      {"id": "gate", "name": "Gateway", "source": "s", "type": "gateway"},
      {"id": "resell", "name": "Reseller", "source": "s", "type": "reseller"},
      {"id": "host", "name": "Host", "source": "s", "type": "host"},
      {"id": "cheap", "name": "Cheap Host", "source": "s", "type": "host"}],
    "models": [
      {"id": "lab/closed", "name": "Closed", "openWeights": {"value": false, "source": "s"}},
      {"id": "other/open", "name": "Open", "openWeights": {"value": true, "source": "s"}},
      {"id": "lab/only-resold", "name": "Only Resold"}],
    "offers": [
      {"model": "lab/closed", "provider": "lab", "price": {"input": 1, "output": 4}, "source": "s"},
      {"model": "lab/closed", "provider": "gate", "price": {"input": 1, "output": 4}, "source": "s"},
      {"model": "lab/closed", "provider": "cloud", "price": {"input": 0.95, "output": 3.8}, "source": "s"},
      {"model": "lab/closed", "provider": "resell", "price": {"input": 0.1, "output": 0.4}, "source": "s"},
      {"model": "lab/closed", "provider": "host", "price": {"input": 0.8, "output": 4}, "source": "s"},
      {"model": "other/open", "provider": "host", "price": {"input": 1, "output": 1}, "source": "s"},
      {"model": "other/open", "provider": "gate", "price": {"input": 0.9, "output": 1.1}, "source": "s"},
      {"model": "other/open", "provider": "cloud", "price": {"input": 1.2, "output": 1.2}, "source": "s"},
      {"model": "other/open", "provider": "lab", "price": {"input": 0.8, "output": 0.8}, "source": "s"},
      {"model": "other/open", "provider": "cheap", "price": {"input": 0.2, "output": 0.2}, "source": "s"},
      {"model": "lab/only-resold", "provider": "resell", "price": {"input": 2, "output": 2}, "source": "s"}]
  })");
  REQUIRE(r.problems.empty());
  return std::move(*r.catalog);
}

std::string flagAt(const Catalog& c, const std::string& model, const std::string& provider) {
  const Model* m = c.findModel(model);
  std::vector<const Offer*> offers = c.offersOf(*m);
  RouteJudgement j = judgeRoutes(c, *m, offers);
  for (size_t i = 0; i < offers.size(); ++i)
    if (offers[i]->provider == provider) return std::string(toString(j.flags[i]));
  return "no route";
}

std::string headlineAt(const Catalog& c, const std::string& model, Workload w = {}) {
  const Model* m = c.findModel(model);
  Headline h = headline(c, *m, c.offersOf(*m), w);
  return h.monthly ? h.monthly->offer->provider : "none";
}

}  // namespace

TEST_CASE("A reseller's route and a closed model's route below its maker's price never head") {
  Catalog c = routesCatalog();
  SECTION("the flags") {
    CHECK(flagAt(c, "lab/closed", "resell") == "reseller");
    // 0.8 < 0.9 × $1 input: more than 10% under the maker's list price.
    CHECK(flagAt(c, "lab/closed", "host") == "below the maker's price");
    // 0.95 and 3.8 are 5% under: within the margin.
    CHECK(flagAt(c, "lab/closed", "cloud") == "");
    CHECK(flagAt(c, "lab/closed", "lab") == "");
  }
  SECTION("the headline is the cheapest unflagged route: the cloud at $0.95 / $3.80") {
    // 1,000,000 requests × (800 × $0.95 + 250 × $3.80) / 1M = $760 + $950 = $1,710.
    const Model* m = c.findModel("lab/closed");
    Headline h = headline(c, *m, c.offersOf(*m), Workload{});
    REQUIRE(h.monthly);
    CHECK(h.monthly->offer->provider == "cloud");
    CHECK(h.monthly->cost == Approx(1710));
    CHECK(h.blendRoute->provider == "cloud");
    CHECK(*h.blended == Approx(0.7 * 0.95 + 0.3 * 3.8));
  }
  SECTION("including every route: the reseller's $0.10 / $0.40 heads ($80 + $100 = $180)") {
    Workload w;
    w.allRoutes = true;
    const Model* m = c.findModel("lab/closed");
    Headline h = headline(c, *m, c.offersOf(*m), w);
    CHECK(h.monthly->offer->provider == "resell");
    CHECK(h.monthly->cost == Approx(180));
  }
  SECTION("a model only resellers sell keeps its figure") {
    CHECK(headlineAt(c, "lab/only-resold") == "resell");
  }
}

TEST_CASE("Any model's route far below its median route is an outlier") {
  Catalog c = routesCatalog();
  // Blends at 70/30: host 1, gateway 0.96, cloud 1.2, lab 0.8, cheap 0.2; median 0.96, and
  // 0.2 < 0.3 × 0.96 = 0.288.
  CHECK(flagAt(c, "other/open", "cheap") == "far below the median route");
  CHECK(flagAt(c, "other/open", "lab") == "");
  CHECK(headlineAt(c, "other/open") == "lab");
}

TEST_CASE("At one price the maker's own route heads, then a cloud, a host, a gateway") {
  Catalog c = routesCatalog();
  Catalog tied = c;
  // Make the cloud's price the maker's: lab, cloud and gateway now tie at $1 / $4.
  for (Offer& o : tied.offers)
    if (o.model == "lab/closed" && o.provider == "cloud") {
      o.price->input = 1;
      o.price->output = 4;
    }
  CHECK(headlineAt(tied, "lab/closed") == "lab");
}

TEST_CASE("A flex or priority workload is headed by a route that offers the tier") {
  Catalog c = routesCatalog();
  // The maker's route ($1 / $4) is the only one with a priority tier, at $2 / $8; the cloud's
  // standard $0.95 / $3.80 is cheaper but has no priority service.
  for (Offer& o : c.offers)
    if (o.model == "lab/closed" && o.provider == "lab")
      o.price->priority = ServicePrice{2, 8, std::nullopt, std::nullopt, {}};
  Workload w;
  w.tier = "priority";
  SECTION("priority: the maker's route heads, at its priority price") {
    // 1,000,000 requests × (800 × $2 + 250 × $8) / 1M = $1,600 + $2,000 = $3,600.
    const Model* m = c.findModel("lab/closed");
    Headline h = headline(c, *m, c.offersOf(*m), w);
    REQUIRE(h.monthly);
    CHECK(h.monthly->offer->provider == "lab");
    CHECK(h.monthly->cost == Approx(3600));
  }
  SECTION("flex, which no route prices: every route may head, billed standard") {
    w.tier = "flex";
    CHECK(headlineAt(c, "lab/closed", w) == "cloud");
  }
  SECTION("standard: the cheapest route, as ever") {
    CHECK(headlineAt(c, "lab/closed") == "cloud");
  }
}

TEST_CASE("On the committed catalog the headline is a route people use, at the maker's price") {
  const Catalog& c = versus::testing::committedCatalog();
  // The rows of issue 14: the cheapest tracked routes were a reseller's or a stealth discount.
  SECTION("GPT-5 Mini: OpenAI's $0.25 / $2, not QiHang's $0.04 / $0.29") {
    CHECK(headlineAt(c, "openai/gpt-5-mini") == "openai");
    CHECK(flagAt(c, "openai/gpt-5-mini", "qihang-ai") == "reseller");
  }
  SECTION("Claude Haiku 4.5: Anthropic's $1 / $5") {
    CHECK(headlineAt(c, "anthropic/claude-haiku-4-5") == "anthropic");
  }
  SECTION("GPT-5.5: OpenAI's $5 / $30, not FrogBot's batch price") {
    CHECK(headlineAt(c, "openai/gpt-5.5") == "openai");
    CHECK(flagAt(c, "openai/gpt-5.5", "frogbot") == "reseller");
  }
  SECTION("Claude Sonnet 4.6: Anthropic's $3 / $15, not Kilo's stealth $2.40 / $12") {
    CHECK(headlineAt(c, "anthropic/claude-sonnet-4-6") == "anthropic");
    const Model* m = c.findModel("anthropic/claude-sonnet-4-6");
    std::vector<const Offer*> offers = c.offersOf(*m);
    RouteJudgement j = judgeRoutes(c, *m, offers);
    for (size_t i = 0; i < offers.size(); ++i)
      if (offers[i]->provider == "kilo" && offers[i]->deployment == "stealth")
        CHECK(toString(j.flags[i]) == "below the maker's price");
  }
  SECTION("so Claude Sonnet 4.6 is the cheaper of the pair, at the makers' prices") {
    // 800 × $3 + 250 × $15 = $6,150 a month against 800 × $5 + 250 × $30 = $11,500.
    const Model* sonnet = c.findModel("anthropic/claude-sonnet-4-6");
    const Model* gpt = c.findModel("openai/gpt-5.5");
    CHECK(headline(c, *sonnet, c.offersOf(*sonnet), Workload{}).monthly->cost == Approx(6150));
    CHECK(headline(c, *gpt, c.offersOf(*gpt), Workload{}).monthly->cost == Approx(11500));
  }
  SECTION(
      "every closed model with its maker's price heads at it or near it, never at a reseller's") {
    int checked = 0;
    for (const Model& m : c.models) {
      if (!m.openWeights || m.openWeights->value) continue;
      std::vector<const Offer*> offers = c.offersOf(m);
      RouteJudgement j = judgeRoutes(c, m, offers);
      Headline h = headline(c, m, offers, Workload{});
      if (!j.makerRoute || !h.monthly) continue;
      const Offer& head = *h.monthly->offer;
      const Provider* p = c.findProvider(head.provider);
      INFO(m.id << " heads at " << head.provider);
      ++checked;
      CHECK(p->type != "reseller");
      // The maker's own API in another region (Alibaba's China site) is the maker's price too.
      if (p->type == "lab" && m.id.rfind(p->maker + "/", 0) == 0) continue;
      CHECK(*head.price->input >= *j.makerRoute->price->input * (1 - kBelowMakerPriceMargin));
      CHECK(*head.price->output >= *j.makerRoute->price->output * (1 - kBelowMakerPriceMargin));
    }
    CHECK(checked > 150);
  }
  SECTION("every provider has a type, and every lab its maker") {
    for (const Provider& p : c.providers) {
      INFO(p.id);
      CHECK(!p.type.empty());
      CHECK((p.type == "lab") == !p.maker.empty());
    }
  }
}
