#include "url_state.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

#include "options.hpp"

namespace versus {

namespace {

// The workload's keys in the hash, in the order formatUrlState writes them; `field` is the name
// validateWorkload gives the field.
struct NumberKey {
  std::string_view key;
  std::string_view field;
  double Workload::*member;
};
constexpr NumberKey kNumberKeys[] = {{"ratio", "ratio", &Workload::ratio},
                                     {"req", "requests", &Workload::requests},
                                     {"in", "inputTokens", &Workload::inputTokens},
                                     {"out", "outputTokens", &Workload::outputTokens}};

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

// Letters, digits, -._~ and the /:@ of ids stay as they are; every other byte is %XX.
std::string percentEncode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::string_view("-._~/:@").find(ch) != std::string_view::npos;
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
  return "\"" + std::string(value) + "\"";
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

}  // namespace

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
  std::set<std::string> seen;
  while (!hash.empty()) {
    size_t amp = hash.find('&');
    std::string_view part = hash.substr(0, amp);
    hash.remove_prefix(amp == std::string_view::npos ? hash.size() : amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::optional<std::string> key = percentDecode(part.substr(0, eq));
    if (!key) continue;  // not one of ours: they are plain letters
    const NumberKey* number = nullptr;
    for (const NumberKey& n : kNumberKeys)
      if (*key == n.key) number = &n;
    bool model = *key == "a" || *key == "b" || *key == "m";
    if (!number && !model) continue;  // unknown keys are someone else's
    if (*key != "m" && !seen.insert(*key).second) {
      problem(*key, "is given more than once; the first one is used");
      continue;
    }
    std::optional<std::string> decoded =
        percentDecode(eq == std::string_view::npos ? "" : part.substr(eq + 1));
    if (!decoded) {
      problem(*key, "has a malformed percent escape (% must be followed by two hex digits)");
      continue;
    }
    std::string_view value = trimSpaces(*decoded);
    if (model) {
      if (value.empty()) continue;  // no model chosen
      if (value.size() > kMaxUrlStateModelBytes) {
        problem(*key, "is a model name of " + std::to_string(value.size()) +
                          " bytes; the limit is " + std::to_string(kMaxUrlStateModelBytes));
        continue;
      }
      if (const char* why = textProblem(value)) {
        problem(*key, std::string("is not a model name: it ") + why);
        continue;
      }
      (*key == "a" ? a : *key == "b" ? b : more.emplace_back()) = value;
      continue;
    }
    std::optional<double> n = parseNumber(value);
    if (!n) {
      problem(*key, "expected a number, got " + shown(value));
      continue;
    }
    Workload trial;  // the defaults, which are valid, with this one value
    trial.*number->member = *n;
    std::vector<Problem> invalid = validateWorkload(trial);
    if (!invalid.empty()) {
      problem(*key, invalid[0].message);
      continue;
    }
    s.workload.*number->member = *n + 0.0;  // "-0" is 0
  }

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
  for (size_t i = 0; i < s.models.size(); ++i) {
    if (!s.models[i].empty()) add(i == 0 ? "a" : i == 1 ? "b" : "m", percentEncode(s.models[i]));
  }
  for (const NumberKey& n : kNumberKeys) add(n.key, exactNumber(s.workload.*n.member));
  return out;
}

bool sameState(const UrlState& x, const UrlState& y) {
  if (x.models != y.models) return false;
  for (const NumberKey& n : kNumberKeys)  // the fields a hash holds; the others keep defaults
    if (x.workload.*n.member != y.workload.*n.member) return false;
  return true;
}

void to_json(Json& j, const UrlState& s) {
  j = Json{{"models", s.models}, {"workload", s.workload}, {"problems", s.problems}};
}

}  // namespace versus
