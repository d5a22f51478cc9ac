// What must hold for ANY input, one function per fuzz target. The libFuzzer targets call these on
// every generated input (a violation traps, so libFuzzer keeps the input as a finding), and
// tests/fuzz_regressions_test.cpp replays every kept finding through them with VERSUS_CHECK
// defined as Catch2's REQUIRE.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "catalog_pack.hpp"
#include "compare.hpp"
#include "options.hpp"
#include "overrides.hpp"
#include "pricing.hpp"
#include "search.hpp"
#include "url_state.hpp"

#ifndef VERSUS_CHECK
#define VERSUS_CHECK(condition)                                                               \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "invariant failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      __builtin_trap();                                                                       \
    }                                                                                         \
  } while (0)
#endif

namespace versus::fuzz {

// Every number in an answer is finite: nlohmann would write NaN and infinity as null, which the
// page would show as "unknown" (or worse), so they are checked in the tree, before dumping.
inline void checkFinite(const Json& j) {
  if (j.is_number_float()) {
    VERSUS_CHECK(std::isfinite(j.get<double>()));
  } else if (j.is_structured()) {
    for (const Json& child : j) checkFinite(child);
  }
}

// An engine answer: {"ok": true, "result": …} or {"ok": false, "error": "…"}, finite, and
// dumpable (dump() throws on text that is not UTF-8).
inline void checkAnswer(const Json& j) {
  VERSUS_CHECK(j.is_object() && j.contains("ok") && j["ok"].is_boolean());
  if (j["ok"].get<bool>())
    VERSUS_CHECK(j.contains("result"));
  else
    VERSUS_CHECK(j.contains("error") && j["error"].is_string() && !j["error"].empty());
  checkFinite(j);
  VERSUS_CHECK(!j.dump().empty());
}

inline void checkProblems(const std::vector<Problem>& problems) {
  for (const Problem& p : problems) VERSUS_CHECK(!p.message.empty());
  VERSUS_CHECK(!Json(problems).dump().empty());
}

// The fixture catalog the option and URL targets ask their questions of.
inline const Catalog& seedCatalog() {
  static const LoadResult loaded = [] {
    std::FILE* f = std::fopen(VERSUS_SOURCE_DIR "/tests/fixtures/seed-catalog.json", "rb");
    VERSUS_CHECK(f != nullptr);
    std::string text;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
    std::fclose(f);
    return loadCatalog(text);
  }();
  VERSUS_CHECK(loaded.catalog.has_value());
  return *loaded.catalog;
}

// fuzz_catalog: loadCatalog on any bytes; a catalog that loads answers every question.
// A catalog that loaded (from JSON or a pack): the engine answers over it.
inline void checkLoadedCatalog(const Catalog& c) {
  if (c.models.empty()) return;
  const Model& first = c.models.front();
  const Model& last = c.models.back();
  Workload seed;                                          // the defaults
  Json pair = answerCompare(c, first.id, last.id, seed);  // first == last in a one-model catalog
  checkAnswer(pair);
  VERSUS_CHECK(pair["ok"] == true);               // ids always resolve
  checkAnswer(answerModel(c, first.name, seed));  // by name, through search
  Json hits = searchJson(c, last.name, 5);
  VERSUS_CHECK(hits.is_array() && hits.size() <= 5);
  VERSUS_CHECK(!hits.dump().empty());
  VERSUS_CHECK(searchJson(c, "", 3).size() == std::min<size_t>(3, c.models.size()));
}

// fuzz_catalog: any bytes as catalog JSON.
inline void checkCatalogInput(std::string_view text) {
  LoadResult r = loadCatalog(text);
  VERSUS_CHECK(r.catalog.has_value() == r.problems.empty());
  checkProblems(r.problems);
  if (r.catalog) checkLoadedCatalog(*r.catalog);
}

// fuzz_pack: any bytes as a catalog pack. What cannot be decoded is one "pack: " problem; what
// loads packs again to bytes that load to the same catalog (written the same way twice). What the
// engine answers over a loaded catalog is fuzz_catalog's part (the same Catalog, the same checks);
// here it would cost two thirds of the executions.
inline void checkPackInput(std::string_view bytes) {
  LoadResult r = loadCatalogPack(bytes);
  VERSUS_CHECK(r.catalog.has_value() == r.problems.empty());
  checkProblems(r.problems);
  if (!r.catalog) {
    bool undecodable = r.problems.front().message.rfind("pack: ", 0) == 0;
    VERSUS_CHECK(!undecodable || r.problems.size() == 1);
    return;
  }
  std::string again = packCatalog(*r.catalog);
  LoadResult back = loadCatalogPack(again);
  VERSUS_CHECK(back.catalog.has_value());
  VERSUS_CHECK(packCatalog(*back.catalog) == again);
}

// fuzz_url_state: any hash parses into a valid state that survives a round trip.
inline void checkUrlStateInput(std::string_view hash) {
  UrlState s = parseUrlState(hash);
  VERSUS_CHECK(validateWorkload(s.workload).empty());
  VERSUS_CHECK(s.models.size() <= kMaxUrlStateModels);
  VERSUS_CHECK(s.models.empty() || !s.models.back().empty());
  for (const std::string& m : s.models) VERSUS_CHECK(m.size() <= kMaxUrlStateModelBytes);
  for (const Problem& p : s.problems) VERSUS_CHECK(!p.path.empty() && !p.message.empty());
  VERSUS_CHECK(!Json(s).dump().empty());  // names and messages are UTF-8

  std::string canonical = formatUrlState(s);
  VERSUS_CHECK(canonical.size() <= kMaxUrlStateBytes);
  UrlState back = parseUrlState(canonical);
  VERSUS_CHECK(back.problems.empty());
  VERSUS_CHECK(sameState(back, s));
  VERSUS_CHECK(formatUrlState(back) == canonical);
  // What the page then asks the engine is covered by checkOptionsInput: any UTF-8 names, any
  // workload that validates (a superset of what a hash can hold), so it is not repeated here.
}

// fuzz_overrides: any text as the visitor's custom prices (what the page's Custom prices form and
// its saved state send to setOverrides). What reads and applies to the seed catalog is a catalog
// the engine answers over, with every private model and every overridden model comparable.
inline void checkOverridesInput(std::string_view text) {
  Overrides o;
  std::vector<Problem> problems;
  bool read = readJsonText(text, "overrides", o, problems);
  VERSUS_CHECK(read == problems.empty());
  checkProblems(problems);
  for (const Problem& p : problems) VERSUS_CHECK(p.path.rfind("overrides", 0) == 0);
  if (!read) return;
  Json again = o;
  VERSUS_CHECK(!again.dump().empty());
  std::optional<Catalog> c = applyOverrides(seedCatalog(), o, problems);
  VERSUS_CHECK(c.has_value() == problems.empty());
  checkProblems(problems);
  if (!c) return;
  VERSUS_CHECK(c->models.size() == seedCatalog().models.size() + o.models.size());
  Workload seed;
  const std::string& anchor = seedCatalog().models.front().id;
  for (const PrivateModel& m : o.models) {
    Json answer = answerCompare(*c, privateModelId(m.name), anchor, seed);
    checkAnswer(answer);
    VERSUS_CHECK(answer["ok"] == true);
  }
  for (const PriceOverride& p : o.prices) {
    Json answer = answerModel(*c, p.model, seed);
    checkAnswer(answer);
    VERSUS_CHECK(answer["ok"] == true);
  }
}

// fuzz_options: words split on NUL or newline; what parses is a valid workload the engine can
// price.
inline void checkOptionsInput(std::string_view input) {
  std::vector<std::string> args;
  for (size_t start = 0;;) {
    size_t end = input.find_first_of(std::string_view("\0\n", 2), start);
    args.emplace_back(input.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (input.empty()) args.clear();
  ParsedOptions p = parseOptions(args);
  VERSUS_CHECK(p.options.has_value() == p.error.empty());
  if (!p.options) return;
  const CliOptions& o = *p.options;
  VERSUS_CHECK(validateWorkload(o.workload).empty());
  VERSUS_CHECK(o.limit >= 1 && o.limit <= 10000);
  const Catalog& c = seedCatalog();
  if (o.command == "compare" && o.arguments.size() == 2)
    checkAnswer(answerCompare(c, o.arguments[0], o.arguments[1], o.workload));
  else if (o.command == "model" && o.arguments.size() == 1)
    checkAnswer(answerModel(c, o.arguments[0], o.workload));
  else if (o.command == "search" && o.arguments.size() == 1)
    VERSUS_CHECK(searchJson(c, o.arguments[0], static_cast<size_t>(o.limit)).size() <=
                 static_cast<size_t>(o.limit));
}

}  // namespace versus::fuzz
