#include "search.hpp"

#include <algorithm>
#include <sstream>

namespace versus {

std::string normalizeName(std::string_view s) {
  std::string out;
  bool space = true;
  for (char ch : s) {
    char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    bool word =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    if (word) {
      out += c;
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

std::vector<std::string> words(const std::string& normalized) {
  std::vector<std::string> out;
  std::istringstream in(normalized);
  for (std::string w; in >> w;) out.push_back(w);
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
    std::vector<const std::string*> names{&m.name, &m.id};
    for (const std::string& a : m.aliases) names.push_back(&a);
    SearchHit best{&m, "", 99};
    for (const std::string* name : names) {
      int rank = 99;
      if (toLower(*name) == lowered || normalizeName(*name) == normalized)
        rank = 0;
      else if (normalizeName(*name).rfind(normalized, 0) == 0)
        rank = 1;
      else if (wordsMatch(queryWords, words(normalizeName(*name))))
        rank = 2;
      if (rank < best.rank) best = {&m, *name, rank};
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
