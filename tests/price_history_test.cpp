#include "price_history.hpp"

#include <catch2/catch.hpp>

#include "compare.hpp"
#include "rank.hpp"
#include "support.hpp"

using namespace versus;
using versus::testing::committedCatalog;

namespace {

// Route p changed from $0.50 / $1 to $1 / $2 on 2026-02-01; route q has one price, $0.20 / $0.40,
// from its source's data of 2026-03-01 (the catalog's newest).
const Catalog& historyCatalog() {
  static const Catalog catalog = [] {
    LoadResult r = loadCatalog(R"({
      "schema": "versus-catalog/1", "generated": "2026-03-01",
      "sources": {"s": {"name": "Test source", "date": "2026-03-01"},
                  "old": {"name": "Old source", "date": "2025-10-01"}},
      "providers": [{"id": "p", "name": "Provider P", "source": "s"},
                    {"id": "q", "name": "Provider Q", "source": "s"},
                    {"id": "r", "name": "Provider R", "source": "s"}],
      "models": [{"id": "lab/model-a", "name": "Model A"}],
      "offers": [
        {"model": "lab/model-a", "provider": "p", "source": "s", "date": "2026-02-01",
         "price": {"input": 1, "output": 2},
         "history": [{"until": "2026-02-01", "source": "s", "price": {"input": 0.5, "output": 1}},
                     {"from": "2026-02-01", "source": "s", "price": {"input": 1, "output": 2}}]},
        {"model": "lab/model-a", "provider": "q", "source": "s", "price": {"input": 0.2, "output": 0.4}},
        {"model": "lab/model-a", "provider": "r", "source": "old", "price": {"input": 9, "output": 9}}]
    })");
    if (!r.catalog) throw std::runtime_error(describe(r.problems.at(0)));
    return std::move(*r.catalog);
  }();
  return catalog;
}

// 1,000 requests × (1,000 input + 500 output tokens): a month costs 1000 × (1000 × in + 500 × out)
// / 1e6 = in + out / 2 dollars.
Workload smallMonth(std::string day = "") {
  Workload w;
  w.requests = 1000;
  w.inputTokens = 1000;
  w.outputTokens = 500;
  w.on = std::move(day);
  return w;
}

const Json& offerAt(const Json& view, const std::string& provider) {
  for (const Json& o : view["offers"])
    if (o["provider"]["id"] == provider) return o;
  throw std::runtime_error("no offer at " + provider);
}

}  // namespace

TEST_CASE("The price on a day: the point in force, the catalog's own, or unknown, said why") {
  const Catalog& c = historyCatalog();
  const Offer& p = c.offers[0];
  const Offer& q = c.offers[1];
  SECTION("before a change: the price that held until it") {
    DayPrice d = priceOnDay(c, p, "2026-01-15");
    REQUIRE(d.known);
    CHECK(d.point == &p.history[0]);
  }
  SECTION("on and after the change's day: the new price") {
    CHECK(priceOnDay(c, p, "2026-02-01").point == &p.history[1]);
    CHECK(priceOnDay(c, p, "2026-03-01").point == &p.history[1]);
  }
  SECTION("a route without history: its own price from its data's day, unknown before") {
    DayPrice on = priceOnDay(c, q, "2026-03-01");
    CHECK((on.known && !on.point));
    DayPrice before = priceOnDay(c, q, "2026-02-28");
    CHECK_FALSE(before.known);
    CHECK(before.why == "before the first price the catalog knows at this route (2026-03-01)");
  }
  SECTION("after the catalog's newest data, nothing is known") {
    DayPrice d = priceOnDay(c, p, "2026-03-02");
    CHECK_FALSE(d.known);
    CHECK(d.why == "after the catalog's newest data (2026-03-01)");
  }
}

TEST_CASE("A workload's day prices every route as on that day (hand-computed months)") {
  const Catalog& c = historyCatalog();
  SECTION("today's prices: q heads at $0.20 + $0.40 / 2 = $0.40 a month") {
    Json view = answerModel(c, "lab/model-a", smallMonth())["result"];
    CHECK(view["monthly"]["cost"].get<double>() == Approx(0.4));
    CHECK(view["monthly"]["route"]["provider"]["id"] == "q");
    CHECK_FALSE(offerAt(view, "p").contains("priceOn"));
    CHECK_FALSE(view["workload"].contains("on"));
  }
  SECTION("2026-01-15: p at its old $0.50 / $1 heads, $0.50 + $1 / 2 = $1; q's price is unknown") {
    Json view = answerModel(c, "lab/model-a", smallMonth("2026-01-15"))["result"];
    CHECK(view["workload"]["on"] == "2026-01-15");
    CHECK(view["monthly"]["cost"].get<double>() == Approx(1.0));
    CHECK(view["monthly"]["route"]["provider"]["id"] == "p");
    CHECK(view["monthly"]["route"]["input"] == 0.5);
    const Json& p = offerAt(view, "p");
    CHECK(p["priceOn"] ==
          Json{{"day", "2026-01-15"}, {"known", true}, {"until", "2026-02-01"}, {"source", "s"}});
    CHECK(p["monthly"].get<double>() == Approx(1.0));
    const Json& q = offerAt(view, "q");
    CHECK(q["input"].is_null());
    CHECK(q["monthly"].is_null());
    CHECK(q["priceOn"] ==
          Json{{"day", "2026-01-15"},
               {"known", false},
               {"why", "before the first price the catalog knows at this route (2026-03-01)"}});
  }
  SECTION("2026-02-10: p at $1 / $2 costs $1 + $2 / 2 = $2") {
    Json view = answerModel(c, "lab/model-a", smallMonth("2026-02-10"))["result"];
    CHECK(view["monthly"]["cost"].get<double>() == Approx(2.0));
    CHECK(offerAt(view, "p")["priceOn"]["from"] == "2026-02-01");
  }
  SECTION("the catalog's own price, as of its data's day") {
    Json view = answerModel(c, "lab/model-a", smallMonth("2026-03-01"))["result"];
    CHECK(offerAt(view, "q")["priceOn"] ==
          Json{{"day", "2026-03-01"}, {"known", true}, {"asOf", "2026-03-01"}, {"source", "s"}});
    CHECK(view["monthly"]["cost"].get<double>() == Approx(0.4));
  }
  SECTION("after what is known: no route is priced, so there is no month") {
    Json view = answerModel(c, "lab/model-a", smallMonth("2026-04-01"))["result"];
    CHECK(view["monthly"].is_null());
    CHECK(view["pricedRoutes"] == 0);
  }
  SECTION("compare and rank ask the same dated catalog") {
    Json pair = answerCompareMany(c, {"lab/model-a", "lab/model-a"}, smallMonth("2026-01-15"));
    REQUIRE(pair["ok"] == true);
    CHECK(pair["result"]["models"][0]["monthly"]["cost"].get<double>() == Approx(1.0));
    Json ranking = rankJson(c, smallMonth("2026-01-15"), RankFilter{}, 5);
    CHECK(ranking["rows"][0]["monthly"].get<double>() == Approx(1.0));
  }
  SECTION("a day that is not a day is the workload's problem, by name") {
    Json answer = answerModel(c, "lab/model-a", smallMonth("2026-1-15"));
    CHECK(answer["ok"] == false);
    CHECK(answer["problems"][0]["path"] == "on");
  }
}

TEST_CASE("Each offer carries its history and how old its price is") {
  const Catalog& c = historyCatalog();
  Json view = answerModel(c, "lab/model-a", smallMonth())["result"];
  CHECK(offerAt(view, "p")["history"] ==
        Json::parse(
            R"([{"until": "2026-02-01", "input": 0.5, "output": 1, "free": false, "source": "s"},
                        {"from": "2026-02-01", "input": 1, "output": 2, "free": false, "source": "s"}])"));
  CHECK(offerAt(view, "q")["history"] == Json::array());
  // r's data is of 2025-10-01: 151 days before the catalog's 2026-03-01, past kStalePriceDays.
  CHECK(offerAt(view, "r")["stale"] == true);
  CHECK(offerAt(view, "r")["date"] == "2025-10-01");
  CHECK(offerAt(view, "p")["stale"] == false);
}

TEST_CASE(
    "DeepSeek V4 Flash's DeepSeek route: $0.14 / $0.28 until 2026-08-17, $0.22 / $0.66 from") {
  const Catalog& c = committedCatalog();
  Json view = answerModel(c, "deepseek/deepseek-v4-flash", Workload{})["result"];
  const Json& route = offerAt(view, "deepseek");
  REQUIRE(route["history"].size() == 2);
  CHECK(route["history"][0] == Json{{"until", "2026-08-17"},
                                    {"input", 0.14},
                                    {"output", 0.28},
                                    {"free", false},
                                    {"source", "genai"}});
  CHECK(route["history"][1] == Json{{"from", "2026-08-17"},
                                    {"input", 0.22},
                                    {"output", 0.66},
                                    {"free", false},
                                    {"source", "genai"}});
  // The default month, 1e6 × (800 × in + 250 × out) / 1e6: $112 + $70 = $182 on 2026-08-01,
  // $176 + $165 = $341 today.
  CHECK(route["monthly"].get<double>() == Approx(341));
  Workload before;
  before.on = "2026-08-01";
  Json dated = answerModel(c, "deepseek/deepseek-v4-flash", before)["result"];
  const Json& old = offerAt(dated, "deepseek");
  CHECK(old["input"] == 0.14);
  CHECK(old["monthly"].get<double>() == Approx(182));
  CHECK(old["priceOn"]["until"] == "2026-08-17");
}
