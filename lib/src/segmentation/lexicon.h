// segmentation/lexicon.h: the closed word classes segmentation tags (pronouns,
// negations, question openers), including texting forms without apostrophes.
#ifndef PEERCOACH_SEGMENTATION_LEXICON_H_
#define PEERCOACH_SEGMENTATION_LEXICON_H_

#include <string_view>

#include "segmentation/document.h"

namespace peercoach::segmentation {

// Returns the person of a personal pronoun (folded form), kNone for other words.
Person PronounPerson(std::string_view word);
// True for pronouns that stand as a subject ("i", "you're", "she").
bool IsSubjectPronoun(std::string_view word);
bool IsNegation(std::string_view word);
// True for words that open a question when a texter leaves out the "?".
bool IsQuestionOpener(std::string_view word);
// True for an abbreviation that ends in a period without ending a sentence ("dr", "e.g").
bool IsAbbreviation(std::string_view word);

}  // namespace peercoach::segmentation

#endif  // PEERCOACH_SEGMENTATION_LEXICON_H_
