#include "catalog.hpp"

#include <catch2/catch.hpp>

#include "catalog_pack.hpp"
#include "model_analysis.hpp"
#include "support.hpp"

using namespace versus;
using versus::testing::minimalCatalog;
using versus::testing::seedCatalog;

namespace {

std::vector<Problem> problemsOf(const Json& doc) { return loadCatalog(doc.dump()).problems; }

bool hasProblemAt(const std::vector<Problem>& problems, const std::string& path) {
  for (const Problem& p : problems)
    if (p.path == path) return true;
  return false;
}

}  // namespace

TEST_CASE("The seed fixture catalog loads and finds models by id or alias") {
  const Catalog& c = seedCatalog();
  CHECK(c.models.size() == 5);
  REQUIRE(c.findModel("meta/llama-3.2-1b-instruct"));
  SECTION("aliases and case do not matter") {
    CHECK(c.findModel("@cf/meta/llama-3.2-1b-instruct") ==
          c.findModel("meta/llama-3.2-1b-instruct"));
    CHECK(c.findModel("OpenAI/O3") == c.findModel("openai/o3"));
    CHECK(c.findModel("nope") == nullptr);
  }
  SECTION("a model's offers, priced or not") {
    CHECK(c.offersOf(*c.findModel("meta/llama-3.2-1b-instruct")).size() == 7);
    CHECK(c.offersOf(*c.findModel("openai/o3")).size() == 3);
  }
  SECTION("unknown facts stay unknown") {
    const Model& o4 = *c.findModel("openai/o4-mini");
    CHECK_FALSE(o4.context.has_value());
    CHECK_FALSE(o4.parameters.has_value());
  }
}

TEST_CASE("Search names can be prepared ahead of the first search, a few models at a time") {
  Catalog c = seedCatalog();  // a copy: its own names, prepared here
  std::vector<Problem> problems;
  c.index(problems);
  REQUIRE(problems.empty());
  const size_t n = c.models.size();
  REQUIRE(n >= 3);
  auto names = [](const std::vector<SearchName>& list) {
    std::vector<std::string> out;
    for (const SearchName& s : list) out.push_back(s.text);
    return out;
  };
  SECTION("each call prepares the next models, in catalog order, and says how many are left") {
    CHECK(c.prepareSearchNames(2) == n - 2);
    CHECK(c.prepareSearchNames(0) == n - 2);
    CHECK(c.prepareSearchNames(n) == 0);
    CHECK(c.prepareSearchNames(1) == 0);
  }
  SECTION("a model not prepared yet has its names all the same") {
    c.prepareSearchNames(1);
    const Model& last = c.models.back();
    CHECK(names(c.searchNames(last)) ==
          names(seedCatalog().searchNames(*seedCatalog().findModel(last.id))));
    CHECK(c.prepareSearchNames(0) == 0);  // asking for one prepared the rest
  }
  SECTION("indexing again forgets them") {
    c.prepareSearchNames(n);
    c.index(problems);
    CHECK(c.prepareSearchNames(0) == n);
  }
}

TEST_CASE("A malformed catalog is refused with every problem at its JSON path") {
  SECTION("bad JSON names the line and column") {
    LoadResult r = loadCatalog("{\n  \"schema\": \"versus-catalog/1\",\n  oops\n}");
    CHECK_FALSE(r.catalog);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0].message, Catch::Contains("not valid JSON at line 3"));
  }
  SECTION("a missing model id") {
    Json doc = minimalCatalog();
    doc["models"][0].erase("id");
    auto problems = problemsOf(doc);
    CHECK(hasProblemAt(problems, "models[0].id"));
  }
  SECTION("a negative price") {
    Json doc = minimalCatalog();
    doc["offers"][0]["price"]["input"] = -1;
    auto problems = problemsOf(doc);
    REQUIRE(hasProblemAt(problems, "offers[0].price.input"));
    CHECK_THAT(describe(problems[0]), Catch::Contains("cannot be negative"));
  }
  SECTION("a string where a number belongs") {
    Json doc = minimalCatalog();
    doc["models"][0]["context"]["value"] = "128k";
    auto problems = problemsOf(doc);
    REQUIRE(problems.size() == 1);
    CHECK(describe(problems[0]) ==
          "models[0].context.value: expected a whole number, got a string");
  }
  SECTION("a kind of model the engine does not know") {
    Json doc = minimalCatalog();
    doc["models"][0]["kind"] = "telepathy";
    auto problems = problemsOf(doc);
    REQUIRE(problems.size() == 1);
    CHECK(describe(problems[0]) ==
          "models[0].kind: is not a kind of model (text, embedding, rerank, classifier, speech, "
          "image)");
  }
  SECTION("a deployment label that is no short label") {
    Json doc = minimalCatalog();
    doc["offers"][0]["deployment"] = std::string(41, 'x');
    auto problems = problemsOf(doc);
    REQUIRE(problems.size() == 1);
    CHECK(describe(problems[0]) ==
          "offers[0].deployment: must be a short label (up to 40 bytes, no control characters)");
  }
  SECTION("a price per token where a price per 1M belongs") {
    Json doc = minimalCatalog();
    doc["offers"][0]["price"]["output"] = 0.000002;
    CHECK(hasProblemAt(problemsOf(doc), "offers[0].price.output"));
  }
  SECTION("several problems are all reported") {
    Json doc = minimalCatalog();
    doc["models"][0].erase("name");
    doc["offers"][0]["price"]["input"] = "free";
    doc["providers"][0]["source"] = "ghost";
    auto problems = problemsOf(doc);
    CHECK(hasProblemAt(problems, "models[0].name"));
    CHECK(hasProblemAt(problems, "offers[0].price.input"));
    CHECK(hasProblemAt(problems, "providers[0].source"));
  }
  SECTION("a name padded with white space or holding control characters") {
    Json doc = minimalCatalog();
    doc["models"][0]["name"] = "DeepSeek R1 (Turbo)\t";
    CHECK(hasProblemAt(problemsOf(doc), "models[0].name"));
    doc["models"][0]["name"] = "Bell\u0007";
    CHECK(hasProblemAt(problemsOf(doc), "models[0].name"));
    doc["models"][0]["name"] = "\u202Eright-to-left\u202C is text, not a control character";
    CHECK(problemsOf(doc).empty());
  }
  SECTION("a price history: each point's day, source and price, and their order, by path") {
    Json doc = minimalCatalog();
    doc["offers"][0]["history"] = Json::parse(R"([
      {"until": "2026-01", "source": "s", "price": {"input": 1, "output": 2}},
      {"from": "2026-02-01", "seen": "2026-02-01", "source": "ghost", "free": true,
       "price": {"input": 1, "output": 2}},
      {"source": "s", "price": {"input": -1, "output": 2}}])");
    auto problems = problemsOf(doc);
    CHECK(hasProblemAt(problems, "offers[0].history[0].until"));
    CHECK(hasProblemAt(problems, "offers[0].history[1].seen"));
    CHECK(hasProblemAt(problems, "offers[0].history[1].source"));
    CHECK(hasProblemAt(problems, "offers[0].history[1].price"));
    CHECK(hasProblemAt(problems, "offers[0].history[2].from"));
    CHECK(hasProblemAt(problems, "offers[0].history[2].price.input"));
    doc["offers"][0]["history"] = Json::parse(R"([
      {"from": "2026-02-01", "source": "s", "price": {"input": 1, "output": 2}},
      {"until": "2026-01-15", "source": "s", "free": true}])");
    problems = problemsOf(doc);
    REQUIRE(problems.size() == 1);
    CHECK(describe(problems[0]) == "offers[0].history[1]: price points must be in order of day");
    doc["offers"][0]["history"][1].erase("free");
    CHECK(describe(problemsOf(doc).at(0)) ==
          "offers[0].history[1].price: is required (or \"free\": true)");
  }
  SECTION("the wrong schema version") {
    Json doc = minimalCatalog();
    doc["schema"] = "versus-catalog/9";
    CHECK(hasProblemAt(problemsOf(doc), "schema"));
  }
  SECTION("not an object at all") {
    CHECK(loadCatalog("[1, 2]").problems.at(0).message == "expected an object, got an array");
  }
}

TEST_CASE("A fact's provenance names its source, its date and any credit the source asks for") {
  Json doc = minimalCatalog();
  doc["sources"]["credited"] = {{"name", "Credited"},
                                {"date", "2026-03-04"},
                                {"url", "https://example.com/data"},
                                {"attribution", "Data by Example"}};
  LoadResult r = loadCatalog(doc.dump());
  REQUIRE(r.catalog);
  SECTION("a fact's own date wins over its source's") {
    Json j = Json::object();
    addProvenance(*r.catalog, j, "s", "2026-05-06");
    CHECK(j == Json{{"source", "s"}, {"sourceName", "Test source"}, {"date", "2026-05-06"}});
  }
  SECTION("without one, the source's date; a credit brings its url") {
    Json j = Json::object();
    addProvenance(*r.catalog, j, "credited", "");
    CHECK(j["date"] == "2026-03-04");
    CHECK(j["attribution"] == "Data by Example");
    CHECK(j["url"] == "https://example.com/data");
  }
  SECTION("an unknown source is named by its id, with no date") {
    Json j = Json::object();
    addProvenance(*r.catalog, j, "nowhere", "");
    CHECK(j == Json{{"source", "nowhere"}, {"sourceName", "nowhere"}, {"date", nullptr}});
  }
}

TEST_CASE("A catalog over the size limit is refused with a message that says so") {
  std::string huge(kMaxCatalogBytes + 1, ' ');
  SECTION("as JSON") {
    LoadResult r = loadCatalog(huge);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == "the catalog is larger than 128 MB, the most a catalog may be");
  }
  SECTION("as a pack, still a pack problem") {
    LoadResult r = loadCatalogPack(huge);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0].message, Catch::StartsWith("pack: the catalog is larger than 128 MB"));
  }
}

TEST_CASE("Cross-references are checked") {
  Json doc = minimalCatalog();
  SECTION("an offer of an unknown model or provider") {
    doc["offers"].push_back({{"model", "lab/ghost"}, {"provider", "nowhere"}, {"source", "s"}});
    auto problems = problemsOf(doc);
    CHECK(hasProblemAt(problems, "offers[1].model"));
    CHECK(hasProblemAt(problems, "offers[1].provider"));
  }
  SECTION("duplicate model ids") {
    doc["models"].push_back(doc["models"][0]);
    doc["models"][1]["aliases"] = Json::array();
    CHECK(hasProblemAt(problemsOf(doc), "models[1].id"));
  }
  SECTION("an alias that names two models") {
    doc["models"].push_back(
        {{"id", "lab/model-b"}, {"name", "Model B"}, {"aliases", {"model-a-alias"}}});
    CHECK(hasProblemAt(problemsOf(doc), "models[1].aliases[0]"));
  }
  SECTION("a benchmark score for an unlisted benchmark") {
    doc["models"][0]["benchmarks"] = {{"mystery", {{"value", 1}, {"source", "s"}}}};
    CHECK(hasProblemAt(problemsOf(doc), "models[0].benchmarks.mystery"));
  }
  SECTION("an unknown capability") {
    doc["models"][0]["capabilities"] = {{"telepathy", {{"value", true}, {"source", "s"}}}};
    CHECK(hasProblemAt(problemsOf(doc), "models[0].capabilities.telepathy"));
  }
  SECTION("a free tier that also states a price") {
    doc["offers"][0]["free"] = true;
    CHECK(hasProblemAt(problemsOf(doc), "offers[0].price"));
  }
  SECTION("the same offer twice") {
    doc["offers"].push_back(doc["offers"][0]);
    CHECK(hasProblemAt(problemsOf(doc), "offers[1]"));
  }
}

TEST_CASE("The committed catalog is valid") {
  LoadResult r = loadCatalog(versus::testing::readText("data/catalog.json"));
  for (size_t i = 0; i < r.problems.size() && i < 5; ++i) UNSCOPED_INFO(describe(r.problems[i]));
  CHECK(r.problems.empty());
}

TEST_CASE(
    "The committed catalog gives every model with Artificial Analysis speed an end-to-end time") {
  static const LoadResult loaded = loadCatalog(versus::testing::readText("data/catalog.json"));
  REQUIRE(loaded.catalog);
  const Catalog& c = *loaded.catalog;
  SECTION("o3: 9.86 s for 500 tokens") {
    const Model* o3 = c.findModel("openai/o3");
    REQUIRE(o3);
    REQUIRE(endToEndSeconds(*o3));
    CHECK(*endToEndSeconds(*o3) == Approx(9.86).margin(0.005));
  }
  SECTION("the tokens and cost of running the Intelligence Index, from Artificial Analysis") {
    // AA's gemini-3-5-flash row: 1,009,300,279 input, 12,671,326 answer and 62,712,069 reasoning
    // tokens, $1,040.88 in all.
    const Model* flash = c.findModel("google/gemini-3.5-flash");
    REQUIRE(flash);
    CHECK(flash->indexRun.at("inputMillionTokens").value == Approx(1009.3));
    CHECK(flash->indexRun.at("answerMillionTokens").value == Approx(12.67));
    CHECK(flash->indexRun.at("reasoningMillionTokens").value == Approx(62.71));
    CHECK(flash->indexRun.at("costUsd").value == Approx(1040.88));
    CHECK(flash->indexRun.at("costUsd").source == "aa");
  }
  SECTION("every model with a measured output speed") {
    std::vector<std::string> missing;
    for (const Model& m : c.models) {
      auto speed = m.speed.find("outputTokensPerSecond");
      if (speed != m.speed.end() && speed->second.source == "aa" && !endToEndSeconds(m))
        missing.push_back(m.id);
    }
    CHECK(missing == std::vector<std::string>{});
  }
}
