// An offer's prices over time (Offer::history, data/README.md "Price history"): what it cost on a
// given day, the catalog as priced on that day (Workload::on: every answer can be asked of it), how
// old a price's data is, and the history as the answers carry it.
#pragma once

#include <string>
#include <string_view>

#include "catalog.hpp"
#include "pricing.hpp"

namespace versus {

// A price whose data is more than this many days older than the catalog's newest data
// (`generated`) is flagged as stale: a quarter, so one missed quarterly refresh of a source shows.
inline constexpr int kStalePriceDays = 90;

// How an offer's price on a day is known.
struct DayPrice {
  bool known = false;
  // The history's point in force; null when known, from the catalog's own price.
  const PricePoint* point = nullptr;
  std::string why;  // when unknown: why, in words the page shows as they are
};

// The price an offer had on `day` (YYYY-MM-DD): the last `from` or `seen` point on or before it,
// else the first `until` point after it (held until then, since a day the source does not state),
// else the catalog's own price from its data's day on. Unknown before all of those, and after the
// catalog's newest data (`generated`): nothing later is known.
DayPrice priceOnDay(const Catalog& c, const Offer& o, std::string_view day);

// The catalog with every offer priced as on `day`: at the point in force (whose source and day
// become the offer's), at its own price when that held, or without a price when unknown (a route
// at an unknown price, never the headline). Other sources' prices are dropped: they are today's.
// The offers keep their history, so priceOnDay answers the same of the copy.
Catalog catalogOnDay(const Catalog& c, std::string_view day);

// answer(catalog) of the catalog as priced on the workload's day when it names one (a day that is
// not one reaches the answer's own check of the workload), else of `c` itself: every question
// that prices offers asks through this, so that none answers at today's prices unasked.
template <class Answer>
Json onWorkloadDay(const Catalog& c, const Workload& w, Answer answer) {
  if (w.on.empty() || !isDay(w.on)) return answer(c);
  const Catalog dated = catalogOnDay(c, w.on);
  return answer(dated);
}

// {"day", "known", "from" | "until" | "seen" | "asOf", "source", "why"?}: how the price of the
// offer on `day` was found ("asOf": the catalog's own price, from its data of that day).
Json dayPriceJson(const Catalog& c, const Offer& o, std::string_view day);

// [{"from" | "until" | "seen", "input", "output", "free", "source"}, …] by day; input and output
// null when unknown or free.
Json historyJson(const Offer& o);

// The day an offer's price data is of: its own date, else its source's (may be empty).
std::string priceDay(const Catalog& c, const Offer& o);
// Whether that day is more than kStalePriceDays before the catalog's `generated`; unknown when
// either is not a day.
std::optional<bool> isStalePrice(const Catalog& c, const Offer& o);

}  // namespace versus
