#include "overrides.hpp"

#include <algorithm>
#include <set>

#include "search.hpp"

namespace versus {

namespace {

bool checkPrice(const JsonReader& r, std::string_view key, const std::optional<double>& v) {
  if (!v || (*v >= 0 && *v <= kMaxVisitorPrice)) return true;
  r.problemAt(key, "price must be between 0 and 10,000 USD per 1M tokens");
  return false;
}

}  // namespace

bool from_json(const JsonReader& r, PriceOverride& o) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.required("model", o.model), r.optional("provider", o.provider),
                   r.optional("input", o.input), r.optional("output", o.output),
                   r.optional("cacheRead", o.cacheRead)});
  ok = allOf({ok, checkPrice(r, "input", o.input), checkPrice(r, "output", o.output),
              checkPrice(r, "cacheRead", o.cacheRead)});
  if (ok && !o.input && !o.output && !o.cacheRead) {
    r.problem("names no price to override (input, output or cacheRead)");
    ok = false;
  }
  return ok;
}

bool from_json(const JsonReader& r, PrivateModel& m) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.required("name", m.name), r.required("input", m.input),
                   r.required("output", m.output), r.optional("context", m.context)});
  ok = allOf({ok, checkPrice(r, "input", m.input), checkPrice(r, "output", m.output)});
  if (ok &&
      (m.name.empty() || m.name.size() > kMaxPrivateNameBytes || normalizeName(m.name).empty())) {
    r.problemAt("name", "must be 1 to " + std::to_string(kMaxPrivateNameBytes) +
                            " bytes with at least one letter or digit");
    ok = false;
  }
  if (ok && m.context && *m.context <= 0) {
    r.problemAt("context", "must be a positive token count");
    ok = false;
  }
  return ok;
}

bool from_json(const JsonReader& r, Overrides& o) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.optional("prices", o.prices), r.optional("models", o.models)});
  if (o.prices.size() + o.models.size() > kMaxOverrides) {
    r.problem("at most " + std::to_string(kMaxOverrides) + " custom prices and models");
    ok = false;
  }
  return ok;
}

// Absent prices, provider and context are left out (unknown, not zero), as the page writes them.
void to_json(Json& j, const Overrides& o) {
  Json prices = Json::array(), models = Json::array();
  for (const PriceOverride& p : o.prices) {
    Json e = {{"model", p.model}};
    if (!p.provider.empty()) e["provider"] = p.provider;
    if (p.input) e["input"] = *p.input;
    if (p.output) e["output"] = *p.output;
    if (p.cacheRead) e["cacheRead"] = *p.cacheRead;
    prices.push_back(std::move(e));
  }
  for (const PrivateModel& m : o.models) {
    Json e = {{"name", m.name}, {"input", m.input}, {"output", m.output}};
    if (m.context) e["context"] = *m.context;
    models.push_back(std::move(e));
  }
  j = Json{{"prices", prices}, {"models", models}};
}

std::string privateModelId(std::string_view name) {
  std::string slug = normalizeName(name);
  for (char& c : slug)
    if (c == ' ') c = '-';
  return "custom/" + slug;
}

std::optional<Catalog> applyOverrides(const Catalog& base, const Overrides& overrides,
                                      std::vector<Problem>& problems) {
  Catalog c = base;
  c.sources[std::string(kVisitorSource)] = Source{"Your price", "", "", "", ""};
  if (!c.findProvider(kVisitorProvider))
    c.providers.push_back({std::string(kVisitorProvider), "Your route", "",
                           std::string(kVisitorSource),
                           /*type=*/"", /*maker=*/""});  // of no type: the visitor's own
  std::vector<Problem> none;  // the base catalog is valid; this only refreshes the lookups
  c.index(none);
  size_t before = problems.size();
  auto visitorOffer = [](std::string model, std::string provider) {
    Offer o;
    o.model = std::move(model);
    o.provider = std::move(provider);
    o.source = std::string(kVisitorSource);
    o.price = Price{};
    return o;
  };
  std::set<std::string> privateIds;
  for (size_t i = 0; i < overrides.models.size(); ++i) {
    const PrivateModel& pm = overrides.models[i];
    Model m;
    m.id = privateModelId(pm.name);
    m.name = pm.name;
    if (pm.context) m.context = Fact<int64_t>{*pm.context, std::string(kVisitorSource), "", "", {}};
    // Two names with one id ("A" and "a") would be one model: said of the second, as a catalog
    // model of that name is.
    if (base.findModel(m.id) || !privateIds.insert(m.id).second) {
      problems.push_back({"models[" + std::to_string(i) + "].name",
                          "a model named \"" + pm.name + "\" already exists"});
      continue;
    }
    Offer o = visitorOffer(m.id, std::string(kVisitorProvider));
    o.price->input = pm.input;
    o.price->output = pm.output;
    c.models.push_back(std::move(m));
    c.offers.push_back(std::move(o));
  }
  for (size_t i = 0; i < overrides.prices.size(); ++i) {
    const PriceOverride& po = overrides.prices[i];
    std::string path = "prices[" + std::to_string(i) + "]";
    const Model* m = base.findModel(po.model);
    if (!m) {
      problems.push_back({path + ".model", "unknown model \"" + po.model + "\""});
      continue;
    }
    std::string provider = po.provider.empty() ? std::string(kVisitorProvider) : po.provider;
    if (!c.findProvider(provider)) {
      problems.push_back({path + ".provider", "unknown provider \"" + po.provider + "\""});
      continue;
    }
    auto existing = std::find_if(c.offers.begin(), c.offers.end(), [&](const Offer& o) {
      return o.model == m->id && o.provider == provider;
    });
    if (existing == c.offers.end()) {
      c.offers.push_back(visitorOffer(m->id, provider));
      existing = c.offers.end() - 1;
    } else {
      // Keep the catalog's price beside the visitor's, so the page can show both.
      if (existing->price)
        existing->alternatives.insert(existing->alternatives.begin(),
                                      {existing->source, existing->date, *existing->price});
      if (!existing->price) existing->price = Price{};
      existing->source = std::string(kVisitorSource);
      existing->date.clear();
      existing->free = false;
      existing->status = Status::Live;
    }
    if (po.input) existing->price->input = po.input;
    if (po.output) existing->price->output = po.output;
    if (po.cacheRead) existing->price->cacheRead = po.cacheRead;
    if (!existing->price->input || !existing->price->output)
      problems.push_back(
          {path, "the offer has no catalog price to keep: give both input and output"});
  }
  if (problems.size() > before) return std::nullopt;
  c.index(problems);
  if (problems.size() > before) return std::nullopt;
  return c;
}

}  // namespace versus
