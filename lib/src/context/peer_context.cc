// The peer's words before a response: did they ask for advice?
#include "context/peer_context.h"

#include <re2/re2.h>

#include "match/regex_options.h"
#include "text/match_text.h"

namespace peercoach::context {

bool AsksForAdvice(std::string_view peer_text) {
  if (peer_text.empty()) return false;
  auto folded = text::BuildMatchText(peer_text, /*replace_invalid=*/true);
  if (!folded.ok()) return false;
  // A question about the peer's own next step, or an explicit request for advice.
  static const RE2 kAsks(
      R"((?:\b(?:what|how|where|which|when)\b[^.!?]{0,40}\b(?:should|do|can|could|would|might)\s+i\b[^.!?]*\?)|)"
      R"((?:\b(?:should|do|can|could|would)\s+i\b[^.!?]*\?)|)"
      R"((?:\bwhat\s+would\s+(?:you|u)\s+do\b)|)"
      R"((?:\b(?:any|some|your|need|want|give me|looking for)\s+(?:advice|tips|ideas|suggestions|recommendations|guidance)\b)|)"
      R"((?:\btell\s+me\s+what\s+to\s+do\b)|)"
      R"((?:\bi\s+(?:don't|dont|do not)\s+know\s+what\s+(?:to\s+do|i\s+should\s+do)\b[^.!?]*\?))",
      match::RuleRegexOptions());
  return RE2::PartialMatch(folded.value().text, kAsks);
}

}  // namespace peercoach::context
