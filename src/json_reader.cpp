#include "json_reader.hpp"

#include <cctype>
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

std::string JsonReader::childPath(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

JsonReader JsonReader::at(std::string_view key) const {
  return JsonReader(json_.at(std::string(key)), childPath(key), problems_, context_);
}

JsonReader JsonReader::at(size_t index) const {
  return JsonReader(json_.at(index), path_ + "[" + std::to_string(index) + "]", problems_,
                    context_);
}

bool read(const JsonReader& r, std::string& out) {
  if (!r.json().is_string()) {
    r.problem("expected a string, got " + typeName(r.json()));
    return false;
  }
  out = r.json().get<std::string>();
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

}  // namespace versus
