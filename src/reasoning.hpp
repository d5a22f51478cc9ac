// How many hidden reasoning tokens a model spends per visible output token, for the estimate
// "with typical reasoning" (Workload::reasoning). A reasoning model bills its hidden reasoning as
// output, so a list-price estimate of its visible answer alone is a fraction of the real bill.
//
// The rule, in order (docs/engine-api.md "Reasoning"):
//  1. measured: the model's own Intelligence Index run (Model::indexRun, Artificial Analysis):
//     reasoningMillionTokens / answerMillionTokens;
//  2. a model that reasons (capability `reasoning`) but was not measured: the median ratio of its
//     maker's measured reasoning models (the id's prefix), else of every measured reasoning model,
//     said as an estimate with how many models it comes from;
//  3. a model that does not reason, or is not known to: none (ratio 0).
#pragma once

#include <map>
#include <string>

#include "catalog.hpp"
#include "json_reader.hpp"

namespace versus {

enum class ReasoningBasis { Measured, MakerMedian, AllMedian, NotReasoning };
// "measured", "maker median", "median of all", "does not reason"
std::string_view toString(ReasoningBasis b);

struct ReasoningEstimate {
  double ratio = 0;  // hidden reasoning tokens per visible output token
  ReasoningBasis basis = ReasoningBasis::NotReasoning;
  size_t models = 0;   // the measured models a median comes from (1 when measured)
  std::string source;  // the source of the measurement(s): Artificial Analysis' key
  std::string date;    // its date (the fact's, else the source's)
  // "o3's own reasoning was not measured: the median of OpenAI's 11 measured reasoning models
  // (15.2 reasoning tokens per answer token, Artificial Analysis 2026-07-10)"
  std::string sentence;
};
// {"ratio", "basis", "models", "source", "date", "sentence"}
void to_json(Json& j, const ReasoningEstimate& e);

// The measurements of one catalog, gathered once (a ranking asks for every model).
class ReasoningTable {
 public:
  explicit ReasoningTable(const Catalog& c);
  ReasoningEstimate of(const Model& m) const;

 private:
  struct Median {
    double ratio = 0;
    size_t models = 0;
    std::string source, date;
  };
  const Catalog& c_;
  std::map<std::string, Median, std::less<>> byMaker_;
  Median all_;
};

// The model's measured ratio, when its index run holds both parts (answer > 0).
std::optional<double> measuredReasoningRatio(const Model& m);
// The ratio a workload bills for a model: 0 unless it asks for typical reasoning.
double reasoningRatioFor(const ReasoningTable& t, const Model& m, const struct Workload& w);

// The catalog's table, made on first use and kept with the catalog (every answer asks for it; a
// pass over 20,000 models is work an input such as the ratio should not redo). Not for concurrent
// use.
const ReasoningTable& reasoningTableOf(const Catalog& c);

}  // namespace versus
