// A fact is a value with where it came from. An absent fact (std::nullopt) is unknown: never zero.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "boxed.hpp"
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

// Boxed: a model has about half of its sixteen facts, and an absent one then costs a pointer, not
// a fact's size (boxed.hpp).
template <class T>
using MaybeFact = Boxed<Fact<T>>;

// Read by the catalog's member lists (catalog_members.hpp), defined in catalog.cpp for the facts a
// catalog holds: a fact's source must be a key of the catalog's `sources`; its date, when given, a
// date.
template <class T>
bool from_json(const JsonReader& r, Alternative<T>& a);
template <class T>
bool from_json(const JsonReader& r, Fact<T>& f);

}  // namespace versus
