// peercoach/finding.h: what the analyzer reports.
//
// Every span points into the ORIGINAL text the caller gave, in UTF-8 bytes, whatever
// normalization and folding the matcher used; line and column are 1-based and the
// column counts Unicode code points.
#ifndef PEERCOACH_FINDING_H_
#define PEERCOACH_FINDING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "peercoach/category.h"

namespace peercoach {

struct TextPosition {
  std::size_t line = 1;    // 1-based line
  std::size_t column = 1;  // 1-based, in code points
};

struct Span {
  std::size_t begin = 0;  // byte offset of the first byte
  std::size_t end = 0;    // byte offset one past the last byte
  TextPosition start;     // position of `begin`
  TextPosition stop;      // position of `end`
};

// A pattern that breaks mutuality, with what to do instead.
struct Finding {
  Category category;
  std::string rule_id;  // stable, e.g. "directive.obligation-modal"
  Severity severity;
  std::string message;  // why it breaks mutuality
  Span span;            // the words that do it
  std::string matched_text;
  Span sentence;                       // the sentence (or, for detectors, passage) it sits in
  std::optional<std::string> rewrite;  // a peer-centred rewrite of the sentence, verified
};

// Something done well.
struct Strength {
  Category category;  // kOpenQuestion, kValidation, kRelatableDisclosure or kHope
  std::string rule_id;
  std::string message;
  Span span;
  std::string matched_text;
};

// Conversation-relevant measures of one response.
struct ResponseMeasures {
  std::size_t sentences = 0;
  std::size_t words = 0;
  std::size_t questions = 0;
  std::size_t first_person = 0;   // I, me, my, mine, myself (and texting forms)
  std::size_t second_person = 0;  // you, your, yours, yourself (and texting forms)
};

// The result of analysing one response. Findings and strengths are sorted by position,
// then rule id.
struct Analysis {
  std::vector<Finding> findings;
  std::vector<Strength> strengths;
  ResponseMeasures measures;
};

}  // namespace peercoach

#endif  // PEERCOACH_FINDING_H_
