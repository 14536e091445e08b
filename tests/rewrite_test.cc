#include <gtest/gtest.h>

#include <algorithm>

#include "peercoach/rule.h"
#include "rewrite/rewriter.h"
#include "rewrite/template.h"

namespace peercoach::rewrite {
namespace {

TEST(Gerund, CommonVerbsOfAdvice) {
  EXPECT_EQ(Gerund("call your sponsor"), "calling your sponsor");
  EXPECT_EQ(Gerund("go to a meeting"), "going to a meeting");
  EXPECT_EQ(Gerund("stop drinking"), "stopping drinking");
  EXPECT_EQ(Gerund("make a plan"), "making a plan");
  EXPECT_EQ(Gerund("be honest"), "being honest");
  EXPECT_EQ(Gerund("lie down"), "lying down");
  EXPECT_EQ(Gerund("see a doctor"), "seeing a doctor");
  EXPECT_EQ(Gerund("text her"), "texting her");
  EXPECT_EQ(Gerund("open up"), "opening up");
}

TEST(FillTemplate, SubstitutesAndFilters) {
  auto lookup = [](std::string_view name) -> std::optional<std::string> {
    if (name == "action") return std::string("call your sponsor");
    return std::nullopt;
  };
  EXPECT_EQ(FillTemplate("Would {action|gerund} help?", lookup), "Would calling your sponsor help?");
  EXPECT_EQ(FillTemplate("{action|cap}.", lookup), "Call your sponsor.");
  EXPECT_FALSE(FillTemplate("Try {missing}.", lookup).has_value());
}

TEST(FillTemplate, FirstKeepsOneSentenceOfTheStory) {
  auto lookup = [](std::string_view name) -> std::optional<std::string> {
    if (name == "sentence") return std::string("When I was using I lost everything. I slept in my car for two winters.");
    if (name == "one") return std::string("No end here");
    return std::nullopt;
  };
  EXPECT_EQ(FillTemplate("{sentence|first} What about you?", lookup),
            "When I was using I lost everything. What about you?");
  EXPECT_EQ(FillTemplate("{one|first}", lookup), "No end here");
  EXPECT_EQ(FirstSentence("It was 3.5 miles. Then I ran."), "It was 3.5 miles.");
}

TEST(Uncap, LowersTheFirstLetterButNotIOrAnAcronym) {
  EXPECT_EQ(Uncap("You're upset because she left"), "you're upset because she left");
  EXPECT_EQ(Uncap("I know why"), "I know why");
  EXPECT_EQ(Uncap("I'm sure"), "I'm sure");
  EXPECT_EQ(Uncap("AA saved me"), "AA saved me");
  EXPECT_EQ(Uncap("It's fine"), "it's fine");
}

// `peer` keeps a sentence only when the peer is its subject, so "I wonder if ..." reads
// as a guess about them; any other opening skips the template.
TEST(RewriteCandidates, ThePeerFilterKeepsOnlySentencesAboutThePeer) {
  Rule rule;
  rule.rewrites = {"I wonder if {whole|peer}. Is that close?"};
  const auto fill = [&](std::string sentence) {
    RewriteInput input;
    input.sentence = sentence;
    input.match = sentence;
    auto out = RewriteCandidates(rule, input);
    return out.empty() ? std::string("(none)") : out[0].text;
  };
  EXPECT_EQ(fill("You're afraid of being found out."),
            "I wonder if you're afraid of being found out. Is that close?");
  EXPECT_EQ(fill("ur ashamed, u think hes gonna drop u"),
            "I wonder if ur ashamed, u think hes gonna drop u. Is that close?");
  EXPECT_EQ(fill("You\u2019ve made up your mind already."),
            "I wonder if you\u2019ve made up your mind already. Is that close?");
  EXPECT_EQ(fill("But let's be real, it's pride."), "(none)");
  EXPECT_EQ(fill("Every single one of us."), "(none)");
  EXPECT_EQ(fill("Young people always feel that way."), "(none)");
  EXPECT_EQ(fill("You know what's going on here: you miss her."), "(none)");
}

// Builtins every template can use, filled from one sentence the way the analyzer passes
// it: "whole" is the sentence without its end punctuation; "remainder" is the clause
// after the flagged words only when punctuation sets it apart and it does not hang off
// them with a conjunction.
TEST(RewriteCandidates, WholeAndRemainderComeFromTheTraineesSentence) {
  Rule rule;
  rule.rewrites = {"I wonder if {whole|uncap}. Is that close?", "For me, {remainder|uncap}."};
  RewriteInput input;
  input.sentence = "You're only upset because you miss her!";
  input.match = "You're only upset because";
  input.after = " you miss her!";
  auto out = RewriteCandidates(rule, input);
  ASSERT_EQ(out.size(), 1u) << "no remainder: 'you miss her' continues the flagged words";
  EXPECT_EQ(out[0].text, "I wonder if you're only upset because you miss her. Is that close?");
  EXPECT_TRUE(out[0].own_words);

  input.sentence = "Trust me — It gets easier after the first year.";
  input.match = "Trust me";
  input.after = " — It gets easier after the first year.";
  out = RewriteCandidates(rule, input);
  ASSERT_EQ(out.size(), 2u);
  std::vector<std::string> texts = {out[0].text, out[1].text};
  EXPECT_NE(std::find(texts.begin(), texts.end(), "For me, it gets easier after the first year."),
            texts.end());

  input.after = ", so hear me out.";
  input.sentence = "Trust me, so hear me out.";
  out = RewriteCandidates(rule, input);
  ASSERT_EQ(out.size(), 1u) << "'so' ties the clause back to the flagged words";
}

// "own" is the first other clause in the speaker's own voice (I, my), at least four
// words: the relatable disclosure beside an assumption, kept while the claim goes.
TEST(RewriteCandidates, OwnIsTheSpeakersClauseBesideTheFlaggedOne) {
  Rule rule;
  rule.rewrites = {"{own|cap}, though I can only guess. What has it been like?"};
  const auto own = [&](std::string_view before, std::string_view match, std::string_view after) {
    RewriteInput input;
    const std::string sentence = std::string(before) + std::string(match) + std::string(after);
    input.sentence = sentence;
    input.before = before;
    input.match = match;
    input.after = after;
    auto out = RewriteCandidates(rule, input);
    return out.empty() ? std::string("(none)") : out[0].text;
  };
  EXPECT_EQ(own("I lost my mom too, so ", "I know exactly", " what you're going through."),
            "I lost my mom too, though I can only guess. What has it been like?");
  EXPECT_EQ(own("", "I know exactly how you feel", " \u2014 I\u2019ve buried a brother myself."),
            "I\u2019ve buried a brother myself, though I can only guess. What has it been like?");
  // The flagged clause's own words, a clause about the peer, a short aside, a
  // conjunction and "we all" are not the speaker's disclosure.
  EXPECT_EQ(own("", "I know exactly how you feel", " because I lost mine."), "(none)");
  EXPECT_EQ(own("You're scared, ", "I know", "."), "(none)");
  EXPECT_EQ(own("I hear you, ", "I know exactly", " how that is."), "(none)");
  EXPECT_EQ(own("", "It's the same for everyone", ", and I went through it too."), "(none)");
  EXPECT_EQ(own("", "It's the same for everyone", ", we all hit that wall."), "(none)");
}

TEST(ParsePlaceholders, ReportsMalformedTemplates) {
  std::vector<Placeholder> p;
  EXPECT_TRUE(ParsePlaceholders("Try {action", p).has_value());
  p.clear();
  EXPECT_FALSE(ParsePlaceholders("Try {action|gerund} and {match}", p).has_value());
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].filter, "gerund");
  EXPECT_EQ(p[1].name, "match");
}

}  // namespace
}  // namespace peercoach::rewrite
