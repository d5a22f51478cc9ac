#include "prose.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "format.hpp"

namespace versus {

namespace prose {

std::string cleanName(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

std::string joinAnd(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += items.size() == 2 ? " and " : (i + 1 == items.size() ? ", and " : ", ");
    out += items[i];
  }
  return out;
}

std::string formatTrimmed(double value, int maxDecimals) {
  std::string s = formatNumber(value, maxDecimals);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

// Three significant digits: 128000 → "128k", 32768 → "32.8k", 1048576 → "1.05M".
std::string formatTokens(double tokens) {
  auto scaled = [](double v, const char* suffix) {
    int decimals = v >= 100 ? 0 : (v >= 10 ? 1 : 2);
    return formatTrimmed(v, decimals) + suffix;
  };
  double a = std::fabs(tokens);
  if (a >= 1e12) return scaled(tokens / 1e12, "T");
  if (a >= 1e9) return scaled(tokens / 1e9, "B");
  if (a >= 1e6) return scaled(tokens / 1e6, "M");
  if (a >= 1e3) return scaled(tokens / 1e3, "k");
  return formatTrimmed(tokens, 2);
}

std::string article(std::string_view word) {
  if (word.empty()) return "a";
  auto digit = [&](size_t i) {
    return i < word.size() && std::isdigit(static_cast<unsigned char>(word[i]));
  };
  if (digit(0)) {
    if (word[0] == '8') return "an";  // eight, eighty, eight hundred
    // eleven, eighteen (and 11k, 18.5M), but not 110 or 180
    bool twoDigits = digit(1) && !digit(2);
    if (twoDigits && word[0] == '1' && (word[1] == '1' || word[1] == '8')) return "an";
    return "a";
  }
  char ch = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  return std::string_view("aeiou").find(ch) != std::string_view::npos ? "an" : "a";
}

std::string blendLabel(double ratio) {
  int in = static_cast<int>(std::lround(ratio * 100));
  return std::to_string(in) + "/" + std::to_string(100 - in);
}

std::string blendPhrase(double ratio) {
  std::string label = blendLabel(ratio);
  return article(label) + " " + label + " input/output blend";
}

// The capability names as they read inside a sentence.
std::string capabilityPhrase(const std::string& id, const std::string& name) {
  if (id == "multimodal") return "multimodal input";
  if (id == "reasoning") return "reasoning mode";
  if (id == "ideIntegration") return "IDE integration";
  std::string s = name;
  if (!s.empty() && id != "ideIntegration") s[0] = static_cast<char>(std::tolower(s[0]));
  return s;
}

std::string fitTag(const std::string& tag) {
  if (tag == "rag") return "RAG";
  if (tag == "long-context") return "Long context";
  std::string s = tag;
  std::replace(s.begin(), s.end(), '-', ' ');
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace prose

namespace {

using namespace prose;

std::string usdPer1M(double usd) { return formatUsd(usd) + " per 1M tokens"; }

// At most `limit` items, then "N more".
std::vector<std::string> capped(std::vector<std::string> items, size_t limit,
                                const std::string& more) {
  if (items.size() > limit) {
    size_t rest = items.size() - (limit - 1);
    items.resize(limit - 1);
    items.push_back(std::to_string(rest) + " more " + more);
  }
  return items;
}

using Capability = CapabilityFact;
using Gap = BenchmarkFact;
using Side = SideFacts;
using Pair = PairFacts;

std::string score(double v) { return formatTrimmed(v, std::fabs(v) >= 10 ? 1 : 2); }
std::string points(double v) {
  std::string s = score(std::fabs(v));
  return s + (s == "1" ? " point" : " points");
}

// What one model offers that the other does not, by the catalog's facts only.
std::vector<std::string> advantages(const Pair& p, int i, bool withCost) {
  const Side& me = p.s[i];
  const Side& other = p.s[1 - i];
  std::vector<std::string> out;
  if (withCost && p.cheaperBlend == i && me.blended && other.blended &&
      *other.blended - *me.blended >= prose::kMaterialPriceShare * *other.blended)
    out.push_back("a lower blended price");
  if (me.routes > other.routes) out.push_back("broader provider choice");
  if (me.context && other.context && *me.context >= prose::kMaterialContextRatio * *other.context)
    out.push_back("a larger context window");
  std::vector<std::string> leads;
  for (const Gap& g : p.shared)
    if (g.leader == i && std::fabs(g.gap) >= prose::kMaterialScoreGap) leads.push_back(g.name);
  if (!leads.empty()) out.push_back("higher scores on " + joinAnd(capped(leads, 3, "benchmarks")));
  std::vector<std::string> caps;
  for (const Capability& k : p.caps) {
    std::optional<bool> mine = i == 0 ? k.a : k.b, theirs = i == 0 ? k.b : k.a;
    if (mine == true && theirs == false) caps.push_back(k.phrase);
  }
  if (!caps.empty()) out.push_back("support for " + joinAnd(capped(caps, 4, "capabilities")));
  return out;
}

std::string ratioBlend(const Pair& p) { return blendPhrase(p.ratio); }

// ---- headline
// ------------------------------------------------------------------------------------

std::string headline(const Pair& p) {
  const Side& a = p.s[0];
  const Side& b = p.s[1];
  std::vector<std::string> sentences;
  auto who = [](const Side& s) {
    std::string d = s.name;
    std::vector<std::string> bits;
    if (!s.creator.empty()) bits.push_back(s.creator);
    if (!s.year.empty()) bits.push_back(s.year);
    std::string joined;
    for (const std::string& bit : bits) joined += (joined.empty() ? "" : ", ") + bit;
    return d + (joined.empty() ? "" : " (" + joined + ")");
  };
  sentences.push_back("This page compares " + who(a) + " with " + who(b) + ".");
  if (a.context && b.context)
    sentences.push_back(a.name + " has " + article(formatTokens(*a.context)) + " " +
                        formatTokens(*a.context) + "-token context window, while " + b.name +
                        " has " + article(formatTokens(*b.context)) + " " +
                        formatTokens(*b.context) + "-token one.");
  else if (a.context || b.context) {
    const Side& k = a.context ? a : b;
    const Side& u = a.context ? b : a;
    sentences.push_back(k.name + " has " + article(formatTokens(*k.context)) + " " +
                        formatTokens(*k.context) + "-token context window; " + u.name +
                        "'s context window is not sourced in the catalog.");
  } else {
    sentences.push_back("Neither model's context window is sourced in the catalog.");
  }
  if (p.largest) {
    const Gap& g = *p.largest;
    if (g.leader >= 0)
      sentences.push_back("On " + g.name + ", " + p.s[g.leader].name + " leads by " +
                          points(g.gap) + ".");
    else
      sentences.push_back("On " + g.name + ", both score " + score(g.a) + ".");
  }
  if (a.input && b.input)
    sentences.push_back("On pricing, " + a.name + " costs " + formatUsd(*a.input) +
                        " per 1M input tokens versus " + formatUsd(*b.input) + " for " + b.name +
                        " at their cheapest verified routes.");
  else if (a.input || b.input) {
    const Side& k = a.input ? a : b;
    const Side& u = a.input ? b : a;
    sentences.push_back("On pricing, " + k.name + " costs " + formatUsd(*k.input) +
                        " per 1M input tokens at its cheapest verified route; " + u.name +
                        " has no priced route in the catalog.");
  }
  sentences.push_back(
      "The comparison covers specs, pricing, provider availability, capabilities "
      "and benchmarks, with costs at " +
      formatTrimmed(p.requests, 0) + " requests a month of " + formatTrimmed(p.inputTokens, 2) +
      " input and " + formatTrimmed(p.outputTokens, 2) + " output tokens each.");
  std::string out;
  for (const std::string& s : sentences) out += (out.empty() ? "" : " ") + s;
  return out;
}

// ---- verdict
// -------------------------------------------------------------------------------------

// The month's bill at the visitor's traffic, cheaper-at-the-blend side first; when the bill
// overturns the blend, the sentence says so instead.
std::string monthlyClause(const Pair& p, const Side& first, const Side& second) {
  if (!first.monthly || !second.monthly) return "";
  std::string at = "At " + formatTrimmed(p.requests, 0) + " requests a month";
  if (p.cheaperBlend >= 0 && *second.monthly < *first.monthly)
    return " " + at + ", though, " + second.name +
           "'s monthly bill is the lower: " + formatUsd(*second.monthly) + " against " +
           formatUsd(*first.monthly) + " for " + first.name + ".";
  if (*first.monthly == *second.monthly)
    return " " + at + " both bills are " + formatUsd(*first.monthly) + ".";
  return " " + at + " the bill is " + formatUsd(*first.monthly) + " for " + first.name + " and " +
         formatUsd(*second.monthly) + " for " + second.name + ".";
}

std::string reasoningClause(const Pair& p) {
  std::string out;
  for (const Side& s : p.s)
    if (!s.reasoning.empty() && s.monthly)
      out += " The bill counts " + s.name + "'s hidden reasoning as output. " + s.reasoning + ".";
  return out;
}

}  // namespace

std::string prose::verdict(const Pair& p) {
  const Side& a = p.s[0];
  const Side& b = p.s[1];
  std::string blend = ratioBlend(p);
  if (!a.blended && !b.blended)
    return "Neither " + a.name + " nor " + b.name +
           " has a priced route in the catalog, so this comparison rests on specs, capabilities "
           "and benchmarks.";
  if (!a.blended || !b.blended) {
    const Side& k = a.blended ? a : b;
    const Side& u = a.blended ? b : a;
    std::string s = k.name + " costs " + usdPer1M(*k.blended) + " at " + blend + "; " + u.name +
                    " has no priced route in the catalog, so the cost comparison stays open.";
    if (k.monthly)
      s += " At " + formatTrimmed(p.requests, 0) + " requests a month " + k.name + "'s bill is " +
           formatUsd(*k.monthly) + ".";
    return s + reasoningClause(p);
  }
  if (p.cheaperBlend < 0) {
    std::vector<std::string> adv0 = advantages(p, 0, false), adv1 = advantages(p, 1, false);
    std::string s = a.name + " and " + b.name + " cost the same at " + blend + " (" +
                    usdPer1M(*a.blended) + ")";
    std::vector<std::string> parts;
    if (!adv0.empty()) parts.push_back(a.name + " for " + joinAnd(adv0));
    if (!adv1.empty()) parts.push_back(b.name + " for " + joinAnd(adv1));
    s += parts.empty() ? "." : "; choose " + joinAnd(parts) + ".";
    return s + monthlyClause(p, a, b) + reasoningClause(p);
  }
  const Side& cheap = p.s[p.cheaperBlend];
  const Side& dear = p.s[1 - p.cheaperBlend];
  double pct = (*dear.blended - *cheap.blended) / *dear.blended * 100;
  std::string s = cheap.name + " is " + percentCheaper(pct) + " than " + dear.name + " at " +
                  blend + " (" + formatUsd(*cheap.blended) + " vs " + formatUsd(*dear.blended) +
                  " per 1M tokens)";
  std::vector<std::string> adv = advantages(p, 1 - p.cheaperBlend, false);
  s += adv.empty() ? "; the catalog shows no capability, benchmark, context or provider advantage "
                     "for " +
                         dear.name + "."
                   : "; pay for " + dear.name + " only if you need " + joinAnd(adv) + ".";
  return s + monthlyClause(p, cheap, dear) + reasoningClause(p);
}

namespace {

// ---- scorecard
// -----------------------------------------------------------------------------------

Json scorecard(const Pair& p) {
  Json rows = Json::array();
  auto row = [&](const char* signal, const std::string& a, const std::string& b) {
    rows.push_back({{"signal", signal}, {"a", a}, {"b", b}});
  };
  const std::string unknown = "Not sourced";
  auto each = [&](const char* signal, auto valueOf) {
    row(signal, valueOf(p.s[0]), valueOf(p.s[1]));
  };
  // A row neither model has a fact for says nothing: it is left out rather than "Not sourced"
  // twice.
  if (!p.s[0].bestFor.empty() || !p.s[1].bestFor.empty())
    each("Best for", [&](const Side& s) { return s.bestFor.empty() ? unknown : s.bestFor; });
  if (!p.s[0].fit.empty() || !p.s[1].fit.empty())
    each("Decision fit", [&](const Side& s) { return s.fit.empty() ? unknown : joinAnd(s.fit); });
  each("Context window",
       [&](const Side& s) { return s.context ? formatTokens(*s.context) + " tokens" : unknown; });
  each("Cheapest input", [&](const Side& s) {
    return s.input ? usdPer1M(*s.input) : std::string("No priced route");
  });
  each("Cheapest output", [&](const Side& s) {
    return s.output ? usdPer1M(*s.output) : std::string("No priced route");
  });
  std::string blendSignal = "Blended price (" + blendLabel(p.ratio) + ")";
  row(blendSignal.c_str(),
      p.s[0].blended ? usdPer1M(*p.s[0].blended) : std::string("No priced route"),
      p.s[1].blended ? usdPer1M(*p.s[1].blended) : std::string("No priced route"));
  each("Monthly cost", [&](const Side& s) {
    return s.monthly ? formatUsd(*s.monthly) : std::string("No priced route");
  });
  each("Provider routes", [&](const Side& s) {
    std::string r = std::to_string(s.routes) + " tracked";
    if (s.priced != s.routes) r += " (" + std::to_string(s.priced) + " priced)";
    return r;
  });
  if (p.shared.empty()) {
    row("Shared benchmarks", "None sourced", "None sourced");
  } else {
    auto leads = [&](int i) {
      int n = 0;
      for (const Gap& g : p.shared) n += g.leader == i;
      std::string r = "Leads " + std::to_string(n) + " of " + std::to_string(p.shared.size());
      if (p.largest && p.largest->leader == i) r += ", incl. " + p.largest->name;
      return r;
    };
    row("Shared benchmarks", leads(0), leads(1));
  }
  return rows;
}

// ---- tradeoffs
// -----------------------------------------------------------------------------------

std::vector<std::string> unknownCaps(const Pair& p, int i) {
  std::vector<std::string> out;
  for (const Capability& k : p.caps)
    if (!(i == 0 ? k.a : k.b)) out.push_back(k.phrase);
  return out;
}

std::string unknownCapsSentence(const Pair& p, int i) {
  std::vector<std::string> u = unknownCaps(p, i);
  if (u.empty()) return "";
  if (u.size() == p.caps.size())
    return "No capability flags are sourced for " + p.s[i].name + " in the catalog.";
  return "Capability data for " + p.s[i].name +
         " is incomplete: " + joinAnd(capped(u, 5, "capabilities")) +
         (u.size() == 1 ? " is" : " are") + " not sourced.";
}

std::vector<std::string> tradeoffs(const Pair& p) {
  std::vector<std::string> out;
  const Side& a = p.s[0];
  const Side& b = p.s[1];
  if (p.cheaperBlend >= 0) {
    const Side& cheap = p.s[p.cheaperBlend];
    const Side& dear = p.s[1 - p.cheaperBlend];
    out.push_back(cheap.name + " has the lower blended price at " + ratioBlend(p) + ": " +
                  formatUsd(*cheap.blended) + " vs " + formatUsd(*dear.blended) +
                  " per 1M tokens.");
  }
  if (a.output && b.output && *a.output != *b.output) {
    const Side& low = *a.output < *b.output ? a : b;
    const Side& high = *a.output < *b.output ? b : a;
    out.push_back(low.name + " has the lower cheapest verified output price at " +
                  usdPer1M(*low.output) + " (" + high.name + ": " + formatUsd(*high.output) + ").");
  }
  if (a.routes != b.routes) {
    const Side& wide = a.routes > b.routes ? a : b;
    const Side& narrow = a.routes > b.routes ? b : a;
    out.push_back(wide.name + " has broader tracked provider coverage (" +
                  std::to_string(wide.routes) +
                  (wide.routes == 1 ? " live route vs " : " live routes vs ") +
                  std::to_string(narrow.routes) + ") for fallback and procurement flexibility.");
  }
  for (int i = 0; i < 2; ++i) {
    const Side& s = p.s[i];
    if (!s.fit.empty())
      out.push_back("The catalog tags " + s.name + " for " + joinAnd(s.fit) + ".");
  }
  for (int i = 0; i < 2; ++i) {
    std::vector<std::string> leads;
    for (const Gap& g : p.shared)
      if (g.leader == i && std::fabs(g.gap) >= prose::kMaterialScoreGap)
        leads.push_back(g.name + " (by " + points(g.gap) + ")");
    if (!leads.empty())
      out.push_back(p.s[i].name + " holds the shared-benchmark lead on " +
                    joinAnd(capped(leads, 4, "benchmarks")) + ".");
  }
  if (a.context && b.context &&
      std::max(*a.context, *b.context) >=
          prose::kMaterialContextRatio * std::min(*a.context, *b.context)) {
    const Side& big = *a.context > *b.context ? a : b;
    const Side& small = *a.context > *b.context ? b : a;
    out.push_back(big.name + " has the larger context window (" + formatTokens(*big.context) +
                  " vs " + formatTokens(*small.context) +
                  " tokens) for long prompts, retrieval packs, or transcript analysis.");
  }
  for (int i = 0; i < 2; ++i) {
    std::vector<std::string> only;
    for (const Capability& k : p.caps) {
      std::optional<bool> mine = i == 0 ? k.a : k.b, theirs = i == 0 ? k.b : k.a;
      if (mine == true && theirs == false) only.push_back(k.phrase);
    }
    if (!only.empty())
      out.push_back(p.s[i].name + " uniquely exposes " + joinAnd(only) +
                    " in the catalog's capability data.");
  }
  for (int i = 0; i < 2; ++i) {
    std::string u = unknownCapsSentence(p, i);
    if (!u.empty()) out.push_back(u);
  }
  if (out.empty())
    out.push_back(
        "The catalog holds no price, provider, benchmark, context or capability "
        "difference between " +
        a.name + " and " + b.name + ".");
  return out;
}

// ---- monthly
// -------------------------------------------------------------------------------------

Json monthly(const Pair& p) {
  const Side& a = p.s[0];
  const Side& b = p.s[1];
  std::string t = "At " + formatTrimmed(p.requests, 0) + " requests a month, each with " +
                  formatTrimmed(p.inputTokens, 2) + " input and " +
                  formatTrimmed(p.outputTokens, 2) + " output tokens (" +
                  formatTokens(p.requests * p.inputTokens) + " input and " +
                  formatTokens(p.requests * p.outputTokens) + " output tokens in all), ";
  auto cost = [](const Side& s) {
    std::string r = s.name + " costs " + formatUsd(*s.monthly);
    if (!s.monthlyRoute.empty()) r += " at its cheapest verified route, " + s.monthlyRoute;
    return r;
  };
  if (a.monthly && b.monthly) {
    t += cost(a) + ", and " + cost(b) + ".";
    double gap = std::fabs(*b.monthly - *a.monthly);
    if (gap == 0) {
      t += " Both come to the same monthly bill.";
    } else {
      const Side& dear = *a.monthly > *b.monthly ? a : b;
      const Side& cheap = *a.monthly > *b.monthly ? b : a;
      t += " The estimated monthly gap is " + formatUsd(gap);
      if (*cheap.monthly > 0)
        t += ": " + dear.name + " " + costsMore(*dear.monthly / *cheap.monthly) + ".";
      else
        t += ", all of it for " + dear.name + ".";
    }
  } else if (a.monthly || b.monthly) {
    const Side& k = a.monthly ? a : b;
    const Side& u = a.monthly ? b : a;
    t += cost(k) + "; " + u.name +
         " has no priced live route in the catalog, so its monthly cost is unknown.";
  } else {
    t += "neither model has a priced live route in the catalog, so the monthly cost is unknown "
         "for both.";
  }
  // Say what the estimate leaves out: only what this workload does not model.
  std::vector<std::string> left;
  if (p.batchShare <= 0) left.push_back("batch discounts");
  if (p.cacheHitRate <= 0) left.push_back("cached-token prices");
  left.push_back("free tiers");
  left.push_back("deprecated or retired routes");
  left.push_back("negotiated discounts");
  std::string excluded = joinAnd(left) + " are excluded from this estimate";
  excluded[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(excluded[0])));
  std::vector<std::string> modelled;
  if (p.cacheHitRate > 0)
    modelled.push_back(formatTrimmed(p.cacheHitRate * 100, 1) + "% of input read from cache");
  if (p.batchShare > 0)
    modelled.push_back(formatTrimmed(p.batchShare * 100, 1) + "% of requests sent as batch");
  if (p.longShare > 0)
    modelled.push_back(formatTrimmed(p.longShare * 100, 1) + "% of requests with a long prompt");
  if (!modelled.empty()) excluded += "; it includes " + joinAnd(modelled);
  excluded += ". Long-context price tiers apply when a request's prompt passes their threshold.";
  return Json{{"text", t}, {"excluded", excluded}};
}

// ---- switch friction
// -----------------------------------------------------------------------------

std::vector<std::string> switchFriction(const Pair& p) {
  std::vector<std::string> out;
  const Side& a = p.s[0];
  const Side& b = p.s[1];
  if (!p.sharedProviders.empty())
    out.push_back("Provider overlap exists on " +
                  joinAnd(capped(p.sharedProviders, 6, "providers")) +
                  "; start route-level A/B tests there.");
  else if (!a.providers.empty() && !b.providers.empty())
    out.push_back(
        "No tracked provider serves both models, so switching also means a new "
        "provider integration.");
  for (int i = 0; i < 2; ++i)
    if (p.s[i].providers.empty())
      out.push_back(p.s[i].name + " has no live provider route in the catalog.");
  if (a.output && b.output) {
    double d = *b.output - *a.output;
    if (d == 0) {
      out.push_back("Both have the same cheapest verified output price, " + usdPer1M(*a.output) +
                    ".");
    } else {
      const Side& high = d > 0 ? b : a;
      const Side& low = d > 0 ? a : b;
      out.push_back(high.name + " is " + formatUsd(std::fabs(d)) +
                    " per 1M tokens higher on cheapest verified output pricing, so quality gains "
                    "need to justify the spend.");
      out.push_back(low.name + " is " + formatUsd(std::fabs(d)) +
                    " per 1M tokens lower on cheapest verified output pricing before cache, batch, "
                    "or negotiated discounts.");
    }
  } else if (a.output || b.output) {
    const Side& u = a.output ? b : a;
    out.push_back("The output price gap is unknown because " + u.name +
                  " has no priced route in the catalog.");
  }
  for (int i = 0; i < 2; ++i) {
    std::vector<std::string> adds;
    for (const Capability& k : p.caps) {
      std::optional<bool> mine = i == 0 ? k.a : k.b, theirs = i == 0 ? k.b : k.a;
      if (mine == true && theirs == false) adds.push_back(k.phrase);
    }
    if (!adds.empty())
      out.push_back(p.s[i].name + " adds " + joinAnd(adds) + "; check replacement coverage for " +
                    (adds.size() == 1 ? "it" : "them") + " before moving traffic to " +
                    p.s[1 - i].name + ".");
  }
  for (int i = 0; i < 2; ++i) {
    std::vector<std::string> u = unknownCaps(p, i);
    std::vector<std::string> relevant;  // unknown here, supported on the other side
    for (const Capability& k : p.caps) {
      std::optional<bool> mine = i == 0 ? k.a : k.b, theirs = i == 0 ? k.b : k.a;
      if (!mine && theirs == true) relevant.push_back(k.phrase);
    }
    if (!relevant.empty())
      out.push_back("Whether " + p.s[i].name + " supports " +
                    joinAnd(capped(relevant, 5, "capabilities")) +
                    " is not sourced in the catalog; confirm with its provider before switching.");
  }
  if (out.empty())
    out.push_back(
        "The catalog shows no provider, price or capability obstacle to switching "
        "between " +
        a.name + " and " + b.name + ".");
  return out;
}

// ---- deep dive
// -----------------------------------------------------------------------------------

std::vector<std::string> deepDive(const Pair& p) {
  std::vector<std::string> out;
  const Side& a = p.s[0];
  const Side& b = p.s[1];
  // Benchmarks.
  if (!p.shared.empty()) {
    std::vector<const Gap*> shown;
    for (const Gap& g : p.shared) shown.push_back(&g);
    const size_t kShown = 5;
    if (shown.size() > kShown) {
      std::stable_sort(shown.begin(), shown.end(), [](const Gap* x, const Gap* y) {
        return std::fabs(x->gap) > std::fabs(y->gap);
      });
      shown.resize(kShown);
    }
    std::vector<std::string> clauses;
    for (const Gap* g : shown) {
      std::string c = g->name + " has " + a.name + " at " + score(g->a) + " and " + b.name +
                      " at " + score(g->b);
      c += g->leader >= 0 ? ", with " + p.s[g->leader].name + " ahead by " + points(g->gap)
                          : ", a tie";
      clauses.push_back(c);
    }
    std::string s = "On shared benchmark coverage, ";
    for (size_t i = 0; i < clauses.size(); ++i) s += (i ? "; " : "") + clauses[i];
    s += ".";
    if (p.shared.size() > kShown)
      s += " Those are the " + std::to_string(kShown) + " largest gaps of " +
           std::to_string(p.shared.size()) + " shared benchmarks.";
    if (p.largest && p.largest->leader >= 0)
      s += " The largest visible gap is " + points(p.largest->gap) + " on " + p.largest->name +
           ", which matters most when that benchmark mirrors your workload.";
    s += " Treat isolated benchmark wins as directional, because provider routing, prompt style, "
         "and tool access can move real application results.";
    out.push_back(s);
  } else {
    std::string s = "No shared benchmark rows are currently sourced for this pair.";
    if (p.onlyA || p.onlyB)
      s += " " + a.name + " has " + std::to_string(p.onlyA) + " and " + b.name + " has " +
           std::to_string(p.onlyB) +
           " benchmark scores without a counterpart, so scores cannot be compared directly.";
    out.push_back(s);
  }
  // Capabilities.
  {
    std::vector<std::string> differs, both, neither;
    for (const Capability& k : p.caps) {
      if (k.a && k.b && *k.a != *k.b)
        differs.push_back(k.phrase + " (" + p.s[*k.a ? 0 : 1].name + ")");
      if (k.a == true && k.b == true) both.push_back(k.phrase);
      if (k.a == false && k.b == false) neither.push_back(k.phrase);
    }
    size_t unknown = 0;
    for (const Capability& k : p.caps) unknown += !k.a || !k.b;
    std::string s;
    if (!differs.empty())
      s = "The capability footprint differs on " + joinAnd(differs) + ".";
    else
      s = "Where both sides are sourced, the catalog shows no capability difference.";
    if (!both.empty()) s += " Both models support " + joinAnd(both) + ".";
    if (!neither.empty() && neither.size() <= 5) s += " Neither supports " + joinAnd(neither) + ".";
    if (unknown > 0)
      s += " For " + std::to_string(unknown) + " of the " + std::to_string(p.caps.size()) +
           " capabilities at least one model's flag is not sourced, so the footprint may be "
           "incomplete.";
    if (!differs.empty())
      s += " Use these differences to decide whether the choice is about raw model quality, "
           "agentic support, multimodal ingestion, or predictable structured API behavior.";
    out.push_back(s);
  }
  // Cost.
  {
    auto lists = [](const Side& s) {
      std::string r = s.name + " lists " + formatUsd(*s.input) + " per 1M input and " +
                      formatUsd(*s.output) + " per 1M output tokens";
      if (!s.route.empty()) r += " on its cheapest verified provider, " + s.route;
      return r;
    };
    std::string s;
    if (a.input && b.input)
      s = "For cost, " + lists(a) + ", while " + lists(b) + ".";
    else if (a.input || b.input)
      s = "For cost, " + lists(a.input ? a : b) + "; " + (a.input ? b : a).name +
          " has no priced route in the catalog.";
    else
      s = "Neither model has a priced route in the catalog, so cost cannot be compared.";
    if (p.cheaperBlend >= 0) {
      double gap = std::fabs(*a.blended - *b.blended);
      std::string label = blendLabel(p.ratio);
      std::string an = article(label);
      an[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(an[0])));
      s += " " + an + " " + label + " input-output blend puts " + p.s[p.cheaperBlend].name +
           " lower by about " + formatUsd(gap) + " per million blended tokens.";
    } else if (a.blended && b.blended) {
      std::string label = blendLabel(p.ratio);
      std::string an = article(label);
      an[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(an[0])));
      s += " " + an + " " + label + " input-output blend prices both at " + formatUsd(*a.blended) +
           " per million tokens.";
    }
    s += " Availability is " + std::to_string(a.routes) +
         (a.routes == 1 ? " live provider route" : " live provider routes") + " versus " +
         std::to_string(b.routes) + ", so concentration risk also matters.";
    out.push_back(s);
  }
  // Choice.
  {
    std::vector<std::string> adv0 = advantages(p, 0, true), adv1 = advantages(p, 1, true);
    std::string s;
    if (!adv0.empty()) s += "Choose " + a.name + " when " + joinAnd(adv0) + " matter most. ";
    if (!adv1.empty())
      s += "Choose " + b.name + " when " + joinAnd(adv1) +
           (adv0.empty() ? " matter most. " : " matter more. ");
    if (adv0.empty() && adv1.empty())
      s += "The catalog's facts do not separate " + a.name + " and " + b.name +
           ", so let your own evaluation decide. ";
    else if (adv0.empty() || adv1.empty())
      s += "The catalog shows no sourced advantage for " + (adv0.empty() ? a.name : b.name) +
           " in this comparison. ";
    s += "For production, rerun your own prompts through the exact provider, region, and tool "
         "stack you plan to ship.";
    out.push_back(s);
  }
  return out;
}

// ---- FAQ
// -----------------------------------------------------------------------------------------

Json faq(const Pair& p, const std::string& verdict) {
  Json out = Json::array();
  const Side& a = p.s[0];
  const Side& b = p.s[1];
  auto add = [&](const std::string& q, const std::string& ans) {
    out.push_back({{"question", q}, {"answer", ans}});
  };
  std::string pair = a.name + " or " + b.name;
  // Context window.
  if (a.context || b.context) {
    std::string ans;
    if (a.context && b.context) {
      if (*a.context == *b.context)
        ans = "Both support " + formatTokens(*a.context) + " tokens.";
      else {
        const Side& big = *a.context > *b.context ? a : b;
        const Side& small = *a.context > *b.context ? b : a;
        ans = big.name + " supports " + formatTokens(*big.context) + " tokens, while " +
              small.name + " supports " + formatTokens(*small.context) + " tokens.";
      }
    } else {
      const Side& k = a.context ? a : b;
      const Side& u = a.context ? b : a;
      ans = k.name + " supports " + formatTokens(*k.context) + " tokens; " + u.name +
            "'s context window is not sourced in the catalog, so check its provider's limits.";
    }
    ans +=
        " Context size matters most for long documents, large codebases, retrieval-heavy "
        "agents, and conversations where earlier turns must stay visible.";
    add("Which has a larger context window, " + pair + "?", ans);
  }
  // Cheaper.
  if (a.blended || b.blended) {
    std::string ans;
    if (p.cheaperBlend >= 0) {
      const Side& cheap = p.s[p.cheaperBlend];
      const Side& dear = p.s[1 - p.cheaperBlend];
      ans = cheap.name + " is cheaper at " + ratioBlend(p) + ": " + formatUsd(*cheap.blended) +
            " vs " + formatUsd(*dear.blended) + " per 1M tokens";
      ans += *cheap.blended > 0
                 ? ", so " + dear.name + " " + costsMore(*dear.blended / *cheap.blended) + "."
                 : ".";
    } else if (a.blended && b.blended) {
      ans = "They cost the same at " + ratioBlend(p) + ": " + usdPer1M(*a.blended) + ".";
    } else {
      const Side& u = a.blended ? b : a;
      ans = u.name + " has no priced route in the catalog, so which is cheaper is unknown.";
    }
    for (int i = 0; i < 2; ++i) {
      const Side& s = p.s[i];
      if (s.input && s.output)
        ans += " " + s.name + " costs " + formatUsd(*s.input) + " per 1M input and " +
               formatUsd(*s.output) + " per 1M output tokens at its cheapest verified route.";
    }
    ans += " Provider discounts, cached-token or batch pricing can still change the final bill.";
    add("Which is cheaper, " + pair + "?", ans);
  }
  // Open source.
  if (a.openWeights || b.openWeights || !a.license.empty() || !b.license.empty()) {
    std::string ans;
    for (int i = 0; i < 2; ++i) {
      const Side& s = p.s[i];
      std::string sentence;
      if (s.openWeights == true)
        sentence = s.name + " has open weights";
      else if (s.openWeights == false)
        sentence = s.name + " has closed weights";
      else
        sentence = "Whether " + s.name + " has open weights is not sourced";
      if (!s.license.empty())
        sentence += "; its license is listed as " + s.license;
      else
        sentence += "; its license is not sourced in the catalog";
      ans += (ans.empty() ? "" : " ") + sentence + ".";
    }
    ans +=
        " License terms decide whether you can self-host, redistribute weights, or rely only on "
        "hosted APIs, so confirm the upstream license before deployment.";
    add("Is " + pair + " open source?", ans);
  }
  // Capabilities.
  const char* asked[] = {"vision",          "multimodal", "reasoning",
                         "functionCalling", "toolUse",    "structuredOutputs"};
  for (const char* id : asked) {
    auto it =
        std::find_if(p.caps.begin(), p.caps.end(), [&](const Capability& k) { return k.id == id; });
    if (it == p.caps.end() || (!it->a && !it->b)) continue;
    const Capability& k = *it;
    std::string ans;
    if (k.a && k.b) {
      if (*k.a && *k.b)
        ans = "Both support " + k.phrase +
              " according to the catalog; it holds no measure of which does it better, so test "
              "both on your own inputs.";
      else if (!*k.a && !*k.b)
        ans = "Neither supports " + k.phrase + " according to the catalog.";
      else {
        const Side& yes = *k.a ? a : b;
        const Side& no = *k.a ? b : a;
        ans = yes.name + " has the clearer documented " + k.phrase + " signal: it supports " +
              k.phrase + " in the catalog's data and " + no.name + " does not.";
      }
    } else {
      const Side& known = k.a ? a : b;
      const Side& unknown = k.a ? b : a;
      bool supports = k.a ? *k.a : *k.b;
      ans = known.name + (supports ? " supports " : " does not support ") + k.phrase +
            " in the catalog's data; whether " + unknown.name +
            " does is not sourced, so treat it as unknown.";
    }
    ans += " If " + k.phrase +
           " is mission-critical, validate it against the provider endpoint, because "
           "model-level support and API-level exposure can differ.";
    add("Which is better for " + k.phrase + ", " + pair + "?", ans);
  }
  // Where to run.
  if (!a.providers.empty() || !b.providers.empty()) {
    std::string ans;
    for (int i = 0; i < 2; ++i) {
      const Side& s = p.s[i];
      if (s.providers.empty())
        ans += (ans.empty() ? "" : " ") + s.name + " has no live provider route in the catalog.";
      else
        ans += (ans.empty() ? "" : " ") + s.name + " is available on " +
               joinAnd(capped(s.providers, 8, "providers")) + ".";
    }
    ans +=
        " Provider coverage can affect latency, region availability, compliance posture, and "
        "fallback options.";
    add("Where can I run " + a.name + " and " + b.name + "?", ans);
  }
  // When to pick which.
  {
    std::vector<std::string> adv0 = advantages(p, 0, true), adv1 = advantages(p, 1, true);
    std::string ans = verdict;
    if (!adv0.empty()) ans += " Pick " + a.name + " for " + joinAnd(adv0) + ".";
    if (!adv1.empty()) ans += " Pick " + b.name + " for " + joinAnd(adv1) + ".";
    if (adv0.empty() && adv1.empty())
      ans += " The catalog's facts do not separate them, so run the same evaluation on both.";
    add("When should I pick " + a.name + " over " + b.name + "?", ans);
  }
  return out;
}

// ---- sources
// -------------------------------------------------------------------------------------

void addSource(std::vector<std::string>& ids, const std::string& id) {
  if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

Json sources(const Catalog& c, const Pair& p) {
  std::vector<std::string> ids;  // the figures' sources (routes, creator, specs), then the rest
  for (const std::string& id : p.sources) addSource(ids, id);
  for (const Side& s : p.s) {
    if (!s.model) continue;
    const Model& m = *s.model;
    for (const auto& cap : m.capabilities) addSource(ids, cap.second.source);
    for (const auto& bench : m.benchmarks) addSource(ids, bench.second.source);
    if (m.bestFor) addSource(ids, m.bestFor->source);
    if (m.decisionFit) addSource(ids, m.decisionFit->source);
  }
  Json out = Json::array();
  for (const std::string& id : ids) {
    const Source* s = c.findSource(id);
    Json j{{"id", id},
           {"name", s && !s->name.empty() ? s->name : id},
           {"date", s && !s->date.empty() ? Json(s->date) : Json(nullptr)},
           {"url", s && !s->url.empty() ? Json(s->url) : Json(nullptr)},
           {"attribution", s && !s->attribution.empty() ? Json(s->attribution) : Json(nullptr)}};
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

Json pairProse(const Catalog& c, const Pair& p) {
  std::string verdict = prose::verdict(p);
  return Json{{"title", p.s[0].name + " vs " + p.s[1].name},
              {"headline", headline(p)},
              {"verdict", verdict},
              {"scorecard", scorecard(p)},
              {"tradeoffs", tradeoffs(p)},
              {"monthly", monthly(p)},
              {"switchFriction", switchFriction(p)},
              {"deepDive", deepDive(p)},
              {"faq", faq(p, verdict)},
              {"sources", sources(c, p)},
              {"lastReviewed", c.generated.empty() ? Json(nullptr) : Json(c.generated)}};
}

}  // namespace versus
