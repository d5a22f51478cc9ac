#include "catalog_pack.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <random>
#include <set>

#include "compare.hpp"
#include "rank.hpp"
#include "search.hpp"
#include "support.hpp"

using namespace versus;
using versus::testing::minimalCatalog;
using versus::testing::readText;
using versus::testing::seedCatalog;

namespace {

Catalog loadJson(const std::string& text) {
  LoadResult r = loadCatalog(text);
  if (!r.catalog) throw std::runtime_error("invalid catalog: " + describe(r.problems.at(0)));
  return std::move(*r.catalog);
}

// The one problem of a pack that cannot be read.
std::string packProblem(std::string_view bytes) {
  LoadResult r = loadCatalogPack(bytes);
  if (r.catalog || r.problems.size() != 1) return "(not one problem)";
  return r.problems[0].message;
}

std::string varint(uint64_t v) {
  std::string out;
  for (; v >= 0x80; v >>= 7) out += static_cast<char>((v & 0x7f) | 0x80);
  return out + static_cast<char>(v);
}

std::set<std::string> paths(const std::vector<Problem>& problems) {
  std::set<std::string> out;
  for (const Problem& p : problems) out.insert(p.path);
  return out;
}

const std::string& seedPack() {
  static const std::string pack = packCatalog(seedCatalog());
  return pack;
}

}  // namespace

TEST_CASE("A pack loads back the catalog it was made from") {
  SECTION("the seed catalog: the same answers, and the same pack again") {
    const Catalog& json = seedCatalog();
    LoadResult r = loadCatalogPack(seedPack());
    REQUIRE(r.problems.empty());
    REQUIRE(r.catalog);
    const Catalog& pack = *r.catalog;
    CHECK(packCatalog(pack) == seedPack());
    std::vector<std::string> pair{"meta/llama-3.2-1b-instruct", "openai/o3"};
    CHECK(answerCompareMany(pack, pair, Workload{}) == answerCompareMany(json, pair, Workload{}));
    CHECK(answerModel(pack, "o4 mini", Workload{}) == answerModel(json, "o4 mini", Workload{}));
    CHECK(searchJson(pack, "llama", 10) == searchJson(json, "llama", 10));
    CHECK(pack.findModel("@cf/meta/llama-3.2-1b-instruct") == &pack.models[0]);
  }
  SECTION("the full catalog (data/catalog.json), at a fraction of its size") {
    std::string text = readText("data/catalog.json");
    Catalog json = loadJson(text);
    std::string bytes = packCatalog(json);
    CHECK(bytes.size() < text.size() / 3);
    LoadResult r = loadCatalogPack(bytes);
    REQUIRE(r.problems.empty());
    const Catalog& pack = *r.catalog;
    CHECK(pack.models.size() == json.models.size());
    CHECK(pack.offers.size() == json.offers.size());
    CHECK(packCatalog(pack) == bytes);
    Workload w;
    w.cacheHitRate = 0.5;
    std::vector<std::string> three{"openai/o3", "o4 mini", "llama 3.2 1b instruct"};
    CHECK(answerCompareMany(pack, three, w) == answerCompareMany(json, three, w));
    CHECK(answerModel(pack, "openai/o3", w) == answerModel(json, "openai/o3", w));
    // Its index run (tokens and cost) travels in the pack too.
    CHECK(answerModel(pack, "google/gemini-3.5-flash", w) ==
          answerModel(json, "google/gemini-3.5-flash", w));
    CHECK(pack.findModel("google/gemini-3.5-flash")->indexRun.size() == 4);
    CHECK(rankJson(pack, w, RankFilter{}, 20) == rankJson(json, w, RankFilter{}, 20));
    CHECK(searchJson(pack, "gpt 4o", 10) == searchJson(json, "gpt 4o", 10));
  }
  SECTION("an offer's price history, point by point") {
    Json doc = minimalCatalog();
    doc["offers"][0]["history"] = Json::parse(R"([
      {"until": "2026-01-01", "source": "s",
       "price": {"input": 0.5, "output": 1, "tiers": [{"start": 200000, "input": 1, "output": 3}]}},
      {"from": "2026-01-01", "source": "s", "price": {"input": 1, "output": 2}},
      {"seen": "2026-01-02", "source": "s", "free": true}])");
    Catalog json = loadJson(doc.dump());
    LoadResult r = loadCatalogPack(packCatalog(json));
    REQUIRE(r.catalog);
    const std::vector<PricePoint>& h = r.catalog->offers[0].history;
    REQUIRE(h.size() == 3);
    CHECK((h[0].until == "2026-01-01" && h[0].from.empty() && h[0].seen.empty()));
    CHECK((*h[0].price->input == 0.5 && h[0].price->tiers.at(0).output == 3.0));
    CHECK((h[1].from == "2026-01-01" && *h[1].price->output == 2));
    CHECK((h[2].seen == "2026-01-02" && h[2].free && !h[2].price));
    CHECK(packCatalog(*r.catalog) == packCatalog(json));
    Workload onDay;
    onDay.on = "2025-12-31";
    CHECK(answerModel(*r.catalog, "lab/model-a", onDay) == answerModel(json, "lab/model-a", onDay));
  }
  SECTION("a double that is no short decimal keeps its every bit") {
    Catalog c = seedCatalog();
    c.offers[0].price->input = 0.1 + 0.2;  // 0.30000000000000004
    c.offers[0].price->output = 1.0 / 3.0;
    c.offers[0].price->cacheRead = -0.0;
    c.offers[0].price->cacheWrite = 1e-4 + 7 * 1e-17;
    LoadResult r = loadCatalogPack(packCatalog(c));
    REQUIRE(r.catalog);
    const Price& price = *r.catalog->offers[0].price;
    CHECK(*price.input == 0.1 + 0.2);
    CHECK(*price.output == 1.0 / 3.0);
    CHECK(std::signbit(*price.cacheRead));
    CHECK(*price.cacheWrite == 1e-4 + 7 * 1e-17);
  }
}

TEST_CASE("Bytes that are not a pack of this format are refused by name") {
  SECTION("no bytes") { CHECK(packProblem("") == "pack: not a Versus catalog pack (no bytes)"); }
  SECTION("a JSON catalog") {
    CHECK(packProblem(readText("tests/fixtures/seed-catalog.json")) ==
          "pack: not a Versus catalog pack (it looks like JSON)");
  }
  SECTION("anything else") {
    CHECK(packProblem("\x89PNG\r\n\x1a\n") == "pack: not a Versus catalog pack");
  }
  SECTION("a later format version") {
    CHECK(packProblem(std::string(kPackMagic) + varint(kPackFormatVersion + 1)) ==
          "pack: format version " + std::to_string(kPackFormatVersion + 1) +
              ", this engine reads " + std::to_string(kPackFormatVersion));
  }
  SECTION("the magic alone") {
    CHECK(packProblem(std::string(kPackMagic)) == "pack: truncated in header");
  }
  SECTION("bytes after the last stream") {
    CHECK(packProblem(seedPack() + "x") == "pack: 1 byte after the last stream");
  }
}

TEST_CASE("A pack cut short anywhere is refused with one problem, never read past its end") {
  const std::string& pack = seedPack();
  for (size_t n = 0; n < pack.size(); ++n) {
    // A copy of exactly n bytes, so that a read past the end is a read past the allocation
    // (AddressSanitizer, scripts/fuzz).
    std::string prefix = pack.substr(0, n);
    std::string problem = packProblem(prefix);
    INFO("cut at " << n << " of " << pack.size() << ": " << problem);
    REQUIRE(problem.rfind("pack: ", 0) == 0);
  }
}

TEST_CASE("Corrupt bytes never crash the reader; what it accepts is a valid catalog") {
  const std::string& pack = seedPack();
  std::mt19937 random(12345);
  auto below = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
  size_t refused = 0;
  auto check = [&](const std::string& bytes) {
    LoadResult r = loadCatalogPack(bytes);
    // Every problem can be sent out as JSON (which must be UTF-8).
    for (const Problem& p : r.problems) REQUIRE((isUtf8(p.path) && isUtf8(p.message)));
    REQUIRE(r.catalog.has_value() == r.problems.empty());
    if (r.catalog) {
      // Accepted: it packs and loads again like any valid catalog.
      REQUIRE(loadCatalogPack(packCatalog(*r.catalog)).catalog);
    } else {
      ++refused;
    }
  };
  SECTION("a few bytes changed") {
    for (int round = 0; round < 3000; ++round) {
      std::string bytes = pack;
      for (size_t k = 1 + below(4); k > 0; --k)
        bytes[below(bytes.size())] = static_cast<char>(below(256));
      check(bytes);
    }
    CHECK(refused > 1000);
  }
  SECTION("a run of bytes dropped or repeated") {
    for (int round = 0; round < 1000; ++round) {
      size_t at = below(pack.size()), length = 1 + below(16);
      check(round % 2 ? pack.substr(0, at) + pack.substr(std::min(pack.size(), at + length))
                      : pack.substr(0, at) + pack.substr(at, length) + pack.substr(at));
    }
  }
  SECTION("random bytes after a valid header") {
    for (int round = 0; round < 1000; ++round) {
      std::string bytes = std::string(kPackMagic) + varint(kPackFormatVersion);
      for (size_t k = below(64); k > 0; --k) bytes += static_cast<char>(below(256));
      check(bytes);
    }
  }
}

TEST_CASE("A pack holds nothing a JSON catalog could not: the same checks, the same problems") {
  // Each case breaks the same thing in a JSON document and in a loaded catalog that is then packed:
  // both loaders report problems at the same paths.
  auto same = [](const std::function<void(Json&)>& breakJson,
                 const std::function<void(Catalog&)>& breakCatalog) {
    Json doc = minimalCatalog();
    Catalog c = loadJson(doc.dump());
    breakJson(doc);
    breakCatalog(c);
    std::vector<Problem> fromJson = loadCatalog(doc.dump()).problems;
    LoadResult fromPack = loadCatalogPack(packCatalog(c));
    CHECK_FALSE(fromPack.catalog);
    REQUIRE_FALSE(fromJson.empty());
    CHECK(paths(fromPack.problems) == paths(fromJson));
    return fromPack.problems;
  };
  SECTION("a negative price") {
    auto problems = same([](Json& j) { j["offers"][0]["price"]["input"] = -1.5; },
                         [](Catalog& c) { c.offers[0].price->input = -1.5; });
    CHECK(describe(problems.at(0)) == "offers[0].price.input: price cannot be negative, got -1.5");
  }
  SECTION("a price per token where a price per 1M belongs") {
    same([](Json& j) { j["offers"][0]["price"]["output"] = 0.000002; },
         [](Catalog& c) { c.offers[0].price->output = 0.000002; });
  }
  SECTION("a free tier that also states a price") {
    same([](Json& j) { j["offers"][0]["free"] = true; },
         [](Catalog& c) { c.offers[0].free = true; });
  }
  SECTION("tiers out of order") {
    Json tiers = Json::parse(R"([{"start": 200000, "input": 3}, {"start": 100, "input": 4}])");
    same([&](Json& j) { j["offers"][0]["price"]["tiers"] = tiers; },
         [](Catalog& c) {
           c.offers[0].price->tiers = {{200000, 3.0, {}}, {100, 4.0, {}}};
         });
  }
  SECTION("a price point with two days, from a source the catalog does not list") {
    auto problems = same(
        [](Json& j) {
          j["offers"][0]["history"] = Json::parse(
              R"([{"from": "2026-02-01", "seen": "2026-02-01", "source": "ghost", "free": true}])");
        },
        [](Catalog& c) {
          PricePoint p;
          p.from = p.seen = "2026-02-01";
          p.source = "ghost";
          p.free = true;
          c.offers[0].history = {p};
        });
    CHECK(paths(problems) ==
          std::set<std::string>{"offers[0].history[0].seen", "offers[0].history[0].source"});
  }
  SECTION("price points out of order") {
    Json points = Json::parse(R"([{"from": "2026-02-01", "source": "s", "free": true},
                                  {"until": "2026-01-15", "source": "s", "free": true}])");
    same([&](Json& j) { j["offers"][0]["history"] = points; },
         [](Catalog& c) {
           PricePoint later, earlier;
           later.from = "2026-02-01";
           earlier.until = "2026-01-15";
           for (PricePoint* p : {&later, &earlier}) {
             p->source = "s";
             p->free = true;
           }
           c.offers[0].history = {later, earlier};
         });
  }
  SECTION("a fact from a source the catalog does not list") {
    same([](Json& j) { j["models"][0]["context"]["source"] = "ghost"; },
         [](Catalog& c) { c.models[0].context->source = "ghost"; });
  }
  SECTION("an id that is not an id, and the offer that names it") {
    auto problems = same([](Json& j) { j["models"][0]["id"] = "Lab/Model A"; },
                         [](Catalog& c) { c.models[0].id = "Lab/Model A"; });
    CHECK(paths(problems) == std::set<std::string>{"models[0].id", "offers[0].model"});
  }
  SECTION("a name with an override that is never closed") {
    same([](Json& j) { j["models"][0]["name"] = "\u202Eright to left"; },
         [](Catalog& c) { c.models[0].name = "\u202Eright to left"; });
  }
  SECTION("an unknown capability, speed metric or benchmark") {
    Json fact = Json::parse(R"({"value": true, "source": "s"})");
    Json score = Json::parse(R"({"value": 1e-9, "source": "s"})");
    same(
        [&](Json& j) {
          j["models"][0]["capabilities"]["telepathy"] = fact;
          j["models"][0]["speed"]["outputTokensPerSecond"] = score;
          j["models"][0]["benchmarks"]["mystery"] = score;
        },
        [](Catalog& c) {
          c.models[0].capabilities["telepathy"] = Fact<bool>{true, "s", "", "", {}};
          c.models[0].speed["outputTokensPerSecond"] = Fact<double>{1e-9, "s", "", "", {}};
          c.models[0].benchmarks["mystery"] = Fact<double>{1e-9, "s", "", "", {}};
        });
  }
  SECTION("an index run with an unknown figure or a negative count") {
    Json tokens = Json::parse(R"({"value": -1, "source": "s"})");
    same(
        [&](Json& j) {
          j["models"][0]["indexRun"]["answerMillionTokens"] = tokens;
          j["models"][0]["indexRun"]["vibes"] = tokens;
        },
        [](Catalog& c) {
          c.models[0].indexRun["answerMillionTokens"] = Fact<double>{-1, "s", "", "", {}};
          c.models[0].indexRun["vibes"] = Fact<double>{-1, "s", "", "", {}};
        });
  }
  SECTION("a date that is no date") {
    same([](Json& j) { j["sources"]["s"]["date"] = "last week"; },
         [](Catalog& c) { c.sources["s"].date = "last week"; });
  }
  SECTION("the same offer twice") {
    same([](Json& j) { j["offers"].push_back(j["offers"][0]); },
         [](Catalog& c) { c.offers.push_back(c.offers[0]); });
  }
  SECTION("another schema") {
    same([](Json& j) { j["schema"] = "versus-catalog/9"; },
         [](Catalog& c) { c.schema = "versus-catalog/9"; });
  }
}
