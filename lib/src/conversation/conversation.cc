// Conversation-level measures over a transcript's specialist turns (TAXONOMY.md).
#include <algorithm>
#include <string>

#include "peercoach/conversation.h"

namespace peercoach {

Result<ConversationAnalysis> AnalyzeConversation(const Analyzer& analyzer,
                                                 const std::vector<Turn>& turns,
                                                 const AnalyzeOptions& options,
                                                 const DominatingThresholds& thresholds) {
  ConversationAnalysis out;
  ConversationMeasures& m = out.measures;
  // Peer turns are read only for their word count: no rewrites to verify.
  AnalyzeOptions peer_options = options;
  peer_options.verify_rewrites = false;
  std::string_view last_peer_turn;
  std::size_t monologue = 0;
  for (std::size_t i = 0; i < turns.size(); ++i) {
    const Turn& turn = turns[i];
    const bool specialist = turn.speaker == Speaker::kSpecialist;
    AnalyzeOptions turn_options = specialist ? options : peer_options;
    // A specialist turn is read against what the peer said just before it.
    if (specialist && turn_options.context.empty()) turn_options.context = last_peer_turn;
    if (!specialist) last_peer_turn = turn.text;
    auto analysis = analyzer.Analyze(turn.text, turn_options);
    if (!analysis.ok()) {
      const Error& e = analysis.error();
      return Error(e.code(), "turn " + std::to_string(i + 1) + ": " + e.message(),
                   e.location());
    }
    const ResponseMeasures& rm = analysis.value().measures;
    if (!specialist) {
      m.peer_words += rm.words;
      ++m.peer_turns;
      monologue = 0;
      continue;
    }
    ++m.specialist_turns;
    m.specialist_words += rm.words;
    monologue += rm.words;
    m.longest_monologue_words = std::max(m.longest_monologue_words, monologue);
    m.first_person += rm.first_person;
    m.second_person += rm.second_person;
    const auto& strengths = analysis.value().strengths;
    if (std::any_of(strengths.begin(), strengths.end(), [](const Strength& s) {
          return s.category == Category::kOpenQuestion;
        })) {
      ++m.exploring_turns;
    }
    out.specialist_turns.push_back({i, std::move(analysis).value()});
  }
  const std::size_t words = m.specialist_words + m.peer_words;
  m.talk_share = words == 0 ? 0.0 : static_cast<double>(m.specialist_words) / words;
  const std::size_t all_turns = m.specialist_turns + m.peer_turns;
  m.turn_balance = all_turns == 0 ? 0.0 : static_cast<double>(m.specialist_turns) / all_turns;
  const std::size_t person = m.first_person + m.second_person;
  m.peer_focus = person == 0 ? 0.5 : static_cast<double>(m.second_person) / person;
  const double exploring =
      m.specialist_turns == 0 ? 0.0 : static_cast<double>(m.exploring_turns) / m.specialist_turns;
  m.dominating = m.specialist_turns > 0 &&
                 (m.talk_share > thresholds.share ||
                  (m.talk_share > thresholds.share_with_little_exploration &&
                   exploring < thresholds.min_exploring_share));
  return out;
}

}  // namespace peercoach
