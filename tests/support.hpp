// Helpers shared by the unit tests: the seed fixture catalog and small catalogs built inline.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "catalog.hpp"

namespace versus::testing {

inline std::string readText(const std::string& relativePath) {
  std::ifstream in(std::string(VERSUS_SOURCE_DIR) + "/" + relativePath, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + relativePath);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The seed pages' facts (tests/fixtures/seed-catalog.json), loaded once.
inline const Catalog& seedCatalog() {
  static const Catalog catalog = [] {
    LoadResult r = loadCatalog(readText("tests/fixtures/seed-catalog.json"));
    if (!r.catalog) throw std::runtime_error("seed catalog invalid: " + describe(r.problems.at(0)));
    return std::move(*r.catalog);
  }();
  return catalog;
}

// The committed catalog (data/catalog.json), loaded once: what the importer rules give on real
// data.
inline const Catalog& committedCatalog() {
  static const Catalog catalog = [] {
    LoadResult r = loadCatalog(readText("data/catalog.json"));
    if (!r.catalog)
      throw std::runtime_error("data/catalog.json invalid: " + describe(r.problems.at(0)));
    return std::move(*r.catalog);
  }();
  return catalog;
}

// The offer of `model` at `provider` in the committed catalog (the first, when it has several).
inline const Offer* committedOffer(const std::string& model, const std::string& provider) {
  for (const Offer& o : committedCatalog().offers)
    if (o.model == model && o.provider == provider) return &o;
  return nullptr;
}

// A minimal valid catalog document to which a test adds or breaks one thing.
inline Json minimalCatalog() {
  return Json::parse(R"({
    "schema": "versus-catalog/1",
    "sources": {"s": {"name": "Test source", "date": "2026-01-02"}},
    "benchmarks": [{"id": "gpqa", "name": "GPQA", "unit": "%"}],
    "providers": [{"id": "p", "name": "Provider P", "source": "s"},
                  {"id": "q", "name": "Provider Q", "source": "s"}],
    "models": [{"id": "lab/model-a", "name": "Model A", "aliases": ["Model-A-Alias"],
                "context": {"value": 128000, "source": "s"}}],
    "offers": [{"model": "lab/model-a", "provider": "p", "source": "s",
                "price": {"input": 1, "output": 2}}]
  })");
}

}  // namespace versus::testing
