#include "fact.hpp"

#include "catalog_checks.hpp"

namespace versus {

bool checkSourceAndDate(const JsonReader& r, const std::string& source, const std::string& date) {
  return checks::sourceAndDate(r, source, date);
}

}  // namespace versus
