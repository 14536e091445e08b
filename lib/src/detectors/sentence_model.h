// detectors/sentence_model.h: a per-category logistic model over a sentence's words.
//
// The pattern rules catch the grammar of a pattern they were written for; a trainee's own
// wording of the same act often slips past them. The sentence model is trained on the
// annotated dev corpus (`peercoach rules train`) and scores a sentence by its words, word
// pairs and word triples: a sentence scoring at least the rule's `min_probability` gets
// the category's finding when no pattern rule of that category fired in it. The weights
// are data (rules/sentence-model.tsv), embedded like the rule files.
#ifndef PEERCOACH_DETECTORS_SENTENCE_MODEL_H_
#define PEERCOACH_DETECTORS_SENTENCE_MODEL_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "peercoach/category.h"
#include "peercoach/status.h"

namespace peercoach::detectors {

struct SentenceModel {
  double bias = 0;
  std::unordered_map<std::string, double> weights;  // feature -> weight
};

// The features of one sentence of matching text (case-folded, quotes folded): "u:word",
// "b:word_word" and "t:word_word_word" (the first triple starts at "<s>"). A word is a run
// of ASCII letters, digits and apostrophes. Duplicates are removed; the order is sorted.
std::vector<std::string> SentenceFeatures(std::string_view sentence);

// The model's probability that the sentence shows its category.
double Probability(const SentenceModel& model, const std::vector<std::string>& features);

// Parses a model file: one "category<TAB>feature<TAB>weight" per line ("@bias" is the
// bias), blank lines and lines starting with '#' ignored. Errors name FILE:LINE.
Result<std::map<Category, SentenceModel>> ParseSentenceModels(std::string_view file_name,
                                                              std::string_view text);

}  // namespace peercoach::detectors

#endif  // PEERCOACH_DETECTORS_SENTENCE_MODEL_H_
