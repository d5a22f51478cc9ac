// The command line of `versus`, parsed into plain values (kept apart from main() so tests reach
// it).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pricing.hpp"
#include "rank.hpp"

namespace versus {

struct CliOptions {
  std::string command;                 // compare, model, rank, search, validate, pack, help
  std::vector<std::string> arguments;  // model names, the file to validate, or pack's two files
  std::optional<std::string> catalogPath;
  Workload workload;
  RankFilter filter;  // rank only
  bool json = false;
  bool text = false;  // the engine's prose instead of a summary
  int limit = 10;
};

struct ParsedOptions {
  std::optional<CliOptions> options;
  std::string error;  // set when options is empty
};

ParsedOptions parseOptions(const std::vector<std::string>& args);
// A whole decimal number as a person writes it ("1000000", "1e6", "0.7"); nothing after it.
std::optional<double> parseNumber(std::string_view text);

extern const char* const kUsage;

}  // namespace versus
