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
#include <vector>

#include "peercoach/category.h"
#include "peercoach/status.h"
#include "segmentation/document.h"

namespace peercoach::detectors {

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
  // One slot of the feature table (open addressing, linear probing, at most half full):
  // a flat array, so a lookup of a feature the model does not know (most of a sentence's)
  // costs one cache line, where a node-based map walked a chain of separate allocations.
  struct Slot {
    std::string_view name;  // a view into `source`
    std::uint32_t hash = 0;
    std::uint32_t index = kNoFeature;
  };
  static constexpr std::uint32_t kNoFeature = 0xffffffffu;

  // The model file's text; the slots' names view into it, so loading does not allocate a
  // string per feature (a shared copy keeps the views valid).
  std::shared_ptr<const std::string> source;
  std::vector<Slot> slots;  // a power of two of them
  std::size_t feature_count = 0;
  std::vector<Category> modelled;  // the categories the file gives, in first-seen order
  std::vector<double> biases;      // by position in `modelled`
  // By feature index, the weight of each modelled category side by side (0 where the file
  // gives none): a feature's weights for every category share a cache line or two.
  std::vector<double> weights;

  bool Has(Category category) const;
  // The feature's index, or kNoFeature.
  std::uint32_t Find(std::string_view feature) const;
  // The weight of a named feature for a modelled category (0 when the file gives none).
  double Weight(Category category, std::string_view feature) const;
  double Bias(Category category) const;
  // The indices of the window's features (see SentenceFeatures) the model knows, sorted
  // and unique.
  std::vector<std::uint32_t> KnownFeatures(const SentenceWindow& window) const;
  // The probability that a sentence with these known features shows `category`, which
  // must be one of `modelled`.
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
