#include "findings/resolve.h"

#include <algorithm>

namespace peercoach::findings {
namespace {

bool Overlap(const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; }

template <typename T>
void SortByPosition(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.rule_id < b.rule_id;
  });
}

// Keeps the first of each run of same-category items on overlapping words.
template <typename T>
void DropOverlappingSameCategory(std::vector<T>& items) {
  std::vector<T> kept;
  for (T& item : items) {
    const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](const T& k) {
      return k.category == item.category && Overlap(k.span, item.span);
    });
    if (!duplicate) kept.push_back(std::move(item));
  }
  items = std::move(kept);
}

}  // namespace

void ResolveFindings(const RuleSet& rules, std::vector<Finding>& findings) {
  std::vector<bool> superseded(findings.size(), false);
  for (const Finding& f : findings) {
    const Rule* rule = rules.Find(f.rule_id);
    if (rule == nullptr || rule->supersedes.empty()) continue;
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const Finding& g = findings[i];
      if (std::find(rule->supersedes.begin(), rule->supersedes.end(), g.category) !=
              rule->supersedes.end() &&
          g.category != f.category && Overlap(f.span, g.span)) {
        superseded[i] = true;
      }
    }
  }
  std::vector<Finding> kept;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!superseded[i]) kept.push_back(std::move(findings[i]));
  }
  SortByPosition(kept);
  DropOverlappingSameCategory(kept);
  findings = std::move(kept);
}

void ResolveStrengths(std::vector<Strength>& strengths) {
  SortByPosition(strengths);
  DropOverlappingSameCategory(strengths);
}

}  // namespace peercoach::findings
