// Inputs with which the fuzzers (scripts/fuzz) found bugs, kept in tests/regressions/TARGET/. Each
// is replayed through the invariants its fuzz target checks (tests/fuzz/checks.hpp, here with
// REQUIRE instead of a trap), and what its fix promises is checked directly.
#include <catch2/catch.hpp>

#include "support.hpp"

#define VERSUS_CHECK(condition) REQUIRE((condition))  // (( )): Catch cannot decompose &&
#include "fuzz/checks.hpp"

using namespace versus;

namespace {

std::string finding(const std::string& target, const std::string& name) {
  return versus::testing::readText("tests/regressions/" + target + "/" + name);
}

}  // namespace

TEST_CASE("fuzz_catalog findings stay fixed") {
  SECTION("parse-error-not-utf8.json: the parse error quoted bytes that are not UTF-8") {
    // The message could not be written as JSON (dump() threw), so the page got no problem list.
    std::string input = finding("fuzz_catalog", "parse-error-not-utf8.json");
    fuzz::checkCatalogInput(input);
    LoadResult r = loadCatalog(input);
    REQUIRE(r.problems.size() == 1);
    CHECK(isUtf8(r.problems[0].message));
    CHECK(r.problems[0].message.rfind("not valid JSON at line 1, column 59 (syntax error", 0) == 0);
  }
  SECTION("the same with a long string: the quoted input is cut short") {
    std::string input = "[\"" + std::string(100000, 'x') + "\xFF\"]";
    fuzz::checkCatalogInput(input);
    LoadResult r = loadCatalog(input);
    REQUIRE(r.problems.size() == 1);
    CHECK(isUtf8(r.problems[0].message));
    CHECK(r.problems[0].message.size() < 400);
  }
  SECTION("number-overflow.json: a number past a double's range threw out of loadCatalog") {
    std::string input = finding("fuzz_catalog", "number-overflow.json");
    fuzz::checkCatalogInput(input);
    LoadResult r = loadCatalog(input);
    REQUIRE(r.problems.size() == 1);
    CHECK(describe(r.problems[0]) ==
          "(top level): not valid JSON at line 1, column 7 (number overflow parsing '181e308')");
  }
}

TEST_CASE("Catalog numbers that overflowed the engine's answers stay refused") {
  // Found by replaying crafted catalogs through the fuzz_catalog invariants: answers held infinity,
  // which JSON writes as null.
  SECTION("benchmark-gap-overflow.json: scores of 1e308 and -1e308 made the gap infinite") {
    std::string input = finding("fuzz_catalog", "benchmark-gap-overflow.json");
    fuzz::checkCatalogInput(input);
    LoadResult r = loadCatalog(input);
    REQUIRE(r.problems.size() == 2);
    CHECK(describe(r.problems[0]) ==
          "models[0].benchmarks.gpqa.value: is too large to be a real score");
  }
  SECTION("speed-denormal.json: 5e-324 tokens a second made the generation time infinite") {
    std::string input = finding("fuzz_catalog", "speed-denormal.json");
    fuzz::checkCatalogInput(input);
    LoadResult r = loadCatalog(input);
    REQUIRE(r.problems.size() == 1);
    CHECK(describe(r.problems[0]) ==
          "models[0].speed.outputTokensPerSecond.value: is outside the range of real figures");
  }
}

TEST_CASE("fuzz_options findings stay fixed") {
  SECTION("name-not-utf8: a model name that is not UTF-8 made the answer unwritable as JSON") {
    // `versus model $'openai/o\xB3' --json` printed dump()'s exception instead of an answer.
    fuzz::checkOptionsInput(finding("fuzz_options", "name-not-utf8"));
    CHECK(parseOptions({"model", "openai/o\xB3"}).error ==
          "model: model names and queries must be UTF-8 text");
    CHECK(parseOptions({"compare", "o3", "\xC3\x28"}).error ==
          "compare: model names and queries must be UTF-8 text");
    CHECK(parseOptions({"model", "llama \xC3\xA9t\xC3\xA9"}).options);  // UTF-8 is fine
    CHECK(parseOptions({"validate", "catalog-\xB3.json"}).options);     // a path may be any bytes
  }
}

TEST_CASE("fuzz_pack's invariants hold for its seeds and every truncation of them") {
  // No finding yet: the seeds (tests/fuzz/corpus/fuzz_pack) and their prefixes exercise the checks
  // themselves, so that a check that cannot hold fails here rather than as a bogus finding.
  for (const char* name :
       {"minimal.pack", "seed-pair.pack", "seed-catalog.pack", "history.pack", "real-bill.pack"}) {
    SECTION(name) {
      std::string bytes =
          versus::testing::readText(std::string("tests/fuzz/corpus/fuzz_pack/") + name);
      REQUIRE(loadCatalogPack(bytes).catalog);
      fuzz::checkPackInput(bytes);
      for (size_t n = 0; n < bytes.size(); n += 97) fuzz::checkPackInput(bytes.substr(0, n));
    }
  }
}

TEST_CASE("fuzz_overrides' invariants hold for its seeds") {
  // The seeds (tests/fuzz/corpus/fuzz_overrides) cover what applies and what each kind of mistake
  // is told; here they also show that the checks themselves hold on good input.
  SECTION("a negotiated rate and a private model apply") {
    for (const char* name : {"negotiated-rate.json", "private-model.json", "both.json"}) {
      std::string text =
          versus::testing::readText(std::string("tests/fuzz/corpus/fuzz_overrides/") + name);
      fuzz::checkOverridesInput(text);
      Overrides o;
      std::vector<Problem> problems;
      REQUIRE(readJsonText(text, "overrides", o, problems));
      CHECK(applyOverrides(fuzz::seedCatalog(), o, problems).has_value());
    }
  }
  SECTION("mistakes are refused with the JSON path of each") {
    std::vector<std::pair<const char*, const char*>> cases = {
        {"unknown-provider.json", "prices[0].provider: unknown provider \"nowhere\""},
        {"bad-prices.json",
         "overrides.models[0].input: price must be between 0 and 10,000 USD per 1M tokens"},
        {"duplicate-names.json", "models[1].name: a model named \"a\" already exists"},
        {"bidi-name.json",
         "overrides.models[0].name: holds a right-to-left or left-to-right override that is "
         "never closed"},
    };
    for (const auto& [name, expected] : cases) {
      std::string text =
          versus::testing::readText(std::string("tests/fuzz/corpus/fuzz_overrides/") + name);
      fuzz::checkOverridesInput(text);
      Overrides o;
      std::vector<Problem> problems;
      bool applied = readJsonText(text, "overrides", o, problems) &&
                     applyOverrides(fuzz::seedCatalog(), o, problems).has_value();
      CHECK_FALSE(applied);
      REQUIRE_FALSE(problems.empty());
      CHECK(describe(problems.front()) == expected);
    }
  }
}
