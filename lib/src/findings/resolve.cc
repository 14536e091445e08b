#include "findings/resolve.h"

#include <algorithm>
#include <map>

namespace peercoach::findings {
namespace {

template <typename T>
void SortByPosition(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.rule_id < b.rule_id;
  });
}

// Keeps the first of each run of same-category items on overlapping words. Items are
// sorted by begin, so one sweep with the furthest end kept per category is enough.
template <typename T>
void DropOverlappingSameCategory(std::vector<T>& items) {
  std::map<Category, std::size_t> kept_end;
  std::vector<T> kept;
  for (T& item : items) {
    auto it = kept_end.find(item.category);
    if (it != kept_end.end() && item.span.begin < it->second) continue;
    kept_end[item.category] = item.span.end;
    kept.push_back(std::move(item));
  }
  items = std::move(kept);
}

}  // namespace

void ResolveFindings(const RuleSet& rules, std::vector<Finding>& findings) {
  // Spans of each superseding finding, per category it supersedes, sorted by begin.
  std::map<Category, std::vector<std::pair<std::size_t, std::size_t>>> supersede;
  for (const Finding& f : findings) {
    const Rule* rule = rules.Find(f.rule_id);
    if (rule == nullptr) continue;
    for (Category c : rule->supersedes) {
      if (c != f.category) supersede[c].emplace_back(f.span.begin, f.span.end);
    }
  }
  for (auto& [category, spans] : supersede) std::sort(spans.begin(), spans.end());
  const auto superseded = [&](const Finding& g) {
    auto it = supersede.find(g.category);
    if (it == supersede.end()) return false;
    const auto& spans = it->second;
    // Any span beginning before g ends and ending after g begins; spans are short, so
    // looking back from the first span that starts at or after g's end is enough.
    auto hi = std::lower_bound(spans.begin(), spans.end(), std::make_pair(g.span.end, std::size_t{0}));
    for (auto s = hi; s != spans.begin();) {
      --s;
      if (s->second > g.span.begin) return true;
      if (g.span.begin - s->first > 4096) break;
    }
    return false;
  };
  std::erase_if(findings, superseded);
  SortByPosition(findings);
  DropOverlappingSameCategory(findings);
}

void ResolveStrengths(std::vector<Strength>& strengths) {
  SortByPosition(strengths);
  DropOverlappingSameCategory(strengths);
}

}  // namespace peercoach::findings
