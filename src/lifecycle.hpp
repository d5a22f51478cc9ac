// When a model or its routes go away, and what replaces it (issue 17): the routes a source marks
// deprecated or dates a retirement for, and the same maker's successor in the same family.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "pricing.hpp"
#include "reasoning.hpp"

namespace versus {

struct RouteRetirement {
  const Offer* offer = nullptr;
  Status status = Status::Live;
  std::string retires;  // the announced day, or empty
};

struct Lifecycle {
  Status status = Status::Live;         // the model's
  std::vector<RouteRetirement> routes;  // by day (undated last), then provider
  std::string retires;                  // the earliest announced day of its routes
  const Model* successor = nullptr;     // live, same maker and family, released after it
  std::optional<double> monthly, successorMonthly;  // at the workload, headline routes
  std::string sentence;                             // empty when there is nothing to warn of
  bool warns() const { return !sentence.empty(); }
};

// The same maker's (id prefix) successor of a model: of the live models of its family (the
// family fact, the same text), kind and line (its name's words without a digit, "latest",
// "preview" or "exp": Claude Sonnet 4.5 → claude sonnet) released after it with a priced route,
// the first released.
const Model* successorOf(const Catalog& c, const Model& m);

// What to warn a visitor of about `m`: its own status, or its routes'.
Lifecycle lifecycleOf(const Catalog& c, const ReasoningTable& reasoning, const Model& m,
                      const Workload& w);

// {"status", "retires", "routes": [{"provider": {id, name}, "status", "retires"}], "successor":
// {"id", "name", "released", "monthly", "difference"} | null, "monthly", "sentence"}
Json lifecycleJson(const Catalog& c, const Lifecycle& l);

}  // namespace versus
