// peercoach/rule.h: one rule as data, as read from a rule file.
//
// A rule is either a set of RE2 patterns matched per sentence (kind kPattern) or a
// measure-based detector with named thresholds (kind kDetector). See rules/README.md for
// the file format; RuleSet loads and validates these.
#ifndef PEERCOACH_RULE_H_
#define PEERCOACH_RULE_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "peercoach/category.h"

namespace peercoach {

namespace detectors {
struct SentenceModel;  // detectors/sentence_model.h
}  // namespace detectors

enum class RuleKind { kPattern, kDetector };
enum class RuleScope { kSentence, kResponse };

// A sentence condition that cancels a match (see rules/README.md).
enum class Condition { kQuestion, kNegated, kQuoted, kReported, kFirstPersonSubject };

struct RuleException {
  enum class Kind {
    kCondition,  // `condition`
    kOverlap,    // `pattern`: a match of it overlaps the rule's match
    kBefore,     // `before`: matches the sentence text before the span
    kAfter,      // `after`: matches the sentence text after the span
    kSentence,   // `sentence`: matches anywhere in the sentence
  };
  Kind kind = Kind::kCondition;
  Condition condition = Condition::kQuestion;  // for kCondition
  std::string pattern;                         // for the others
  std::size_t line = 0;                        // line in the rule file
};

struct RuleExample {
  std::string text;
  std::string match;  // for flag examples: the expected span text; empty when not given
  std::size_t line = 0;
};

struct Rule {
  std::string id;  // "<category>.<name>"
  Category category = Category::kDirective;
  RuleKind kind = RuleKind::kPattern;
  RuleScope scope = RuleScope::kSentence;
  Severity severity = Severity::kWarning;
  std::string message;
  std::vector<std::string> patterns;
  std::vector<RuleException> exceptions;
  std::vector<Category> supersedes;
  std::vector<std::string> rewrites;  // templates, see rules/README.md
  std::string detector;               // for kDetector
  std::map<std::string, double> thresholds;
  // For the sentence-model detector: the weights file named by `model` (beside the rule
  // file), read when the set is loaded (shared by the rules naming the same file).
  std::string model;
  std::shared_ptr<const detectors::SentenceModel> sentence_model;
  std::vector<RuleExample> flag_examples;
  std::vector<RuleExample> pass_examples;
  std::string file;  // where it was read from, e.g. "rules/directive.yaml"
  std::size_t line = 0;
};

std::string_view ConditionName(Condition condition);  // "first-person-subject"

}  // namespace peercoach

#endif  // PEERCOACH_RULE_H_
