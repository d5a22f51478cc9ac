// A fact is a value with where it came from. An absent fact (std::nullopt) is unknown: never zero.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "json_reader.hpp"

namespace versus {

template <class T>
struct Alternative {
  T value{};
  std::string source;
  std::string date;
};

template <class T>
struct Fact {
  T value{};
  std::string source;
  std::string date;  // empty: the source's own date applies
  std::string note;  // why this value is the one shown, when sources disagree
  std::vector<Alternative<T>> alternatives;
};

template <class T>
using MaybeFact = std::optional<Fact<T>>;

// A fact's source must be a key of the catalog's `sources`; its date, when given, a date.
bool checkSourceAndDate(const JsonReader& r, const std::string& source, const std::string& date);

template <class T>
bool from_json(const JsonReader& r, Alternative<T>& a) {
  if (!r.expectObject()) return false;
  bool ok = allOf(
      {r.required("value", a.value), r.required("source", a.source), r.optional("date", a.date)});
  return ok && checkSourceAndDate(r, a.source, a.date);
}

template <class T>
bool from_json(const JsonReader& r, Fact<T>& f) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.required("value", f.value), r.required("source", f.source),
                   r.optional("date", f.date), r.optional("note", f.note),
                   r.optional("alternatives", f.alternatives)});
  return ok && checkSourceAndDate(r, f.source, f.date);
}

}  // namespace versus
