// Session review: the conversation measures on transcripts counted by hand, the session
// score formula on hand-built analyses, and the config file.
#include <gtest/gtest.h>

#include "peercoach/review.h"
#include "test_support.h"

namespace peercoach {
namespace {

Session MakeSession(std::vector<Turn> turns, TranscriptFormat format = TranscriptFormat::kPlain) {
  Session s;
  s.source = "hand.txt";
  s.format = format;
  s.turns = std::move(turns);
  return s;
}

TEST(Review, MeasuresCountedByHand) {
  // Peer 5 + 2 words; specialist 6, then 6 + 4 words in two consecutive turns (one
  // monologue of 10).
  auto review = ReviewSession(testing::DefaultAnalyzer(),
                              MakeSession({{Speaker::kPeer, "I feel stuck at home."},
                                           {Speaker::kSpecialist, "What feels most stuck right now?"},
                                           {Speaker::kPeer, "Mostly mornings."},
                                           {Speaker::kSpecialist, "Mornings can drag for me too."},
                                           {Speaker::kSpecialist, "How do they start?"}}));
  ASSERT_TRUE(review.ok()) << review.error().ToString();
  const ConversationMeasures& m = review.value().conversation.measures;
  EXPECT_EQ(m.peer_words, 7u);
  EXPECT_EQ(m.specialist_words, 6u + 6u + 4u);
  EXPECT_NEAR(m.talk_share, 16.0 / 23.0, 1e-9);
  EXPECT_EQ(m.specialist_turns, 3u);
  EXPECT_EQ(m.peer_turns, 2u);
  EXPECT_EQ(m.longest_monologue_words, 10u);  // "Mornings can drag for me too." + "How do they start?"
  EXPECT_NEAR(m.turn_balance, 3.0 / 5.0, 1e-9);
  EXPECT_EQ(m.exploring_turns, 2u);  // the two open questions
  EXPECT_EQ(m.first_person, 1u);     // me
  EXPECT_EQ(m.second_person, 0u);
  EXPECT_DOUBLE_EQ(m.peer_focus, 0.0);
  EXPECT_TRUE(m.dominating);  // 0.70 > 0.62
}

TEST(Review, ANoteIsTheSpecialistsOwnWordsAndNeverDominates) {
  auto review = ReviewSession(testing::DefaultAnalyzer(),
                              MakeSession({{Speaker::kSpecialist, "We looked at the form together."}},
                                          TranscriptFormat::kNotes));
  ASSERT_TRUE(review.ok());
  EXPECT_FALSE(review.value().conversation.measures.dominating);
  EXPECT_FALSE(review.value().score.conversation);
}

TurnAnalysis TurnWith(std::size_t turn, std::vector<Severity> findings, std::vector<Category> strengths) {
  TurnAnalysis t;
  t.turn = turn;
  for (Severity s : findings) {
    Finding f{};
    f.category = Category::kDirective;
    f.severity = s;
    t.analysis.findings.push_back(f);
  }
  for (Category c : strengths) {
    Strength s{};
    s.category = c;
    t.analysis.strengths.push_back(s);
  }
  return t;
}

TEST(Review, SessionScoreFormulaByHand) {
  ConversationAnalysis c;
  // Turn scores: 100 (one strength, clamped) and 80 (one warning): mean 90.
  c.specialist_turns.push_back(TurnWith(1, {}, {Category::kOpenQuestion}));
  c.specialist_turns.push_back(TurnWith(3, {Severity::kWarning}, {}));
  c.measures.specialist_turns = 2;
  c.measures.exploring_turns = 1;  // exploration 0.5: full 10
  c.measures.talk_share = 0.65;    // balance 20 x (1 - 0.15 / 0.3) = 10
  c.measures.peer_focus = 0.2;     // focus 10 x 0.2 / 0.5 = 4
  const SessionScore s = ScoreSession(c, false, ReviewConfig{});
  EXPECT_DOUBLE_EQ(s.turns, 54.0);  // 60 x 0.9
  EXPECT_NEAR(s.balance, 10.0, 1e-9);
  EXPECT_NEAR(s.exploration, 10.0, 1e-9);
  EXPECT_NEAR(s.focus, 4.0, 1e-9);
  EXPECT_EQ(s.score, 78);

  c.measures.talk_share = 0.45;  // at or below one half: full balance
  EXPECT_EQ(ScoreSession(c, false, ReviewConfig{}).score, 88);
  c.measures.talk_share = 0.9;   // past lopsided: none
  EXPECT_EQ(ScoreSession(c, false, ReviewConfig{}).score, 68);
  // A note: the mean turn score alone.
  EXPECT_EQ(ScoreSession(c, true, ReviewConfig{}).score, 90);
}

TEST(Review, ConfigOverridesAndNamesBadLines) {
  auto config = ParseReviewConfig("dominating:\n  share: 0.7\nscore:\n  turns: 50\n", "r.yaml");
  ASSERT_TRUE(config.ok()) << config.error().ToString();
  EXPECT_DOUBLE_EQ(config.value().dominating.share, 0.7);
  EXPECT_DOUBLE_EQ(config.value().dominating.min_exploring_share, 0.34);
  EXPECT_DOUBLE_EQ(config.value().turns_weight, 50);

  auto unknown = ParseReviewConfig("dominating:\n  shar: 0.7\n", "r.yaml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().ToString(), "r.yaml:2: unknown key 'dominating.shar'");
  auto range = ParseReviewConfig("dominating:\n  share: 1.5\n", "r.yaml");
  ASSERT_FALSE(range.ok());
  EXPECT_NE(range.error().ToString().find("r.yaml:2:"), std::string::npos);
  auto syntax = ParseReviewConfig("score: [1,\n", "r.yaml");
  EXPECT_FALSE(syntax.ok());
}

}  // namespace
}  // namespace peercoach
