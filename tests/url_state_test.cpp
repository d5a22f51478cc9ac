#include "url_state.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "support.hpp"

using namespace versus;

namespace {

// The paths of a state's problems, in order.
std::vector<std::string> problemPaths(const UrlState& s) {
  std::vector<std::string> paths;
  for (const Problem& p : s.problems) paths.push_back(p.path);
  return paths;
}

bool isDefault(const Workload& w) { return Json(w) == Json(Workload{}); }

}  // namespace

TEST_CASE("A shared hash parses into models and a workload") {
  SECTION("the README's example") {
    UrlState s = parseUrlState(
        "#a=meta/llama-3.2-1b-instruct&b=openai/o3&ratio=0.6&req=2000000&in=1200&out=300");
    CHECK(s.problems.empty());
    CHECK(s.models == std::vector<std::string>{"meta/llama-3.2-1b-instruct", "openai/o3"});
    CHECK(s.workload.ratio == 0.6);
    CHECK(s.workload.requests == 2e6);
    CHECK(s.workload.inputTokens == 1200);
    CHECK(s.workload.outputTokens == 300);
  }
  SECTION("the # is optional and an empty hash is the defaults") {
    CHECK(parseUrlState("a=x").models == std::vector<std::string>{"x"});
    UrlState empty = parseUrlState("");
    CHECK(empty.models.empty());
    CHECK(empty.problems.empty());
    CHECK(isDefault(empty.workload));
    CHECK(isDefault(parseUrlState("#").workload));
  }
  SECTION("an absent workload key keeps its default") {
    UrlState s = parseUrlState("#req=5");
    CHECK(s.workload.requests == 5);
    CHECK(s.workload.inputTokens == 800);
    CHECK(s.workload.outputTokens == 250);
    CHECK(s.workload.ratio == 0.7);
  }
  SECTION("unknown keys, empty parts and keys without a value are ignored silently") {
    UrlState s = parseUrlState("#utm_source=x&&a=o3&&zzz&q=%zz");
    CHECK(s.problems.empty());
    CHECK(s.models == std::vector<std::string>{"o3"});
  }
  SECTION("keys are percent-decoded too") {
    CHECK(parseUrlState("#%61=o3").models == std::vector<std::string>{"o3"});
  }
}

TEST_CASE("Model slots: a, b, then m for more") {
  SECTION("order in the hash does not matter, only the key") {
    CHECK(parseUrlState("#m=c&b=y&a=x&m=d").models == std::vector<std::string>{"x", "y", "c", "d"});
  }
  SECTION("a missing a leaves its slot empty; trailing empty slots are dropped") {
    CHECK(parseUrlState("#b=y").models == std::vector<std::string>{"", "y"});
    CHECK(parseUrlState("#m=z").models == std::vector<std::string>{"", "", "z"});
    CHECK(parseUrlState("#a=x&b=").models == std::vector<std::string>{"x"});
    CHECK(parseUrlState("#a=&b=").models.empty());
  }
  SECTION("names are percent-decoded, + is a space, and outer spaces are trimmed") {
    UrlState s = parseUrlState("#a=llama+3.2+1b&b=%40cf%2Fmeta%2Fllama&m=++o4%20mini+");
    CHECK(s.problems.empty());
    CHECK(s.models == std::vector<std::string>{"llama 3.2 1b", "@cf/meta/llama", "o4 mini"});
  }
  SECTION("UTF-8 names are kept") {
    CHECK(parseUrlState("#a=%C3%A9t%C3%A9").models ==
          std::vector<std::string>{"\xC3\xA9t\xC3\xA9"});
  }
}

TEST_CASE("Bad model names are problems naming the key, and the slot stays empty") {
  SECTION("longer than 200 bytes") {
    UrlState s = parseUrlState("#a=" + std::string(201, 'x') + "&b=y");
    CHECK(problemPaths(s) == std::vector<std::string>{"a"});
    CHECK(s.problems[0].message == "is a model name of 201 bytes; the limit is 200");
    CHECK(s.models == std::vector<std::string>{"", "y"});
    CHECK(parseUrlState("#a=" + std::string(200, 'x')).problems.empty());
  }
  SECTION("control characters") {
    for (const char* hash : {"#b=o%003", "#b=o%0A3", "#b=o%7F3", "#b=%C2%85", "#b=a%09"}) {
      UrlState s = parseUrlState(hash);
      CAPTURE(hash);
      CHECK(problemPaths(s) == std::vector<std::string>{"b"});
      CHECK(s.problems[0].message == "is not a model name: it contains a control character");
      CHECK(s.models.empty());
    }
  }
  SECTION("bytes that are not UTF-8") {
    // A lone byte, a truncated sequence, an overlong '/', a surrogate, past U+10FFFF.
    for (const char* hash : {"#a=%FF", "#a=%C3", "#a=%C0%AF", "#a=%ED%A0%80", "#a=%F4%90%80%80"}) {
      UrlState s = parseUrlState(hash);
      CAPTURE(hash);
      CHECK(problemPaths(s) == std::vector<std::string>{"a"});
      CHECK(s.problems[0].message == "is not a model name: it is not valid UTF-8");
    }
  }
  SECTION("more than six models") {
    UrlState s = parseUrlState("#a=1&b=2&m=3&m=4&m=5&m=6&m=7&m=8");
    CHECK(s.models == std::vector<std::string>{"1", "2", "3", "4", "5", "6"});
    CHECK(problemPaths(s) == std::vector<std::string>{"m"});
    CHECK(s.problems[0].message ==
          "names 6 more models; at most 6 models in all are shown, so the first 4 are kept");
  }
  SECTION("a key given twice: the first is used") {
    UrlState s = parseUrlState("#a=x&a=y&req=5&req=6");
    CHECK(s.models == std::vector<std::string>{"x"});
    CHECK(s.workload.requests == 5);
    CHECK(problemPaths(s) == std::vector<std::string>{"a", "req"});
    CHECK(s.problems[0].message == "is given more than once; the first one is used");
  }
}

TEST_CASE("Bad numbers are problems naming the key, and the default is kept") {
  auto one = [](const std::string& hash) {
    UrlState s = parseUrlState(hash);
    CHECK(isDefault(s.workload));
    REQUIRE(s.problems.size() == 1);
    return describe(s.problems[0]);
  };
  SECTION("not numbers") {
    CHECK(one("#req=NaN") == "req: is not a number (it is “NaN”)");
    CHECK(one("#in=Infinity") == "in: is not a number (it is “Infinity”)");
    CHECK(one("#out=12abc") == "out: is not a number (it is “12abc”)");
    CHECK(one("#ratio=") == "ratio: is not a number (it is nothing)");
    CHECK(one("#ratio") == "ratio: is not a number (it is nothing)");
    CHECK(one("#req=0x10") == "req: is not a number (it is “0x10”)");
    CHECK(one("#req=1e400") == "req: is not a number (it is “1e400”)");
    CHECK(one("#req=" + std::string(41, 'x')) ==
          "req: is not a number (it is a long or unprintable value)");
    CHECK(one("#req=%FF") == "req: is not a number (it is a long or unprintable value)");
  }
  SECTION("out of range, by validateWorkload's rules") {
    CHECK(one("#req=-5") == "req: cannot be negative (it is “-5”)");
    CHECK(one("#req=1e308") == "req: is over the limit of 1000000000000 (it is “1e308”)");
    CHECK(one("#in=1e10") == "in: is over the limit of 1000000000 (it is “1e10”)");
    CHECK(one("#out=-0.5") == "out: cannot be negative (it is “-0.5”)");
    CHECK(one("#ratio=1.5") == "ratio: is not a share from 0 to 1 (it is “1.5”)");
    CHECK(one("#ratio=-0.1").rfind("ratio: is not a share from 0 to 1", 0) == 0);
  }
  SECTION("a malformed escape is a problem, not a crash") {
    for (const char* hash : {"#req=1%", "#req=1%2", "#req=%G0", "#a=%", "#a=x%2"}) {
      CAPTURE(hash);
      std::string key = std::string(hash).substr(1, std::string(hash).find('=') - 1);
      CHECK(one(hash) == key +
                             ": has a malformed percent escape (% must be followed by two hex "
                             "digits)");
    }
  }
  SECTION("the limits themselves are fine") {
    UrlState s = parseUrlState("#ratio=1&req=1e12&in=1e9&out=0");
    CHECK(s.problems.empty());
    CHECK(s.workload.ratio == 1);
    CHECK(s.workload.requests == 1e12);
    CHECK(s.workload.outputTokens == 0);
  }
  SECTION("-0 is 0") {
    UrlState s = parseUrlState("#out=-0");
    CHECK(s.problems.empty());
    CHECK_FALSE(std::signbit(s.workload.outputTokens));
  }
  SECTION("one bad value does not spoil the others") {
    UrlState s = parseUrlState("#a=x&req=-1&in=900&ratio=2");
    CHECK(s.models == std::vector<std::string>{"x"});
    CHECK(s.workload.inputTokens == 900);
    CHECK(s.workload.requests == 1e6);
    CHECK(s.workload.ratio == 0.7);
    CHECK(problemPaths(s) == std::vector<std::string>{"req", "ratio"});
  }
}

TEST_CASE("A hash over 16 kB is ignored as a whole") {
  std::string hash = "#a=x&req=5&m=" + std::string(kMaxUrlStateBytes, 'y');
  UrlState s = parseUrlState(hash);
  CHECK(s.models.empty());
  CHECK(isDefault(s.workload));
  REQUIRE(problemPaths(s) == std::vector<std::string>{"hash"});
  CHECK(s.problems[0].message == "is " + std::to_string(hash.size()) +
                                     " bytes long, over the 16384-byte limit; it was ignored");
  CHECK(parseUrlState(std::string(kMaxUrlStateBytes, '&')).problems.empty());
}

TEST_CASE("The canonical hash round-trips") {
  SECTION("the README's example is already canonical") {
    std::string hash =
        "#a=meta/llama-3.2-1b-instruct&b=openai/o3&ratio=0.7&req=1000000&in=800&out=250";
    CHECK(formatUrlState(parseUrlState(hash)) == hash);
    CHECK(formatUrlState(UrlState{}) == "#ratio=0.7&req=1000000&in=800&out=250");
  }
  SECTION("what must be encoded is encoded") {
    UrlState s;
    s.models = {"a&b=c", "", "50% + more #1", "\xC3\xA9"};
    std::string hash = formatUrlState(s);
    CHECK(hash ==
          "#a=a%26b%3Dc&ratio=0.7&req=1000000&in=800&out=250&m=50%25%20%2B%20more%20%231&m=%C3%A9");
    CHECK(sameState(parseUrlState(hash), s));
  }
  SECTION("numbers are exact and short, without a +") {
    UrlState s;
    s.workload.ratio = 0.1 + 0.2;  // 0.30000000000000004
    s.workload.requests = 1e-7;
    s.workload.inputTokens = 123456.789;
    s.workload.outputTokens = 5e-320;  // subnormal
    std::string hash = formatUrlState(s);
    CHECK(hash == "#ratio=0.30000000000000004&req=1e-7&in=123456.789&out=5e-320");
    UrlState back = parseUrlState(hash);
    CHECK(back.problems.empty());
    CHECK(sameState(back, s));
  }
  SECTION("slots survive: an empty a stays empty") {
    for (const char* hash : {"#b=y", "#m=z", "#a=x&m=z", "#a=%20x%20&b=%2B"}) {
      CAPTURE(hash);
      UrlState s = parseUrlState(hash);
      CHECK(sameState(parseUrlState(formatUrlState(s)), s));
    }
  }
  SECTION("the largest state a hash holds still fits in the 16 kB limit") {
    UrlState s;
    for (size_t i = 0; i < kMaxUrlStateModels; ++i)
      s.models.push_back(std::string(1, char('a' + i)) +
                         std::string(kMaxUrlStateModelBytes - 1, '%'));
    // Private models named with quotes, each escaped twice (JSON, then %XX), up to custom='s limit.
    while (encodeCustomText(s.custom).size() <= kMaxUrlCustomBytes)
      s.custom.models.push_back({std::string(40, '"'), 1, 2, {}});
    s.custom.models.pop_back();
    s.rank.benchmark = std::string(kMaxUrlIdBytes, '/');
    s.rank.provider = s.chartBenchmark = s.rank.benchmark;
    std::string hash = formatUrlState(s);
    CHECK(hash.size() > 8192);
    CHECK(hash.size() <= kMaxUrlStateBytes);
    UrlState back = parseUrlState(hash);
    CHECK(back.problems.empty());
    CHECK(sameState(back, s));
  }
}

TEST_CASE("Every key the page, its tools and the widget use") {
  SECTION("the model view") {
    UrlState s = parseUrlState("#model=openai/o3&ratio=0.5");
    CHECK(s.model == "openai/o3");
    CHECK(s.models.empty());
    CHECK(formatUrlState(s) == "#model=openai/o3&ratio=0.5&req=1000000&in=800&out=250");
  }
  SECTION("the workload details") {
    UrlState s =
        parseUrlState("#cache=0.5&cwrite=0.1&batch=0.25&long=0.1&longin=200000&routes=all");
    CHECK(s.problems.empty());
    CHECK(s.workload.cacheHitRate == 0.5);
    CHECK(s.workload.cacheWriteRate == 0.1);
    CHECK(s.workload.batchShare == 0.25);
    CHECK(s.workload.longShare == 0.1);
    CHECK(s.workload.longInputTokens == 200000);
    CHECK(s.workload.allRoutes);
    CHECK(formatUrlState(s) ==
          "#ratio=0.7&req=1000000&in=800&out=250&cache=0.5&cwrite=0.1&batch=0.25&long=0.1&"
          "longin=200000&routes=all");
  }
  SECTION("cache reads and writes over all input: both are dropped") {
    UrlState s = parseUrlState("#cache=0.8&cwrite=0.4");
    CHECK(s.workload.cacheHitRate == 0);
    CHECK(s.workload.cacheWriteRate == 0);
    CHECK(problemPaths(s) == std::vector<std::string>{"cwrite"});
  }
  SECTION("the ranking's filters") {
    UrlState s = parseUrlState(
        "#tool=rank&cap=vision,functionCalling,vision&minctx=128000&ow=1&bench=aa-index&minscore="
        "40&"
        "prov=openai&offer=1&top=50&rsort=monthly:descending");
    CHECK(s.problems.empty());
    CHECK(s.tool == "rank");
    CHECK(s.rank.capabilities == std::vector<std::string>{"vision", "functionCalling"});
    CHECK(s.rank.minContext == 128000);
    CHECK(s.rank.openWeights);
    CHECK(s.rank.benchmark == "aa-index");
    CHECK(s.rank.minScore == 40);
    CHECK(s.rank.provider == "openai");
    CHECK(s.rank.byOffer);
    CHECK(s.rank.top == 50);
    CHECK(s.rank.sortKey == "monthly");
    CHECK(s.rank.sortDir == "descending");
    CHECK(sameState(parseUrlState(formatUrlState(s)), s));
  }
  SECTION("a minimum score without a benchmark means nothing") {
    CHECK_FALSE(parseUrlState("#minscore=40").rank.minScore);
  }
  SECTION("bad filter values are problems naming the key") {
    UrlState s = parseUrlState(
        "#tool=nope&top=7&rsort=x&cap=1bad&bench=%3Cb%3E&ow=maybe&routes=some&theme=pink");
    CHECK(problemPaths(s) == std::vector<std::string>{"tool", "top", "rsort", "cap", "bench", "ow",
                                                      "routes", "theme"});
    CHECK(s.tool.empty());
    CHECK(s.rank.top == 25);
    CHECK(s.rank.benchmark.empty());
    CHECK(s.theme.empty());
    CHECK(s.problems[0].message ==
          "is not one of rank, nway, prices, charts, export (it is “nope”)");
  }
  SECTION("the widget's long names are the same keys") {
    UrlState s = parseUrlState("#requests=5&input=6&output=7&theme=dark");
    CHECK(s.workload.requests == 5);
    CHECK(s.workload.inputTokens == 6);
    CHECK(s.workload.outputTokens == 7);
    CHECK(s.theme == "dark");
    CHECK(problemPaths(parseUrlState("#req=5&requests=6")) == std::vector<std::string>{"req"});
  }
  SECTION("the same extra model twice is one") {
    CHECK(parseUrlState("#a=x&b=y&m=z&m=z").models == std::vector<std::string>{"x", "y", "z"});
  }
}

TEST_CASE("The visitor's prices in the link (custom=)") {
  SECTION("a price and a private model") {
    UrlState s = parseUrlState(
        "#custom="
        "%7B%22p%22%3A%5B%5B%22openai%2Fo3%22%2Cnull%2C1%2C4%2Cnull%5D%5D%2C%22m%22%3A%5B%5B%22Our%"
        "20Fine-Tune%20v2%22%2C0.5%2C1.5%2C32000%5D%5D%7D");
    CHECK(s.problems.empty());
    REQUIRE(s.custom.prices.size() == 1);
    CHECK(s.custom.prices[0].model == "openai/o3");
    CHECK(s.custom.prices[0].provider.empty());
    CHECK(s.custom.prices[0].input == 1);
    CHECK(s.custom.prices[0].output == 4);
    CHECK_FALSE(s.custom.prices[0].cacheRead);
    REQUIRE(s.custom.models.size() == 1);
    CHECK(s.custom.models[0].name == "Our Fine-Tune v2");
    CHECK(s.custom.models[0].context == 32000);
    CHECK(sameState(parseUrlState(formatUrlState(s)), s));
  }
  SECTION("what is refused, and why") {
    auto why = [](std::string_view text) {
      Overrides o;
      return decodeCustomText(text, o).value_or("");
    };
    CHECK(why("{") == "it is not valid JSON");
    CHECK(why("[]") == "it is not an object");
    CHECK(why(R"({"p":[["o3",null,-1]]})") == "a price for o3 is not a number from 0 to 10000");
    CHECK(why(R"({"p":[["o3"]]})") == "the entry for o3 sets no price");
    CHECK(why(R"({"m":[["  ",1,2]]})") == "a private model has no name");
    CHECK(why(R"({"m":[["x",1,2,1.5]]})") == "the context of x is not a token count");
    CHECK(why(std::string(kMaxUrlCustomBytes + 1, ' ')) == "it is longer than 1800 bytes");
    CHECK(problemPaths(parseUrlState("#custom=%7B")) == std::vector<std::string>{"custom"});
    CHECK(parseUrlState("#custom=%7B").problems[0].message == "is ignored: it is not valid JSON");
  }
}

// The table web/state.js is checked against too (tests/browser/url-state.test.mjs): the page, the
// tools and the widget accept and refuse exactly what this parser does.
TEST_CASE("The shared table of hashes") {
  Json cases = Json::parse(testing::readText("tests/fixtures/url-state-cases.json"));
  for (const Json& c : cases) {
    std::string hash = c.at("hash");
    CAPTURE(hash);
    UrlState s = parseUrlState(hash);
    CHECK(problemPaths(s) == c.at("problems").get<std::vector<std::string>>());
    CHECK(formatUrlState(s) == c.at("canonical").get<std::string>());
  }
}

TEST_CASE("The state as JSON") {
  UrlState s = parseUrlState("#a=o3&req=-1");
  Json j = s;
  CHECK(j["models"] == Json::array({"o3"}));
  CHECK(j["workload"] == Json(Workload{}));
  CHECK(j["problems"] ==
        Json::parse(R"j([{"path": "req", "message": "cannot be negative (it is “-1”)",
                          "sentence": "The link's requests a month (req=) cannot be negative (it is “-1”); the default, 1000000, is used.",
                          "consequence": "the default, 1000000, is used", "about": "pair"}])j"));
}
