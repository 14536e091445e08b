// peercoach explain CATEGORY|RULE-ID: what a category or rule is about, with examples.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"

namespace peercoach::cli {
namespace {

struct ExplainOptions {
  std::string target;
  RuleOptions rules;
};

void PrintRule(const Rule& r) {
  std::cout << fmt::format("{}  ({}, {}, {}:{})\n  {}\n", r.id, CategoryId(r.category),
                           SeverityName(r.severity), r.file, r.line, r.message);
  if (!r.flag_examples.empty()) {
    std::cout << fmt::format("  flags:     \"{}\"\n", r.flag_examples.front().text);
  }
  if (!r.pass_examples.empty()) {
    std::cout << fmt::format("  leaves:    \"{}\"\n", r.pass_examples.front().text);
  }
  if (!r.rewrites.empty()) std::cout << fmt::format("  rewrite:   {}\n", r.rewrites.front());
}

int RunExplain(const ExplainOptions& o) {
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  if (auto category = ParseCategory(o.target)) {
    std::cout << fmt::format("{}{}\n{}\n\n", CategoryId(*category),
                             IsStrength(*category) ? " (strength)" : "",
                             CategoryPrinciple(*category));
    for (const Rule& r : rules->rules()) {
      if (r.category != *category) continue;
      PrintRule(r);
      std::cout << '\n';
    }
    return kExitClean;
  }
  if (const Rule* r = rules->Find(o.target)) {
    std::cout << fmt::format("{}\n\n", CategoryPrinciple(r->category));
    PrintRule(*r);
    for (std::size_t i = 1; i < r->flag_examples.size() && i < 4; ++i) {
      std::cout << fmt::format("  flags:     \"{}\"\n", r->flag_examples[i].text);
    }
    for (std::size_t i = 1; i < r->pass_examples.size() && i < 4; ++i) {
      std::cout << fmt::format("  leaves:    \"{}\"\n", r->pass_examples[i].text);
    }
    return kExitClean;
  }
  PrintError(fmt::format("'{}' is neither a category nor a rule id (see peercoach rules list)",
                         o.target));
  return kExitError;
}

}  // namespace

Command AddExplainCommand(CLI::App& app) {
  auto o = std::make_shared<ExplainOptions>();
  CLI::App* sub = app.add_subcommand("explain", "Explain a category or a rule");
  sub->add_option("target", o->target, "A category (directive) or a rule id")->required();
  o->rules.AddTo(*sub);
  return [o] { return RunExplain(*o); };
}

}  // namespace peercoach::cli
