#include "peercoach/rule_examples.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

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

// A counted repetition with a large upper bound ("[^.!?]{0,160}") makes RE2 keep one DFA
// state per count: the DFA outgrows its memory budget and RE2 falls back to its NFA, which
// was 60 times slower per sentence for the patterns that did it. A pattern is matched
// within one sentence, so an unbounded gap ("[^.!?]*?") says the same thing. Returns the
// first such repetition, e.g. "{0,160}".
std::optional<std::string> LargeCountedRepetition(std::string_view pattern) {
  constexpr unsigned long kMaxBound = 20;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;  // an escaped character, "\{" included
      continue;
    }
    if (pattern[i] != '{') continue;
    const std::size_t close = pattern.find('}', i);
    const std::size_t comma = pattern.find(',', i);
    if (close == std::string_view::npos || comma == std::string_view::npos || comma > close) continue;
    const std::string_view upper = pattern.substr(comma + 1, close - comma - 1);
    if (upper.empty() || upper.size() > 6 ||
        !std::all_of(upper.begin(), upper.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      continue;
    }
    if (std::stoul(std::string(upper)) >= kMaxBound) return std::string(pattern.substr(i, close - i + 1));
  }
  return std::nullopt;
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
    std::vector<std::string_view> regexes(rule.patterns.begin(), rule.patterns.end());
    for (const RuleException& ex : rule.exceptions) regexes.push_back(ex.pattern);
    for (std::string_view re : regexes) {
      if (auto rep = LargeCountedRepetition(re)) {
        report.failures.push_back(
            {rule.id, rule.file, rule.line, std::string(re),
             fmt::format("counted repetition {} is too large for RE2's DFA, which then falls "
                         "back to its slow NFA; bound the gap by the sentence instead (* or +)",
                         *rep)});
      }
    }
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
