// The page's whole state as it lives in the URL hash, so that any view can be shared:
//   #a=meta/llama-3.2-1b-instruct&b=openai/o3&ratio=0.7&req=1000000&in=800&out=250&tool=rank&top=50
// Every key the page, its tools and the widget read is here (docs/url-state.md lists them), and
// the web code asks this parser and formatter (web/state.js) instead of keeping its own.
// The hash is anyone's to craft: parsing never fails, it keeps the default for every bad value and
// says why in `problems`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_reader.hpp"
#include "overrides.hpp"
#include "pricing.hpp"

namespace versus {

// A canonical hash of the largest state a hash can hold (six 200-byte names and the longest
// custom= text, every byte escaped) stays under this, so a state read from a hash always fits.
inline constexpr size_t kMaxUrlStateBytes = 16384;  // a longer hash is ignored as a whole
inline constexpr size_t kMaxUrlStateModels = 6;
inline constexpr size_t kMaxUrlStateModelBytes = 200;
inline constexpr size_t kMaxUrlCustomBytes = 1800;  // the custom= text, decoded
inline constexpr size_t kMaxUrlIdBytes = 80;        // bench=, sbench=, prov=
inline constexpr size_t kMaxUrlCapabilities = 10;
inline constexpr double kMaxUrlMinScore = 1e6;

// The pair a page or widget shows when the link names none (the seed pages' pair).
inline constexpr std::string_view kDefaultPair[] = {"meta/llama-3.2-1b-instruct", "openai/o3"};
// The tool views, each its own page (`tool=`); "" is the pair (or model) view.
inline constexpr std::string_view kToolViews[] = {"", "rank", "nway", "prices", "charts", "export"};
// How many rows the ranking shows (`top=`).
inline constexpr int kRankRowChoices[] = {10, 25, 50, 100};
inline constexpr int kDefaultRankRows = 25;

// The ranking tool's filters and sort.
struct RankState {
  std::vector<std::string>
      capabilities;                // cap=functionCalling,vision (ids, each [A-Za-z][A-Za-z0-9]*)
  double minContext = 0;           // minctx=
  bool openWeights = false;        // ow=1
  std::string benchmark;           // bench=ID
  std::optional<double> minScore;  // minscore= (kept only with a benchmark)
  std::string provider;            // prov=ID
  bool byOffer = false;            // offer=1: one row per offer
  std::string sortKey, sortDir;    // rsort=KEY:ascending|descending; empty: the engine's order
  int top = kDefaultRankRows;      // top=
};

struct UrlState {
  // Slot 0 is `a`, slot 1 is `b`, then one slot per `m=` (for N-way views), in order. An empty
  // string is a slot with no model chosen (e.g. only `b` given); trailing empty slots are dropped.
  std::vector<std::string> models;
  std::string model;  // `model=`: the model view of this model (the pair keys then wait)
  std::string tool;   // one of kToolViews
  Workload workload;  // ratio, req, in, out, cache, cwrite, batch, long, longin, routes
  RankState rank;
  Overrides
      custom;  // `custom=`, the visitor's prices (shapes checked; setOverrides checks the rest)
  std::string chartBenchmark;     // sbench=ID: the benchmark of the score-vs-price chart
  std::string theme;              // the widget's theme=light|dark; "" follows the reader's setting
  std::vector<Problem> problems;  // path = the key ("req", "a", "m"), or "hash" for the whole
};

// `#` is optional; `key=value` pairs separated by `&`; percent-decoding with `+` as a space.
// Unknown keys are ignored. The widget's long names (requests=, input=, output=) are the same
// keys as req=, in=, out=.
UrlState parseUrlState(std::string_view hash);
// The canonical hash, `#` included, defaults left out except the pair and its traffic:
// parseUrlState(formatUrlState(s)) is s.
std::string formatUrlState(const UrlState& s);
// The same state (the problems say how a state was read; they are not part of it).
bool sameState(const UrlState& x, const UrlState& y);
// What a problem with the key means to a visitor, e.g. "The link's requests a month (req) cannot be
// negative; the default is used." Pages show these sentences as they are.
std::string urlProblemSentence(const Problem& p);
// What is done instead ("the default, 800, is used"), or "" when the message says it: for pages
// that word a problem their own way (the widget's attributes).
std::string urlProblemConsequence(const Problem& p);

// {"models", "model", "tool", "workload", "rank": {cap, minctx, ow, bench, minscore, prov, offer,
//  rsort: {key, dir} | null, top}, "custom": {prices, models}, "sbench", "theme",
//  "problems": [{"path", "message", "sentence", "consequence", "about": "pair" | "details"}]}
void to_json(Json& j, const UrlState& s);
// The same shape (problems ignored); absent members keep their defaults, and what is read is
// checked by the hash's own rules (a value the hash would refuse is a problem here too).
bool from_json(const JsonReader& r, UrlState& s);

// The custom= text:
// {"p":[[model,provider,input,output,cacheRead]…],"m":[[name,input,output,context]…]}. Returns the
// error ("it is not valid JSON") or nullopt with `out` set.
std::optional<std::string> decodeCustomText(std::string_view text, Overrides& out);
std::string encodeCustomText(const Overrides& o);

}  // namespace versus
