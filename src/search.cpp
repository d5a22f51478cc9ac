#include "search.hpp"

#include <algorithm>

namespace versus {

namespace {

std::vector<std::string> words(const std::string& normalized) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < normalized.size()) {
    size_t end = normalized.find(' ', start);
    if (end == std::string::npos) end = normalized.size();
    out.push_back(normalized.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Every query word is a prefix of a distinct-or-same word of the candidate.
bool wordsMatch(const std::vector<std::string>& query, const std::vector<std::string>& candidate) {
  for (const std::string& q : query) {
    bool found = std::any_of(candidate.begin(), candidate.end(),
                             [&](const std::string& w) { return w.rfind(q, 0) == 0; });
    if (!found) return false;
  }
  return true;
}

}  // namespace

std::vector<SearchHit> searchModels(const Catalog& c, std::string_view query, size_t limit) {
  std::vector<SearchHit> hits;
  std::string lowered = toLower(query);
  std::string normalized = normalizeName(query);
  std::vector<std::string> queryWords = words(normalized);
  for (const Model& m : c.models) {
    if (queryWords.empty()) {
      hits.push_back({&m, m.name, 3});
      continue;
    }
    SearchHit best{&m, "", 99};
    for (const SearchName& name : c.searchNames(m)) {
      int rank = 99;
      if (name.lower == lowered || name.normalized == normalized)
        rank = 0;
      else if (name.normalized.rfind(normalized, 0) == 0)
        rank = 1;
      else if (wordsMatch(queryWords, name.words))
        rank = 2;
      if (rank < best.rank) best = {&m, name.text, rank};
    }
    if (best.rank < 99) hits.push_back(best);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& x, const SearchHit& y) {
    if (x.rank != y.rank) return x.rank < y.rank;
    if (x.model->status != y.model->status) return x.model->status < y.model->status;
    if (x.model->name.size() != y.model->name.size() && x.rank > 0)
      return x.model->name.size() < y.model->name.size();
    return toLower(x.model->name) < toLower(y.model->name);
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

Json searchJson(const Catalog& c, std::string_view query, size_t limit) {
  Json out = Json::array();
  for (const SearchHit& hit : searchModels(c, query, limit)) {
    Json creator = hit.model->creator ? Json(hit.model->creator->value) : Json(nullptr);
    out.push_back({{"id", hit.model->id},
                   {"name", hit.model->name},
                   {"creator", creator},
                   {"matched", hit.matched}});
  }
  return out;
}

}  // namespace versus
