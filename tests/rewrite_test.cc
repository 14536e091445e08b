#include <gtest/gtest.h>

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
