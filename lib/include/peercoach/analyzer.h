// peercoach/analyzer.h: the analysis pipeline.
//
//   auto rules = peercoach::RuleSet::LoadDefaults().value();
//   auto analyzer = peercoach::Analyzer::Create(rules);
//   auto analysis = analyzer.value().Analyze("You need to go to a meeting tonight.");
//   for (const auto& f : analysis.value().findings) ...   // one directive finding
//
// text (validate, normalize, fold) -> segmentation (sentences, words, features) ->
// matching (one RE2::Set pass per sentence) -> detectors -> findings (exceptions,
// supersedes) -> rewrites (verified by analysing them again).
#ifndef PEERCOACH_ANALYZER_H_
#define PEERCOACH_ANALYZER_H_

#include <memory>
#include <string_view>

#include "peercoach/finding.h"
#include "peercoach/rule_set.h"
#include "peercoach/status.h"

namespace peercoach {

struct AnalyzeOptions {
  // Replace invalid UTF-8 bytes with U+FFFD for matching instead of failing. Offsets
  // still point into the original bytes.
  bool replace_invalid_utf8 = false;
  // Drop a rewrite that, analysed again, still carries its finding's category.
  bool verify_rewrites = true;
  // What the peer said just before (may be empty). A peer who asked what to do turns a
  // directive finding into a gentler note (severity info): offer options, ask first.
  std::string_view context;
};

class Analyzer {
 public:
  // Compiles `rules`: one RE2 per pattern and exception, and per scope a filter that
  // picks the patterns a sentence could match (match/pattern_filter.h).
  static Result<Analyzer> Create(const RuleSet& rules);

  // Analyses one response. Empty or whitespace-only text gives an empty Analysis.
  // Fails only on invalid UTF-8 (unless replaced). Thread-safe: one Analyzer may be
  // shared by many threads.
  Result<Analysis> Analyze(std::string_view text, const AnalyzeOptions& options = {}) const;

  // Move-only: the compiled matchers are large and own RE2 objects.
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;
  ~Analyzer();

  const RuleSet& rules() const;

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace peercoach

#endif  // PEERCOACH_ANALYZER_H_
