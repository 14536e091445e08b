// The analyzer end to end on the default rules: spans into the original text, category
// interplay, verified rewrites, determinism.
#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "peercoach/report.h"
#include "peercoach/rule_set.h"
#include "test_support.h"

namespace peercoach {
namespace {

using testing::Analyze;
using testing::Categories;

TEST(Analyzer, IssueExampleDirectiveAndComparing) {
  const std::string text = "You need to go to a meeting tonight. I had it way worse than you.";
  const Analysis a = Analyze(text);
  ASSERT_EQ(a.findings.size(), 2u);
  const Finding& directive = a.findings[0];
  EXPECT_EQ(directive.category, Category::kDirective);
  EXPECT_EQ(text.substr(directive.span.begin, directive.span.end - directive.span.begin),
            directive.matched_text);
  EXPECT_EQ(directive.span.begin, 0u);
  EXPECT_NE(directive.matched_text.find("You need to"), std::string::npos);
  ASSERT_TRUE(directive.rewrite.has_value());
  EXPECT_NE(directive.rewrite->find("meeting"), std::string::npos) << *directive.rewrite;
  const Finding& comparing = a.findings[1];
  EXPECT_EQ(comparing.category, Category::kComparing);
  EXPECT_GE(comparing.span.begin, text.find("I had"));
  EXPECT_NE(comparing.matched_text.find("worse"), std::string::npos);
  EXPECT_EQ(comparing.span.start.line, 1u);
  EXPECT_EQ(comparing.span.start.column, comparing.span.begin + 1);  // ASCII: column = byte + 1
  ASSERT_TRUE(comparing.rewrite.has_value());
}

TEST(Analyzer, MutualResponseHasNoFindingsAndNamesStrengths) {
  const Analysis a = Analyze("That sounds really hard. What has helped you before?");
  EXPECT_TRUE(a.findings.empty());
  const auto strengths = testing::StrengthsOf(a);
  EXPECT_TRUE(strengths.contains("validation"));
  EXPECT_TRUE(strengths.contains("open-question"));
}

TEST(Analyzer, SpansPointIntoTheOriginalThroughCurlyQuotesAndAccents) {
  const std::string text = "Café talk — honestly, you’ve got to call your sponsor.";
  const Analysis a = Analyze(text);
  ASSERT_EQ(Categories(a), std::set<std::string>{"directive"});
  const Finding& f = a.findings[0];
  EXPECT_EQ(text.substr(f.span.begin, f.span.end - f.span.begin), f.matched_text);
  EXPECT_NE(f.matched_text.find("you’ve got to"), std::string::npos) << f.matched_text;
  // Column counts code points: "Café talk — honestly, " is 22 code points.
  EXPECT_EQ(f.span.start.column, 23u);
}

// Oversharing is the speaker's story taking over. A run of sentences about the speaker
// with no word for the peer is that story; sentences that also speak of the peer ("I hear
// you", "you can get through it") are the speaker talking with the peer, and only bridge.
TEST(Analyzer, OnlyTheStoryCountsTowardsALongNarrative) {
  const std::string story =
      "I relapsed three times in my first year. I lost my apartment and then my car. I slept "
      "in my truck behind the church for a whole winter. My brother stopped speaking to me. I "
      "finally got into detox in March and stayed.";
  EXPECT_TRUE(Categories(Analyze(story)).contains("oversharing"));
  // The same four-sentence count, but two of them speak with the peer: what is left of the
  // story is three short sentences, well under the run's word threshold.
  const std::string with_the_peer =
      "I hear you, and I get it, I really do, because I was exactly where you are. I lost my "
      "job in the spring. I sat at home for months. I didn't call anybody back. I'm telling "
      "you all this because I got through it myself and I think I remember what it took.";
  EXPECT_FALSE(Categories(Analyze(with_the_peer)).contains("oversharing"));
}

TEST(Analyzer, TaxonomyExceptionsStayClean) {
  for (const char* text : {
           "You should be proud of how far you've come.",
           "Tell me more about that.",
           "My sponsor said I had to go to meetings every day.",
           "I had to learn to ask for help.",
           "I'm not going to tell you what you should do.",
           "You don't have to have it all figured out.",
           "That must have been exhausting.",
           "Take your time.",
           "I've had similar struggles.",
           "It sounds like you might be feeling stuck. Is that right?",
           "I'm a peer specialist here, and I've been in recovery for five years.",
           "We can meet again at the center on Thursday.",
           "The warmline is open until midnight.",
           "I've had moments where I felt that way too. What has helped you in the past?",
       }) {
    EXPECT_TRUE(Analyze(text).findings.empty()) << text;
  }
}

TEST(Analyzer, WhereCategoriesMeet) {
  EXPECT_EQ(Categories(Analyze("Come hang out at my place this weekend.")),
            std::set<std::string>{"boundary"});
  EXPECT_EQ(Categories(Analyze("Listen to me.")), std::set<std::string>{"hierarchy"});
  EXPECT_EQ(Categories(Analyze("Try raising three kids alone.")),
            std::set<std::string>{"comparing"});
  EXPECT_EQ(Categories(Analyze("Here's what I did, and you should do the same.")),
            std::set<std::string>{"assumption"});
}

TEST(Analyzer, EmptyAndBlankInputGiveEmptyResults) {
  EXPECT_TRUE(Analyze("").findings.empty());
  EXPECT_TRUE(Analyze(" \n\t ").findings.empty());
}

TEST(Analyzer, InvalidUtf8IsAnErrorUnlessReplaced) {
  const std::string text = "You need to \xFF rest.";
  auto r = testing::DefaultAnalyzer().Analyze(text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().location().byte_offset, 12u);
  AnalyzeOptions replace;
  replace.replace_invalid_utf8 = true;
  auto replaced = testing::DefaultAnalyzer().Analyze(text, replace);
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(Categories(replaced.value()), std::set<std::string>{"directive"});
}

TEST(Analyzer, RewritesComeBackCleanOfTheirCategory) {
  const Analysis a = Analyze(
      "You should try meditation. At least you still have your job. I know exactly how you "
      "feel. Trust me, I know what I'm talking about. Here's my personal cell, text me any "
      "time.");
  EXPECT_EQ(Categories(a),
            (std::set<std::string>{"directive", "comparing", "assumption", "hierarchy", "boundary"}));
  for (const Finding& f : a.findings) {
    ASSERT_TRUE(f.rewrite.has_value()) << f.rule_id;
    for (const Finding& g : Analyze(*f.rewrite).findings) {
      EXPECT_NE(g.category, f.category) << *f.rewrite;
    }
  }
}

// A fixed rewrite that still says what it was meant to remove is never shown, whichever
// template the sentence starts at; a rule whose every rewrite fails shows none.
TEST(Analyzer, StockRewriteCarryingItsCategoryIsNeverShown) {
  constexpr std::string_view kRules = R"(category: directive
rules:
  - id: directive.should
    message: Telling the peer what to do.
    patterns: ['\byou should\b']
    rewrite: ["You should rest first.", "Would some rest help?", "You should ask someone."]
    examples:
      flag: ["You should go."]
  - id: directive.must
    message: Telling the peer what to do.
    patterns: ['\byou must\b']
    rewrite: ["You should stop."]
    examples:
      flag: ["You must go."]
)";
  auto rules = RuleSet::LoadText("rules/test.yaml", kRules);
  ASSERT_TRUE(rules.ok());
  auto analyzer = Analyzer::Create(rules.value());
  ASSERT_TRUE(analyzer.ok());
  for (std::string_view text : {"You should go.", "Honestly you should call her.", "you should eat",
                                "You should sleep on it, maybe."}) {
    auto a = analyzer.value().Analyze(text);
    ASSERT_TRUE(a.ok());
    ASSERT_EQ(a.value().findings.size(), 1u) << text;
    EXPECT_EQ(a.value().findings[0].rewrite, std::optional<std::string>("Would some rest help?")) << text;
  }
  auto must = analyzer.value().Analyze("You must go.");
  ASSERT_TRUE(must.ok());
  ASSERT_EQ(must.value().findings.size(), 1u);
  EXPECT_FALSE(must.value().findings[0].rewrite.has_value()) << *must.value().findings[0].rewrite;
}

TEST(Analyzer, SameOutputFromManyThreads) {
  const std::string text =
      "You need to go to a meeting tonight. I had it way worse than you. What helps?";
  std::ostringstream expected;
  WriteJson(expected, text, Analyze(text), {});
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (auto& out : outputs) {
    threads.emplace_back([&] {
      std::ostringstream s;
      for (int i = 0; i < 20; ++i) {
        s.str("");
        WriteJson(s, text, testing::DefaultAnalyzer().Analyze(text).value(), {});
      }
      out = s.str();
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& out : outputs) EXPECT_EQ(out, expected.str());
}

TEST(Analyzer, LongRunOnLineStaysLinear) {
  // A 2 MB "sentence" of "you should" repeated: matches everywhere, no quadratic rescans.
  std::string text;
  while (text.size() < (2u << 20)) text += "you should rest and ";
  const Analysis a = Analyze(text);
  EXPECT_GT(a.findings.size(), 0u);
}

}  // namespace
}  // namespace peercoach

namespace peercoach {
namespace {

TEST(Analyzer, APeerWhoAskedForAdviceGetsAGentlerDirectiveNote) {
  const std::string text = "You need to go to a meeting tonight.";
  const Analysis plain = testing::Analyze(text);
  ASSERT_EQ(plain.findings.size(), 1u);
  EXPECT_EQ(plain.findings[0].severity, Severity::kWarning);
  for (std::string_view asked : {"I keep slipping on weekends. What should I do?",
                                 "any advice?? im lost", "Tell me what to do, honestly."}) {
    AnalyzeOptions options;
    options.context = asked;
    auto a = testing::DefaultAnalyzer().Analyze(text, options);
    ASSERT_TRUE(a.ok());
    ASSERT_EQ(a.value().findings.size(), 1u) << asked;
    EXPECT_EQ(a.value().findings[0].category, Category::kDirective);
    EXPECT_EQ(a.value().findings[0].severity, Severity::kInfo) << asked;
    EXPECT_NE(a.value().findings[0].message.find("asked"), std::string::npos);
  }
  // Telling what happened, or asking the specialist about themselves, is no request.
  for (std::string_view told : {"I went to a party and drank.", "What did you do at my age?"}) {
    AnalyzeOptions options;
    options.context = told;
    auto a = testing::DefaultAnalyzer().Analyze(text, options);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a.value().findings[0].severity, Severity::kWarning) << told;
  }
}

}  // namespace
}  // namespace peercoach
