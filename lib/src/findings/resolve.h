// findings/resolve.h: from raw matches to the findings a trainee reads.
//
// TAXONOMY.md "Where categories meet": a sentence gets the category of what it does. A
// rule that `supersedes` a category removes that category's findings overlapping it
// ("Listen to me." is hierarchy only); two findings of one category on overlapping words
// are one finding; the rest is sorted by position.
#ifndef PEERCOACH_FINDINGS_RESOLVE_H_
#define PEERCOACH_FINDINGS_RESOLVE_H_

#include <vector>

#include "peercoach/finding.h"
#include "peercoach/rule_set.h"

namespace peercoach::findings {

void ResolveFindings(const RuleSet& rules, std::vector<Finding>& findings);
void ResolveStrengths(std::vector<Strength>& strengths);

}  // namespace peercoach::findings

#endif  // PEERCOACH_FINDINGS_RESOLVE_H_
