#include "limits.hpp"

#include "compare.hpp"
#include "overrides.hpp"
#include "price_history.hpp"
#include "pricing.hpp"
#include "routes.hpp"
#include "url_state.hpp"

namespace versus {

Json engineLimits() {
  const Workload defaults;
  Json workload = Json::object();
  for (const WorkloadField& f : kWorkloadFields)
    workload[std::string(f.name)] = {{"default", defaults.*f.member},
                                     {"min", 0},
                                     {"max", f.max},
                                     {"share", f.share},
                                     {"what", std::string(f.what)}};
  Json choices = Json::object();
  for (const WorkloadChoice& c : kWorkloadChoices) {
    Json options = Json::array();
    for (std::string_view o : c.options)
      if (!o.empty()) options.push_back(o);
    choices[std::string(c.name)] = {{"default", defaults.*c.member},
                                    {"options", std::move(options)},
                                    {"hashKey", std::string(c.hashKey)},
                                    {"what", std::string(c.what)}};
  }
  return Json{{"workload", std::move(workload)},
              {"workloadChoices", std::move(choices)},
              {"regionBytes", kMaxRegionBytes},
              {"comparedModels", kMaxCompared},
              {"modelNameBytes", kMaxUrlStateModelBytes},
              {"urlStateBytes", kMaxUrlStateBytes},
              {"defaultPair", {kDefaultPair[0], kDefaultPair[1]}},
              {"toolViews", kToolViews},
              {"rankRows", kRankRowChoices},
              {"custom",
               {{"entries", kMaxOverrides},
                {"price", kMaxVisitorPrice},
                {"nameBytes", kMaxPrivateNameBytes},
                {"linkBytes", kMaxUrlCustomBytes}}},
              // The headline route policy's thresholds, for the words that explain a flag.
              {"routes",
               {{"belowMakerPriceMargin", kBelowMakerPriceMargin},
                {"farBelowMedianShare", kFarBelowMedianShare},
                {"medianMinRoutes", kMedianMinRoutes}}},
              // A route's price is flagged stale past this many days older than the catalog.
              {"prices", {{"staleDays", kStalePriceDays}}}};
}

}  // namespace versus
