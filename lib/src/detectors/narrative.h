// detectors/narrative.h: measure-based detectors over the shape of a response.
//
// Oversharing is not a phrase but a proportion: how long the speaker's own story runs,
// how much of the response it takes, whether it ever turns back to the peer. The same
// measures recognise the brief disclosure that does turn back (a strength).
#ifndef PEERCOACH_DETECTORS_NARRATIVE_H_
#define PEERCOACH_DETECTORS_NARRATIVE_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "segmentation/document.h"

namespace peercoach::detectors {

// A passage: sentences [first, last] of the document.
struct Passage {
  std::size_t first = 0, last = 0;
};

// True for a sentence about the speaker: not a question, and more first-person than
// second-person words.
bool IsSelfFocused(const segmentation::Sentence& s);

// True for a question with a word for the peer in it ("What helped you?").
bool AsksThePeer(const segmentation::Sentence& s);

// True for a sentence that hands the floor back: a question to the peer, or a sentence
// more about "you" than "I".
bool TurnsToPeer(const segmentation::Sentence& s);

// Returns each first-person narrative run that takes over the response (thresholds:
// min_run_sentences, min_run_words, monologue_words, dominate_share).
std::vector<Passage> DetectLongNarrative(const segmentation::Document& doc,
                                         const std::map<std::string, double>& thresholds);

// Returns the first brief disclosure (a sentence `is_cue` accepts, in a self-focused run
// of at most max_sentences / max_words) that a later question to the peer follows.
std::vector<Passage> DetectRelatableDisclosure(
    const segmentation::Document& doc, const std::map<std::string, double>& thresholds,
    const std::function<bool(const segmentation::Sentence&)>& is_cue);

}  // namespace peercoach::detectors

#endif  // PEERCOACH_DETECTORS_NARRATIVE_H_
