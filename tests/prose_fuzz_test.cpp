// Walks a few hundred random pairs and models of the full catalog (data/catalog.json) through
// the pair answer (comparison + prose) and modelAnalysis, and checks every string for the defects a visitor
// would see: "undefined", "NaN", "inf", "null", empty strings, doubled spaces, "N% cheaper" with
// N ≥ 100, "$-", "1 models", and sentences that do not end with punctuation.
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "compare.hpp"
#include "model_analysis.hpp"
#include "prose.hpp"
#include "support.hpp"

using namespace versus;

namespace {

const Catalog& fullCatalog() {
  static const Catalog catalog = [] {
    LoadResult r = loadCatalog(versus::testing::readText("data/catalog.json"));
    if (!r.catalog) throw std::runtime_error("catalog invalid: " + describe(r.problems.at(0)));
    return std::move(*r.catalog);
  }();
  return catalog;
}

std::vector<std::string> words(const std::string& s, bool keepCase = false) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    bool inNumber = (ch == '.' || ch == ',') && !w.empty() &&
                    std::isdigit(static_cast<unsigned char>(w.back())) && i + 1 < s.size() &&
                    std::isdigit(static_cast<unsigned char>(s[i + 1]));
    if (inNumber || std::isalnum(static_cast<unsigned char>(ch))) {
      w += keepCase ? ch : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

// What is wrong with the ending and punctuation of a sentence.
std::vector<std::string> punctuationDefects(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  char last = s.back();
  if (last != '.' && last != '?' && last != '!') out.push_back("no closing punctuation");
  if (s.find("..") != std::string::npos) out.push_back("doubled period");
  if (s.find(" .") != std::string::npos || s.find(" ,") != std::string::npos)
    out.push_back("space before punctuation");
  return out;
}

// Every defect of one string; `sentence` when it is prose that must end like a sentence.
std::vector<std::string> defects(const std::string& s, bool sentence) {
  std::vector<std::string> out;
  if (s.empty()) return {"empty string"};
  if (std::isspace(static_cast<unsigned char>(s.front())) ||
      std::isspace(static_cast<unsigned char>(s.back())))
    out.push_back("leading or trailing space");
  if (s.find("  ") != std::string::npos) out.push_back("doubled space");
  if (s.find('\t') != std::string::npos || s.find('\n') != std::string::npos)
    out.push_back("tab or newline");
  if (s.find("$-") != std::string::npos) out.push_back("\"$-\"");
  std::vector<std::string> ws = words(s);
  std::vector<std::string> cased = words(s, true);  // the same words, as written
  for (size_t i = 0; i < ws.size(); ++i) {
    const std::string& w = ws[i];
    if (w == "a" && i + 1 < ws.size() && prose::article(ws[i + 1]) == "an" &&
        std::isdigit(static_cast<unsigned char>(ws[i + 1][0])))
      out.push_back("\"a " + ws[i + 1] + "\"");
    if (w == "undefined" || w == "nan" || w == "null" || w == "inf" || w == "infinity")
      out.push_back("the word \"" + w + "\"");
    // "1 routes" is a count that missed its singular; "Magistral Medium 1 scores 12.5" is a name
    // and a verb.
    bool afterName = i > 0 && std::isupper(static_cast<unsigned char>(cased[i - 1][0]));
    if (w == "1" && i + 1 < ws.size() && (i == 0 || ws[i - 1] != "of") && !afterName) {
      const std::string& next = ws[i + 1];
      for (const char* plural : {"models", "routes", "providers", "benchmarks", "capabilities",
                                 "points", "flags", "scores"})
        if (next == plural) out.push_back("\"1 " + next + "\"");
    }
  }
  for (size_t at = s.find("% cheaper"); at != std::string::npos; at = s.find("% cheaper", at + 1)) {
    size_t begin = at;
    while (begin > 0 && (std::isdigit(static_cast<unsigned char>(s[begin - 1])) ||
                         s[begin - 1] == ',' || s[begin - 1] == '.'))
      --begin;
    std::string digits;
    for (size_t i = begin; i < at; ++i)
      if (s[i] != ',') digits += s[i];
    if (!digits.empty() && std::stod(digits) >= 100)
      out.push_back("\"" + s.substr(begin, at - begin) + "% cheaper\"");
  }
  if (sentence)
    for (const std::string& d : punctuationDefects(s)) out.push_back(d);
  return out;
}

struct Finding {
  std::string where, text, problem;
};

void checkString(const Json& j, const std::string& where, bool sentence,
                 std::vector<Finding>& found) {
  if (!j.is_string()) {
    if (!j.is_null()) found.push_back({where, j.dump(), "not a string"});
    return;
  }
  std::string s = j.get<std::string>();
  for (const std::string& d : defects(s, sentence)) found.push_back({where, s, d});
}

// A string already checked by checkAll that must also read as a sentence.
void checkSentence(const Json& j, const std::string& where, std::vector<Finding>& found) {
  if (!j.is_string()) {
    found.push_back({where, j.dump(), "missing sentence"});
    return;
  }
  std::string s = j.get<std::string>();
  for (const std::string& d : punctuationDefects(s)) found.push_back({where, s, d});
}

// Every string in a JSON value (non-sentences: names, labels, cells).
void checkAll(const Json& j, const std::string& where, std::vector<Finding>& found) {
  if (j.is_string()) {
    checkString(j, where, false, found);
  } else if (j.is_object()) {
    for (const auto& item : j.items()) checkAll(item.value(), where + "." + item.key(), found);
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i)
      checkAll(j[i], where + "[" + std::to_string(i) + "]", found);
  } else if (j.is_number_float()) {
    double v = j.get<double>();
    if (v != v || v - v != 0) found.push_back({where, j.dump(), "non-finite number"});
  }
}

void checkPairProse(const Json& p, const std::string& label, std::vector<Finding>& found) {
  checkAll(p, label, found);
  checkSentence(p.value("headline", Json()), label + ".headline", found);
  checkSentence(p.value("verdict", Json()), label + ".verdict", found);
  for (const char* list : {"tradeoffs", "switchFriction", "deepDive"}) {
    const Json& items = p.at(list);
    if (!items.is_array() || items.empty())
      found.push_back({label + "." + list, "", "empty section"});
    for (size_t i = 0; i < items.size(); ++i)
      checkSentence(items[i], label + "." + list + "[" + std::to_string(i) + "]", found);
  }
  checkSentence(p.at("monthly").value("text", Json()), label + ".monthly.text", found);
  checkSentence(p.at("monthly").value("excluded", Json()), label + ".monthly.excluded", found);
  for (const Json& row : p.at("scorecard"))
    for (const char* key : {"signal", "a", "b"})
      if (!row.contains(key) || !row[key].is_string())
        found.push_back({label + ".scorecard", row.dump(), std::string("missing ") + key});
  if (p.at("faq").empty()) found.push_back({label + ".faq", "", "empty FAQ"});
  for (const Json& q : p.at("faq")) {
    std::string question = q.value("question", "");
    if (question.empty() || question.back() != '?')
      found.push_back({label + ".faq", question, "question without a question mark"});
    checkSentence(q.value("answer", Json()), label + ".faq.answer", found);
  }
}

void checkAnalysis(const Json& a, const std::string& label, std::vector<Finding>& found) {
  checkAll(a, label, found);
  if (!a.contains("summary") || a["summary"].empty())
    found.push_back({label + ".summary", "", "empty summary"});
  for (const Json& s : a.value("summary", Json::array()))
    checkSentence(s, label + ".summary", found);
}

// Deterministic on every platform (std::uniform_int_distribution is not).
struct Rng {
  uint64_t state;
  uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

std::string report(const std::vector<Finding>& found) {
  std::string out;
  for (size_t i = 0; i < found.size() && i < 20; ++i)
    out += found[i].where + ": " + found[i].problem + " in \"" + found[i].text + "\"\n";
  return out;
}

}  // namespace

TEST_CASE("The defect checker catches broken sentences") {
  CHECK_FALSE(defects("Model A is 97.9% cheaper than Model B.", true).size());
  CHECK_FALSE(defects("Magistral Medium 1 scores 12.5 on the index.", true).size());
  CHECK(defects("It is served by 1 routes.", true).size() == 1);
  CHECK(defects("Model A is ~7,307% cheaper than Model B.", true).size() == 1);
  CHECK(defects("Model A is 100.0% cheaper than Model B.", true).size() == 1);
  CHECK(defects("It costs $NaN per 1M tokens.", true).size() == 1);
  CHECK(defects("Context window: undefined.", true).size() == 1);
  CHECK(defects("The gap is $-3.72.", true).size() == 1);
  CHECK(defects("Two  spaces.", true).size() == 1);
  CHECK(defects("No full stop", true).size() == 1);
  CHECK(defects("", false).size() == 1);
  CHECK(defects("across 1 models.", true).size() == 1);
  CHECK(defects("Leads 1 of 1 shared.", true).empty());
  CHECK(defects("Ahead by 1.1 points.", true).empty());
  CHECK(defects("It has a 8k-token window.", true).size() == 1);
  CHECK(defects("GPT-5 nano is fast.", true).empty());  // "nano" is not "nan"

  // A whole broken page fails the page check.
  Json broken = pairProse(
      versus::testing::seedCatalog(),
      pairFacts(versus::testing::seedCatalog(),
                  *versus::testing::seedCatalog().findModel("openai/o3"),
                  *versus::testing::seedCatalog().findModel("openai/o4-mini"), Workload{}));
  std::vector<Finding> found;
  checkPairProse(broken, "clean", found);
  CHECK(found.empty());
  broken["tradeoffs"].push_back("o3 is 7,307% cheaper than o4-mini");
  found.clear();
  checkPairProse(broken, "broken", found);
  INFO(report(found));
  CHECK(found.size() == 2);  // "% cheaper" ≥ 100 and no closing punctuation
}

TEST_CASE("Random catalog pairs and models read without defects") {
  const Catalog& c = fullCatalog();
  REQUIRE(c.models.size() > 100);
  Rng rng{0x5eed2026ull};
  const double ratios[] = {0.7, 0.0, 1.0, 0.25, 0.5};
  const double requests[] = {1e6, 0, 1, 2.5e7, 1e12};
  std::vector<Finding> found;
  const int kPairs = 300;
  for (int i = 0; i < kPairs; ++i) {
    const Model& a = c.models[rng.below(c.models.size())];
    const Model& b = i % 50 == 0 ? a : c.models[rng.below(c.models.size())];  // some self-pairs
    Workload w;
    w.ratio = ratios[rng.below(5)];
    w.requests = requests[rng.below(5)];
    w.inputTokens = static_cast<double>(rng.below(200000));
    w.outputTokens = static_cast<double>(rng.below(20000));
    Json answer = answerCompare(c, a.id, b.id, w);
    checkPairProse(answer["result"]["prose"], a.id + " vs " + b.id, found);
    checkSentence(answer["result"]["verdict"], a.id + " vs " + b.id + ".comparison.verdict", found);
  }
  for (int i = 0; i < 150; ++i) {
    const Model& m = c.models[rng.below(c.models.size())];
    checkAnalysis(modelAnalysis(c, m, Workload{}), m.id, found);
  }
  INFO(report(found));
  CHECK(found.empty());
}

TEST_CASE("Sparse and edge models read without defects") {
  const Catalog& c = fullCatalog();
  // The models with the fewest facts, and ones without any priced route.
  std::vector<const Model*> sparse;
  for (const Model& m : c.models) {
    bool priced = false;
    for (const Offer* o : c.offersOf(m)) priced = priced || isRoutable(*o);
    if (!priced || !m.context || m.capabilities.empty()) sparse.push_back(&m);
    if (sparse.size() >= 40) break;
  }
  REQUIRE_FALSE(sparse.empty());
  std::vector<Finding> found;
  for (size_t i = 0; i + 1 < sparse.size(); i += 2) {
    checkPairProse(pairProse(c, pairFacts(c, *sparse[i], *sparse[i + 1], Workload{})),
                   sparse[i]->id + " vs " + sparse[i + 1]->id, found);
    checkAnalysis(modelAnalysis(c, *sparse[i], Workload{}), sparse[i]->id, found);
  }
  INFO(report(found));
  CHECK(found.empty());
}
