// Each category of TAXONOMY.md on the default rules: what it must flag, and the near
// misses it must leave alone. These sentences are written here, apart from the rule
// files' own examples, so the rules are checked on wording they were not written from.
#include <gtest/gtest.h>

#include "test_support.h"

namespace peercoach {
namespace {

struct Case {
  const char* category;
  const char* text;
};

void ExpectFlagged(const Case& c) {
  const auto found = testing::Categories(testing::Analyze(c.text));
  EXPECT_TRUE(found.contains(c.category)) << c.category << " not found in: " << c.text;
}

void ExpectNotFlagged(const Case& c) {
  const auto found = testing::Categories(testing::Analyze(c.text));
  EXPECT_FALSE(found.contains(c.category)) << c.category << " wrongly found in: " << c.text;
}

TEST(Directive, Flags) {
  for (const char* t : {
           "You have to stop hanging around those guys.",
           "honestly u need to tell ur boss whats going on",
           "Maybe you should look for a different apartment.",
           "Go see your doctor about the pain tomorrow.",
           "If the cravings come back, call your sponsor right away.",
           "Don't go back to that house this weekend.",
           "What you need to do is write down your triggers.",
           "If I were you, I'd apply for the housing voucher today.",
           "Why don't you just move in with your sister?",
           "Make sure you take your meds every morning.",
           "You've got to get back to group.",
       }) {
    ExpectFlagged({"directive", t});
  }
}

TEST(Directive, LeavesAlone) {
  for (const char* t : {
           "What do you think might help this week?",
           "Would it help to talk through some options together?",
           "Let me know what you'd like to focus on today.",
           "I had to learn to ask my family for help.",
           "You should feel proud of the work you've put in.",
           "You don't need to have every answer right now.",
           "My counselor told me I needed to slow down.",
           "You must be worn out after a week like that.",
           "Take your time, there's no rush.",
           "Tell me what the last few days have been like.",
       }) {
    ExpectNotFlagged({"directive", t});
  }
}

TEST(Comparing, FlagsAndLeavesAlone) {
  for (const char* t : {
           "You think losing a job is bad? I lost my whole family.",
           "That's nothing compared to what I dealt with in prison.",
           "At least you still have a roof over your head.",
           "Other people have it a lot harder than you do.",
           "My withdrawal was way worse than yours.",
       }) {
    ExpectFlagged({"comparing", t});
  }
  for (const char* t : {
           "I've been through something similar with my own diagnosis.",
           "It sounds like things got worse after the move.",
           "At least for me, the first month was the hardest.",
           "What was the hardest part for you?",
       }) {
    ExpectNotFlagged({"comparing", t});
  }
}

TEST(Assumption, FlagsAndLeavesAlone) {
  for (const char* t : {
           "I know exactly what you're going through.",
           "Everyone who gets out of the service feels this way.",
           "What worked for me will work for you too.",
           "You're obviously angry at your dad.",
           "I went through the exact same thing after my divorce.",
       }) {
    ExpectFlagged({"assumption", t});
  }
  for (const char* t : {
           "It sounds like you might be angry. Did I get that right?",
           "I can relate to feeling that way.",
           "I wonder if part of you is scared?",
           "What has this been like for you?",
       }) {
    ExpectNotFlagged({"assumption", t});
  }
}

TEST(Hierarchy, FlagsAndLeavesAlone) {
  for (const char* t : {
           "Trust me, I've been doing this a long time.",
           "Listen up, this part is important.",
           "Let me teach you how recovery actually works.",
           "You're doing this all wrong.",
           "In my professional opinion, you're not ready.",
       }) {
    ExpectFlagged({"hierarchy", t});
  }
  for (const char* t : {
           "I'm a peer support specialist, and I've been sober for eight years.",
           "I'm still learning too.",
           "I'm listening.",
           "What do you know works for you?",
       }) {
    ExpectNotFlagged({"hierarchy", t});
  }
}

TEST(Boundary, FlagsAndLeavesAlone) {
  for (const char* t : {
           "We should grab a drink after this sometime.",
           "You can crash on my couch until you find a place.",
           "Here's my personal number, call me whenever, day or night.",
           "I can lend you some cash till payday.",
           "This stays between us, don't tell your counselor.",
       }) {
    ExpectFlagged({"boundary", t});
  }
  for (const char* t : {
           "We can meet again at the clinic next Tuesday.",
           "The crisis line is open all night if you need it.",
           "Your case manager can help you apply for rent assistance.",
           "The center has a drop-in group on Friday evenings.",
       }) {
    ExpectNotFlagged({"boundary", t});
  }
}

TEST(Oversharing, FlagsAndLeavesAlone) {
  for (const char* t : {
           "That reminds me of my own relapse, let me tell you the whole story.",
           "Honestly I'm barely holding it together myself this week. I don't know what I'd "
           "do without our talks.",
           "When I was using I lost everything. I slept in my car for two winters. My kids "
           "stopped talking to me and my wife left. I overdosed twice that year and the "
           "second time I woke up in the ER with no idea how I got there. It took me years "
           "to claw my way back.",
       }) {
    ExpectFlagged({"oversharing", t});
  }
  for (const char* t : {
           "I've had moments where I felt that way too. What has helped you in the past?",
           "When I first got sober, mornings were rough for me. How are mornings for you?",
           "I'm glad you called today.",
       }) {
    ExpectNotFlagged({"oversharing", t});
  }
}

TEST(Strengths, AreNamed) {
  EXPECT_TRUE(testing::StrengthsOf(testing::Analyze("How has this week been for you?"))
                  .contains("open-question"));
  EXPECT_TRUE(testing::StrengthsOf(testing::Analyze("That makes a lot of sense."))
                  .contains("validation"));
  EXPECT_TRUE(testing::StrengthsOf(testing::Analyze("Recovery is possible, and you're not alone."))
                  .contains("hope"));
  EXPECT_TRUE(testing::StrengthsOf(
                  testing::Analyze("I've felt that way too. What helped you get through it?"))
                  .contains("relatable-disclosure"));
  EXPECT_FALSE(testing::StrengthsOf(testing::Analyze("Why don't you just call him?"))
                   .contains("open-question"));
}

}  // namespace
}  // namespace peercoach
