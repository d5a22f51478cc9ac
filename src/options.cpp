#include "options.hpp"

#include <algorithm>
#include <cstdlib>
#include <cmath>

namespace versus {

const char* const kUsage =
    "usage:\n"
    "  versus compare A B [--catalog FILE] [--requests N] [--input-tokens N] [--output-tokens N]\n"
    "                     [--ratio R] [--json]\n"
    "  versus model A [--catalog FILE] [--requests N] [--input-tokens N] [--output-tokens N]\n"
    "                 [--ratio R] [--json]\n"
    "  versus search QUERY [--catalog FILE] [--limit N] [--json]\n"
    "  versus validate FILE\n"
    "Models are named by id or any alias (case-insensitive). Without --catalog, "
    "data/catalog.json.\n"
    "Defaults: --requests 1000000 --input-tokens 800 --output-tokens 250 --ratio 0.7\n";

std::optional<double> parseNumber(std::string_view text) {
  // Plain decimal notation only: strtod alone would also take "0x1p3", "inf" and leading spaces.
  // (libc++ 14, which Emscripten 3.1.6 ships, has no floating-point std::from_chars.)
  if (text.empty() || text.size() > 64 ||
      text.find_first_not_of("0123456789.eE+-") != std::string_view::npos)
    return std::nullopt;
  std::string copy(text);
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

ParsedOptions parseOptions(const std::vector<std::string>& args) {
  ParsedOptions result;
  CliOptions o;
  if (args.empty()) {
    result.error = "no command given";
    return result;
  }
  o.command = args[0];
  if (o.command == "-h" || o.command == "--help") o.command = "help";
  static const char* kCommands[] = {"compare", "model", "search", "validate", "help"};
  if (std::find(std::begin(kCommands), std::end(kCommands), o.command) == std::end(kCommands)) {
    result.error = "unknown command \"" + o.command + "\"";
    return result;
  }
  struct NumberOption {
    const char* flag;
    double* target;
  };
  double limit = o.limit;
  NumberOption numbers[] = {{"--requests", &o.workload.requests},
                            {"--input-tokens", &o.workload.inputTokens},
                            {"--output-tokens", &o.workload.outputTokens},
                            {"--ratio", &o.workload.ratio},
                            {"--limit", &limit}};
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--json") {
      o.json = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      o.command = "help";
      continue;
    }
    if (arg == "--catalog") {
      if (i + 1 >= args.size()) {
        result.error = "--catalog needs a file";
        return result;
      }
      o.catalogPath = args[++i];
      continue;
    }
    auto number = std::find_if(std::begin(numbers), std::end(numbers),
                               [&](const NumberOption& n) { return arg == n.flag; });
    if (number != std::end(numbers)) {
      if (i + 1 >= args.size()) {
        result.error = arg + " needs a number";
        return result;
      }
      std::optional<double> value = parseNumber(args[++i]);
      if (!value) {
        result.error = arg + ": expected a number, got \"" + args[i] + "\"";
        return result;
      }
      *number->target = *value;
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-' && !parseNumber(arg)) {
      result.error = "unknown option \"" + arg + "\"";
      return result;
    }
    o.arguments.push_back(arg);
  }
  if (limit < 1 || limit > 10000 || limit != std::floor(limit)) {
    result.error = "--limit: expected a whole number from 1 to 10000";
    return result;
  }
  o.limit = static_cast<int>(limit);
  size_t wanted = o.command == "compare" ? 2 : o.command == "help" ? 0 : 1;
  if (o.command != "help" && o.arguments.size() != wanted) {
    result.error = o.command + " takes " + std::to_string(wanted) + " argument" +
                   (wanted == 1 ? "" : "s") + ", got " + std::to_string(o.arguments.size());
    return result;
  }
  std::vector<Problem> problems = validateWorkload(o.workload);
  if (!problems.empty()) {
    static const std::pair<const char*, const char*> kFlags[] = {
        {"requests", "--requests"},
        {"inputTokens", "--input-tokens"},
        {"outputTokens", "--output-tokens"},
        {"ratio", "--ratio"}};
    std::string flag = problems[0].path;
    for (const auto& [field, name] : kFlags)
      if (flag == field) flag = name;
    result.error = flag + ": " + problems[0].message;
    return result;
  }
  result.options = std::move(o);
  return result;
}

}  // namespace versus
