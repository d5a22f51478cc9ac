// versus: the command-line front door on the engine. Prints the same JSON the wasm module returns.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "catalog_pack.hpp"
#include "compare.hpp"
#include "format.hpp"
#include "options.hpp"
#include "rank.hpp"
#include "search.hpp"

namespace fs = std::filesystem;
using namespace versus;

namespace {

// A catalog file's bytes, read up to one byte past the engine's limit (a device such as /dev/zero
// or a pipe has no size to check first).
std::optional<std::string> readFile(const fs::path& path, std::string& error) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    error = path.string() + " is a directory, not a catalog file";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path.string();
    return std::nullopt;
  }
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxCatalogBytes) {
      error = path.string() + ": " + catalogTooLarge();
      return std::nullopt;
    }
  }
  if (in.bad()) {
    error = "cannot read " + path.string();
    return std::nullopt;
  }
  return text;
}

// data/catalog.json from the working directory, else from the checkout the binary was built in.
fs::path defaultCatalog(const char* argv0) {
  fs::path here = "data/catalog.json";
  if (fs::exists(here)) return here;
  std::error_code ec;
  fs::path exe = fs::canonical(fs::path(argv0), ec);
  if (!ec) {
    fs::path besideCheckout = exe.parent_path().parent_path().parent_path() / "data/catalog.json";
    if (fs::exists(besideCheckout)) return besideCheckout;
  }
  return here;
}

int printProblems(const std::string& file, const std::vector<Problem>& problems) {
  for (const Problem& p : problems) std::cerr << file << ": " << describe(p) << "\n";
  std::cerr << file << ": " << problems.size() << " problem" << (problems.size() == 1 ? "" : "s")
            << "\n";
  return 1;
}

// Writes the pack of a valid catalog, once it loads back to the very same pack.
int writePack(const Catalog& catalog, const fs::path& from, size_t fromBytes, const fs::path& to) {
  std::string pack = packCatalog(catalog);
  LoadResult back = loadCatalogPack(pack);
  if (!back.catalog || packCatalog(*back.catalog) != pack) {
    std::cerr << "versus: internal error: the pack of " << from.string()
              << " does not load back the same"
              << (back.problems.empty() ? "" : ": " + describe(back.problems[0])) << "\n";
    return 3;
  }
  fs::path partial = to;
  partial += ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(pack.data(), static_cast<std::streamsize>(pack.size()));
    if (!out) {
      std::cerr << "versus: cannot write " << partial.string() << "\n";
      return 1;
    }
  }
  std::error_code ec;
  fs::rename(partial, to, ec);
  if (ec) {
    std::cerr << "versus: cannot write " << to.string() << ": " << ec.message() << "\n";
    return 1;
  }
  std::cout << from.string() << " (" << fromBytes << " bytes) -> " << to.string() << " ("
            << pack.size() << " bytes): " << catalog.models.size() << " models, "
            << catalog.providers.size() << " providers, " << catalog.offers.size() << " offers\n";
  return 0;
}

std::string orUnknown(const Json& v, const std::function<std::string(double)>& format) {
  return v.is_number() ? format(v.get<double>()) : "unknown";
}

void printComparisonText(const Json& r) {
  std::cout << r["verdict"].get<std::string>() << "\n\n";
  for (const Json& m : r["models"]) {
    std::cout << m["name"].get<std::string>() << " (" << m["id"].get<std::string>() << ")\n";
    if (m["cheapest"].is_null()) {
      std::cout << "  no priced route (" << m["routes"] << " provider routes)\n";
      continue;
    }
    const Json& route = m["cheapest"];
    std::string type = route["provider"]["type"].is_string()
                           ? " (" + route["provider"]["type"].get<std::string>() + ")"
                           : "";
    std::cout << "  headline route: " << route["provider"]["name"].get<std::string>() << type
              << ", " << formatUsd(route["input"]) << " in / " << formatUsd(route["output"])
              << " out per 1M tokens\n"
              << "  blended: " << orUnknown(m["blended"]["price"], formatUsd) << " per 1M\n"
              << "  monthly: " << formatUsd(m["monthly"]["cost"]) << "\n";
    const Json& reasoning = m["reasoning"];
    if (reasoning["ratio"].get<double>() > 0)
      std::cout << "  reasoning: " << reasoning["sentence"].get<std::string>() << "\n"
                << "    monthly with typical reasoning "
                << orUnknown(reasoning["typicalMonthly"], formatUsd) << ", visible output only "
                << orUnknown(reasoning["visibleMonthly"], formatUsd)
                << (reasoning["counted"].get<bool>() ? " (the figure above counts reasoning)"
                                                     : " (the figure above: --reasoning typical "
                                                       "counts it)")
                << "\n";
  }
}

// The pair page as plain text: every section the engine wrote, in page order.
void printProse(const Json& prose) {
  auto line = [](const Json& v) { std::cout << v.get<std::string>() << "\n"; };
  std::cout << prose["title"].get<std::string>() << "\n\n";
  line(prose["headline"]);
  std::cout << "\n";
  line(prose["verdict"]);
  std::cout << "\nDecision scorecard\n";
  for (const Json& row : prose["scorecard"])
    std::cout << "  " << row["signal"].get<std::string>() << ": " << row["a"].get<std::string>()
              << " | " << row["b"].get<std::string>() << "\n";
  auto bullets = [](const char* heading, const Json& items) {
    std::cout << "\n" << heading << "\n";
    for (const Json& item : items) std::cout << "  - " << item.get<std::string>() << "\n";
  };
  bullets("Decision tradeoffs", prose["tradeoffs"]);
  std::cout << "\nMonthly cost at traffic\n  " << prose["monthly"]["text"].get<std::string>()
            << "\n  " << prose["monthly"]["excluded"].get<std::string>() << "\n";
  bullets("Switch friction", prose["switchFriction"]);
  std::cout << "\nDeep dive\n";
  for (const Json& p : prose["deepDive"]) std::cout << "  " << p.get<std::string>() << "\n";
  std::cout << "\nFAQ\n";
  for (const Json& qa : prose["faq"])
    std::cout << "  " << qa["question"].get<std::string>() << "\n    "
              << qa["answer"].get<std::string>() << "\n";
  std::cout << "\nSources\n";
  for (const Json& src : prose["sources"]) {
    std::cout << "  - " << src["name"].get<std::string>();
    if (src["date"].is_string()) std::cout << " (" << src["date"].get<std::string>() << ")";
    if (src["attribution"].is_string()) std::cout << ". " << src["attribution"].get<std::string>();
    std::cout << "\n";
  }
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  ParsedOptions parsed = parseOptions(args);
  if (!parsed.options) {
    std::cerr << "versus: " << parsed.error << "\n" << kUsage;
    return 2;
  }
  const CliOptions& o = *parsed.options;
  if (o.command == "help") {
    std::cout << kUsage;
    return 0;
  }
  bool fileArgument = o.command == "validate" || o.command == "pack";
  fs::path catalogPath = fileArgument    ? fs::path(o.arguments[0])
                         : o.catalogPath ? fs::path(*o.catalogPath)
                                         : defaultCatalog(argv[0]);
  std::string error;
  std::optional<std::string> text = readFile(catalogPath, error);
  if (!text) {
    std::cerr << "versus: " << error << "\n";
    return 1;
  }
  LoadResult loaded = isCatalogPack(*text) ? loadCatalogPack(*text) : loadCatalog(*text);
  if (!loaded.catalog) return printProblems(catalogPath.string(), loaded.problems);
  const Catalog& catalog = *loaded.catalog;
  if (o.command == "validate") {
    std::cout << catalogPath.string() << ": valid (" << catalog.models.size() << " models, "
              << catalog.providers.size() << " providers, " << catalog.offers.size()
              << " offers)\n";
    return 0;
  }
  if (o.command == "pack") return writePack(catalog, catalogPath, text->size(), o.arguments[1]);
  if (o.command == "search") {
    Json hits = searchJson(catalog, o.arguments[0], o.limit);
    if (o.json) {
      std::cout << dumpJson(hits, 2) << "\n";
    } else {
      for (const Json& h : hits)
        std::cout << h["id"].get<std::string>() << "\t" << h["name"].get<std::string>() << "\n";
    }
    return 0;
  }
  if (o.command == "rank") {
    if (auto problems = validateFilter(catalog, o.filter); !problems.empty()) {
      std::cerr << "versus: " << describe(problems[0]) << "\n";
      return 1;
    }
    Json ranking = rankJson(catalog, o.workload, o.filter, o.limit);
    if (o.json) {
      std::cout << dumpJson(ranking, 2) << "\n";
    } else {
      std::cout << ranking["matched"] << " priced models match";
      if (ranking["unpriced"].get<int>() > 0)
        std::cout << " (" << ranking["unpriced"] << " more without a priced route)";
      std::cout << "\n";
      for (const Json& row : ranking["rows"])
        std::cout << row["rank"] << ". " << row["name"].get<std::string>() << " at "
                  << row["provider"]["name"].get<std::string>() << ": " << formatUsd(row["monthly"])
                  << " a month\n";
    }
    return 0;
  }
  Json answer = o.command == "compare" ? answerCompareMany(catalog, o.arguments, o.workload)
                                       : answerModel(catalog, o.arguments[0], o.workload);
  if (!answer["ok"].get<bool>()) {
    std::cerr << "versus: " << answer["error"].get<std::string>() << "\n";
    return 1;
  }
  const Json& result = answer["result"];
  if (o.text && result.contains("prose")) {
    printProse(result["prose"]);
  } else if (o.text && result.contains("analysis")) {
    for (const Json& p : result["analysis"]["summary"]) std::cout << p.get<std::string>() << "\n\n";
  } else if (o.json || o.command == "model" || o.arguments.size() > 2) {
    std::cout << dumpJson(answer.at("result"), 2) << "\n";
  } else {
    printComparisonText(answer["result"]);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    // Nothing above should throw; if it does, say so rather than abort.
    std::cerr << "versus: internal error: " << e.what() << "\n";
    return 3;
  }
}
