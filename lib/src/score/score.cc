// The mutuality score of a response (formula in peercoach/score.h).
#include "peercoach/score.h"

#include <algorithm>
#include <set>

namespace peercoach {

MutualityScore ScoreResponse(const Analysis& analysis) {
  MutualityScore s;
  std::set<Category> seen;
  for (const Finding& f : analysis.findings) {
    int cost = f.severity == Severity::kError ? 25 : f.severity == Severity::kWarning ? 20 : 5;
    // Repeating a pattern counts, but less than a new one: the trainee has one habit to work on.
    if (!seen.insert(f.category).second) cost /= 2;
    s.penalty += cost;
  }
  std::set<Category> strengths;
  for (const Strength& st : analysis.strengths) strengths.insert(st.category);
  s.bonus = 5 * static_cast<int>(strengths.size());
  s.score = std::clamp(100 - s.penalty + s.bonus, 0, 100);
  return s;
}

}  // namespace peercoach
