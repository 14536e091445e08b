// A session's review: the conversation analysis, per-category counts and the session
// score (formula in peercoach/review.h and the README).
#include <algorithm>
#include <cmath>

#include "peercoach/review.h"
#include "peercoach/score.h"

namespace peercoach {
namespace {

double Clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

}  // namespace

SessionScore ScoreSession(const ConversationAnalysis& conversation, bool is_note,
                          const ReviewConfig& config) {
  SessionScore s;
  s.conversation = !is_note;
  double turn_mean = 100;
  if (!conversation.specialist_turns.empty()) {
    double sum = 0;
    for (const TurnAnalysis& t : conversation.specialist_turns) {
      sum += ScoreResponse(t.analysis).score;
    }
    turn_mean = sum / static_cast<double>(conversation.specialist_turns.size());
  }
  if (is_note) {
    s.turns = turn_mean;
    s.score = static_cast<int>(std::lround(std::clamp(turn_mean, 0.0, 100.0)));
    return s;
  }
  const ConversationMeasures& m = conversation.measures;
  s.turns = config.turns_weight * turn_mean / 100.0;
  const double span = config.lopsided_share - config.balanced_share;
  const double over = m.talk_share - config.balanced_share;
  s.balance = config.balance_weight * (span <= 0 ? (over <= 0 ? 1.0 : 0.0) : Clamp01(1.0 - over / span));
  const double exploring =
      m.specialist_turns == 0 ? 0.0
                              : static_cast<double>(m.exploring_turns) / m.specialist_turns;
  s.exploration = config.exploration_weight *
                  (config.target_exploring_share <= 0 ? 1.0
                                                      : Clamp01(exploring / config.target_exploring_share));
  s.focus = config.focus_weight *
            (config.target_peer_focus <= 0 ? 1.0 : Clamp01(m.peer_focus / config.target_peer_focus));
  const double total = s.turns + s.balance + s.exploration + s.focus;
  s.score = static_cast<int>(std::lround(std::clamp(total, 0.0, 100.0)));
  return s;
}

Result<SessionReview> ReviewSession(const Analyzer& analyzer, Session session,
                                    const ReviewConfig& config) {
  auto conversation = AnalyzeConversation(analyzer, session.turns, {}, config.dominating);
  if (!conversation.ok()) return conversation.error();
  SessionReview review;
  review.conversation = std::move(conversation).value();
  const bool is_note = session.format == TranscriptFormat::kNotes;
  // A note has no peer: talk share and dominating do not apply.
  if (is_note) review.conversation.measures.dominating = false;
  review.score = ScoreSession(review.conversation, is_note, config);
  for (const TurnAnalysis& t : review.conversation.specialist_turns) {
    for (const Finding& f : t.analysis.findings) ++review.counts[static_cast<std::size_t>(f.category)];
    for (const Strength& s : t.analysis.strengths) ++review.counts[static_cast<std::size_t>(s.category)];
  }
  review.session = std::move(session);
  return review;
}

}  // namespace peercoach
