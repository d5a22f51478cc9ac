#include "url_state.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

#include "json_reader.hpp"
#include "options.hpp"

namespace versus {

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `+` is a space and `%XX` a byte; unknown when a `%` is not followed by two hex digits.
std::optional<std::string> percentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = hexValue(s[i + 1]), lo = hexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Letters, digits, -._~, the /:@ of ids and the , of lists stay as they are; every other byte is
// %XX.
std::string percentEncode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::string_view("-._~/:@,").find(ch) != std::string_view::npos;
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string_view trimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Why text cannot be shown or used as a name, or nullptr when it can: it must be UTF-8 (the JSON
// the engine writes requires it) without control characters (C0, DEL, C1).
const char* textProblem(std::string_view s) {
  if (!isUtf8(s)) return "is not valid UTF-8";
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F;
    if (c < 0x20 || c == 0x7F || c1) return "contains a control character";
  }
  return nullptr;
}

// A value quoted in a message, when it is short and printable.
std::string shown(std::string_view value) {
  if (value.empty()) return "nothing";
  if (value.size() > 40 || textProblem(value)) return "a long or unprintable value";
  return "\u201c" + std::string(value) + "\u201d";
}

// The shortest decimal text that reads back as exactly `v`, without the `+` of "1e+20" (a `+` in a
// hash is a space).
std::string exactNumber(double v) {
  char buf[40];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s = buf;
  size_t e = s.find('e');
  if (e == std::string::npos) return s;
  std::string exponent = s.substr(e + 1);  // "+20", "-07"
  bool negative = exponent[0] == '-';
  size_t digits = exponent.find_first_not_of("+-0");
  return s.substr(0, e + 1) + (negative ? "-" : "") +
         (digits == std::string::npos ? "0" : exponent.substr(digits));
}

// Every key the hash holds: its name, the long name the widget also accepts, and what it is to a
// visitor (in problem sentences).
struct UrlKey {
  std::string_view key;
  std::string_view alias;
  std::string_view what;
};
// The pair's own keys (the models and their traffic); the others are the tools' and the widget's.
bool isPairKey(std::string_view key) {
  for (std::string_view k : {"a", "b", "model", "ratio", "req", "in", "out", "hash"})
    if (key == k) return true;
  return false;
}
constexpr UrlKey kUrlKeys[] = {
    {"a", "", "model A"},
    {"b", "", "model B"},
    {"model", "", "model"},
    {"ratio", "", "input share"},
    {"req", "requests", "requests a month"},
    {"in", "input", "input tokens per request"},
    {"out", "output", "output tokens per request"},
    {"tool", "", "view"},
    {"cache", "", "cache hit rate"},
    {"cwrite", "", "cache write rate"},
    {"batch", "", "batch share"},
    {"long", "", "share of long prompts"},
    {"longin", "", "long prompt length"},
    {"routes", "", "route choice"},
    {"on", "", "price date"},
    {"reasoning", "", "reasoning basis"},
    {"tier", "", "service tier"},
    {"ttl", "", "cache lifetime"},
    {"region", "", "region"},
    {"cap", "", "capability list"},
    {"minctx", "", "minimum context"},
    {"ow", "", "open-weights filter"},
    {"bench", "", "benchmark"},
    {"minscore", "", "minimum score"},
    {"prov", "", "provider"},
    {"offer", "", "row choice"},
    {"top", "", "number of ranked rows"},
    {"rsort", "", "ranking order"},
    {"m", "", "extra model"},
    {"custom", "", "custom prices"},
    {"sbench", "", "chart benchmark"},
    {"theme", "", "theme"},
};

const UrlKey* findKey(std::string_view key) {
  for (const UrlKey& k : kUrlKeys)
    if (key == k.key || (!k.alias.empty() && key == k.alias)) return &k;
  return nullptr;
}

// The workload's numeric keys, in the order formatUrlState writes them; the pair's four are always
// written, the details only when set.
struct NumberKey {
  std::string_view key;
  double Workload::*member;
  bool always;
};
constexpr NumberKey kNumberKeys[] = {{"ratio", &Workload::ratio, true},
                                     {"req", &Workload::requests, true},
                                     {"in", &Workload::inputTokens, true},
                                     {"out", &Workload::outputTokens, true},
                                     {"cache", &Workload::cacheHitRate, false},
                                     {"cwrite", &Workload::cacheWriteRate, false},
                                     {"batch", &Workload::batchShare, false},
                                     {"long", &Workload::longShare, false},
                                     {"longin", &Workload::longInputTokens, false}};

const NumberKey* findNumberKey(std::string_view key) {
  for (const NumberKey& n : kNumberKeys)
    if (key == n.key) return &n;
  return nullptr;
}

const WorkloadChoice* findChoice(std::string_view key) {
  for (const WorkloadChoice& c : kWorkloadChoices)
    if (key == c.hashKey) return &c;
  return nullptr;
}

const WorkloadField& fieldOf(double Workload::*member) {
  for (const WorkloadField& f : kWorkloadFields)
    if (f.member == member) return f;
  return kWorkloadFields[0];  // unreachable: every number key is a workload field
}

// Whether a value can be an id of the catalog's benchmarks or providers (bench=, sbench=, prov=).
bool isUrlId(std::string_view s) {
  if (s.size() > kMaxUrlIdBytes) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) &&
        std::string_view("._:@/-").find(c) == std::string_view::npos)
      return false;
  return true;
}

bool isCapabilityId(std::string_view s) {
  if (s.empty() || s.size() > 41 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

bool isToolView(std::string_view v) {
  return std::find(std::begin(kToolViews), std::end(kToolViews), v) != std::end(kToolViews);
}

std::string toolList() {
  std::string out;
  for (std::string_view v : kToolViews) {
    if (v.empty()) continue;
    if (!out.empty()) out += ", ";
    out.append(v);
  }
  return out;
}

// Why `value` cannot be a model name (a=, b=, m=, model=), or "" when it can.
std::string modelNameProblem(std::string_view value) {
  if (value.size() > kMaxUrlStateModelBytes)
    return "is a model name of " + std::to_string(value.size()) + " bytes; the limit is " +
           std::to_string(kMaxUrlStateModelBytes);
  if (const char* why = textProblem(value)) return std::string("is not a model name: it ") + why;
  return "";
}

// A price in the custom= text: a number from 0 to the visitor's limit, or null (unknown).
bool customPrice(const Json& j, std::optional<double>& out) {
  if (j.is_null()) return true;
  if (!j.is_number()) return false;
  double v = j.get<double>();
  if (!std::isfinite(v) || v < 0 || v > kMaxVisitorPrice) return false;
  out = v;
  return true;
}

std::string limitText(double v) { return exactNumber(v); }

// Cell `i` of a custom= row, null past its end (a short row leaves the rest unknown).
const Json& cellOf(const Json& row, size_t i) {
  static const Json kNull = nullptr;
  return i < row.size() ? row[i] : kNull;
}

}  // namespace

std::optional<std::string> decodeCustomText(std::string_view text, Overrides& out) {
  out = Overrides{};
  if (text.empty()) return "it is empty";
  if (text.size() > kMaxUrlCustomBytes)
    return "it is longer than " + std::to_string(kMaxUrlCustomBytes) + " bytes";
  if (!isUtf8(text)) return "it is not valid UTF-8";
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return "it is not valid JSON";
  if (!j.is_object()) return "it is not an object";
  static const Json kNone = Json::array();
  const Json& p = j.contains("p") && j["p"].is_array() ? j["p"] : kNone;
  const Json& m = j.contains("m") && j["m"].is_array() ? j["m"] : kNone;
  if (p.size() + m.size() > kMaxOverrides)
    return "it has more than " + std::to_string(kMaxOverrides) + " entries";
  std::string priceRange = "a number from 0 to " + limitText(kMaxVisitorPrice);
  for (const Json& row : p) {
    if (!row.is_array() || row.empty() || !row[0].is_string() ||
        row[0].get<std::string>().empty() ||
        row[0].get<std::string>().size() > kMaxUrlStateModelBytes)
      return "a price names no model";
    PriceOverride e;
    e.model = row[0].get<std::string>();
    auto cell = [&](size_t i) -> const Json& { return cellOf(row, i); };
    if (!cell(1).is_null() && !cell(1).is_string())
      return "the provider for " + e.model + " is not text";
    if (cell(1).is_string()) e.provider = cell(1).get<std::string>();
    if (!customPrice(cell(2), e.input) || !customPrice(cell(3), e.output) ||
        !customPrice(cell(4), e.cacheRead))
      return "a price for " + e.model + " is not " + priceRange;
    if (!e.input && !e.output && !e.cacheRead) return "the entry for " + e.model + " sets no price";
    out.prices.push_back(std::move(e));
  }
  for (const Json& row : m) {
    if (!row.is_array() || row.empty() || !row[0].is_string() ||
        std::string(trimSpaces(row[0].get<std::string>())).empty() ||
        row[0].get<std::string>().size() > kMaxPrivateNameBytes)
      return "a private model has no name";
    PrivateModel e;
    e.name = row[0].get<std::string>();
    auto cell = [&](size_t i) -> const Json& { return cellOf(row, i); };
    std::optional<double> input, output;
    if (!customPrice(cell(1), input) || !customPrice(cell(2), output) || !input || !output)
      return "the prices of " + e.name + " are not numbers from 0 to " +
             limitText(kMaxVisitorPrice);
    e.input = *input;
    e.output = *output;
    if (!cell(3).is_null()) {
      const Json& c = cell(3);
      if (!c.is_number() || !std::isfinite(c.get<double>()) || c.get<double>() < 0 ||
          c.get<double>() > 1e9 || c.get<double>() != std::floor(c.get<double>()))
        return "the context of " + e.name + " is not a token count";
      e.context = static_cast<int64_t>(c.get<double>());
    }
    out.models.push_back(std::move(e));
  }
  return std::nullopt;
}

std::string encodeCustomText(const Overrides& o) {
  if (o.empty()) return "";
  auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
  Json j = Json::object();
  if (!o.prices.empty()) {
    Json p = Json::array();
    for (const PriceOverride& x : o.prices)
      p.push_back({x.model, x.provider.empty() ? Json(nullptr) : Json(x.provider), opt(x.input),
                   opt(x.output), opt(x.cacheRead)});
    j["p"] = std::move(p);
  }
  if (!o.models.empty()) {
    Json m = Json::array();
    for (const PrivateModel& x : o.models)
      m.push_back({x.name, x.input, x.output, x.context ? Json(*x.context) : Json(nullptr)});
    j["m"] = std::move(m);
  }
  return dumpJson(j);
}

UrlState parseUrlState(std::string_view hash) {
  UrlState s;
  auto problem = [&](std::string_view key, std::string message) {
    s.problems.push_back({std::string(key), std::move(message)});
  };
  if (hash.size() > kMaxUrlStateBytes) {
    problem("hash", "is " + std::to_string(hash.size()) + " bytes long, over the " +
                        std::to_string(kMaxUrlStateBytes) + "-byte limit; it was ignored");
    return s;
  }
  if (!hash.empty() && hash[0] == '#') hash.remove_prefix(1);

  std::string a, b;
  std::vector<std::string> more;  // m=…, in order
  std::set<std::string_view> seen;
  bool scoreGiven = false;
  while (!hash.empty()) {
    size_t amp = hash.find('&');
    std::string_view part = hash.substr(0, amp);
    hash.remove_prefix(amp == std::string_view::npos ? hash.size() : amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::optional<std::string> name = percentDecode(part.substr(0, eq));
    if (!name) continue;  // not one of ours: they are plain letters
    const UrlKey* k = findKey(*name);
    if (!k) continue;  // unknown keys are someone else's
    std::string_view key = k->key;
    if (key != "m" && !seen.insert(key).second) {
      problem(key, "is given more than once; the first one is used");
      continue;
    }
    std::optional<std::string> decoded =
        percentDecode(eq == std::string_view::npos ? "" : part.substr(eq + 1));
    if (!decoded) {
      problem(key, "has a malformed percent escape (% must be followed by two hex digits)");
      continue;
    }
    std::string_view value = trimSpaces(*decoded);

    if (key == "a" || key == "b" || key == "m" || key == "model") {
      if (value.empty()) continue;  // no model chosen
      if (std::string why = modelNameProblem(value); !why.empty()) {
        problem(key, why);
        continue;
      }
      if (key == "m") {
        // The same extra model twice is one column.
        if (std::find(more.begin(), more.end(), value) == more.end()) more.emplace_back(value);
      } else {
        (key == "a" ? a : key == "b" ? b : s.model) = value;
      }
      continue;
    }
    if (const NumberKey* n = findNumberKey(key)) {
      std::optional<double> number = parseNumber(value);
      if (!number) {
        problem(key, "is not a number (it is " + shown(value) + ")");
        continue;
      }
      const WorkloadField& f = fieldOf(n->member);
      double v = *number + 0.0;  // "-0" is 0
      if (f.share && (v < 0 || v > 1)) {
        problem(key, "is not a share from 0 to 1 (it is " + shown(value) + ")");
      } else if (v < 0) {
        problem(key, "cannot be negative (it is " + shown(value) + ")");
      } else if (v > f.max) {
        problem(key, "is over the limit of " + limitText(f.max) + " (it is " + shown(value) + ")");
      } else {
        s.workload.*n->member = v;
      }
      continue;
    }
    if (key == "minctx" || key == "minscore") {
      std::optional<double> number = parseNumber(value);
      double limit = key == "minctx" ? 1e9 : kMaxUrlMinScore;
      double low = key == "minctx" ? 0 : -kMaxUrlMinScore;
      if (!number || *number < low || *number > limit) {
        problem(key, "is not a number from " + limitText(low) + " to " + limitText(limit) +
                         " (it is " + shown(value) + ")");
      } else if (key == "minctx") {
        s.rank.minContext = *number + 0.0;
      } else {
        s.rank.minScore = *number + 0.0;
        scoreGiven = true;
      }
      continue;
    }
    if (key == "tool") {
      if (isToolView(value))
        s.tool = value;
      else
        problem(key, "is not one of " + toolList() + " (it is " + shown(value) + ")");
      continue;
    }
    if (key == "on") {
      // Prices as on a day (Workload::on, src/price_history.hpp); empty is today's.
      if (isDay(value))
        s.workload.on = value;
      else if (!value.empty())
        problem(key, "is not a day as YYYY-MM-DD (it is " + shown(value) + ")");
      continue;
    }
    if (const WorkloadChoice* choice = findChoice(key)) {
      if (std::find(choice->options.begin(), choice->options.end(), value) !=
              choice->options.end() &&
          !value.empty())
        s.workload.*choice->member = value;
      else
        problem(key, "is not " + choiceOptions(*choice) + " (it is " + shown(value) + ")");
      continue;
    }
    if (key == "region") {
      // A region's label as the catalog writes it (Offer::region, Price::regionUplift).
      Workload w;
      w.region = value;
      if (validateWorkload(w).empty())
        s.workload.region = value;
      else
        problem(key, "is not a region's short label such as EU (it is " + shown(value) + ")");
      continue;
    }
    if (key == "routes") {
      if (value == "all")
        s.workload.allRoutes = true;
      else if (!value.empty())
        problem(key, "is not \"all\" (it is " + shown(value) + ")");
      continue;
    }
    if (key == "ow" || key == "offer") {
      bool on = value == "1" || value == "true";
      if (!on && !value.empty() && value != "0" && value != "false")
        problem(key, "is not 1 or 0 (it is " + shown(value) + ")");
      (key == "ow" ? s.rank.openWeights : s.rank.byOffer) = on;
      continue;
    }
    if (key == "cap") {
      bool bad = false;
      size_t start = 0;
      while (start <= value.size()) {
        size_t comma = value.find(',', start);
        std::string_view id = value.substr(
            start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        start = comma == std::string_view::npos ? value.size() + 1 : comma + 1;
        if (id.empty()) continue;
        if (!isCapabilityId(id)) {
          bad = true;
          continue;
        }
        auto& caps = s.rank.capabilities;
        if (std::find(caps.begin(), caps.end(), id) == caps.end() &&
            caps.size() < kMaxUrlCapabilities)
          caps.emplace_back(id);
      }
      if (bad) problem(key, "names a capability that is not an id; the readable ones are kept");
      continue;
    }
    if (key == "bench" || key == "sbench" || key == "prov") {
      if (!isUrlId(value)) {
        problem(key, "is not an id (it is " + shown(value) + ")");
        continue;
      }
      (key == "bench"  ? s.rank.benchmark
       : key == "prov" ? s.rank.provider
                       : s.chartBenchmark) = value;
      continue;
    }
    if (key == "top") {
      std::optional<double> number = parseNumber(value);
      bool ok = number && std::find(std::begin(kRankRowChoices), std::end(kRankRowChoices),
                                    *number) != std::end(kRankRowChoices);
      if (ok)
        s.rank.top = static_cast<int>(*number);
      else
        problem(key, "is not 10, 25, 50 or 100 (it is " + shown(value) + ")");
      continue;
    }
    if (key == "rsort") {
      size_t colon = value.find(':');
      std::string_view sortKey = value.substr(0, colon == std::string_view::npos ? 0 : colon);
      std::string_view dir = colon == std::string_view::npos ? "" : value.substr(colon + 1);
      bool keyOk =
          !sortKey.empty() && sortKey.size() <= 20 &&
          std::all_of(sortKey.begin(), sortKey.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (keyOk && (dir == "ascending" || dir == "descending")) {
        s.rank.sortKey = sortKey;
        s.rank.sortDir = dir;
      } else {
        problem(key, "is not KEY:ascending or KEY:descending (it is " + shown(value) + ")");
      }
      continue;
    }
    if (key == "custom") {
      // The JSON text keeps its own spaces: trimmed only at the ends, like every value.
      if (std::optional<std::string> why = decodeCustomText(value, s.custom))
        problem(key, "is ignored: " + *why);
      continue;
    }
    if (key == "theme") {
      if (value == "light" || value == "dark")
        s.theme = value;
      else if (!value.empty())
        problem(key, "is not light or dark (it is " + shown(value) + ")");
      continue;
    }
  }

  if (s.workload.cacheHitRate + s.workload.cacheWriteRate > 1 + 1e-9) {
    problem("cwrite", "and the cache hit rate add up to more than 1; both are set to 0");
    s.workload.cacheHitRate = 0;
    s.workload.cacheWriteRate = 0;
  }
  // A minimum score means something only for a benchmark.
  if (scoreGiven && s.rank.benchmark.empty()) s.rank.minScore.reset();
  constexpr size_t kMaxMore = kMaxUrlStateModels - 2;  // slots after a and b
  if (more.size() > kMaxMore) {
    problem("m", "names " + std::to_string(more.size()) + " more models; at most " +
                     std::to_string(kMaxUrlStateModels) +
                     " models in all are shown, so the first " + std::to_string(kMaxMore) +
                     " are kept");
    more.resize(kMaxMore);
  }
  s.models = {a, b};
  s.models.insert(s.models.end(), more.begin(), more.end());
  while (!s.models.empty() && s.models.back().empty()) s.models.pop_back();
  return s;
}

std::string formatUrlState(const UrlState& s) {
  std::string out = "#";
  auto add = [&](std::string_view key, const std::string& value) {
    if (out.size() > 1) out += '&';
    out.append(key);
    out += '=';
    out += value;
  };
  if (!s.model.empty()) add("model", percentEncode(s.model));
  for (size_t i = 0; i < s.models.size() && i < 2; ++i)
    if (!s.models[i].empty() && s.model.empty())
      add(i == 0 ? "a" : "b", percentEncode(s.models[i]));
  const Workload defaults;
  for (const NumberKey& n : kNumberKeys)
    if (n.always) add(n.key, exactNumber(s.workload.*n.member));
  if (!s.tool.empty()) add("tool", percentEncode(s.tool));
  for (const NumberKey& n : kNumberKeys)
    if (!n.always && s.workload.*n.member != defaults.*n.member)
      add(n.key, exactNumber(s.workload.*n.member));
  if (s.workload.allRoutes) add("routes", "all");
  if (!s.workload.on.empty()) add("on", s.workload.on);
  for (const WorkloadChoice& c : kWorkloadChoices)
    if (s.workload.*c.member != defaults.*c.member)
      add(c.hashKey, percentEncode(s.workload.*c.member));
  if (!s.workload.region.empty()) add("region", percentEncode(s.workload.region));
  const RankState& r = s.rank;
  if (!r.capabilities.empty()) {
    std::string caps;
    for (const std::string& c : r.capabilities) caps += (caps.empty() ? "" : ",") + c;
    add("cap", percentEncode(caps));
  }
  if (r.minContext != 0) add("minctx", exactNumber(r.minContext));
  if (r.openWeights) add("ow", "1");
  if (!r.benchmark.empty()) add("bench", percentEncode(r.benchmark));
  if (r.minScore && !r.benchmark.empty()) add("minscore", exactNumber(*r.minScore));
  if (!r.provider.empty()) add("prov", percentEncode(r.provider));
  if (r.byOffer) add("offer", "1");
  if (r.top != kDefaultRankRows) add("top", std::to_string(r.top));
  if (!r.sortKey.empty()) add("rsort", r.sortKey + ":" + r.sortDir);
  for (size_t i = 2; i < s.models.size(); ++i)
    if (!s.models[i].empty()) add("m", percentEncode(s.models[i]));
  // An a or b without the other (only b given, say) keeps its slot in the model view too.
  if (!s.model.empty())
    for (size_t i = 0; i < s.models.size() && i < 2; ++i)
      if (!s.models[i].empty()) add(i == 0 ? "a" : "b", percentEncode(s.models[i]));
  if (!s.custom.empty()) add("custom", percentEncode(encodeCustomText(s.custom)));
  if (!s.chartBenchmark.empty()) add("sbench", percentEncode(s.chartBenchmark));
  if (!s.theme.empty()) add("theme", s.theme);
  return out;
}

bool sameState(const UrlState& x, const UrlState& y) {
  Json a = x, b = y;
  a.erase("problems");
  b.erase("problems");
  return a == b;
}

std::string urlProblemConsequence(const Problem& p) {
  if (p.message.find("; ") != std::string::npos || p.message.rfind("is ignored", 0) == 0)
    return "";  // the message says what happens
  if (const NumberKey* n = findNumberKey(p.path))
    return "the default, " + exactNumber(Workload{}.*n->member) + ", is used";
  if (const WorkloadChoice* c = findChoice(p.path))
    return "the default, " + std::string(c->options[0]) + ", is used";
  if (p.path == "top") return std::to_string(kDefaultRankRows) + " rows are shown";
  return "it is left out";
}

std::string urlProblemSentence(const Problem& p) {
  const UrlKey* k = findKey(p.path);
  std::string what = k ? std::string(k->what) + " (" + std::string(k->key) + "=)" : "address";
  std::string consequence = urlProblemConsequence(p);
  std::string subject = p.path == "hash" ? "The link" : "The link's " + what;
  return subject + " " + p.message + (consequence.empty() ? "" : "; " + consequence) + ".";
}

void to_json(Json& j, const UrlState& s) {
  const RankState& r = s.rank;
  Json problems = Json::array();
  for (const Problem& p : s.problems)
    problems.push_back({{"path", p.path},
                        {"message", p.message},
                        {"sentence", urlProblemSentence(p)},
                        {"consequence", urlProblemConsequence(p)},
                        {"about", isPairKey(p.path) ? "pair" : "details"}});
  j = Json{
      {"models", s.models},
      {"model", s.model},
      {"tool", s.tool},
      {"workload", s.workload},
      {"rank",
       {{"cap", r.capabilities},
        {"minctx", r.minContext},
        {"ow", r.openWeights},
        {"bench", r.benchmark},
        {"minscore", r.minScore ? Json(*r.minScore) : Json(nullptr)},
        {"prov", r.provider},
        {"offer", r.byOffer},
        {"rsort", r.sortKey.empty() ? Json(nullptr) : Json{{"key", r.sortKey}, {"dir", r.sortDir}}},
        {"top", r.top}}},
      {"custom", s.custom},
      {"sbench", s.chartBenchmark},
      {"theme", s.theme},
      {"problems", std::move(problems)}};
}

bool from_json(const JsonReader& r, UrlState& s) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.optional("models", s.models), r.optional("model", s.model),
                   r.optional("tool", s.tool), r.optional("workload", s.workload),
                   r.optional("custom", s.custom), r.optional("sbench", s.chartBenchmark),
                   r.optional("theme", s.theme)});
  if (r.has("rank")) {
    JsonReader k = r.at("rank");
    if (!k.expectObject()) return false;
    RankState& rank = s.rank;
    int64_t top = rank.top;
    ok = allOf({ok, k.optional("cap", rank.capabilities), k.optional("minctx", rank.minContext),
                k.optional("ow", rank.openWeights), k.optional("bench", rank.benchmark),
                k.optional("prov", rank.provider), k.optional("offer", rank.byOffer),
                k.optional("top", top)});
    rank.top = static_cast<int>(std::clamp<int64_t>(top, -1, 1000));
    if (k.has("minscore") && !k.json()["minscore"].is_null()) {
      double v = 0;
      if (read(k.at("minscore"), v))
        rank.minScore = v;
      else
        ok = false;
    }
    if (k.has("rsort") && !k.json()["rsort"].is_null()) {
      JsonReader sort = k.at("rsort");
      ok = allOf({ok, sort.required("key", rank.sortKey), sort.required("dir", rank.sortDir)});
    }
  }
  return ok;
}

}  // namespace versus
