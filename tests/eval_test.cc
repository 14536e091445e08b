// Gold files and scoring. The analyzer here runs two tiny rules, so every figure below is
// worked out by hand from which sentences contain "you should" and "i had it worse".
#include <gtest/gtest.h>

#include <sstream>

#include "peercoach/evaluation.h"

namespace peercoach {
namespace {

constexpr std::string_view kRules = R"(rules:
  - id: directive.should
    category: directive
    message: Telling the peer what to do.
    patterns: ['\byou should\b']
    exceptions:
      - sentence: 'proud'
    examples:
      flag: ["You should go."]
      pass: ["You should be proud."]
  - id: comparing.worse
    category: comparing
    message: Ranking struggles.
    patterns: ['\bi had it worse\b']
    examples:
      flag: ["I had it worse."]
      pass: ["I had it hard."]
)";

const Analyzer& TinyAnalyzer() {
  static const Analyzer* analyzer = [] {
    auto rules = RuleSet::LoadText("tiny.yaml", kRules);
    EXPECT_TRUE(rules.ok());
    static RuleSet kept = std::move(rules.value());
    return new Analyzer(std::move(Analyzer::Create(kept).value()));
  }();
  return *analyzer;
}

GoldCorpus Read(std::string_view contents) {
  GoldCorpus gold;
  ReadGold(contents, "gold.jsonl", gold);
  return gold;
}

// c1 TP directive; c2 FN directive (no rule for "must"); c3 FP directive; c4 TP comparing
// and TN directive; c5 mutual, right; c6 hard negative of directive, left alone.
constexpr std::string_view kGold =
    R"({"id":"c1","text":"You should call her.","labels":["directive"]}
{"id":"c2","text":"You must call her.","labels":["directive"],"evidence":{"directive":["You must"]}}
{"id":"c3","text":"I wonder if you should rest, what do you think?","labels":[]}
{"id":"c4","text":"I had it worse, honestly.","labels":["comparing"]}
{"id":"c5","text":"What helps you?","labels":[]}
{"id":"c6","text":"You should be proud of that.","labels":[],"hard_negative":"directive"}
)";

TEST(Gold, ReadsResponsesAndTranscriptsInBothLabelLayouts) {
  const GoldCorpus gold = Read(
      R"({"id":"r","context":"peer words","text":"Hi.","labels":["boundary"],"note":"x","extra":1}
{"id":"t1","turns":[{"speaker":"peer","text":"a"},{"speaker":"specialist","text":"b"}],"dominating":true,"labels_per_specialist_turn":[["hierarchy"]]}
{"id":"t2","turns":[{"speaker":"peer","text":"a"},{"speaker":"specialist","text":"b"}],"labels_per_specialist_turn":[[],["directive"]]}
)");
  ASSERT_TRUE(gold.errors.empty()) << gold.errors[0].ToString();
  ASSERT_EQ(gold.responses.size(), 1u);
  EXPECT_EQ(gold.responses[0].context, "peer words");
  EXPECT_EQ(gold.responses[0].labels, std::vector<Category>{Category::kBoundary});
  ASSERT_EQ(gold.transcripts.size(), 2u);
  EXPECT_EQ(gold.transcripts[0].dominating, true);
  EXPECT_EQ(gold.transcripts[0].specialist_labels,
            std::vector<std::vector<Category>>{{Category::kHierarchy}});
  // One entry per turn: the peer's empty entry is dropped.
  EXPECT_EQ(gold.transcripts[1].specialist_labels,
            std::vector<std::vector<Category>>{{Category::kDirective}});
  EXPECT_FALSE(gold.transcripts[1].dominating.has_value());
}

TEST(Gold, EveryInvalidLineIsNamedWithFileAndLine) {
  const GoldCorpus gold = Read(
      R"({"id":"a","text":"ok","labels":[]}
{"id":"b","text":"x","labels":["kindness"]}
{"id":"c","labels":[]}

{"id":"d","text":"You must.","labels":["directive"],"evidence":{"directive":["you should"]}}
{broken
{"id":"a","text":"again","labels":[]}
{"id":"e","text":"x","labels":[],"hard_negative":"directive","evidence":{"directive":"x"}}
{"id":"t","turns":[{"speaker":"specialist","text":"b"}],"labels_per_specialist_turn":[[],[]]}
{"id":"f","text":"x","labels":[],"n":1e999}
)");
  std::vector<std::string> errors;
  for (const Error& e : gold.errors) errors.push_back(e.ToString());
  EXPECT_EQ(errors, (std::vector<std::string>{
                        "gold.jsonl:2: labels: unknown label \"kindness\"",
                        "gold.jsonl:3: missing \"text\"",
                        "gold.jsonl:5: evidence \"you should\" is not in the text",
                        "gold.jsonl:6: malformed JSON at byte 2 of the line",
                        "gold.jsonl:7: duplicate id \"a\"",
                        "gold.jsonl:8: evidence for \"directive\", which is not in \"labels\"",
                        "gold.jsonl:9: \"labels_per_specialist_turn\" has 2 entries for 1 "
                        "specialist turns",
                        // found by the gold fuzzer: nlohmann throws out_of_range, not
                        // parse_error, for a number too large for a double
                        "gold.jsonl:10: malformed JSON: a number out of range",
                    }));
  EXPECT_EQ(gold.responses.size(), 1u);
}

TEST(Evaluate, ScoresMatchTheCountsWorkedOutByHand) {
  auto ev = Evaluate(TinyAnalyzer(), Read(kGold));
  ASSERT_TRUE(ev.ok()) << ev.error().ToString();
  const LabelScores& s = ev.value().responses;
  EXPECT_EQ(s.items, 6u);
  const CategoryScore& directive = s.categories[0];
  EXPECT_EQ(directive.name, "directive");
  EXPECT_EQ(directive.tp, 1u);  // c1
  EXPECT_EQ(directive.fp, 1u);  // c3
  EXPECT_EQ(directive.fn, 1u);  // c2
  EXPECT_EQ(directive.support, 2u);
  EXPECT_DOUBLE_EQ(directive.precision, 0.5);
  EXPECT_DOUBLE_EQ(directive.recall, 0.5);
  EXPECT_DOUBLE_EQ(directive.f1, 0.5);
  const CategoryScore& comparing = s.categories[2];
  EXPECT_DOUBLE_EQ(comparing.f1, 1.0);
  EXPECT_FALSE(s.categories[1].measured());  // oversharing: no gold, no prediction
  // micro: TP 2, FP 1, FN 1 -> P = R = F1 = 2/3; macro over directive and comparing.
  EXPECT_DOUBLE_EQ(s.micro.precision, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.micro.f1, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.macro.f1, 0.75);
  EXPECT_EQ(s.exact, 4u);  // c1, c4, c5, c6
  ASSERT_EQ(ev.value().hard_negatives.size(), 1u);
  EXPECT_EQ(ev.value().hard_negatives[0].items, 1u);
  EXPECT_EQ(ev.value().hard_negatives[0].flagged_any, 0u);
  // Disagreements name the rule that fired, or the evidence that was missed.
  ASSERT_EQ(ev.value().disagreements.size(), 2u);
  EXPECT_EQ(ev.value().disagreements[0].id, "c2");
  EXPECT_EQ(ev.value().disagreements[0].details, std::vector<std::string>{"You must"});
  EXPECT_EQ(ev.value().disagreements[1].id, "c3");
  EXPECT_EQ(ev.value().disagreements[1].details,
            std::vector<std::string>{"directive.should: you should"});
}

TEST(Evaluate, TranscriptsScoreDominatingAndTurns) {
  // t1: the specialist says 2 of 8 words; t2: 17 of 19 words, no question.
  auto ev = Evaluate(TinyAnalyzer(), Read(
      R"({"id":"t1","turns":[{"speaker":"peer","text":"I slipped up again last night."},{"speaker":"specialist","text":"What happened?"}],"dominating":false,"labels_per_specialist_turn":[[]]}
{"id":"t2","turns":[{"speaker":"peer","text":"Rough week."},{"speaker":"specialist","text":"I had it worse, believe me, my week was long and hard and awful and you should rest."}],"dominating":true,"labels_per_specialist_turn":[["comparing"]]}
)"));
  ASSERT_TRUE(ev.ok());
  const TranscriptScores& t = ev.value().transcripts;
  EXPECT_EQ(t.judged, 2u);
  EXPECT_EQ(t.dominating_correct, 2u);
  EXPECT_EQ(t.turns.items, 2u);
  // Turn 2 also says "you should": a false positive directive.
  EXPECT_EQ(t.turns.categories[0].fp, 1u);
  EXPECT_EQ(t.turns.categories[2].tp, 1u);
  EXPECT_EQ(t.turns.exact, 1u);
}

TEST(Evaluate, BaselineCatchesADropOfMoreThanTwoPoints) {
  auto ev = Evaluate(TinyAnalyzer(), Read(kGold));
  ASSERT_TRUE(ev.ok());
  const std::string baseline = BaselineJson(ev.value());
  auto same = CompareWithBaseline(ev.value(), baseline);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same.value().empty());
  // directive F1 is 0.5: a baseline of 0.53 is a drop of 0.03; 0.51 is within tolerance.
  auto worse = CompareWithBaseline(ev.value(), R"({"responses.directive.f1": 0.53,
      "responses.comparing.f1": 1.01, "hard_negatives.directive.flagged_rate": 0.0})");
  ASSERT_TRUE(worse.ok());
  EXPECT_EQ(worse.value(), std::vector<std::string>{"responses.directive.f1: 0.5000, baseline 0.5300"});
  auto lower = CompareWithBaseline(ev.value(), R"({"responses.directive.f1": 0.51})");
  EXPECT_TRUE(lower.value().empty());
  EXPECT_FALSE(CompareWithBaseline(ev.value(), "[1,2]").ok());
}

TEST(Evaluate, OutputIsTheSameEveryRun) {
  auto a = Evaluate(TinyAnalyzer(), Read(kGold));
  auto b = Evaluate(TinyAnalyzer(), Read(kGold));
  for (auto write : {WriteEvaluationText, WriteEvaluationJson, WriteEvaluationCsv}) {
    std::ostringstream x, y;
    write(x, a.value(), {true});
    write(y, b.value(), {true});
    EXPECT_EQ(x.str(), y.str());
    EXPECT_FALSE(x.str().empty());
  }
}

}  // namespace
}  // namespace peercoach
