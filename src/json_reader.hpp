// A read-only view of a JSON value that knows its path in the document and collects every problem
// it finds, so that validation reports all problems at once, each with its JSON path.
#pragma once

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "boxed.hpp"

namespace versus {

using Json = nlohmann::json;

// One thing wrong with an input, at a JSON path such as `models[3].context.value`.
struct Problem {
  std::string path;
  std::string message;
};
void to_json(Json& j, const Problem& p);
std::string describe(const Problem& p);  // "models[3].id: is required"

// The JSON text of an answer. Every string the engine puts in an answer is UTF-8 (the loader
// rejects anything else), but dump() throws on invalid UTF-8 and the wasm build cannot catch: a
// stray byte becomes U+FFFD here instead of aborting the module.
std::string dumpJson(const Json& j, int indent = -1);

// What a fact may refer to, known before the facts are read.
struct ReadContext {
  std::unordered_set<std::string> sourceIds;
  std::unordered_set<std::string> benchmarkIds;
};

// Paths are built only when a problem is reported: a child reader points at its parent and its own
// key or index, so that reading a large valid document allocates no path strings.
class JsonReader {
 public:
  JsonReader(const Json& json, std::string path, std::vector<Problem>& problems,
             const ReadContext* context = nullptr)
      : json_(json), base_(std::move(path)), problems_(problems), context_(context) {}

  const Json& json() const { return json_; }
  std::string path() const;
  const ReadContext* context() const { return context_; }
  void problem(std::string message) const { problems_.push_back({path(), std::move(message)}); }
  void problemAt(std::string_view key, std::string message) const {
    problems_.push_back({childPath(key), std::move(message)});
  }
  size_t problemCount() const { return problems_.size(); }

  bool expectObject() const;
  bool expectArray() const;
  bool has(std::string_view key) const { return json_.is_object() && json_.contains(key); }
  // The reader of a member or element; it refers to this reader, so it must not outlive it.
  JsonReader at(std::string_view key) const;
  JsonReader at(size_t index) const;

  // Reads a required member; reports "is required" when it is absent.
  template <class T>
  bool required(std::string_view key, T& out) const {
    auto it = json_.is_object() ? json_.find(key) : json_.end();
    if (it == json_.end()) {
      problems_.push_back({childPath(key), "is required"});
      return false;
    }
    return read(JsonReader(*it, *this, key), out);
  }
  // Reads a member that may be absent (absent leaves `out` empty: unknown, not zero).
  template <OptionalMember O>
  bool optional(std::string_view key, O& out) const {
    auto it = json_.is_object() ? json_.find(key) : json_.end();
    if (it == json_.end()) return true;
    typename O::value_type value{};
    if (!read(JsonReader(*it, *this, key), value)) return false;
    out = std::move(value);
    return true;
  }
  template <class T>
  bool optional(std::string_view key, T& out) const {
    auto it = json_.is_object() ? json_.find(key) : json_.end();
    return it == json_.end() || read(JsonReader(*it, *this, key), out);
  }

  std::string childPath(std::string_view key) const;

 private:
  JsonReader(const Json& json, const JsonReader& parent, std::string_view key)
      : json_(json),
        parent_(&parent),
        key_(key),
        problems_(parent.problems_),
        context_(parent.context_) {}
  JsonReader(const Json& json, const JsonReader& parent, size_t index)
      : json_(json),
        parent_(&parent),
        index_(index),
        isIndex_(true),
        problems_(parent.problems_),
        context_(parent.context_) {}

  const Json& json_;
  std::string base_;  // the root's path
  const JsonReader* parent_ = nullptr;
  std::string_view key_;
  size_t index_ = 0;
  bool isIndex_ = false;
  std::vector<Problem>& problems_;
  const ReadContext* context_;
};

std::string typeName(const Json& j);

bool read(const JsonReader& r, std::string& out);
bool read(const JsonReader& r, double& out);   // any finite number
bool read(const JsonReader& r, int64_t& out);  // a whole number
bool read(const JsonReader& r, bool& out);

// Catalog types own their JSON: each declares `bool from_json(const JsonReader&, T&)` beside
// itself.
template <class T>
bool read(const JsonReader& r, T& out) {
  return from_json(r, out);
}

template <class T>
bool read(const JsonReader& r, std::vector<T>& out) {
  if (!r.expectArray()) return false;
  bool ok = true;
  out.clear();
  out.reserve(r.json().size());
  for (size_t i = 0; i < r.json().size(); ++i) {
    // Keep a bad item too, so that references to it do not add misleading problems.
    T item{};
    ok = read(r.at(i), item) && ok;
    out.push_back(std::move(item));
  }
  return ok;
}

template <class T>
bool read(const JsonReader& r, std::map<std::string, T>& out) {
  if (!r.expectObject()) return false;
  bool ok = true;
  for (const auto& [key, value] : r.json().items()) {
    T item{};
    if (read(r.at(key), item)) {
      out.emplace(key, std::move(item));
    } else {
      ok = false;
    }
  }
  return ok;
}

// Reads JSON text (an argument from the page or the CLI) into T; problems are reported under
// `name`. Empty text is an absent argument: `out` keeps its defaults.
template <class T>
bool readJsonText(std::string_view text, const char* name, T& out, std::vector<Problem>& problems) {
  if (text.empty()) return true;
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    problems.push_back({name, "is not valid JSON"});
    return false;
  }
  return read(JsonReader(j, name, problems), out);
}

// True when every check passed. Unlike &&, every check in the list has already run, so that one
// call reports all the problems of an object, not only the first.
inline bool allOf(std::initializer_list<bool> checks) {
  for (bool ok : checks)
    if (!ok) return false;
  return true;
}

// Checks shared by several types.
bool isDate(std::string_view s);  // YYYY, YYYY-MM or YYYY-MM-DD
// YYYY-MM-DD only: a day, which compares with another as text (price history, the --on day).
inline bool isDay(std::string_view s) { return s.size() == 10 && isDate(s); }
bool isId(std::string_view s);  // lower-case ASCII id: [a-z0-9][a-z0-9._:/@+-]*
// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), as JSON output
// requires: Json::dump() throws on any other text.
bool isUtf8(std::string_view s);
// Every bidirectional embedding, override or isolate is closed again (read() refuses other text).
bool isBidiBalanced(std::string_view s);
inline constexpr std::string_view kUnclosedBidi =
    "holds a right-to-left or left-to-right override that is never closed";

}  // namespace versus
