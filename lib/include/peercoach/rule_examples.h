// peercoach/rule_examples.h: runs the examples embedded in rule files, LanguageTool
// style: each `flag` example must be flagged by its rule (at the `match` span when given)
// with a verified rewrite when the rule has templates; each `pass` example must carry no
// finding of the rule's category.
//
//   auto report = peercoach::RunRuleExamples(analyzer);
//   for (const auto& f : report.failures) std::cout << f.ToString() << "\n";
#ifndef PEERCOACH_RULE_EXAMPLES_H_
#define PEERCOACH_RULE_EXAMPLES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "peercoach/analyzer.h"

namespace peercoach {

struct ExampleFailure {
  std::string rule_id;
  std::string file;
  std::size_t line = 0;
  std::string text;     // the example
  std::string problem;  // what went wrong, one line

  // Returns "FILE:LINE: RULE-ID: problem: "text"".
  std::string ToString() const;
};

struct ExampleReport {
  std::size_t passed = 0;
  std::vector<ExampleFailure> failures;
};

// Runs every example of every rule of `analyzer.rules()` through `analyzer`.
ExampleReport RunRuleExamples(const Analyzer& analyzer);

}  // namespace peercoach

#endif  // PEERCOACH_RULE_EXAMPLES_H_
