#include "options.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace versus {

const char* const kUsage =
    "usage:\n"
    "  versus compare A B [C …up to 6] [--catalog FILE] [WORKLOAD] [--json | --text]\n"
    "  versus model A [--catalog FILE] [WORKLOAD] [--json | --text]\n"
    "  versus rank [--catalog FILE] [WORKLOAD] [FILTERS] [--limit N] [--json]\n"
    "  versus search QUERY [--catalog FILE] [--limit N] [--json]\n"
    "  versus validate FILE\n"
    "  versus pack CATALOG.json OUT.pack   (validates, then writes the binary catalog the page "
    "loads)\n"
    "WORKLOAD: --requests N --input-tokens N --output-tokens N --ratio R (input share of a blend)\n"
    "          --cache-hit R --cache-write R (shares of input) --batch-share R\n"
    "          --long-share R --long-input-tokens N (a share of requests with a long prompt)\n"
    "          --on YYYY-MM-DD (each route at the price in force that day, by its history;\n"
    "          unknown where the history does not reach)\n"
    "          --reasoning visible|typical (typical: output plus the model's measured hidden\n"
    "          reasoning) --tier standard|flex|priority --cache-ttl 5m|1h\n"
    "          --region EU (only routes that process there, at their regional price)\n"
    "FILTERS:  --capability ID (repeatable: vision, reasoning, functionCalling, …) --min-context "
    "N\n"
    "          --open-weights --benchmark ID --min-score N --provider ID --by-offer\n"
    "          --kind K (repeatable: text, embedding, rerank, classifier, speech, image; default "
    "text)\n"
    "Models are named by id or any alias (case-insensitive). Without --catalog, "
    "data/catalog.json.\n"
    "A catalog FILE may be JSON or a pack.\n"
    "Defaults: 1000000 requests × (800 input + 250 output tokens), ratio 0.7, no cache or batch\n";

namespace {

// Each workload option, the Workload field it sets, and the name validation problems use for it.
struct WorkloadFlag {
  const char* flag;
  const char* field;
  double Workload::*member;
};
constexpr WorkloadFlag kWorkloadFlags[] = {
    {"--requests", "requests", &Workload::requests},
    {"--input-tokens", "inputTokens", &Workload::inputTokens},
    {"--output-tokens", "outputTokens", &Workload::outputTokens},
    {"--ratio", "ratio", &Workload::ratio},
    {"--cache-hit", "cacheHitRate", &Workload::cacheHitRate},
    {"--cache-write", "cacheWriteRate", &Workload::cacheWriteRate},
    {"--batch-share", "batchShare", &Workload::batchShare},
    {"--long-share", "longShare", &Workload::longShare},
    {"--long-input-tokens", "longInputTokens", &Workload::longInputTokens},
};

}  // namespace

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
  static const char* kCommands[] = {"compare",  "model", "rank", "search",
                                    "validate", "pack",  "help"};
  if (std::find(std::begin(kCommands), std::end(kCommands), o.command) == std::end(kCommands)) {
    result.error = "unknown command \"" + o.command + "\"";
    return result;
  }
  double limit = o.limit, minContext = -1, minScore = 0;
  bool hasMinScore = false;
  struct NumberOption {
    const char* flag;
    double* target;
  };
  std::vector<NumberOption> numbers{
      {"--min-context", &minContext}, {"--min-score", &minScore}, {"--limit", &limit}};
  for (const WorkloadFlag& w : kWorkloadFlags) numbers.push_back({w.flag, &(o.workload.*w.member)});
  struct TextOption {
    const char* flag;
    std::string* target;
  };
  std::string capability;
  std::vector<TextOption> texts{{"--catalog", nullptr},
                                {"--capability", &capability},
                                {"--kind", &capability},
                                {"--benchmark", &o.filter.benchmark},
                                {"--provider", &o.filter.provider},
                                {"--on", &o.workload.on},
                                {"--region", &o.workload.region}};
  // Literals: their data() ends in a NUL.
  for (const WorkloadChoice& c : kWorkloadChoices)
    texts.push_back({c.flag.data(), &(o.workload.*c.member)});
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--json" || arg == "--text") {
      (arg == "--json" ? o.json : o.text) = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      o.command = "help";
      continue;
    }
    if (arg == "--open-weights" || arg == "--by-offer") {
      (arg == "--open-weights" ? o.filter.openWeightsOnly : o.filter.byOffer) = true;
      continue;
    }
    auto text = std::find_if(texts.begin(), texts.end(),
                             [&](const TextOption& t) { return arg == t.flag; });
    if (text != texts.end()) {
      if (i + 1 >= args.size()) {
        result.error = arg + (arg == "--catalog" ? " needs a file" : " needs a value");
        return result;
      }
      const std::string& value = args[++i];
      // Names and ids are echoed in answers, which are JSON and so must be UTF-8 (dump() throws
      // otherwise; found by fuzz_options). A file path may be any bytes.
      if (arg != "--catalog" && !isUtf8(value)) {
        result.error = arg + ": expected UTF-8 text";
        return result;
      }
      if (arg == "--catalog")
        o.catalogPath = value;
      else if (arg == "--capability")
        o.filter.capabilities.push_back(value);
      else if (arg == "--kind")
        o.filter.kinds.push_back(value);
      else
        *text->target = value;
      continue;
    }
    if (arg == "--min-score") hasMinScore = true;
    auto number = std::find_if(numbers.begin(), numbers.end(),
                               [&](const NumberOption& n) { return arg == n.flag; });
    if (number != numbers.end()) {
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
    if (o.command != "validate" && o.command != "pack" && !isUtf8(arg)) {  // as for names above
      result.error = o.command + ": model names and queries must be UTF-8 text";
      return result;
    }
    o.arguments.push_back(arg);
  }
  if (limit < 1 || limit > 10000 || limit != std::floor(limit)) {
    result.error = "--limit: expected a whole number from 1 to 10000";
    return result;
  }
  o.limit = static_cast<int>(limit);
  if (minContext >= 0) {
    if (minContext != std::floor(minContext) || minContext > 1e12) {
      result.error = "--min-context: expected a whole number of tokens";
      return result;
    }
    o.filter.minContext = static_cast<int64_t>(minContext);
  }
  if (hasMinScore) {
    if (o.filter.benchmark.empty()) {
      result.error = "--min-score needs --benchmark";
      return result;
    }
    o.filter.minScore = minScore;
  }
  size_t least = 1, most = 1;
  if (o.command == "compare") least = 2, most = 6;
  if (o.command == "pack") least = 2, most = 2;
  if (o.command == "help" || o.command == "rank") least = 0, most = 0;
  if (o.arguments.size() < least || o.arguments.size() > most) {
    std::string wanted = least == most ? std::to_string(least)
                                       : std::to_string(least) + " to " + std::to_string(most);
    result.error = o.command + " takes " + wanted + " argument" + (most == 1 ? "" : "s") +
                   ", got " + std::to_string(o.arguments.size());
    return result;
  }
  std::vector<Problem> problems = validateWorkload(o.workload);
  if (!problems.empty()) {
    std::string flag = problems[0].path;
    for (const WorkloadFlag& w : kWorkloadFlags)
      if (flag == w.field) flag = w.flag;
    result.error = flag + ": " + problems[0].message;
    return result;
  }
  result.options = std::move(o);
  return result;
}

}  // namespace versus
