#include "url_state.hpp"

#include <catch2/catch.hpp>
#include <cmath>

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
    CHECK(one("#req=NaN") == "req: expected a number, got \"NaN\"");
    CHECK(one("#in=Infinity") == "in: expected a number, got \"Infinity\"");
    CHECK(one("#out=12abc") == "out: expected a number, got \"12abc\"");
    CHECK(one("#ratio=") == "ratio: expected a number, got nothing");
    CHECK(one("#ratio") == "ratio: expected a number, got nothing");
    CHECK(one("#req=0x10") == "req: expected a number, got \"0x10\"");
    CHECK(one("#req=1e400") == "req: expected a number, got \"1e400\"");
    CHECK(one("#req=" + std::string(41, 'x')) ==
          "req: expected a number, got a long or unprintable value");
    CHECK(one("#req=%FF") == "req: expected a number, got a long or unprintable value");
  }
  SECTION("out of range, by validateWorkload's rules") {
    CHECK(one("#req=-5") == "req: cannot be negative (requests a month)");
    CHECK(one("#req=1e308") == "req: is too large (requests a month)");
    CHECK(one("#in=1e10") == "in: is too large (input tokens per request)");
    CHECK(one("#out=-0.5") == "out: cannot be negative (output tokens per request)");
    CHECK(one("#ratio=1.5") ==
          "ratio: must be between 0 and 1 (the input share of a blended 1M tokens)");
    CHECK(one("#ratio=-0.1").rfind("ratio: must be between 0 and 1", 0) == 0);
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

TEST_CASE("A hash over 8 kB is ignored as a whole") {
  std::string hash = "#a=x&req=5&m=" + std::string(kMaxUrlStateBytes, 'y');
  UrlState s = parseUrlState(hash);
  CHECK(s.models.empty());
  CHECK(isDefault(s.workload));
  REQUIRE(problemPaths(s) == std::vector<std::string>{"hash"});
  CHECK(s.problems[0].message == "is " + std::to_string(hash.size()) +
                                     " bytes long, over the 8192-byte limit; it was ignored");
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
    CHECK(hash.rfind("#a=a%26b%3Dc&m=50%25%20%2B%20more%20%231&m=%C3%A9&", 0) == 0);
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
  SECTION("six maximal names still fit in the 8 kB limit") {
    UrlState s;
    s.models.assign(kMaxUrlStateModels, std::string(kMaxUrlStateModelBytes, '%'));
    UrlState back = parseUrlState(formatUrlState(s));
    CHECK(back.problems.empty());
    CHECK(sameState(back, s));
  }
}

TEST_CASE("The state as JSON") {
  UrlState s = parseUrlState("#a=o3&req=-1");
  Json j = s;
  CHECK(j["models"] == Json::array({"o3"}));
  CHECK(j["workload"] == Json(Workload{}));
  CHECK(j["problems"] ==
        Json::parse(R"j([{"path": "req", "message": "cannot be negative (requests a month)"}])j"));
}
