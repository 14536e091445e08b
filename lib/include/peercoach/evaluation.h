// peercoach/evaluation.h: accuracy of an analyzer on a gold corpus.
//
// Response level: per category precision, recall, F1 and support, micro and macro
// averages, the exact-match rate of label sets and how often the hard negatives of each
// category are flagged. Transcripts: `dominating` accuracy and per-turn scores.
//
//   peercoach::GoldCorpus gold;  peercoach::ReadGold(contents, "test.jsonl", gold);
//   auto ev = peercoach::Evaluate(analyzer, gold);
//   peercoach::WriteEvaluationText(std::cout, ev.value(), {});
#ifndef PEERCOACH_EVALUATION_H_
#define PEERCOACH_EVALUATION_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "peercoach/analyzer.h"
#include "peercoach/category.h"
#include "peercoach/conversation.h"
#include "peercoach/gold.h"
#include "peercoach/status.h"

namespace peercoach {

struct CategoryScore {
  std::string name;  // a category id, or "micro" / "macro"
  std::size_t tp = 0, fp = 0, fn = 0;
  std::size_t support = 0;  // gold positives
  double precision = 0, recall = 0, f1 = 0;
  // A category neither in the gold nor predicted has no score (and is left out of macro).
  bool measured() const { return support > 0 || fp > 0; }
};

// Scores of label sets against gold label sets (responses, or specialist turns).
struct LabelScores {
  std::size_t items = 0;
  std::vector<CategoryScore> categories;  // the six finding categories, TAXONOMY.md order
  CategoryScore micro;                    // pooled counts
  CategoryScore macro;                    // unweighted mean of the measured categories
  std::size_t exact = 0;                  // predicted set == gold set
  double exact_match = 0;
};

struct HardNegativeScore {
  Category category;
  std::size_t items = 0;
  std::size_t flagged_category = 0;  // flagged with the category they are a near miss of
  std::size_t flagged_any = 0;       // flagged with anything (all are mutual)
  double flagged_rate = 0;           // flagged_any / items
};

struct TranscriptScores {
  std::size_t transcripts = 0;
  std::size_t judged = 0;  // with a gold `dominating`
  std::size_t dominating_correct = 0;
  double dominating_accuracy = 0;
  CategoryScore dominating;  // dominating as a positive class
  LabelScores turns;         // per specialist turn
};

// One disagreement with the gold labels, for --errors.
struct EvalDisagreement {
  enum class Kind { kFalsePositive, kFalseNegative, kDominating };
  Kind kind;
  std::string id;  // the record id; "t01#4" for the 4th turn of transcript t01
  std::string file;
  std::size_t line = 0;
  std::string category;  // a category id, or "dominating"
  std::string text;
  // False positive: "rule-id: matched text" of each finding of the category.
  // False negative: the gold evidence, if any. Dominating: the measures.
  std::vector<std::string> details;
};

// How the rewrites of the responses' findings fare (issue: verified rewrites that keep
// the trainee's meaning). Content words are the sentence's words less function words
// (pronouns, articles, auxiliaries and modals, prepositions, conjunctions).
struct RewriteFigures {
  std::size_t findings = 0;    // findings in the responses (each a flagged sentence)
  std::size_t rewritten = 0;   // with a rewrite shown
  std::size_t clean = 0;       // shown rewrites that, analysed again, carry no finding of the category
  double content_kept = 0;     // mean over shown rewrites of the share of content words kept
  struct PerCategory {
    Category category;
    std::size_t findings = 0, rewritten = 0, clean = 0;
    double content_kept = 0;
  };
  std::vector<PerCategory> categories;  // TAXONOMY.md order, categories with findings only
};

struct Evaluation {
  LabelScores responses;
  RewriteFigures rewrites;
  std::vector<HardNegativeScore> hard_negatives;  // categories with hard negatives only
  TranscriptScores transcripts;
  std::vector<EvalDisagreement> disagreements;  // in corpus order
  std::size_t skipped = 0;                      // invalid gold lines left out
};

struct EvaluateOptions {
  AnalyzeOptions analyze;
  bool use_context = true;  // pass each response's gold `context` along (transcript turns
                            // are always read against the previous peer turn)
  DominatingThresholds dominating;
};

// Runs the analyzer over every response and transcript of `gold`.
Result<Evaluation> Evaluate(const Analyzer& analyzer, const GoldCorpus& gold,
                            const EvaluateOptions& options = {});

struct EvalPrintOptions {
  bool errors = false;  // list every false positive and false negative
};

// A table to paste into a paper; JSON (versioned); CSV (one row per figure group).
void WriteEvaluationText(std::ostream& out, const Evaluation& ev, const EvalPrintOptions& o);
void WriteEvaluationJson(std::ostream& out, const Evaluation& ev, const EvalPrintOptions& o);
void WriteEvaluationCsv(std::ostream& out, const Evaluation& ev, const EvalPrintOptions& o);

// Every figure under a stable name ("responses.directive.f1", "hard_negatives.directive.
// flagged_rate", ...), for baselines. Rates where lower is better end in "flagged_rate".
std::vector<std::pair<std::string, double>> EvaluationFigures(const Evaluation& ev);

// Compares with a baseline (JSON object of figure name → value). Returns one line per
// figure that dropped more than `tolerance` (or rose, for flagged rates); empty when none.
Result<std::vector<std::string>> CompareWithBaseline(const Evaluation& ev,
                                                     std::string_view baseline_json,
                                                     double tolerance = 0.02);

// The figures as a baseline file (pretty JSON, sorted keys).
std::string BaselineJson(const Evaluation& ev);

}  // namespace peercoach

#endif  // PEERCOACH_EVALUATION_H_
