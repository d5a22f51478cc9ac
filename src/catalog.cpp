#include "catalog.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "catalog_checks.hpp"

namespace versus {

namespace {

bool readPriceValue(const JsonReader& r, std::string_view key, std::optional<double>& out) {
  if (!r.has(key)) return true;
  if (!r.optional(key, out)) return false;
  return checks::priceValue(r, key, out);
}

bool readTokenCount(const JsonReader& r, std::string_view key, std::optional<int64_t>& out) {
  if (!r.optional(key, out)) return false;
  return checks::tokenCount(r, key, out);
}

template <class T>
bool readFact(const JsonReader& r, std::string_view key, MaybeFact<T>& out) {
  return r.optional(key, out);
}

}  // namespace

std::string_view toString(Status s) {
  switch (s) {
    case Status::Deprecated:
      return "deprecated";
    case Status::Retired:
      return "retired";
    default:
      return "live";
  }
}

std::string toLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

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

std::vector<std::string> nameWords(std::string_view normalized) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < normalized.size()) {
    size_t end = normalized.find(' ', start);
    if (end == std::string_view::npos) end = normalized.size();
    out.emplace_back(normalized.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string squeezeName(std::string_view normalized) {
  std::string out;
  for (char ch : normalized)
    if (ch != ' ') out += ch;
  return out;
}

namespace {

SearchName searchName(const std::string& text) {
  SearchName n{text, toLower(text), normalizeName(text), {}, {}};
  n.words = nameWords(n.normalized);
  n.squeezed = squeezeName(n.normalized);
  return n;
}

}  // namespace

bool from_json(const JsonReader& r, Status& s) {
  std::string text;
  if (!read(r, text)) return false;
  if (text == "live")
    s = Status::Live;
  else if (text == "deprecated")
    s = Status::Deprecated;
  else if (text == "retired")
    s = Status::Retired;
  else {
    r.problem("expected \"live\", \"deprecated\" or \"retired\", got \"" + text + "\"");
    return false;
  }
  return true;
}

bool from_json(const JsonReader& r, Source& s) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.required("name", s.name), r.optional("url", s.url), r.optional("date", s.date),
                   r.optional("license", s.license), r.optional("attribution", s.attribution)});
  return checks::source(r, s) && ok;
}

bool from_json(const JsonReader& r, Benchmark& b) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.required("id", b.id), r.required("name", b.name),
                   r.optional("description", b.description), r.optional("unit", b.unit),
                   r.optional("higherIsBetter", b.higherIsBetter)});
  return ok && checks::benchmark(r, b);
}

bool from_json(const JsonReader& r, Provider& p) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.required("id", p.id), r.required("name", p.name), r.optional("url", p.url),
                   r.required("source", p.source), r.optional("type", p.type),
                   r.optional("maker", p.maker)});
  return ok && checks::provider(r, p);
}

bool from_json(const JsonReader& r, TierPrice& t) {
  if (!r.expectObject()) return false;
  bool ok =
      allOf({r.required("start", t.start), readPriceValue(r, "input", t.input),
             readPriceValue(r, "output", t.output), readPriceValue(r, "cacheRead", t.cacheRead),
             readPriceValue(r, "cacheWrite", t.cacheWrite)});
  return ok && checks::tierStart(r, t);
}

bool from_json(const JsonReader& r, Price& p) {
  if (!r.expectObject()) return false;
  bool ok = allOf({readPriceValue(r, "input", p.input), readPriceValue(r, "output", p.output),
                   readPriceValue(r, "cacheRead", p.cacheRead),
                   readPriceValue(r, "cacheWrite", p.cacheWrite),
                   readPriceValue(r, "batchInput", p.batchInput),
                   readPriceValue(r, "batchOutput", p.batchOutput),
                   r.optional("request", p.request), r.optional("tiers", p.tiers)});
  return ok && checks::requestFee(r, p.request) && checks::tierOrder(r, p);
}

bool from_json(const JsonReader& r, PriceAlternative& a) {
  if (!r.expectObject()) return false;
  bool ok = allOf(
      {r.required("source", a.source), r.optional("date", a.date), r.required("price", a.price)});
  return ok && checks::sourceAndDate(r, a.source, a.date);
}

bool isModelKind(std::string_view kind) {
  return std::find(kModelKinds.begin(), kModelKinds.end(), kind) != kModelKinds.end();
}

std::string notAModelKind() {
  std::string list;
  for (std::string_view k : kModelKinds) list += (list.empty() ? "" : ", ") + std::string(k);
  return "is not a kind of model (" + list + ")";
}

bool from_json(const JsonReader& r, Offer& o) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.required("model", o.model), r.required("provider", o.provider),
                   r.optional("providerModelId", o.providerModelId), r.optional("price", o.price),
                   readTokenCount(r, "context", o.context),
                   readTokenCount(r, "maxOutput", o.maxOutput), r.optional("free", o.free),
                   r.optional("status", o.status), r.required("source", o.source),
                   r.optional("date", o.date), r.optional("alternatives", o.alternatives),
                   r.optional("deployment", o.deployment), r.optional("region", o.region)});
  return ok && checks::offer(r, o);
}

bool from_json(const JsonReader& r, Model& m) {
  if (!r.expectObject()) return false;
  bool ok = allOf({r.required("id", m.id),
                   r.required("name", m.name),
                   r.optional("kind", m.kind),
                   r.optional("aliases", m.aliases),
                   readFact(r, "creator", m.creator),
                   readFact(r, "family", m.family),
                   readFact(r, "released", m.released),
                   readFact(r, "knowledgeCutoff", m.knowledgeCutoff),
                   readFact(r, "architecture", m.architecture),
                   readFact(r, "license", m.license),
                   readFact(r, "commercialUse", m.commercialUse),
                   readFact(r, "bestFor", m.bestFor),
                   readFact(r, "parameters", m.parameters),
                   readFact(r, "activeParameters", m.activeParameters),
                   readFact(r, "openWeights", m.openWeights),
                   readFact(r, "context", m.context),
                   readFact(r, "maxOutput", m.maxOutput),
                   readFact(r, "inputModalities", m.inputModalities),
                   readFact(r, "outputModalities", m.outputModalities),
                   readFact(r, "decisionFit", m.decisionFit),
                   r.optional("capabilities", m.capabilities),
                   r.optional("benchmarks", m.benchmarks),
                   r.optional("speed", m.speed),
                   r.optional("indexRun", m.indexRun),
                   r.optional("status", m.status)});
  return checks::model(r, m, ok);
}

void Catalog::index(std::vector<Problem>& problems) {
  modelByName_.clear();
  providerById_.clear();
  benchmarkById_.clear();
  offersByModel_.clear();
  for (size_t i = 0; i < providers.size(); ++i) {
    if (!providerById_.emplace(providers[i].id, i).second)
      problems.push_back({"providers[" + std::to_string(i) + "].id",
                          "duplicate provider id \"" + providers[i].id + "\""});
  }
  for (size_t i = 0; i < benchmarks.size(); ++i) {
    if (!benchmarkById_.emplace(benchmarks[i].id, i).second)
      problems.push_back({"benchmarks[" + std::to_string(i) + "].id",
                          "duplicate benchmark id \"" + benchmarks[i].id + "\""});
  }
  // Ids first, so that an alias never shadows another model's id.
  for (size_t i = 0; i < models.size(); ++i) {
    if (!modelByName_.emplace(toLower(models[i].id), i).second)
      problems.push_back(
          {"models[" + std::to_string(i) + "].id", "duplicate model id \"" + models[i].id + "\""});
  }
  for (size_t i = 0; i < models.size(); ++i) {
    for (size_t a = 0; a < models[i].aliases.size(); ++a) {
      auto [it, inserted] = modelByName_.emplace(toLower(models[i].aliases[a]), i);
      if (!inserted && it->second != i)
        problems.push_back({"models[" + std::to_string(i) + "].aliases[" + std::to_string(a) + "]",
                            "alias \"" + models[i].aliases[a] + "\" already names model \"" +
                                models[it->second].id + "\""});
    }
  }
  searchNames_.clear();  // built by the first searchNames() call: most sessions never search
  // Keys are views of the offers' own strings: no copies.
  std::unordered_set<OfferKey, OfferKeyHash> seenOffers;
  seenOffers.reserve(offers.size());
  auto path = [](size_t i) { return "offers[" + std::to_string(i) + "]"; };
  for (size_t i = 0; i < offers.size(); ++i) {
    const Offer& o = offers[i];
    // Lower-case keys; an offer's model must be a model's id exactly (ids are lower case), so an
    // upper-case name is not found either way.
    auto model = modelByName_.find(o.model);
    if (model == modelByName_.end() || models[model->second].id != o.model)
      problems.push_back(
          {path(i) + ".model", "names model \"" + o.model + "\", which is not in models"});
    else
      offersByModel_[o.model].push_back(i);
    if (!providerById_.count(o.provider))
      problems.push_back({path(i) + ".provider",
                          "names provider \"" + o.provider + "\", which is not in providers"});
    if (!seenOffers.insert({o.model, o.provider, o.providerModelId}).second)
      problems.push_back(
          {path(i), "duplicate offer of \"" + o.model + "\" at \"" + o.provider + "\""});
  }
}

size_t Catalog::OfferKeyHash::operator()(const OfferKey& k) const {
  std::hash<std::string_view> h;
  return h(k.model) ^ (h(k.provider) * 31) ^ (h(k.providerModelId) * 1000003);
}

const Model* Catalog::findModel(std::string_view idOrAlias) const {
  auto it = modelByName_.find(toLower(idOrAlias));
  return it == modelByName_.end() ? nullptr : &models[it->second];
}

const Provider* Catalog::findProvider(std::string_view id) const {
  auto it = providerById_.find(std::string(id));
  return it == providerById_.end() ? nullptr : &providers[it->second];
}

const Benchmark* Catalog::findBenchmark(std::string_view id) const {
  auto it = benchmarkById_.find(std::string(id));
  return it == benchmarkById_.end() ? nullptr : &benchmarks[it->second];
}

const Source* Catalog::findSource(std::string_view id) const {
  auto it = sources.find(std::string(id));
  return it == sources.end() ? nullptr : &it->second;
}

const std::vector<SearchName>& Catalog::searchNames(const Model& model) const {
  static const std::vector<SearchName> none;
  if (searchNames_.size() != models.size()) {
    searchNames_.assign(models.size(), {});
    for (size_t i = 0; i < models.size(); ++i) {
      std::vector<SearchName>& names = searchNames_[i];
      names.push_back(searchName(models[i].name));
      names.push_back(searchName(models[i].id));
      for (const std::string& alias : models[i].aliases) names.push_back(searchName(alias));
    }
  }
  size_t i = static_cast<size_t>(&model - models.data());
  return i < searchNames_.size() ? searchNames_[i] : none;
}

std::vector<const Offer*> Catalog::offersOf(const Model& model) const {
  std::vector<const Offer*> out;
  auto it = offersByModel_.find(model.id);
  if (it == offersByModel_.end()) return out;
  out.reserve(it->second.size());
  for (size_t i : it->second) out.push_back(&offers[i]);
  return out;
}

namespace {

std::string lineAndColumn(std::string_view text, size_t byte) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// The parser's reason, without its internal prefix ("[json.exception.parse_error.101] parse error
// at line 1, column 7: "). It quotes what the parser last read ("…; last read: '"\xFF'"): raw input
// bytes, which need not be UTF-8 and may be a whole long string. Every problem is sent out as JSON,
// which must be UTF-8 (dump() throws otherwise; found by fuzz_catalog), so cut it short and replace
// what is not UTF-8 with U+FFFD.
std::string parserReason(const std::string& what) {
  size_t column = what.find(", column ");
  size_t start = column != std::string::npos ? what.find(": ", column) : what.find("] ");
  std::string reason = start == std::string::npos ? what : what.substr(start + 2);
  constexpr size_t kMaxReason = 200;
  if (reason.size() > kMaxReason) reason = reason.substr(0, kMaxReason) + "…";
  return Json::parse(Json(reason).dump(-1, ' ', false, Json::error_handler_t::replace))
      .get<std::string>();
}

// Accepts every event and remembers the first parse error, so that parsing never throws.
struct ParseErrorRecorder : nlohmann::json_sax<Json> {
  size_t position = 0;
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception& e) override {
    position = pos;
    message = e.what();
    return false;
  }
};

}  // namespace

std::string catalogTooLarge() {
  return "the catalog is larger than " + std::to_string(kMaxCatalogBytes >> 20) +
         " MB, the most a catalog may be";
}

LoadResult loadCatalog(std::string_view text) {
  LoadResult result;
  if (text.size() > kMaxCatalogBytes) {
    result.problems.push_back({"", catalogTooLarge()});
    return result;
  }
  // Parse without exceptions (the browser module is built without them); on failure, a second pass
  // with a SAX handler that only records the error says where and why.
  Json doc = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    ParseErrorRecorder recorder;
    Json::sax_parse(text.begin(), text.end(), &recorder, nlohmann::detail::input_format_t::json,
                    /*strict=*/true);
    std::string reason = parserReason(recorder.message);
    size_t at = recorder.position ? recorder.position - 1 : 0;
    result.problems.push_back({"", "not valid JSON at " + lineAndColumn(text, at) +
                                       (reason.empty() ? "" : " (" + reason + ")")});
    return result;
  }
  Catalog catalog;
  std::vector<Problem>& problems = result.problems;
  JsonReader root(doc, "", problems);
  if (!root.expectObject()) return result;
  if (root.required("schema", catalog.schema)) checks::schema(root, catalog.schema);
  root.optional("generated", catalog.generated);
  // Sources and benchmarks first: facts refer to them.
  root.required("sources", catalog.sources);
  root.optional("benchmarks", catalog.benchmarks);
  ReadContext context;
  for (const auto& [id, source] : catalog.sources) context.sourceIds.insert(id);
  for (const auto& b : catalog.benchmarks) context.benchmarkIds.insert(b.id);
  JsonReader withContext(doc, "", problems, &context);
  withContext.required("providers", catalog.providers);
  withContext.required("models", catalog.models);
  withContext.required("offers", catalog.offers);
  catalog.index(problems);
  if (problems.empty()) result.catalog = std::move(catalog);
  return result;
}

}  // namespace versus
