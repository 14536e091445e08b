// match/matcher.h: every rule pattern compiled once, run per sentence.
//
// A PatternFilter names the patterns a sentence could match (their required words are
// all in it); only those patterns' own RE2 run on the sentence, for spans and captures;
// then the rule's exceptions decide whether the match stands.
#ifndef PEERCOACH_MATCH_MATCHER_H_
#define PEERCOACH_MATCH_MATCHER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "peercoach/rule_set.h"
#include "peercoach/status.h"
#include "segmentation/document.h"

namespace peercoach::match {

struct Capture {
  std::string name;
  std::size_t begin = 0, end = 0;  // matching offsets
};

// A match that survived its rule's exceptions.
struct Candidate {
  std::size_t rule = 0;                    // index into the RuleSet
  std::size_t sentence = 0;                // index into Document::sentences
  std::size_t begin = 0, end = 0;          // the flagged span (matching offsets)
  std::size_t match_begin = 0, match_end = 0;
  std::vector<Capture> captures;
};

class Matcher {
 public:
  // Compiles the pattern rules of `rules`, which must outlive the Matcher.
  static Result<std::unique_ptr<Matcher>> Create(const RuleSet& rules);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Appends the surviving matches of every pattern rule in `doc` (of category `only`, when
  // given), in sentence order; the matches an exception cancelled go to `cancelled`, when
  // given.
  void Match(const segmentation::Document& doc, std::vector<Candidate>& out,
             std::optional<Category> only = std::nullopt,
             std::vector<Candidate>* cancelled = nullptr) const;

  // True when one of rule `rule`'s exceptions cancels it for sentence `s` as a whole (the
  // span is the sentence: `sentence` exceptions and conditions such as `question` apply).
  bool SentenceCancelled(std::size_t rule, const segmentation::Document& doc,
                         const segmentation::Sentence& s) const;

  // True when one of rule `rule`'s patterns matches sentence `s` (detector cues).
  bool AnyPatternMatches(std::size_t rule, const segmentation::Document& doc,
                         const segmentation::Sentence& s) const;

 private:
  struct Impl;
  explicit Matcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace peercoach::match

#endif  // PEERCOACH_MATCH_MATCHER_H_
