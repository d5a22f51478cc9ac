#include "reasoning.hpp"

#include <algorithm>
#include <vector>

#include "format.hpp"
#include "pricing.hpp"

namespace versus {

namespace {

std::string_view makerOf(std::string_view id) { return id.substr(0, id.find('/')); }

bool reasons(const Model& m) {
  auto it = m.capabilities.find("reasoning");
  return it != m.capabilities.end() && it->second.value;
}

}  // namespace

std::string_view toString(ReasoningBasis b) {
  switch (b) {
    case ReasoningBasis::Measured:
      return "measured";
    case ReasoningBasis::MakerMedian:
      return "maker median";
    case ReasoningBasis::AllMedian:
      return "median of all";
    default:
      return "does not reason";
  }
}

void to_json(Json& j, const ReasoningEstimate& e) {
  j = Json{{"ratio", e.ratio},   {"basis", toString(e.basis)},
           {"models", e.models}, {"source", e.source},
           {"date", e.date},     {"sentence", e.sentence}};
}

std::optional<double> measuredReasoningRatio(const Model& m) {
  auto answer = m.indexRun.find("answerMillionTokens");
  auto reasoning = m.indexRun.find("reasoningMillionTokens");
  if (answer == m.indexRun.end() || reasoning == m.indexRun.end() || answer->second.value <= 0)
    return std::nullopt;
  return reasoning->second.value / answer->second.value;
}

ReasoningTable::ReasoningTable(const Catalog& c) : c_(c) {
  std::map<std::string, std::vector<double>, std::less<>> ratios;
  std::vector<double> all;
  std::string source, date;
  for (const Model& m : c.models) {
    std::optional<double> r = measuredReasoningRatio(m);
    if (!r || *r <= 0) continue;  // only reasoning models' measurements speak for reasoning
    ratios[std::string(makerOf(m.id))].push_back(*r);
    all.push_back(*r);
    const Fact<double>& f = m.indexRun.at("reasoningMillionTokens");
    source = f.source;
    std::string d = !f.date.empty()          ? f.date
                    : c.findSource(f.source) ? c.findSource(f.source)->date
                                             : "";
    date = std::max(date, d);
  }
  for (auto& [maker, v] : ratios) byMaker_[maker] = {medianOf(v), v.size(), source, date};
  if (!all.empty()) all_ = {medianOf(all), all.size(), source, date};
}

const ReasoningTable& reasoningTableOf(const Catalog& c) {
  if (!c.reasoningTable.value) c.reasoningTable.value = std::make_shared<const ReasoningTable>(c);
  return *c.reasoningTable.value;
}

ReasoningEstimate ReasoningTable::of(const Model& m) const {
  ReasoningEstimate e;
  auto sourceName = [&](const std::string& key) {
    const Source* s = c_.findSource(key);
    return s ? s->name : key;
  };
  auto ratioText = [](double r) {
    return formatNumber(r, 1) + " reasoning tokens per answer token";
  };
  if (std::optional<double> r = measuredReasoningRatio(m)) {
    const Fact<double>& f = m.indexRun.at("answerMillionTokens");
    e.ratio = *r;
    e.basis = *r > 0 ? ReasoningBasis::Measured : ReasoningBasis::NotReasoning;
    e.models = 1;
    e.source = f.source;
    const Source* s = c_.findSource(f.source);
    e.date = !f.date.empty() ? f.date : s ? s->date : "";
    e.sentence = *r > 0 ? m.name + " spent " + ratioText(*r) + " running " + sourceName(e.source) +
                              "'s Intelligence Index (" + e.date + ")"
                        : m.name + " spent no reasoning tokens running " + sourceName(e.source) +
                              "'s Intelligence Index (" + e.date + ")";
    return e;
  }
  if (!reasons(m)) {
    e.sentence = m.name + " is not a reasoning model: it bills no hidden reasoning";
    return e;
  }
  std::string_view maker = makerOf(m.id);
  auto it = byMaker_.find(maker);
  const Median* median = it != byMaker_.end() ? &it->second : all_.models ? &all_ : nullptr;
  if (!median) {
    e.sentence = m.name + "'s reasoning was not measured, nor any model's: visible output only";
    return e;
  }
  e.ratio = median->ratio;
  e.basis = median == &all_ ? ReasoningBasis::AllMedian : ReasoningBasis::MakerMedian;
  e.models = median->models;
  e.source = median->source;
  e.date = median->date;
  std::string whose =
      median == &all_ ? "all" : (m.creator ? m.creator->value : std::string(maker)) + "'s";
  e.sentence = m.name + "'s own reasoning was not measured: the median of " + whose + " " +
               std::to_string(median->models) + " measured reasoning models (" +
               ratioText(median->ratio) + ", " + sourceName(e.source) + " " + e.date + ")";
  return e;
}

double reasoningRatioFor(const ReasoningTable& t, const Model& m, const Workload& w) {
  return w.reasoning == "typical" ? t.of(m).ratio : 0;
}

}  // namespace versus
