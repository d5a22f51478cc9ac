// The semantic checks of the catalog types (ranges, ids, dates, references to sources and
// benchmarks), written once and run by both loaders: from_json (catalog.cpp) as it reads a JSON
// document, and the pack reader (catalog_pack.cpp) on every value it decodes, so that a pack can
// never hold what a JSON catalog could not.
//
// `R` reports problems the way JsonReader does: problemAt(key, message) and context() (the ids
// facts may refer to); numberText(r, key, value) quotes a number in a message. A new check belongs
// here: a check of one member alone as a rule of its member list (catalog_members.hpp, run by both
// loaders), a check across members called from the type's from_json and from its decoded() below.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "catalog.hpp"
#include "catalog_members.hpp"

namespace versus::checks {

// A price per 1M tokens above this is almost certainly a unit error (per-token × 1e6 applied
// twice); below the lower bound, a per-token price stored where a per-1M price belongs.
inline constexpr double kMaxPricePerMillion = 10000.0;
inline constexpr double kMaxRequestFee = 100.0;  // USD per request
inline constexpr double kMinNonZeroPricePerMillion = 1e-4;
// Far beyond any real benchmark score, speed or parameter count (in billions); the engine subtracts
// and divides these, and 1e308 − (−1e308) is infinity (found by the fuzz invariants).
inline constexpr double kMaxFactNumber = 1e9;
// A speed (tokens per second, seconds) above zero but below this is not a measurement; the engine
// divides by speeds, and 1000 tokens ÷ 5e-324 tokens/s is infinity (found by the fuzz invariants).
inline constexpr double kMinNonZeroSpeed = 1e-3;

// A number from a JSON document, quoted as it is written there.
inline std::string numberText(const JsonReader& r, std::string_view key, double) {
  return r.json().at(std::string(key)).dump();
}

// Text shown as a name: no leading or trailing white space, no control characters.
inline bool isDisplayText(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  if (s.empty() || space(s.front()) || space(s.back())) return false;
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// ---- leaf checks ----

// A fact's (or offer's, provider's) source is a key of the catalog's `sources`; its date, when
// given, a date.
template <class R>
bool sourceAndDate(const R& r, const std::string& source, const std::string& date) {
  bool ok = true;
  if (r.context() && !r.context()->sourceIds.count(source)) {
    r.problemAt("source", "names source \"" + source + "\", which is not in the catalog's sources");
    ok = false;
  }
  if (!date.empty() && !isDate(date)) {
    r.problemAt("date", "expected a date like 2026-07-02, got \"" + date + "\"");
    ok = false;
  }
  return ok;
}

template <class R>
bool priceValue(const R& r, std::string_view key, const std::optional<double>& value) {
  if (!value) return true;
  if (*value < 0) {
    r.problemAt(key, "price cannot be negative, got " + numberText(r, key, *value));
    return false;
  }
  if (*value > kMaxPricePerMillion || (*value > 0 && *value < kMinNonZeroPricePerMillion)) {
    r.problemAt(key, "price " + numberText(r, key, *value) +
                         " per 1M tokens is outside the sane range; prices are USD per 1M tokens");
    return false;
  }
  return true;
}

template <class R>
bool tokenCount(const R& r, std::string_view key, const std::optional<int64_t>& count) {
  if (count && *count <= 0) {
    r.problemAt(key, "token count must be positive, got " + std::to_string(*count));
    return false;
  }
  return true;
}

template <class R>
bool id(const R& r, std::string_view key, const std::string& value) {
  if (isId(value)) return true;
  r.problemAt(key, "\"" + value + "\" is not a valid id (lower-case letters, digits and ._:/@+-)");
  return false;
}

template <class R>
bool dateFact(const R& r, std::string_view key, const MaybeFact<std::string>& f) {
  if (!f || isDate(f->value)) return true;
  r.problemAt(std::string(key) + ".value",
              "expected a date like 2024-09-25, got \"" + f->value + "\"");
  return false;
}

// ---- what each type's from_json checks once its members are read ----

template <class R>
bool schema(const R& r, const std::string& schema) {
  if (schema == kCatalogSchema) return true;
  r.problemAt("schema", "expected \"" + std::string(kCatalogSchema) + "\", got \"" + schema + "\"");
  return false;
}

template <class R>
bool source(const R& r, const Source& s) {
  if (s.date.empty() || isDate(s.date)) return true;
  r.problemAt("date", "expected a date like 2026-07-02, got \"" + s.date + "\"");
  return false;
}

template <class R>
bool benchmark(const R& r, const Benchmark& b) {
  return id(r, "id", b.id);
}

template <class R>
bool provider(const R& r, const Provider& p) {
  bool ok = id(r, "id", p.id) && sourceAndDate(r, p.source, "");
  if (!p.type.empty() &&
      std::find(kProviderTypes.begin(), kProviderTypes.end(), p.type) == kProviderTypes.end()) {
    r.problemAt("type", "is not a provider type (lab, cloud, host, gateway or reseller)");
    ok = false;
  }
  if (!p.maker.empty() && p.type != "lab") {
    r.problemAt("maker", "is a lab's: only a provider of type lab has a maker");
    ok = false;
  }
  return ok;
}

template <class R>
bool tierStart(const R& r, const TierPrice& t) {
  if (t.start > 0) return true;
  r.problemAt("start", "tier start must be a positive token count");
  return false;
}

// A regional multiplier on every rate: above 1 (a region costs more, never less) and at most 3.
inline constexpr double kMaxRegionUplift = 3.0;
template <class R>
bool regionUplift(const R& r, const std::map<std::string, double>& uplift) {
  for (const auto& [region, factor] : uplift) {
    if (region.empty() || region.size() > 40 || !isDisplayText(region)) {
      r.problemAt("regionUplift", "a region must be a short label (up to 40 bytes)");
      return false;
    }
    if (!(factor >= 1 && factor <= kMaxRegionUplift)) {
      r.problemAt("regionUplift." + region,
                  "a regional uplift must be between 1 and 3, got " + std::to_string(factor));
      return false;
    }
  }
  return true;
}

template <class R, class P>
bool tierOrder(const R& r, const P& p) {
  for (size_t i = 1; i < p.tiers.size(); ++i) {
    if (p.tiers[i].start <= p.tiers[i - 1].start) {
      r.problemAt("tiers", "tiers must be in increasing order of start");
      return false;
    }
  }
  return true;
}

// One day (YYYY-MM-DD) and where it came from, and a price or a free tier, never both.
template <class R>
bool pricePoint(const R& r, const PricePoint& p) {
  bool ok = sourceAndDate(r, p.source, "");
  const char* first = nullptr;
  for (auto [key, day] : {std::pair{"from", &p.from}, {"until", &p.until}, {"seen", &p.seen}}) {
    if (day->empty()) continue;
    if (first) {
      r.problemAt(key, std::string("a price point has one day, but it has \"") + first + "\" too");
      ok = false;
    } else if (!isDay(*day)) {
      r.problemAt(key, "expected a day like 2026-08-17, got \"" + *day + "\"");
      ok = false;
    }
    first = key;
  }
  if (!first) {
    r.problemAt("from", "a price point needs its day: \"from\", \"until\" or \"seen\"");
    ok = false;
  }
  if (p.free == p.price.has_value()) {
    r.problemAt("price", p.free ? "a free tier has no price: drop \"price\" or \"free\""
                                : "is required (or \"free\": true)");
    ok = false;
  }
  return ok;
}

template <class R>
bool offer(const R& r, const Offer& o) {
  if (o.free && o.price && (o.price->input || o.price->output)) {
    r.problemAt("price", "a free tier has no price: drop \"price\" or \"free\"");
    return false;
  }
  if (o.deployment.size() > 40 || (!o.deployment.empty() && !isDisplayText(o.deployment))) {
    r.problemAt("deployment", "must be a short label (up to 40 bytes, no control characters)");
    return false;
  }
  if (o.region.size() > 40 || (!o.region.empty() && !isDisplayText(o.region))) {
    r.problemAt("region", "must be a short label (up to 40 bytes, no control characters)");
    return false;
  }
  for (size_t i = 1; i < o.history.size(); ++i) {
    if (o.history[i].day() < o.history[i - 1].day()) {
      r.problemAt("history[" + std::to_string(i) + "]", "price points must be in order of day");
      return false;
    }
  }
  if (!o.retires.empty() && !isDay(o.retires)) {
    r.problemAt("retires", "expected a day like 2026-08-17, got \"" + o.retires + "\"");
    return false;
  }
  return sourceAndDate(r, o.source, o.date);
}

// `readOk`: whether every member was read (from_json skips the id check otherwise).
template <class R>
bool model(const R& r, const Model& m, bool readOk) {
  bool ok = readOk && id(r, "id", m.id);
  ok = allOf(
      {dateFact(r, "released", m.released), dateFact(r, "knowledgeCutoff", m.knowledgeCutoff), ok});
  if (m.name.empty()) {
    r.problemAt("name", "must not be empty");
    ok = false;
  } else if (!isDisplayText(m.name)) {
    r.problemAt("name", "must not start or end with white space or hold control characters");
    ok = false;
  }
  if (!isModelKind(m.kind)) {
    r.problemAt("kind", notAModelKind());
    ok = false;
  }
  for (const auto& capability : m.capabilities) {
    const std::string& key = capability.first;
    bool known = std::any_of(kCapabilities.begin(), kCapabilities.end(),
                             [&](const CapabilityInfo& c) { return c.id == key; });
    if (!known) {
      r.problemAt("capabilities." + key, "is not a known capability");
      ok = false;
    }
  }
  for (const auto& [key, fact] : m.speed) {
    if (std::find(kSpeedKeys.begin(), kSpeedKeys.end(), key) == kSpeedKeys.end()) {
      r.problemAt("speed." + key, "is not a known speed metric");
      ok = false;
    } else if (fact.value < 0) {
      r.problemAt("speed." + key + ".value", "cannot be negative");
      ok = false;
    } else if (fact.value > kMaxFactNumber || (fact.value > 0 && fact.value < kMinNonZeroSpeed)) {
      r.problemAt("speed." + key + ".value", "is outside the range of real figures");
      ok = false;
    }
  }
  for (const auto& [key, fact] : m.indexRun) {
    if (std::find(kIndexRunKeys.begin(), kIndexRunKeys.end(), key) == kIndexRunKeys.end()) {
      r.problemAt("indexRun." + key, "is not a known figure of an index run");
      ok = false;
    } else if (fact.value < 0 || fact.value > kMaxFactNumber) {
      r.problemAt("indexRun." + key + ".value", "is outside the range of real figures");
      ok = false;
    }
  }
  for (const auto& [key, fact] : m.benchmarks) {
    if (r.context() && !r.context()->benchmarkIds.count(key)) {
      r.problemAt("benchmarks." + key, "is not a benchmark listed in the catalog's benchmarks");
      ok = false;
    } else if (std::fabs(fact.value) > kMaxFactNumber) {
      r.problemAt("benchmarks." + key + ".value", "is too large to be a real score");
      ok = false;
    }
  }
  for (auto* count : {&m.context, &m.maxOutput}) {
    if (*count && (*count)->value <= 0) {
      r.problemAt(count == &m.context ? "context.value" : "maxOutput.value",
                  "token count must be positive");
      ok = false;
    }
  }
  for (auto* params : {&m.parameters, &m.activeParameters}) {
    if (*params && ((*params)->value <= 0 || (*params)->value > kMaxFactNumber)) {
      r.problemAt(params == &m.parameters ? "parameters.value" : "activeParameters.value",
                  (*params)->value <= 0 ? "parameter count must be positive"
                                        : "is too large to be a parameter count in billions");
      ok = false;
    }
  }
  return ok;
}

// ---- a value decoded whole (the pack reader): what its members' rules check (from_json checks
// them as it reads each member), then what from_json checks after. Members that are objects are
// checked on their own. ----

template <class R>
class MemberChecks {
 public:
  explicit MemberChecks(const R& r) : r_(r) {}
  bool ok = true;

  template <class T, class Rule = members::Optional>
  void field(const char*, T&, Rule = {}) {}  // optional or required: a decoded member is there
  void field(const char* key, std::optional<double>& v, members::PriceValue) {
    ok = priceValue(r_, key, v) && ok;
  }
  void field(const char* key, std::optional<int64_t>& v, members::TokenCount) {
    ok = tokenCount(r_, key, v) && ok;
  }
  void field(const char*, std::string& v, members::Schema) { ok = schema(r_, v) && ok; }
  void sourcesAndBenchmarksRead(Catalog&) {}

 private:
  const R& r_;
};

template <class R, class T>
bool memberChecks(const R& r, T& x) {
  MemberChecks<R> m(r);
  members::visit(m, x);
  return m.ok;
}

template <class R>
bool requestFee(const R& r, const std::optional<double>& fee) {
  if (!fee || (*fee >= 0 && *fee <= kMaxRequestFee)) return true;
  r.problemAt("request", "a fee per request must be between $0 and $100, got " +
                             numberText(r, "request", *fee));
  return false;
}

template <class R>
bool decoded(const R& r, Source& s) {
  bool ok = memberChecks(r, s);
  return source(r, s) && ok;
}
template <class R>
bool decoded(const R& r, Benchmark& b) {
  return memberChecks(r, b) && benchmark(r, b);
}
template <class R>
bool decoded(const R& r, Provider& p) {
  return memberChecks(r, p) && provider(r, p);
}
template <class R>
bool decoded(const R& r, TierPrice& t) {
  return memberChecks(r, t) && tierStart(r, t);
}
// The fee is checked with the prices, whatever they hold (from_json: only once they all read).
template <class R>
bool decoded(const R& r, Price& p) {
  return allOf({memberChecks(r, p), requestFee(r, p.request), regionUplift(r, p.regionUplift)}) &&
         tierOrder(r, p);
}
template <class R>
bool decoded(const R& r, ServicePrice& p) {
  return memberChecks(r, p) && tierOrder(r, p);
}
template <class R>
bool decoded(const R& r, PriceAlternative& a) {
  return memberChecks(r, a) && sourceAndDate(r, a.source, a.date);
}
template <class R>
bool decoded(const R& r, PricePoint& p) {
  return memberChecks(r, p) && pricePoint(r, p);
}
template <class R>
bool decoded(const R& r, Offer& o) {
  return memberChecks(r, o) && offer(r, o);
}
template <class R>
bool decoded(const R& r, Model& m) {
  bool ok = memberChecks(r, m);
  return model(r, m, ok);
}
template <class R>
bool decoded(const R& r, Catalog& c) {
  return memberChecks(r, c);
}
template <class R, class T>
bool decoded(const R& r, Fact<T>& f) {
  return memberChecks(r, f) && sourceAndDate(r, f.source, f.date);
}
template <class R, class T>
bool decoded(const R& r, Alternative<T>& a) {
  return memberChecks(r, a) && sourceAndDate(r, a.source, a.date);
}

}  // namespace versus::checks
