// The page's state as it lives in the URL hash, so that a comparison can be shared:
//   #a=meta/llama-3.2-1b-instruct&b=openai/o3&ratio=0.7&req=1000000&in=800&out=250
// The hash is anyone's to craft: parsing never fails, it keeps the default for every bad value and
// says why in `problems`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json_reader.hpp"
#include "pricing.hpp"

namespace versus {

inline constexpr size_t kMaxUrlStateBytes = 8192;  // a longer hash is ignored as a whole
inline constexpr size_t kMaxUrlStateModels = 6;
inline constexpr size_t kMaxUrlStateModelBytes = 200;

struct UrlState {
  // Slot 0 is `a`, slot 1 is `b`, then one slot per `m=` (for N-way views), in order. An empty
  // string is a slot with no model chosen (e.g. only `b` given); trailing empty slots are dropped.
  std::vector<std::string> models;
  Workload workload;              // `ratio`, `req`, `in`, `out`; defaults from pricing.hpp
  std::vector<Problem> problems;  // path = the key ("req", "a", "m"), or "hash" for the whole
};

// `#` is optional; `key=value` pairs separated by `&`; percent-decoding with `+` as a space.
// Unknown keys are ignored.
UrlState parseUrlState(std::string_view hash);
// The canonical hash, `#` included: parseUrlState(formatUrlState(s)) has s's models and workload.
std::string formatUrlState(const UrlState& s);
// Same models and the same workload fields a hash holds (the problems say how a state was read;
// they are not part of it).
bool sameState(const UrlState& x, const UrlState& y);

// {"models": [...], "workload": {...}, "problems": [{"path", "message"}]}
void to_json(Json& j, const UrlState& s);

}  // namespace versus
