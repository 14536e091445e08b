// detectors/sentence_model.h: a per-category logistic model over a sentence's words.
//
// The pattern rules catch the grammar of a pattern they were written for; a trainee's own
// wording of the same act often slips past them. The sentence model is trained on the
// annotated dev corpus (`peercoach rules train`) and scores a sentence by its words, word
// pairs (adjacent or one word apart), word triples, its neighbours' words and the peer's
// words it takes up: a sentence scoring at least the rule's `min_probability` gets the
// category's finding when no pattern rule of that category fired in it. The weights are
// data (rules/sentence-model.tsv), embedded like the rule files.
#ifndef PEERCOACH_DETECTORS_SENTENCE_MODEL_H_
#define PEERCOACH_DETECTORS_SENTENCE_MODEL_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "peercoach/category.h"
#include "peercoach/status.h"
#include "segmentation/document.h"

namespace peercoach::detectors {

// Hashes std::string and std::string_view alike, so a lookup builds no string.
struct FeatureHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A sentence of matching text with its neighbours in the response ("" at either end):
// whether "I know exactly how you feel" is followed by a question, or a one-up follows
// the peer's own words, is in the sentences around it.
struct SentenceWindow {
  std::string_view sentence = {};
  std::string_view previous = {};
  std::string_view next = {};
  std::string_view peer = {};  // what the peer said before the response, if known
};

// The window of sentence `i` of `doc`.
SentenceWindow WindowAt(const segmentation::Document& doc, std::size_t i,
                        std::string_view peer = {});

// The weights of one model file: every category's over one feature table, so a sentence's
// features are looked up once for all of them.
struct SentenceModel {
  struct Weights {
    double bias = 0;
    std::vector<double> weights;  // by feature index; 0 where the file gives none
  };
  // The model file's text; feature_index's keys view into it, so loading does not
  // allocate a string per feature (a shared copy keeps the views valid).
  std::shared_ptr<const std::string> source;
  std::unordered_map<std::string_view, std::uint32_t, FeatureHash> feature_index;
  std::map<Category, Weights> categories;

  // The indices of the window's features (see SentenceFeatures) the model knows, sorted
  // and unique.
  std::vector<std::uint32_t> KnownFeatures(const SentenceWindow& window) const;
  // The probability that a sentence with these known features shows `category`, which
  // must be one of `categories`.
  double Probability(Category category, const std::vector<std::uint32_t>& features) const;
};

// The features of a window of matching text (case-folded, quotes folded). Of the
// sentence: "u:word", "b:word_word", "k:word_word" (one word skipped) and
// "t:word_word_word" (the first triple and skipped pair start at "<s>"); a word after a
// negation ("not", "never", "n't"...) up to the clause's end gets a "!" ("not an expert"
// gives "u:!expert"). Of its neighbours, their words alone: "p:word" before, "n:word"
// after. Of the peer's words, those the sentence takes up: "o:word". A word is a run of
// ASCII letters, digits and apostrophes, with the apostrophes dropped ("don't" is
// "dont"). Duplicates are removed; the order is sorted.
std::vector<std::string> SentenceFeatures(const SentenceWindow& window);

// Parses a model file: one "category<TAB>feature<TAB>weight" per line ("@bias" is the
// bias), blank lines and lines starting with '#' ignored. Errors name FILE:LINE.
Result<SentenceModel> ParseSentenceModel(std::string_view file_name, std::string_view text);

}  // namespace peercoach::detectors

#endif  // PEERCOACH_DETECTORS_SENTENCE_MODEL_H_
