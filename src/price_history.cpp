#include "price_history.hpp"

#include <cstdlib>

namespace versus {

namespace {

// Days since 1970-01-01 of a YYYY-MM-DD day (Howard Hinnant's days_from_civil).
long daysSinceEpoch(std::string_view day) {
  auto number = [&](size_t at, size_t n) {
    return std::atoi(std::string(day.substr(at, n)).c_str());
  };
  int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

const char* dayKey(const PricePoint& p) {
  return !p.from.empty() ? "from" : !p.until.empty() ? "until" : "seen";
}

}  // namespace

std::string priceDay(const Catalog& c, const Offer& o) {
  if (!o.date.empty()) return o.date;
  const Source* s = c.findSource(o.source);
  return s ? s->date : "";
}

std::optional<bool> isStalePrice(const Catalog& c, const Offer& o) {
  std::string day = priceDay(c, o);
  if (!isDay(day) || !isDay(c.generated)) return std::nullopt;
  return daysSinceEpoch(c.generated) - daysSinceEpoch(day) > kStalePriceDays;
}

DayPrice priceOnDay(const Catalog& c, const Offer& o, std::string_view day) {
  DayPrice out;
  if (isDay(c.generated) && day > std::string_view(c.generated)) {
    out.why = "after the catalog's newest data (" + c.generated + ")";
    return out;
  }
  // Points are in order of day: the last start on or before the day, else the first end after it.
  const PricePoint* started = nullptr;
  const PricePoint* ends = nullptr;
  for (const PricePoint& p : o.history) {
    if (p.until.empty() && std::string_view(p.day()) <= day) started = &p;
    if (!ends && !p.until.empty() && day < std::string_view(p.until)) ends = &p;
  }
  if (started || ends) {
    out.known = true;
    out.point = started ? started : ends;
    return out;
  }
  std::string own = priceDay(c, o);
  if (isDay(own) && day >= std::string_view(own)) {
    out.known = true;
    return out;
  }
  out.why = isDay(own) ? "before the first price the catalog knows at this route (" + own + ")"
                       : "the catalog does not say since when this route has its price";
  return out;
}

Catalog catalogOnDay(const Catalog& c, std::string_view day) {
  Catalog dated = c;
  for (Offer& o : dated.offers) {
    DayPrice p = priceOnDay(c, o, day);
    if (p.known && !p.point) continue;  // its own price held
    o.alternatives.clear();
    if (!p.known) {
      o.price.reset();
      o.free = false;
      continue;
    }
    o.price = p.point->price;
    o.free = p.point->free;
    o.source = p.point->source;
    // The day a price started is its data's day; an `until` price's is its source's own.
    o.date = p.point->until.empty() ? p.point->day() : "";
  }
  return dated;
}

Json dayPriceJson(const Catalog& c, const Offer& o, std::string_view day) {
  DayPrice p = priceOnDay(c, o, day);
  Json j{{"day", std::string(day)}, {"known", p.known}};
  if (p.point) {
    j[dayKey(*p.point)] = p.point->day();
    j["source"] = p.point->source;
  } else if (p.known) {
    j["asOf"] = priceDay(c, o);
    j["source"] = o.source;
  } else {
    j["why"] = p.why;
  }
  return j;
}

Json historyJson(const Offer& o) {
  Json points = Json::array();
  for (const PricePoint& p : o.history) {
    auto price = [&](std::optional<double> Price::*member) {
      return p.price && ((*p.price).*member) ? Json(*((*p.price).*member)) : Json(nullptr);
    };
    points.push_back(Json{{dayKey(p), p.day()},
                          {"input", price(&Price::input)},
                          {"output", price(&Price::output)},
                          {"free", p.free},
                          {"source", p.source}});
  }
  return points;
}

}  // namespace versus
