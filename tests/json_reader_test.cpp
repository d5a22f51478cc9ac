#include "json_reader.hpp"

#include <catch2/catch.hpp>

using namespace versus;

TEST_CASE("A reader names the JSON path of every problem it finds") {
  std::vector<Problem> problems;
  Json doc = Json::parse(R"({"a": {"b": [1, "two", 3]}, "n": "x"})");
  JsonReader root(doc, "", problems);

  SECTION("a wrong type inside an array names the element") {
    std::vector<double> numbers;
    CHECK_FALSE(read(root.at("a").at("b"), numbers));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "a.b[1]");
    CHECK(problems[0].message == "expected a number, got a string");
  }
  SECTION("a missing required member is reported at its own path") {
    std::string missing;
    CHECK_FALSE(root.required("missing", missing));
    REQUIRE(problems.size() == 1);
    CHECK(describe(problems[0]) == "missing: is required");
  }
  SECTION("an absent optional member stays unknown and is no problem") {
    std::optional<double> maybe;
    CHECK(root.optional("absent", maybe));
    CHECK_FALSE(maybe.has_value());
    CHECK(problems.empty());
  }
  SECTION("a present optional member of the wrong type is a problem") {
    std::optional<double> maybe;
    CHECK_FALSE(root.optional("n", maybe));
    CHECK(problems.at(0).path == "n");
  }
}

TEST_CASE("Whole numbers accept 128000.0 but not fractions or huge values") {
  std::vector<Problem> problems;
  Json doc = Json::parse(R"([128000.0, 1.5, 1e300, 42])");
  JsonReader r(doc, "xs", problems);
  int64_t v = 0;
  CHECK(read(r.at(0), v));
  CHECK(v == 128000);
  CHECK_FALSE(read(r.at(1), v));
  CHECK_FALSE(read(r.at(2), v));
  CHECK(read(r.at(3), v));
  CHECK(v == 42);
  CHECK(problems.size() == 2);
}

TEST_CASE("Dates and ids have one accepted shape") {
  SECTION("dates") {
    CHECK(isDate("2024-09-25"));
    CHECK(isDate("2023-12"));
    CHECK(isDate("2024"));
    CHECK_FALSE(isDate("2024-13"));
    CHECK_FALSE(isDate("25/09/2024"));
    CHECK_FALSE(isDate(""));
  }
  SECTION("ids") {
    CHECK(isId("meta/llama-3.2-1b-instruct"));
    CHECK(isId("@cf/meta/llama-3.2-1b-instruct") == false);  // aliases may be anything; ids may not
    CHECK_FALSE(isId("Meta/Llama"));
    CHECK_FALSE(isId("<script>"));
    CHECK_FALSE(isId(""));
  }
}

TEST_CASE("Text with an unclosed bidirectional override is refused") {
  std::vector<Problem> problems;
  Json doc = Json::parse(
      R"(["RLO \u202egnp.exe\u202c closed", "RLO \u202eunterminated", "\u2067isolate"])");
  JsonReader r(doc, "names", problems);
  std::string s;
  CHECK(read(r.at(0), s));
  CHECK_FALSE(read(r.at(1), s));
  CHECK_FALSE(read(r.at(2), s));
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].path == "names[1]");
  CHECK_THAT(problems[0].message, Catch::Contains("never closed"));
}

TEST_CASE("Answers are always JSON text, even with a stray byte that is not UTF-8") {
  Json answer{{"error", std::string("unknown model \"o3\xff\"")}};
  SECTION("the stray byte becomes U+FFFD instead of an exception (the wasm build cannot catch)") {
    CHECK(dumpJson(answer) == "{\"error\":\"unknown model \\\"o3\xEF\xBF\xBD\\\"\"}");
  }
  SECTION("valid text is written as dump() writes it, with the indent asked for") {
    Json ok{{"ok", true}};
    CHECK(dumpJson(ok) == ok.dump());
    CHECK(dumpJson(ok, 2) == ok.dump(2));
  }
}
