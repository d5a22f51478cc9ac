#include "fact.hpp"

namespace versus {

bool checkSourceAndDate(const JsonReader& r, const std::string& source, const std::string& date) {
  bool ok = true;
  if (r.context() && !r.context()->sourceIds.count(source)) {
    r.problemAt("source", "names source \"" + source + "\", which is not in the catalog's sources");
    ok = false;
  }
  if (!date.empty() && !isDate(date)) {
    r.problemAt("date", "expected a date like 2026-07-02, got \"" + date + "\"");
    ok = false;
  }
  return ok;
}

}  // namespace versus
