// The members of each catalog type, listed once. visit(a, x) calls a.field(key, member, rule) for
// each member in order, and every archive over the catalog is written against it: the JSON reader
// (catalog.cpp), the pack's writer and reader (catalog_pack.cpp) and the checks the pack reader
// runs on what it decodes (catalog_checks.hpp). The key is the member's JSON key (in a pack, also
// the name of its stream, and in both the paths of problems); the rule says how JSON reads the
// member and what is checked of it alone. What a type checks across its members stays with the
// type's from_json and decoded().
#pragma once

#include "catalog.hpp"

namespace versus::members {

// Rules: archives that do not read JSON or check values ignore them.
struct Optional {};    // may be absent (the default): absent keeps the member's default
struct Required {};    // "is required" when absent
struct PriceValue {};  // optional; a sane USD price per 1M tokens (checks::priceValue)
struct TokenCount {};  // optional; a positive token count (checks::tokenCount)
struct Schema {};      // required; the schema this engine reads (checks::schema)
inline constexpr Optional optional{};
inline constexpr Required required{};
inline constexpr PriceValue priceValue{};
inline constexpr TokenCount tokenCount{};
inline constexpr Schema schema{};

template <class A, class T>
void visit(A& a, Alternative<T>& x) {
  a.field("value", x.value, required);
  a.field("source", x.source, required);
  a.field("date", x.date);
}

template <class A, class T>
void visit(A& a, Fact<T>& x) {
  a.field("value", x.value, required);
  a.field("source", x.source, required);
  a.field("date", x.date);
  a.field("note", x.note);
  a.field("alternatives", x.alternatives);
}

template <class A>
void visit(A& a, Source& x) {
  a.field("name", x.name, required);
  a.field("url", x.url);
  a.field("date", x.date);
  a.field("license", x.license);
  a.field("attribution", x.attribution);
}

template <class A>
void visit(A& a, Benchmark& x) {
  a.field("id", x.id, required);
  a.field("name", x.name, required);
  a.field("description", x.description);
  a.field("unit", x.unit);
  a.field("higherIsBetter", x.higherIsBetter);
}

template <class A>
void visit(A& a, Provider& x) {
  a.field("id", x.id, required);
  a.field("name", x.name, required);
  a.field("url", x.url);
  a.field("source", x.source, required);
  a.field("type", x.type);
  a.field("maker", x.maker);
}

template <class A>
void visit(A& a, TierPrice& x) {
  a.field("start", x.start, required);
  a.field("input", x.input, priceValue);
  a.field("output", x.output, priceValue);
  a.field("cacheRead", x.cacheRead, priceValue);
  a.field("cacheWrite", x.cacheWrite, priceValue);
  a.field("cacheWrite1h", x.cacheWrite1h, priceValue);
}

template <class A>
void visit(A& a, ServicePrice& x) {
  a.field("input", x.input, priceValue);
  a.field("output", x.output, priceValue);
  a.field("cacheRead", x.cacheRead, priceValue);
  a.field("cacheWrite", x.cacheWrite, priceValue);
  a.field("tiers", x.tiers);
}

template <class A>
void visit(A& a, Price& x) {
  a.field("input", x.input, priceValue);
  a.field("output", x.output, priceValue);
  a.field("cacheRead", x.cacheRead, priceValue);
  a.field("cacheWrite", x.cacheWrite, priceValue);
  a.field("batchInput", x.batchInput, priceValue);
  a.field("batchOutput", x.batchOutput, priceValue);
  a.field("request", x.request);  // its range: checks::requestFee, after the members
  a.field("tiers", x.tiers);
  a.field("reasoningOutput", x.reasoningOutput, priceValue);
  a.field("cacheWrite1h", x.cacheWrite1h, priceValue);
  a.field("flex", x.flex);
  a.field("priority", x.priority);
  a.field("regionUplift", x.regionUplift);  // its range: checks::regionUplift, after the members
}

template <class A>
void visit(A& a, PriceAlternative& x) {
  a.field("source", x.source, required);
  a.field("date", x.date);
  a.field("price", x.price, required);
}

template <class A>
void visit(A& a, PricePoint& x) {
  a.field("from", x.from);
  a.field("until", x.until);
  a.field("seen", x.seen);
  a.field("source", x.source, required);
  a.field("price", x.price);
  a.field("free", x.free);
}

template <class A>
void visit(A& a, Offer& x) {
  a.field("model", x.model, required);
  a.field("provider", x.provider, required);
  a.field("providerModelId", x.providerModelId);
  a.field("price", x.price);
  a.field("context", x.context, tokenCount);
  a.field("maxOutput", x.maxOutput, tokenCount);
  a.field("free", x.free);
  a.field("status", x.status);
  a.field("source", x.source, required);
  a.field("date", x.date);
  a.field("alternatives", x.alternatives);
  a.field("deployment", x.deployment);
  a.field("region", x.region);
  a.field("history", x.history);
  a.field("retires", x.retires);
}

template <class A>
void visit(A& a, Model& x) {
  a.field("id", x.id, required);
  a.field("name", x.name, required);
  a.field("kind", x.kind);
  a.field("aliases", x.aliases);
  a.field("creator", x.creator);
  a.field("family", x.family);
  a.field("released", x.released);
  a.field("knowledgeCutoff", x.knowledgeCutoff);
  a.field("architecture", x.architecture);
  a.field("license", x.license);
  a.field("commercialUse", x.commercialUse);
  a.field("bestFor", x.bestFor);
  a.field("parameters", x.parameters);
  a.field("activeParameters", x.activeParameters);
  a.field("openWeights", x.openWeights);
  a.field("context", x.context);
  a.field("maxOutput", x.maxOutput);
  a.field("inputModalities", x.inputModalities);
  a.field("outputModalities", x.outputModalities);
  a.field("decisionFit", x.decisionFit);
  a.field("capabilities", x.capabilities);
  a.field("benchmarks", x.benchmarks);
  a.field("speed", x.speed);
  a.field("indexRun", x.indexRun);
  a.field("status", x.status);
}

template <class A>
void visit(A& a, Catalog& x) {
  a.field("schema", x.schema, schema);
  a.field("generated", x.generated);
  a.field("sources", x.sources, required);
  a.field("benchmarks", x.benchmarks);
  a.sourcesAndBenchmarksRead(x);  // what facts may refer to is known from here on
  a.field("providers", x.providers, required);
  a.field("models", x.models, required);
  a.field("offers", x.offers, required);
}

}  // namespace versus::members
