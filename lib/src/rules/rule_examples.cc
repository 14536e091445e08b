#include "peercoach/rule_examples.h"

#include <fmt/format.h>

#include <algorithm>

namespace peercoach {
namespace {

// True when the analysis carries something of `category` (finding or strength).
bool HasCategory(const Analysis& a, Category category) {
  return std::any_of(a.findings.begin(), a.findings.end(),
                     [&](const Finding& f) { return f.category == category; }) ||
         std::any_of(a.strengths.begin(), a.strengths.end(),
                     [&](const Strength& s) { return s.category == category; });
}

std::string Found(const Analysis& a) {
  std::vector<std::string> ids;
  for (const Finding& f : a.findings) ids.push_back(fmt::format("{} at \"{}\"", f.rule_id, f.matched_text));
  for (const Strength& s : a.strengths) ids.push_back(fmt::format("{} at \"{}\"", s.rule_id, s.matched_text));
  return ids.empty() ? "nothing" : fmt::format("{}", fmt::join(ids, ", "));
}

}  // namespace

std::string ExampleFailure::ToString() const {
  return fmt::format("{}:{}: {}: {}: \"{}\"", file, line, rule_id, problem, text);
}

ExampleReport RunRuleExamples(const Analyzer& analyzer) {
  ExampleReport report;
  for (const Rule& rule : analyzer.rules().rules()) {
    const auto fail = [&](const RuleExample& ex, std::string problem) {
      report.failures.push_back({rule.id, rule.file, ex.line, ex.text, std::move(problem)});
    };
    for (const RuleExample& ex : rule.flag_examples) {
      auto result = analyzer.Analyze(ex.text);
      if (!result.ok()) {
        fail(ex, result.error().ToString());
        continue;
      }
      const Analysis& a = result.value();
      bool hit = false, at_span = ex.match.empty(), rewritten = rule.rewrites.empty();
      for (const Finding& f : a.findings) {
        if (f.rule_id != rule.id) continue;
        hit = true;
        if (f.matched_text == ex.match) at_span = true;
        if (f.rewrite) rewritten = true;
      }
      for (const Strength& s : a.strengths) {
        if (s.rule_id != rule.id) continue;
        hit = true;
        if (s.matched_text == ex.match) at_span = true;
      }
      if (!hit) {
        fail(ex, fmt::format("flag example not flagged by this rule (found {})", Found(a)));
      } else if (!at_span) {
        fail(ex, fmt::format("flagged, but not at \"{}\" (found {})", ex.match, Found(a)));
      } else if (!rewritten) {
        fail(ex, "no rewrite that comes back clean");
      } else {
        ++report.passed;
      }
    }
    for (const RuleExample& ex : rule.pass_examples) {
      auto result = analyzer.Analyze(ex.text);
      if (!result.ok()) {
        fail(ex, result.error().ToString());
      } else if (HasCategory(result.value(), rule.category)) {
        fail(ex, fmt::format("pass example flagged as {} (found {})", CategoryId(rule.category),
                             Found(result.value())));
      } else {
        ++report.passed;
      }
    }
  }
  return report;
}

}  // namespace peercoach
