// match/conditions.h: the sentence conditions of rule exceptions (rules/README.md).
#ifndef PEERCOACH_MATCH_CONDITIONS_H_
#define PEERCOACH_MATCH_CONDITIONS_H_

#include <cstddef>

#include "peercoach/rule.h"
#include "segmentation/document.h"

namespace peercoach::match {

// True when `condition` holds for a span starting at matching offset `span_begin` in
// sentence `s` of `doc`.
bool ConditionHolds(Condition condition, const segmentation::Document& doc,
                    const segmentation::Sentence& s, std::size_t span_begin);

// Returns the matching offset where the clause holding `pos` starts (after , ; : or a dash).
std::size_t ClauseStart(const segmentation::Document& doc, const segmentation::Sentence& s,
                        std::size_t pos);

}  // namespace peercoach::match

#endif  // PEERCOACH_MATCH_CONDITIONS_H_
