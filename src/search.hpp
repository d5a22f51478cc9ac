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

// Best first. An empty query lists every model by name.
std::vector<SearchHit> searchModels(const Catalog& c, std::string_view query, size_t limit);
Json searchJson(const Catalog& c, std::string_view query, size_t limit);

}  // namespace versus
