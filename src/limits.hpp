// The engine's limits and defaults in one answer, for the page, the tools and the widget: they ask
// (versus.js `limits`) instead of keeping their own copies of the bounds.
#pragma once

#include "json_reader.hpp"

namespace versus {

// {"workload": {FIELD: {"default", "min", "max", "share", "what"}, …}, "comparedModels",
//  "modelNameBytes", "urlStateBytes", "defaultPair", "toolViews", "rankRows",
//  "custom": {"entries", "price", "nameBytes", "linkBytes"}, "routes": {…},
//  "prices": {"staleDays"}}
Json engineLimits();

}  // namespace versus
