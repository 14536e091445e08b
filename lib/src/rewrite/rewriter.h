// rewrite/rewriter.h: fills a rule's rewrite templates for one match.
#ifndef PEERCOACH_REWRITE_REWRITER_H_
#define PEERCOACH_REWRITE_REWRITER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "peercoach/rule.h"

namespace peercoach::rewrite {

struct RewriteInput {
  std::string_view sentence;  // the flagged sentence as the user wrote it
  std::string_view match;     // the flagged words
  std::string_view before;    // sentence text before the flagged words
  std::string_view after;     // sentence text after them
  std::vector<std::pair<std::string, std::string>> captures;  // name → original text
};

struct RewriteCandidate {
  std::string text;
  // Filled from the trainee's own words (captures, before, after), so it may carry
  // another pattern along with them; a stock template's text is fixed.
  bool own_words = false;
};

// Returns the rewrites of `rule`'s templates that apply, own words first, each group in a
// deterministic order that starts at a template chosen by the sentence (so a trainee
// does not see one stock sentence for everything). The caller verifies them in order.
std::vector<RewriteCandidate> RewriteCandidates(const Rule& rule, const RewriteInput& input);

}  // namespace peercoach::rewrite

#endif  // PEERCOACH_REWRITE_REWRITER_H_
