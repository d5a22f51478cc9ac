#include "lifecycle.hpp"

#include <algorithm>

#include "format.hpp"
#include "routes.hpp"

namespace versus {

namespace {

std::string_view makerOf(std::string_view id) { return id.substr(0, id.find('/')); }

std::string providerName(const Catalog& c, const Offer& o) {
  const Provider* p = c.findProvider(o.provider);
  return p ? p->name : o.provider;
}

std::optional<double> monthlyOf(const Catalog& c, const ReasoningTable& t, const Model& m,
                                const Workload& w) {
  std::vector<const Offer*> offers = c.offersOf(m);
  std::optional<MonthlyCost> month = headline(c, m, offers, w, reasoningRatioFor(t, m, w)).monthly;
  return month ? std::optional<double>(month->cost) : std::nullopt;
}

// The words of a model's name that say which line it is, not which version: "Claude Sonnet 4.5
// (latest)" → claude sonnet; "GPT-4.1 mini" → gpt mini. A successor keeps its line.
std::vector<std::string> lineWords(const Model& m) {
  std::vector<std::string> out;
  for (std::string& word : nameWords(normalizeName(m.name))) {
    bool digit =
        std::any_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!digit && word != "latest" && word != "preview" && word != "exp") out.push_back(word);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const Model* successorOf(const Catalog& c, const Model& m) {
  if (!m.family || m.family->value.empty() || !m.released) return nullptr;
  const Model* best = nullptr;
  std::vector<std::string> line = lineWords(m);
  for (const Model& other : c.models) {
    if (&other == &m || other.status != Status::Live || other.kind != m.kind) continue;
    if (makerOf(other.id) != makerOf(m.id)) continue;
    if (!other.family || other.family->value != m.family->value || !other.released) continue;
    if (other.released->value <= m.released->value || lineWords(other) != line) continue;
    std::vector<const Offer*> offers = c.offersOf(other);
    if (std::none_of(offers.begin(), offers.end(), [](const Offer* o) { return isRoutable(*o); }))
      continue;
    if (!best || other.released->value < best->released->value) best = &other;
  }
  return best;
}

Lifecycle lifecycleOf(const Catalog& c, const ReasoningTable& reasoning, const Model& m,
                      const Workload& w) {
  Lifecycle l;
  l.status = m.status;
  for (const Offer* o : c.offersOf(m))
    if (o->status != Status::Live || !o->retires.empty())
      l.routes.push_back({o, o->status, o->retires});
  std::stable_sort(l.routes.begin(), l.routes.end(), [&](const auto& x, const auto& y) {
    if (x.retires.empty() != y.retires.empty()) return !x.retires.empty();
    if (x.retires != y.retires) return x.retires < y.retires;
    return x.offer->provider < y.offer->provider;
  });
  for (const RouteRetirement& r : l.routes)
    if (!r.retires.empty() && (l.retires.empty() || r.retires < l.retires)) l.retires = r.retires;
  // Warn of the model's own status, or of a route going away that is still live today.
  const RouteRetirement* next = nullptr;
  for (const RouteRetirement& r : l.routes)
    if (r.status == Status::Deprecated && (!next || (!r.retires.empty() && next->retires.empty())))
      next = &r;
  if (m.status == Status::Live && !next) return l;
  l.successor = successorOf(c, m);
  l.monthly = monthlyOf(c, reasoning, m, w);
  if (l.successor) l.successorMonthly = monthlyOf(c, reasoning, *l.successor, w);
  std::string s;
  if (m.status != Status::Live) {
    s = m.name + " is " + std::string(toString(m.status)) + ": no live route serves it.";
  } else {
    s = providerName(c, *next->offer) +
        (next->offer->region.empty() ? "" : " " + next->offer->region) + " has deprecated its " +
        m.name + " route";
    // The day as announced; the source's snapshot may be older than the day, so no tense.
    s += next->retires.empty() ? "." : " (retirement date " + next->retires + ").";
  }
  if (l.successor) {
    s += " Its successor is " + l.successor->name + " (" + l.successor->released->value + ")";
    if (l.monthly && l.successorMonthly) {
      double d = *l.successorMonthly - *l.monthly;
      s += ", at " + formatUsd(*l.successorMonthly) + " a month for this traffic (" +
           (d == 0 ? std::string("the same")
                   : formatUsd(std::abs(d)) + (d > 0 ? " more" : " less")) +
           ")";
    } else if (l.successorMonthly) {
      s += ", at " + formatUsd(*l.successorMonthly) + " a month for this traffic";
    }
    s += ".";
  }
  l.sentence = s;
  return l;
}

Json lifecycleJson(const Catalog& c, const Lifecycle& l) {
  if (!l.warns()) return nullptr;
  Json routes = Json::array();
  for (const RouteRetirement& r : l.routes) {
    const Provider* p = c.findProvider(r.offer->provider);
    routes.push_back(
        {{"provider", {{"id", r.offer->provider}, {"name", p ? p->name : r.offer->provider}}},
         {"region", r.offer->region.empty() ? Json(nullptr) : Json(r.offer->region)},
         {"status", toString(r.status)},
         {"retires", r.retires.empty() ? Json(nullptr) : Json(r.retires)}});
  }
  Json successor = nullptr;
  if (l.successor)
    successor = {
        {"id", l.successor->id},
        {"name", l.successor->name},
        {"released", l.successor->released->value},
        {"monthly", l.successorMonthly ? Json(*l.successorMonthly) : Json(nullptr)},
        {"difference",
         l.successorMonthly && l.monthly ? Json(*l.successorMonthly - *l.monthly) : Json(nullptr)}};
  return Json{{"status", toString(l.status)},
              {"retires", l.retires.empty() ? Json(nullptr) : Json(l.retires)},
              {"routes", std::move(routes)},
              {"successor", std::move(successor)},
              {"monthly", l.monthly ? Json(*l.monthly) : Json(nullptr)},
              {"sentence", l.sentence}};
}

}  // namespace versus
