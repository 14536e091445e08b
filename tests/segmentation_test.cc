// Segmentation: ICU sentences and words, and the features rules ask about.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "match/conditions.h"
#include "segmentation/document.h"

namespace peercoach::segmentation {
namespace {

class SegmentationTest : public ::testing::Test {
 protected:
  // Documents view their text, so the fixture keeps every text alive for the test.
  Document Segment(std::string input) {
    const std::string& text = *texts_.emplace_back(std::make_unique<std::string>(std::move(input)));
    Document doc;
    doc.original = text;
    auto m = text::BuildMatchText(text, false);
    EXPECT_TRUE(m.ok());
    doc.match = std::move(m.value());
    auto segmenter = Segmenter::Create();
    EXPECT_TRUE(segmenter.ok());
    EXPECT_TRUE(segmenter.value()->Segment(doc).ok());
    return doc;
  }
  std::string Original(const Document& doc, const Sentence& s) {
    return std::string(doc.original.substr(s.orig_begin, s.orig_end - s.orig_begin));
  }
  // The sentence holding `needle`, and the span start of `needle`.
  std::pair<const Sentence*, std::size_t> At(const Document& doc, std::string_view needle) {
    const std::size_t pos = doc.match.text.find(needle);
    EXPECT_NE(pos, std::string::npos);
    return {&doc.sentences[doc.SentenceAt(pos)], pos};
  }

 private:
  std::vector<std::unique_ptr<std::string>> texts_;
};

TEST_F(SegmentationTest, SplitsSentencesAndKeepsAbbreviations) {
  const Document doc = Segment("I saw Dr. Smith today. It helped!  What helps you?\nThanks");
  ASSERT_EQ(doc.sentences.size(), 4u);
  EXPECT_EQ(Original(doc, doc.sentences[0]), "I saw Dr. Smith today.");
  EXPECT_EQ(Original(doc, doc.sentences[1]), "It helped!");
  EXPECT_EQ(Original(doc, doc.sentences[2]), "What helps you?");
  EXPECT_EQ(Original(doc, doc.sentences[3]), "Thanks");
}

TEST_F(SegmentationTest, KnowsQuestions) {
  const Document doc = Segment("That sounds hard. How are you holding up?\" Really?! what helps u");
  ASSERT_EQ(doc.sentences.size(), 4u);
  EXPECT_FALSE(doc.sentences[0].is_question);
  EXPECT_TRUE(doc.sentences[1].is_question);
  EXPECT_TRUE(doc.sentences[2].is_question);
  EXPECT_TRUE(doc.sentences[3].is_question);  // texting: no "?", opens with "what"
}

TEST_F(SegmentationTest, CountsGrammaticalPersonIncludingTextingForms) {
  const Document doc = Segment("I’ve been there and my sponsor helped me. u and ur kids matter to you.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].first_person, 3u);  // i've, my, me
  EXPECT_EQ(doc.sentences[0].second_person, 0u);
  EXPECT_EQ(doc.sentences[1].first_person, 0u);
  EXPECT_EQ(doc.sentences[1].second_person, 3u);  // u, ur, you
}

TEST_F(SegmentationTest, QuotedRangesSpanSentences) {
  const Document doc = Segment("My sponsor said “Go to meetings. Call me daily.” I did.");
  EXPECT_TRUE(doc.InQuotes(doc.match.text.find("call me")));
  EXPECT_FALSE(doc.InQuotes(doc.match.text.find("i did")));
}

TEST_F(SegmentationTest, ConditionsSeeNegationReportingAndSubjects) {
  const Document doc = Segment(
      "I'm not going to tell you what you should do. My counselor used to say you have to "
      "go. I had to learn to ask, so you should rest.");
  auto [s1, p1] = At(doc, "you should do");
  EXPECT_TRUE(match::ConditionHolds(Condition::kNegated, doc, *s1, p1));
  auto [s2, p2] = At(doc, "you have to");
  EXPECT_TRUE(match::ConditionHolds(Condition::kReported, doc, *s2, p2));
  EXPECT_FALSE(match::ConditionHolds(Condition::kNegated, doc, *s2, p2));
  auto [s3, p3] = At(doc, "had to");
  EXPECT_TRUE(match::ConditionHolds(Condition::kFirstPersonSubject, doc, *s3, p3));
  auto [s4, p4] = At(doc, "you should rest");
  // After the comma a new clause starts: "I" does not govern "you should".
  EXPECT_FALSE(match::ConditionHolds(Condition::kFirstPersonSubject, doc, *s4, p4));
  EXPECT_FALSE(match::ConditionHolds(Condition::kNegated, doc, *s4, p4));
}

}  // namespace
}  // namespace peercoach::segmentation
