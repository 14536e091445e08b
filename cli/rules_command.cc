// peercoach rules list | test: the rule set as data, and its own examples as tests.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "peercoach/rule_examples.h"

namespace peercoach::cli {
namespace {

struct RulesOptions {
  RuleOptions rules;
  std::string category;
};

int RunList(const RulesOptions& o) {
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  std::cout << fmt::format("{:<44} {:<21} {:<8} {:<9} {:>4} {:>4}  {}\n", "RULE", "CATEGORY",
                           "SEVERITY", "KIND", "FLAG", "PASS", "FILE");
  std::size_t shown = 0;
  for (const Rule& r : rules->rules()) {
    if (!o.category.empty() && CategoryId(r.category) != o.category) continue;
    ++shown;
    std::cout << fmt::format("{:<44} {:<21} {:<8} {:<9} {:>4} {:>4}  {}:{}\n", r.id,
                             CategoryId(r.category), SeverityName(r.severity),
                             r.kind == RuleKind::kDetector ? "detector" : "pattern",
                             r.flag_examples.size(), r.pass_examples.size(), r.file, r.line);
  }
  std::cout << fmt::format("{} rules\n", shown);
  return kExitClean;
}

int RunTest(const RulesOptions& o) {
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  auto analyzer = MakeAnalyzer(*rules);
  if (!analyzer) return kExitError;
  const ExampleReport report = RunRuleExamples(*analyzer);
  for (const ExampleFailure& f : report.failures) std::cout << f.ToString() << '\n';
  std::cout << fmt::format("rules test: {} passed, {} failed\n", report.passed,
                           report.failures.size());
  return report.failures.empty() ? kExitClean : kExitFindings;
}

}  // namespace

Command AddRulesCommand(CLI::App& app) {
  auto o = std::make_shared<RulesOptions>();
  CLI::App* sub = app.add_subcommand("rules", "List the rules or run their examples");
  sub->require_subcommand(1);
  CLI::App* list = sub->add_subcommand("list", "List every rule with its category and examples");
  list->add_option("--category", o->category, "Only this category");
  o->rules.AddTo(*list);
  CLI::App* test = sub->add_subcommand("test", "Run every rule's flag and pass examples");
  o->rules.AddTo(*test);
  return [o, list, test] {
    if (list->parsed()) return RunList(*o);
    if (test->parsed()) return RunTest(*o);
    return kExitError;
  };
}

}  // namespace peercoach::cli
