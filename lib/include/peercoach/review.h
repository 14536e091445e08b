// peercoach/review.h: a supervisor's review of one session (a transcript or a note):
// every specialist turn analysed, the conversation measures, and a 0-100 session score
// with its parts, so a supervisor can say why a session scored 62.
//
//   auto config = peercoach::ReviewConfig{};                  // or ParseReviewConfig(yaml)
//   auto review = peercoach::ReviewSession(analyzer, std::move(session), config);
//   review.value().score.score;                                // 0..100
//
// Session score (README, "Session score"), for a conversation:
//   turns       = 60 x the mean mutuality score of the specialist's turns / 100
//   balance     = 20 x (1 when talk share <= 0.5, 0 when >= 0.8, linear between)
//   exploration = 10 x min(1, share of specialist turns with an open question / 0.5)
//   focus       = 10 x min(1, peer focus / 0.5)
//   score       = round(turns + balance + exploration + focus)
// A note has no peer to balance against: its score is the mean turn score alone.
#ifndef PEERCOACH_REVIEW_H_
#define PEERCOACH_REVIEW_H_

#include <array>
#include <cstddef>
#include <string_view>

#include "peercoach/analyzer.h"
#include "peercoach/category.h"
#include "peercoach/conversation.h"
#include "peercoach/status.h"
#include "peercoach/transcript.h"

namespace peercoach {

struct ReviewConfig {
  DominatingThresholds dominating;
  // The weights of the session score's parts (they need not sum to 100; the score is
  // clamped to 0..100).
  double turns_weight = 60;
  double balance_weight = 20;
  double exploration_weight = 10;
  double focus_weight = 10;
  double balanced_share = 0.5;   // talk share at or below which balance is full
  double lopsided_share = 0.8;   // talk share at or above which balance is zero
  double target_exploring_share = 0.5;
  double target_peer_focus = 0.5;
};

// Reads a review config (YAML; every key optional):
//   dominating: { share: 0.62, share_with_little_exploration: 0.52, min_exploring_share: 0.34 }
//   score: { turns: 60, balance: 20, exploration: 10, focus: 10, balanced_share: 0.5,
//            lopsided_share: 0.8, target_exploring_share: 0.5, target_peer_focus: 0.5 }
// Errors name the file and line (an unknown key, a value that is not a number in range).
Result<ReviewConfig> ParseReviewConfig(std::string_view yaml, std::string_view file);

struct SessionScore {
  int score = 0;  // 0..100
  // The parts, in points, before rounding. A note has only `turns` (on 100).
  double turns = 0;
  double balance = 0;
  double exploration = 0;
  double focus = 0;
  bool conversation = true;  // false for a note
};

inline constexpr std::size_t kCategoryCount = 10;  // findings and strengths, see category.h

struct SessionReview {
  Session session;
  ConversationAnalysis conversation;
  SessionScore score;
  // Findings and strengths per category over the specialist's turns, by Category value.
  std::array<std::size_t, kCategoryCount> counts{};
};

// Reviews one session. Fails when a turn is not valid UTF-8 (naming the turn).
Result<SessionReview> ReviewSession(const Analyzer& analyzer, Session session,
                                    const ReviewConfig& config = {});

// The session score of an analysed conversation (exposed for tests and the report).
SessionScore ScoreSession(const ConversationAnalysis& conversation, bool is_note,
                          const ReviewConfig& config);

}  // namespace peercoach

#endif  // PEERCOACH_REVIEW_H_
