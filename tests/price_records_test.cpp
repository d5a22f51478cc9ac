#include "price_records.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <map>

#include "support.hpp"

using namespace versus;
using versus::testing::seedCatalog;

TEST_CASE("A stream of records is priced at each record's provider") {
  std::vector<PriceRecord> records{
      {"o3", "openai", 1000000, 0},                              // $2
      {"@cf/meta/llama-3.2-1b-instruct", "", 1000000, 1000000},  // cheapest route: $0.027 + $0.201
      {"llama guard", "fireworks-ai", 0, 2000000},               // words of a name: $0.20
  };
  Json r = priceRecordsJson(seedCatalog(), records);
  REQUIRE(r["prices"].size() == 3);
  CHECK(r["prices"][0].get<double>() == Approx(2));
  CHECK(r["prices"][1].get<double>() == Approx(0.228));
  CHECK(r["prices"][2].get<double>() == Approx(0.2));
  CHECK(r["unresolved"] == 0);
}

TEST_CASE("A record that cannot be priced is null, with the reason") {
  std::vector<PriceRecord> records{
      {"gpt-99", "openai", 10, 10},
      {"o3", "openrouter", 10, 10},  // served there, but at an unknown price
  };
  Json r = priceRecordsJson(seedCatalog(), records);
  CHECK(r["prices"] == Json::array({nullptr, nullptr}));
  CHECK(r["unresolved"] == 2);
  CHECK_THAT(r["reasons"][0]["message"].get<std::string>(),
             Catch::Contains("unknown model \"gpt-99\""));
  CHECK_THAT(r["reasons"][1]["message"].get<std::string>(),
             Catch::Contains("no priced live route at \"openrouter\""));
}

TEST_CASE("Records are read with their paths checked") {
  std::vector<Problem> problems;
  Json doc =
      Json::parse(R"([{"model": "o3", "inputTokens": -1, "outputTokens": 5}, {"inputTokens": 1}])");
  std::vector<PriceRecord> records;
  CHECK_FALSE(read(JsonReader(doc, "records", problems), records));
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].path == "records[0]");
  CHECK(problems[1].path == "records[1].model");
  CHECK(problems[2].path == "records[1].outputTokens");
}

namespace {

// Prices `records` through a RecordPricer, interning each (name, provider) pair once.
struct Packed {
  std::vector<double> prices;
  PricedRecords priced;
  std::vector<Problem> problems;
  bool ok = false;
};
Packed pricePacked(RecordPricer& pricer, const Catalog& c,
                   const std::vector<PriceRecord>& records) {
  std::map<std::pair<std::string, std::string>, size_t> keys;
  std::vector<double> packed;
  for (const PriceRecord& r : records) {
    auto key = keys.find({r.model, r.provider});
    if (key == keys.end())
      key = keys.emplace(std::pair(r.model, r.provider), pricer.addKey(r.model, r.provider)).first;
    packed.insert(packed.end(), {static_cast<double>(key->second), r.inputTokens, r.outputTokens});
  }
  Packed out;
  out.prices.resize(records.size());
  out.ok = pricer.price(c, packed, 0, out.prices, out.priced, out.problems);
  return out;
}

const std::vector<PriceRecord> kMixed{
    {"o3", "openai", 1000000, 0},
    {"@cf/meta/llama-3.2-1b-instruct", "", 1000000, 1000000},
    {"llama guard", "fireworks-ai", 0, 2000000},
    {"gpt-99", "openai", 10, 10},
    {"o3", "openrouter", 10, 10},
    {"o4 mini", "", 1200, 300},
    {"o3", "openai", 123456, 7890},
    {"gpt-99", "", 1, 1},
};

}  // namespace

TEST_CASE("Packed records price exactly as the JSON records do") {
  RecordPricer pricer;
  Json json = priceRecordsJson(seedCatalog(), kMixed);
  Packed packed = pricePacked(pricer, seedCatalog(), kMixed);
  REQUIRE(packed.ok);
  REQUIRE(packed.prices.size() == kMixed.size());
  for (size_t i = 0; i < kMixed.size(); ++i) {
    INFO("record " << i);
    if (json["prices"][i].is_null())
      CHECK(std::isnan(packed.prices[i]));
    else
      CHECK(packed.prices[i] == json["prices"][i].get<double>());  // the same arithmetic: equal
  }
  Json summary = toJson(packed.priced);
  CHECK(summary["unresolved"] == json["unresolved"]);
  CHECK(summary["reasons"] == json["reasons"]);

  SECTION("and again from the remembered resolutions") {
    Packed again = pricePacked(pricer, seedCatalog(), kMixed);
    REQUIRE(again.ok);
    for (size_t i = 0; i < kMixed.size(); ++i)
      CHECK((again.prices[i] == packed.prices[i] || std::isnan(again.prices[i])));
    CHECK(toJson(again.priced) == summary);
  }
  SECTION("reasons and problems name records by their index in the whole stream") {
    std::vector<double> records{0, 10, 10};
    std::vector<double> prices(1);
    PricedRecords priced;
    std::vector<Problem> problems;
    size_t unknown = pricer.addKey("gpt-99", "");
    records[0] = static_cast<double>(unknown);
    REQUIRE(pricer.price(seedCatalog(), records, 5000, prices, priced, problems));
    REQUIRE(priced.reasons.size() == 1);
    CHECK(priced.reasons[0].first == 5000);
  }
}

TEST_CASE("Resolutions are remembered until the pricer is told the catalog changed") {
  Catalog c = seedCatalog();
  RecordPricer pricer;
  const std::vector<double> o3{static_cast<double>(pricer.addKey("o3", "")), 1000000, 0};
  std::vector<double> prices(1);
  PricedRecords priced;
  std::vector<Problem> problems;
  REQUIRE(pricer.price(c, o3, 0, prices, priced, problems));
  REQUIRE(prices[0] == Approx(2));  // openai, $2 per 1M input
  Offer* openrouter = nullptr;
  for (Offer& o : c.offers)
    if (o.model == "openai/o3" && o.provider == "openrouter") openrouter = &o;
  REQUIRE(openrouter);
  openrouter->price = Price{};
  openrouter->price->input = 1;
  openrouter->price->output = 1;

  SECTION("the remembered route stays until forget()") {
    REQUIRE(pricer.price(c, o3, 0, prices, priced, problems));
    CHECK(prices[0] == Approx(2));
    pricer.forget();
    REQUIRE(pricer.price(c, o3, 0, prices, priced, problems));
    CHECK(prices[0] == Approx(1));  // now the cheaper openrouter price
    CHECK(prices[0] == priceRecordsJson(c, {{"o3", "", 1000000, 0}})["prices"][0].get<double>());
  }
  SECTION("another catalog object is noticed by itself") {
    Catalog other = c;
    REQUIRE(pricer.price(other, o3, 0, prices, priced, problems));
    CHECK(prices[0] == Approx(1));
  }
}

TEST_CASE("Bad packed records are problems naming the record and field, never a price") {
  RecordPricer pricer;
  size_t o3 = pricer.addKey("o3", "openai");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> prices(4);
  PricedRecords priced;
  std::vector<Problem> problems;

  SECTION("token counts outside 0..1e9, NaN and infinity") {
    std::vector<double> records{double(o3), 10,  10, double(o3), -1, 10,
                                double(o3), nan, 10, double(o3), 10, inf};
    CHECK_FALSE(pricer.price(seedCatalog(), records, 100, prices, priced, problems));
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].path == "records[101].inputTokens");
    CHECK_THAT(problems[0].message, Catch::Contains("from 0 to 1e9, got -1"));
    CHECK(problems[1].path == "records[102].inputTokens");
    CHECK_THAT(problems[1].message, Catch::Contains("got nan"));
    CHECK(problems[2].path == "records[103].outputTokens");
  }
  SECTION("a key that was never added") {
    std::vector<double> records{7, 10, 10, 0.5, 10, 10, -1, 1, 1, nan, 1, 1};
    CHECK_FALSE(pricer.price(seedCatalog(), records, 0, prices, priced, problems));
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].path == "records[0]");
    CHECK_THAT(problems[0].message, Catch::Contains("key 7"));
  }
  SECTION("a name that cannot be read is reported at the record that uses it") {
    std::vector<Problem> keyProblems;
    REQUIRE(pricer.addKeys(R"(["o3", "", "o3\u202e", "openai"])", 1, keyProblems));
    std::vector<double> records{1, 10, 10, 2, 10, 10};
    CHECK_FALSE(pricer.price(seedCatalog(), records, 0, prices, priced, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "records[1].model");
    CHECK_THAT(problems[0].message, Catch::Contains("override"));
  }
  SECTION("fewer prices than records") {
    std::vector<double> records{double(o3), 1, 1, double(o3), 1, 1};
    std::vector<double> one(1);
    CHECK_FALSE(pricer.price(seedCatalog(), records, 0, one, priced, problems));
  }
}

TEST_CASE("Keys are interned from JSON pairs, in step with the caller") {
  RecordPricer pricer;
  std::vector<Problem> problems;
  REQUIRE(pricer.addKeys(R"(["o3", "openai", "o4 mini", ""])", 0, problems));
  CHECK(pricer.keyCount() == 2);

  SECTION("an empty text adds none") {
    REQUIRE(pricer.addKeys("", 2, problems));
    CHECK(pricer.keyCount() == 2);
  }
  SECTION("a smaller start drops the later keys first (the caller started over)") {
    REQUIRE(pricer.addKeys(R"(["gpt-99", ""])", 0, problems));
    CHECK(pricer.keyCount() == 1);
  }
  SECTION("a start past the known keys is out of step") {
    CHECK_FALSE(pricer.addKeys(R"(["o3", ""])", 5, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "keys");
  }
  SECTION("anything but string pairs is refused") {
    for (const char* text : {"not json", R"({"o3": 1})", R"(["o3"])", R"(["o3", 5])"}) {
      INFO(text);
      problems.clear();
      CHECK_FALSE(pricer.addKeys(text, 2, problems));
      CHECK(problems.size() == 1);
    }
  }
}

TEST_CASE("A name with OpenRouter's :free suffix prices at the model's free route, $0") {
  // Model A at provider q: a paid route ($1 / $2 per 1M) and its free variant "lab/model-a:free".
  Json doc = versus::testing::minimalCatalog();
  doc["models"][0]["aliases"].push_back("model-a:free");
  doc["models"][0]["aliases"].push_back("lab/model-a:free");
  doc["offers"].push_back(Json::parse(
      R"({"model": "lab/model-a", "provider": "q", "providerModelId": "lab/model-a", "source": "s",
          "price": {"input": 1, "output": 2}})"));
  doc["offers"].push_back(Json::parse(
      R"({"model": "lab/model-a", "provider": "q", "providerModelId": "lab/model-a:free",
          "free": true, "source": "s"})"));
  LoadResult loaded = loadCatalog(doc.dump());
  REQUIRE(loaded.catalog);
  const Catalog& c = *loaded.catalog;
  const std::vector<PriceRecord> records{
      {"model-a:free", "q", 1000000, 500000},      // the free route: $0
      {"lab/model-a:free", "q", 1000000, 500000},  // the provider's own spelling: $0
      {"lab/model-a", "q", 1000000, 500000},       // the plain name: $1 + $1 = $2
      {"Model-A:FREE", "", 2000000, 0},            // any provider: still the free route, $0
      {"model-a:free", "p", 1000000, 500000},      // p has no free route: its paid price, $2
  };

  SECTION("as JSON records") {
    Json r = priceRecordsJson(c, records);
    CHECK(r["prices"] == Json::array({0.0, 0.0, 2.0, 0.0, 2.0}));
    CHECK(r["unresolved"] == 0);
  }
  SECTION("as packed records, with the same figures") {
    RecordPricer pricer;
    Packed packed = pricePacked(pricer, c, records);
    REQUIRE(packed.ok);
    CHECK(packed.prices == std::vector<double>{0, 0, 2, 0, 2});
  }
  SECTION("the route found is the free offer, and says so") {
    RecordRoute route = recordRoute(*c.findModel("lab/model-a"), c, "q", "model-a:free");
    REQUIRE(route.offer);
    CHECK(route.free);
    CHECK(route.offer->providerModelId == "lab/model-a:free");
    CHECK_FALSE(recordRoute(*c.findModel("lab/model-a"), c, "q", "lab/model-a").free);
  }
  SECTION("a free route that is retired prices nothing, and says why: never the paid price") {
    doc["offers"][2]["status"] = "retired";
    LoadResult gone = loadCatalog(doc.dump());
    REQUIRE(gone.catalog);
    Json r = priceRecordsJson(*gone.catalog, {{"model-a:free", "q", 1000000, 500000},
                                              {"lab/model-a", "q", 1000000, 500000}});
    CHECK(r["prices"] == Json::array({nullptr, 2.0}));
    CHECK(r["reasons"][0]["message"] == "the free route lab/model-a:free at \"q\" is retired");
  }
}
