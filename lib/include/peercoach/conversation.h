// peercoach/conversation.h: a conversation between a peer and a specialist, read turn by
// turn, with the conversation-level measures of TAXONOMY.md (talk share, exploration,
// peer focus) and the `dominating` judgement.
//
//   std::vector<peercoach::Turn> turns = {{Speaker::kPeer, "..."}, {Speaker::kSpecialist, "..."}};
//   auto c = peercoach::AnalyzeConversation(analyzer, turns);
//   c.value().measures.talk_share;   // the specialist's share of all words
#ifndef PEERCOACH_CONVERSATION_H_
#define PEERCOACH_CONVERSATION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "peercoach/analyzer.h"
#include "peercoach/finding.h"
#include "peercoach/status.h"

namespace peercoach {

enum class Speaker { kPeer, kSpecialist };

struct Turn {
  Speaker speaker = Speaker::kPeer;
  std::string text;
};

// When a specialist dominates. Balanced conversations keep the specialist's share of words
// near or below one half (TAXONOMY.md); a share above `share` dominates outright, and a
// share above `share_with_little_exploration` dominates when fewer than
// `min_exploring_share` of the specialist's turns ask the peer an open question.
struct DominatingThresholds {
  double share = 0.62;
  double share_with_little_exploration = 0.52;
  double min_exploring_share = 0.34;
};

struct ConversationMeasures {
  std::size_t specialist_words = 0;
  std::size_t peer_words = 0;
  double talk_share = 0;             // specialist words / all words (0 when no words)
  std::size_t specialist_turns = 0;
  std::size_t exploring_turns = 0;   // specialist turns with an open question
  std::size_t first_person = 0;      // the specialist's I / me / my ...
  std::size_t second_person = 0;     // the specialist's you / your ...
  double peer_focus = 0;             // second / (first + second); 0.5 when neither
  std::size_t peer_turns = 0;
  // The most words the specialist spoke without the peer speaking in between (consecutive
  // specialist turns count as one monologue).
  std::size_t longest_monologue_words = 0;
  // Specialist turns / all turns: 0.5 when the two take turns evenly.
  double turn_balance = 0;
  bool dominating = false;
};

struct TurnAnalysis {
  std::size_t turn = 0;  // index into the turns
  Analysis analysis;     // findings and strengths of this specialist turn
};

struct ConversationAnalysis {
  std::vector<TurnAnalysis> specialist_turns;
  ConversationMeasures measures;
};

// Analyses every specialist turn and measures the conversation. Fails on the first turn
// whose text the analyzer rejects (invalid UTF-8), naming the turn.
Result<ConversationAnalysis> AnalyzeConversation(const Analyzer& analyzer,
                                                 const std::vector<Turn>& turns,
                                                 const AnalyzeOptions& options = {},
                                                 const DominatingThresholds& thresholds = {});

}  // namespace peercoach

#endif  // PEERCOACH_CONVERSATION_H_
