#include "json_reader.hpp"

#include <cctype>
#include <cstdint>
#include <limits>

namespace versus {

void to_json(Json& j, const Problem& p) { j = Json{{"path", p.path}, {"message", p.message}}; }

std::string describe(const Problem& p) {
  return (p.path.empty() ? std::string("(top level)") : p.path) + ": " + p.message;
}

std::string typeName(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::discarded:
      return "invalid JSON";
    default:
      return "a number";
  }
}

bool JsonReader::expectObject() const {
  if (json_.is_object()) return true;
  problem("expected an object, got " + typeName(json_));
  return false;
}

bool JsonReader::expectArray() const {
  if (json_.is_array()) return true;
  problem("expected an array, got " + typeName(json_));
  return false;
}

std::string JsonReader::path() const {
  if (!parent_) return base_;
  std::string parent = parent_->path();
  if (isIndex_) return parent + "[" + std::to_string(index_) + "]";
  return parent.empty() ? std::string(key_) : parent + "." + std::string(key_);
}

std::string JsonReader::childPath(std::string_view key) const {
  std::string here = path();
  return here.empty() ? std::string(key) : here + "." + std::string(key);
}

JsonReader JsonReader::at(std::string_view key) const {
  return JsonReader(json_.at(key), *this, key);  // callers check has(key) first
}

JsonReader JsonReader::at(size_t index) const { return JsonReader(json_.at(index), *this, index); }

// Every bidirectional embedding, override (U+202A-U+202E) or isolate (U+2066-U+2068) is closed
// again (U+202C, U+2069). An unclosed one would reverse the sentence a name is shown in.
bool isBidiBalanced(std::string_view s) {
  int embeddings = 0, isolates = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) != 0xE2) continue;
    unsigned char b1 = static_cast<unsigned char>(s[i + 1]),
                  b2 = static_cast<unsigned char>(s[i + 2]);
    if (b1 == 0x80 && (b2 == 0xAA || b2 == 0xAB || b2 == 0xAD || b2 == 0xAE)) ++embeddings;
    if (b1 == 0x80 && b2 == 0xAC && --embeddings < 0) return false;
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA8) ++isolates;
    if (b1 == 0x81 && b2 == 0xA9 && --isolates < 0) return false;
  }
  return embeddings == 0 && isolates == 0;
}

bool read(const JsonReader& r, std::string& out) {
  if (!r.json().is_string()) {
    r.problem("expected a string, got " + typeName(r.json()));
    return false;
  }
  out = r.json().get<std::string>();
  if (!isBidiBalanced(out)) {
    r.problem(std::string(kUnclosedBidi));
    return false;
  }
  return true;
}

bool read(const JsonReader& r, double& out) {
  if (!r.json().is_number()) {
    r.problem("expected a number, got " + typeName(r.json()));
    return false;
  }
  out = r.json().get<double>();
  if (!std::isfinite(out)) {
    r.problem("expected a finite number");
    return false;
  }
  return true;
}

bool read(const JsonReader& r, int64_t& out) {
  const Json& j = r.json();
  if (j.is_number_integer()) {
    out = j.get<int64_t>();
    return true;
  }
  if (j.is_number_float()) {
    double d = j.get<double>();
    // 128000.0 is a whole number; 1e300 is not one we can hold.
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) {
      out = static_cast<int64_t>(d);
      return true;
    }
    r.problem("expected a whole number, got " + j.dump());
    return false;
  }
  r.problem("expected a whole number, got " + typeName(j));
  return false;
}

bool read(const JsonReader& r, bool& out) {
  if (!r.json().is_boolean()) {
    r.problem("expected true or false, got " + typeName(r.json()));
    return false;
  }
  out = r.json().get<bool>();
  return true;
}

bool isDate(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
  };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() == 7)
    return digits(0, 4) && s[4] == '-' && digits(5, 2) && s.substr(5, 2) >= "01" &&
           s.substr(5, 2) <= "12";
  if (s.size() == 10)
    return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2) &&
           s.substr(5, 2) >= "01" && s.substr(5, 2) <= "12" && s.substr(8, 2) >= "01" &&
           s.substr(8, 2) <= "31";
  return false;
}

bool isId(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  auto lowerAlnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lowerAlnum(s[0])) return false;
  for (char c : s) {
    if (!lowerAlnum(c) && std::string_view("._:/@+-").find(c) == std::string_view::npos)
      return false;
  }
  return true;
}

bool isUtf8(std::string_view s) {
  static constexpr uint32_t kMinCodePoint[] = {0, 0, 0x80, 0x800, 0x10000};
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80             ? 1
               : (c & 0xE0) == 0xC0 ? 2
               : (c & 0xF0) == 0xE0 ? 3
               : (c & 0xF8) == 0xF0 ? 4
                                    : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) {
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < kMinCodePoint[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
    i += n;
  }
  return true;
}

std::string dumpJson(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace versus
