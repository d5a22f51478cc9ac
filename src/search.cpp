#include "search.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "pricing.hpp"

namespace versus {

namespace {

// Every query word is a prefix of a distinct-or-same word of the candidate.
bool wordsMatch(const std::vector<std::string>& query, const std::vector<std::string>& candidate) {
  for (const std::string& q : query) {
    bool found = std::any_of(candidate.begin(), candidate.end(),
                             [&](const std::string& w) { return w.rfind(q, 0) == 0; });
    if (!found) return false;
  }
  return true;
}

// Edit distance between a and b (insertions, deletions, substitutions), or cap + 1 once it passes
// cap.
int editDistance(std::string_view a, std::string_view b, int cap) {
  if (static_cast<int>(a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > cap)
    return cap + 1;
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0], best = row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = row[j];
      row[j] = next;
      best = std::min(best, next);
    }
    if (best > cap) return cap + 1;
  }
  return row[b.size()];
}

// A typed word that is one edit from a word of the name, or from its start ("clade" → claude,
// "sonet" → sonnet, "gemni" → gemini); two edits from seven letters. Short words must match
// exactly.
bool nearWord(const std::string& q, const std::string& w) {
  if (q.size() < 4) return false;
  int cap = q.size() >= 7 ? 2 : 1;
  if (editDistance(q, w, cap) <= cap) return true;
  return w.size() > q.size() &&
         editDistance(q, std::string_view(w).substr(0, q.size()), cap) <= cap;
}

bool wordsNear(const std::vector<std::string>& query, const std::vector<std::string>& candidate) {
  for (const std::string& q : query) {
    bool found = std::any_of(candidate.begin(), candidate.end(), [&](const std::string& w) {
      return w.rfind(q, 0) == 0 || nearWord(q, w);
    });
    if (!found) return false;
  }
  return true;
}

}  // namespace

std::vector<SearchHit> searchModels(const Catalog& c, std::string_view query, size_t limit) {
  std::vector<SearchHit> hits;
  std::string lowered = toLower(query);
  std::string normalized = normalizeName(query);
  std::vector<std::string> queryWords = nameWords(normalized);
  std::string squeezed = squeezeName(normalized);
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
      else if (squeezed.size() >= 3 && name.squeezed.rfind(squeezed, 0) == 0)
        rank = 3;  // spaces left out: "gpt5" is GPT-5, "gpt5mini" GPT-5 mini
      else if (wordsNear(queryWords, name.words))
        rank = kTypoRank;
      if (rank < best.rank) best = {&m, name.text, rank};
    }
    if (best.rank < 99) hits.push_back(best);
  }
  // Within a rank, what people mean first: a text model, live, with the most priced routes, the
  // newest.
  std::unordered_map<const Model*, size_t> routes;
  auto routesOf = [&](const Model* m) {
    auto it = routes.find(m);
    if (it != routes.end()) return it->second;
    size_t n = 0;
    for (const Offer* o : c.offersOf(*m)) n += isRoutable(*o) ? 1 : 0;
    return routes[m] = n;
  };
  auto released = [](const Model* m) -> std::string_view {
    return m->released ? std::string_view(m->released->value) : std::string_view();
  };
  std::stable_sort(hits.begin(), hits.end(), [&](const SearchHit& x, const SearchHit& y) {
    if (x.rank != y.rank) return x.rank < y.rank;
    bool xt = x.model->kind == kTextKind, yt = y.model->kind == kTextKind;
    if (xt != yt) return xt;
    if (x.model->status != y.model->status) return x.model->status < y.model->status;
    if (x.rank > 0) {
      size_t rx = routesOf(x.model), ry = routesOf(y.model);
      if (rx != ry) return rx > ry;
      if (released(x.model) != released(y.model)) return released(x.model) > released(y.model);
      if (x.model->name.size() != y.model->name.size())
        return x.model->name.size() < y.model->name.size();
    }
    return toLower(x.model->name) < toLower(y.model->name);
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

Json searchJson(const Catalog& c, std::string_view query, size_t limit) {
  Json out = Json::array();
  for (const SearchHit& hit : searchModels(c, query, limit)) {
    const Model& m = *hit.model;
    Json creator = m.creator ? Json(m.creator->value) : Json(nullptr);
    Json released = m.released ? Json(m.released->value) : Json(nullptr);
    size_t routes = 0;  // what a picker shows beside the name: "OpenAI · 2025-04-16 · 12 routes"
    for (const Offer* o : c.offersOf(m)) routes += isRoutable(*o) ? 1 : 0;
    out.push_back({{"id", m.id},
                   {"name", m.name},
                   {"creator", creator},
                   {"matched", hit.matched},
                   {"released", released},
                   {"routes", routes},
                   {"status", toString(m.status)}});
  }
  return out;
}

Resolution resolveModelName(const Catalog& c, std::string_view query) {
  Resolution r;
  while (!query.empty() && std::isspace(static_cast<unsigned char>(query.front())))
    query.remove_prefix(1);
  while (!query.empty() && std::isspace(static_cast<unsigned char>(query.back())))
    query.remove_suffix(1);
  if (query.empty()) {
    r.error = "Pick a model.";
    return r;
  }
  if ((r.model = c.findModel(query))) return r;
  std::vector<SearchHit> hits = searchModels(c, query, 5);
  if (hits.empty()) {
    r.error = "No model matches \u201c" + std::string(query) + "\u201d.";
    return r;
  }
  // Hits come best first: a name, id or alias matched exactly (rank 0), or the only match that
  // is no typo forgiven, is meant.
  r.model = hits.front().model;
  if (hits.front().rank == 0 || (hits.size() == 1 && hits.front().rank < kTypoRank)) return r;
  // The engine ranks what people mean first (a typo forgiven, the most routes, the newest).
  r.guess = true;
  for (size_t i = 1; i < hits.size() && r.also.size() < 3; ++i) r.also.push_back(hits[i].model);
  return r;
}

Json resolutionJson(const Resolution& r, std::string_view query) {
  Json also = Json::array();
  std::string names;
  for (const Model* m : r.also) {
    also.push_back(m->name);
    names += (names.empty() ? "" : ", ") + m->name;
  }
  Json out = {{"id", r.model->id}, {"name", r.model->name}, {"guess", r.guess}, {"also", also}};
  if (r.guess)
    out["note"] = "Comparing " + r.model->name + ", the closest match to \u201c" +
                  std::string(query) + "\u201d" + (names.empty() ? "" : "; also: " + names) + ".";
  return out;
}

}  // namespace versus
