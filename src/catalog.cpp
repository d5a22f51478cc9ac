#include "catalog.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "catalog_checks.hpp"
#include "catalog_members.hpp"

namespace versus {

namespace {

// Reads an object's members by their list (catalog_members.hpp) and its JSON rules. Every member is
// read, even after one failed, so that an object reports all its problems at once; `ok` says
// whether all read and passed their own checks.
class JsonMembers {
 public:
  explicit JsonMembers(const JsonReader& r) : r_(&r) {}
  bool ok = true;

  template <class T>
  void field(const char* key, T& v, members::Optional = {}) {
    ok = r_->optional(key, v) && ok;
  }
  template <class T>
  void field(const char* key, T& v, members::Required) {
    ok = r_->required(key, v) && ok;
  }
  void field(const char* key, std::optional<double>& v, members::PriceValue) {
    ok = (r_->optional(key, v) && checks::priceValue(*r_, key, v)) && ok;
  }
  void field(const char* key, std::optional<int64_t>& v, members::TokenCount) {
    ok = (r_->optional(key, v) && checks::tokenCount(*r_, key, v)) && ok;
  }
  void field(const char* key, std::string& v, members::Schema) {
    ok = (r_->required(key, v) && checks::schema(*r_, v)) && ok;
  }
  void sourcesAndBenchmarksRead(Catalog&) {}  // only the catalog's own reader switches (below)

 protected:
  const JsonReader* r_;
};

template <class T>
bool readMembers(const JsonReader& r, T& x) {
  JsonMembers m(r);
  members::visit(m, x);
  return m.ok;
}

// The catalog's own members. Facts (in providers, models and offers) refer to sources and
// benchmarks, so those are read on with a reader that knows them.
class CatalogJson : public JsonMembers {
 public:
  CatalogJson(const JsonReader& root, std::vector<Problem>& problems)
      : JsonMembers(root), problems_(problems) {}
  void sourcesAndBenchmarksRead(Catalog& c) {
    for (const auto& [id, source] : c.sources) context_.sourceIds.insert(id);
    for (const auto& b : c.benchmarks) context_.benchmarkIds.insert(b.id);
    withContext_.emplace(r_->json(), "", problems_, &context_);
    r_ = &*withContext_;
  }

 private:
  std::vector<Problem>& problems_;
  ReadContext context_;
  std::optional<JsonReader> withContext_;
};

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

// Each type: its members by their list, then what it checks across them (checks::…), run only once
// every member has read (but for a source's date, checked whatever else failed).

bool from_json(const JsonReader& r, Source& s) {
  if (!r.expectObject()) return false;
  bool ok = readMembers(r, s);
  return checks::source(r, s) && ok;
}

bool from_json(const JsonReader& r, Benchmark& b) {
  return r.expectObject() && readMembers(r, b) && checks::benchmark(r, b);
}

bool from_json(const JsonReader& r, Provider& p) {
  return r.expectObject() && readMembers(r, p) && checks::provider(r, p);
}

bool from_json(const JsonReader& r, TierPrice& t) {
  return r.expectObject() && readMembers(r, t) && checks::tierStart(r, t);
}

// The request fee is checked here, not as a member: only when the prices and the tiers read
// (the pack's decoded() checks it with the prices).
bool from_json(const JsonReader& r, Price& p) {
  return r.expectObject() && readMembers(r, p) && checks::requestFee(r, p.request) &&
         checks::regionUplift(r, p.regionUplift) && checks::tierOrder(r, p);
}

bool from_json(const JsonReader& r, ServicePrice& p) {
  return r.expectObject() && readMembers(r, p) && checks::tierOrder(r, p);
}

bool from_json(const JsonReader& r, PriceAlternative& a) {
  return r.expectObject() && readMembers(r, a) && checks::sourceAndDate(r, a.source, a.date);
}

// A point whose price did not read still has its day and source checked.
bool from_json(const JsonReader& r, PricePoint& p) {
  if (!r.expectObject()) return false;
  bool ok = readMembers(r, p);
  return checks::pricePoint(r, p) && ok;
}

template <class T>
bool from_json(const JsonReader& r, Alternative<T>& a) {
  return r.expectObject() && readMembers(r, a) && checks::sourceAndDate(r, a.source, a.date);
}

template <class T>
bool from_json(const JsonReader& r, Fact<T>& f) {
  return r.expectObject() && readMembers(r, f) && checks::sourceAndDate(r, f.source, f.date);
}

// The facts a catalog holds (fact.hpp declares them for any T).
template bool from_json(const JsonReader&, Fact<std::string>&);
template bool from_json(const JsonReader&, Fact<double>&);
template bool from_json(const JsonReader&, Fact<bool>&);
template bool from_json(const JsonReader&, Fact<int64_t>&);
template bool from_json(const JsonReader&, Fact<std::vector<std::string>>&);
template bool from_json(const JsonReader&, Alternative<std::string>&);
template bool from_json(const JsonReader&, Alternative<double>&);
template bool from_json(const JsonReader&, Alternative<bool>&);
template bool from_json(const JsonReader&, Alternative<int64_t>&);
template bool from_json(const JsonReader&, Alternative<std::vector<std::string>>&);

bool isModelKind(std::string_view kind) {
  return std::find(kModelKinds.begin(), kModelKinds.end(), kind) != kModelKinds.end();
}

std::string notAModelKind() {
  std::string list;
  for (std::string_view k : kModelKinds) list += (list.empty() ? "" : ", ") + std::string(k);
  return "is not a kind of model (" + list + ")";
}

bool from_json(const JsonReader& r, Offer& o) {
  return r.expectObject() && readMembers(r, o) && checks::offer(r, o);
}

// A model with a member that did not read still has its dates, name, kind and facts checked.
bool from_json(const JsonReader& r, Model& m) {
  if (!r.expectObject()) return false;
  bool ok = readMembers(r, m);
  return checks::model(r, m, ok);
}

void Catalog::index(std::vector<Problem>& problems) {
  reasoningTable.value.reset();
  rivalPools.value.reset();
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
  // Built by the first searchNames() call, or ahead of it by prepareSearchNames(): most sessions
  // never search.
  searchNames_.clear();
  searchPrepared_ = 0;
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

void addProvenance(const Catalog& c, Json& j, const std::string& sourceId,
                   const std::string& date) {
  const Source* s = c.findSource(sourceId);
  j["source"] = sourceId;
  j["sourceName"] = s ? s->name : sourceId;
  std::string shownDate = !date.empty() ? date : (s ? s->date : "");
  j["date"] = shownDate.empty() ? Json(nullptr) : Json(shownDate);
  if (s && !s->attribution.empty()) {
    j["attribution"] = s->attribution;
    if (!s->url.empty()) j["url"] = s->url;
  }
}

const std::vector<SearchName>& Catalog::searchNames(const Model& model) const {
  static const std::vector<SearchName> none;
  size_t i = static_cast<size_t>(&model - models.data());
  if (i >= models.size()) return none;
  if (i >= searchPrepared_) prepareSearchNames(models.size());
  return searchNames_[i];
}

size_t Catalog::prepareSearchNames(size_t count) const {
  if (searchNames_.size() != models.size()) {
    searchNames_.assign(models.size(), {});
    searchPrepared_ = 0;
  }
  size_t end = searchPrepared_ + std::min(count, models.size() - searchPrepared_);
  for (; searchPrepared_ < end; ++searchPrepared_) {
    const Model& m = models[searchPrepared_];
    std::vector<SearchName>& names = searchNames_[searchPrepared_];
    names.push_back(searchName(m.name));
    names.push_back(searchName(m.id));
    for (const std::string& alias : m.aliases) names.push_back(searchName(alias));
  }
  return models.size() - searchPrepared_;
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
  CatalogJson reader(root, problems);
  members::visit(reader, catalog);
  catalog.index(problems);
  if (problems.empty()) result.catalog = std::move(catalog);
  return result;
}

}  // namespace versus
