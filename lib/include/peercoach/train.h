// peercoach/train.h: training the sentence model of the `sentence-model` detector.
//
//   peercoach::GoldCorpus dev = ...;                      // ReadGold over corpora/dev
//   auto tsv = peercoach::TrainSentenceModels({dev.responses, rewrites, examples}, {});
//   // write tsv.value() to rules/sentence-model.tsv
//
// One logistic model per category, over a sentence's words, word pairs and triples. A
// sentence is a positive example of a category when it holds one of the category's
// evidence strings; every sentence of a response without the label is a negative one;
// a labelled response without evidence teaches that category nothing. Training is
// deterministic: the same gold gives the same file, byte for byte.
#ifndef PEERCOACH_TRAIN_H_
#define PEERCOACH_TRAIN_H_

#include <string>
#include <vector>

#include "peercoach/category.h"
#include "peercoach/gold.h"
#include "peercoach/status.h"

namespace peercoach {

struct TrainOptions {
  std::vector<Category> categories = {Category::kDirective, Category::kOversharing,
                                      Category::kComparing, Category::kAssumption,
                                      Category::kHierarchy, Category::kBoundary};
  int epochs = 8;
  // Runs over differently shuffled orders, averaged. With 5, changing one rule example
  // moved comparing F1 on the test split by 0.03; with 20, by 0.002.
  int runs = 20;
  double learning_rate = 0.2;
  double l2 = 1e-4;
  double max_positive_weight = 5;  // positives count (negatives / positives) times, at most this
  double min_weight = 0.05;        // smaller weights are left out of the file
  // Near misses of the category and mutual responses teach most about what not to flag.
  double hard_negative_weight = 1;
  double mutual_weight = 1;
};

// Text known to show, or not to show, one category: a rule's flag and pass examples. It
// teaches that category only; `match` (when given) is the part that shows it.
struct CategoryExample {
  Category category = Category::kDirective;
  bool shows = false;
  std::string text;
  std::string match;
};

struct TrainingData {
  std::vector<GoldResponse> responses;  // the annotated corpus
  // Mutual text, a negative example for every category: the coach's own rewrites go
  // here, so the model does not flag the invitation that replaces an instruction.
  std::vector<std::string> mutual_texts;
  std::vector<CategoryExample> category_examples;
};

// Returns the model file's text ("category<TAB>feature<TAB>weight" lines).
Result<std::string> TrainSentenceModels(const TrainingData& data, const TrainOptions& options);

}  // namespace peercoach

#endif  // PEERCOACH_TRAIN_H_
