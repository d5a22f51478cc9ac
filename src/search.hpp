// Finding a model by what a person types: an id, any alias, or words of its name ("o4 mini").
#pragma once

#include <string>
#include <vector>

#include "catalog.hpp"

namespace versus {

struct SearchHit {
  const Model* model = nullptr;
  std::string matched;  // the name, id or alias that matched
  int rank = 0;         // lower is better
};
// The rank of a match that forgives a typo in a word: never meant on its own ("nope" is one edit
// from "rope", a word of one model's name, and no link naming "nope" means that model).
inline constexpr int kTypoRank = 4;

// Best first. An empty query lists every model by name.
std::vector<SearchHit> searchModels(const Catalog& c, std::string_view query, size_t limit);
Json searchJson(const Catalog& c, std::string_view query, size_t limit);

// What a typed name means, as every field that names a model resolves it: an id or alias is that
// model; else a name, id or alias matched exactly; else the only match, unless it forgives a typo;
// else the best match, a guess, with the others named (`also`) so that a wrong guess is one pick
// away. Nothing matching is an error that suggests what comes closest.
struct Resolution {
  const Model* model = nullptr;    // null: nothing matches
  bool guess = false;              // the closest match, not one the query names
  std::vector<const Model*> also;  // other matches, when the best was a guess
  std::string error;               // why nothing matches ("Pick a model.", "No model matches …")
};
Resolution resolveModelName(const Catalog& c, std::string_view query);
// {"id", "name", "guess": bool, "also": [names], "note": "Comparing X, the closest match to …"}
Json resolutionJson(const Resolution& r, std::string_view query);

}  // namespace versus
