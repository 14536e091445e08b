// Inputs pasted by people, or produced by broken exports, that have broken text tools
// before: each must give a result or a one-line error naming where, never a crash, a
// hang, a span off a code point boundary, or a silently wrong position.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "peercoach/analyzer.h"

namespace {

namespace fs = std::filesystem;
using peercoach::Analysis;
using peercoach::Analyzer;
using peercoach::Category;

const Analyzer& SharedAnalyzer() {
  static const Analyzer* analyzer = [] {
    static const peercoach::RuleSet rules = peercoach::RuleSet::LoadDefaults().value();
    return new Analyzer(std::move(Analyzer::Create(rules).value()));
  }();
  return *analyzer;
}

bool IsBoundary(const std::string& text, std::size_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// Every span inside the text, on code point boundaries, begin <= end.
void ExpectSaneSpans(const std::string& text, const Analysis& a) {
  for (const auto& f : a.findings) {
    ASSERT_LE(f.span.begin, f.span.end) << f.rule_id;
    ASSERT_LE(f.span.end, text.size()) << f.rule_id;
    EXPECT_TRUE(IsBoundary(text, f.span.begin)) << f.rule_id << " at " << f.span.begin;
    EXPECT_TRUE(IsBoundary(text, f.span.end)) << f.rule_id << " at " << f.span.end;
    EXPECT_EQ(f.matched_text, text.substr(f.span.begin, f.span.end - f.span.begin));
  }
}

Analysis AnalyzeOk(const std::string& text, bool replace_invalid = false) {
  peercoach::AnalyzeOptions options;
  options.replace_invalid_utf8 = replace_invalid;
  auto result = SharedAnalyzer().Analyze(text, options);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().ToString());
  if (!result.ok()) return {};
  ExpectSaneSpans(text, result.value());
  return std::move(result).value();
}

std::size_t CountCategory(const Analysis& a, Category c) {
  return static_cast<std::size_t>(std::count_if(
      a.findings.begin(), a.findings.end(), [c](const auto& f) { return f.category == c; }));
}

TEST(Adversarial, TenMegabytesWithNoNewlineOrSentenceEnd) {
  std::string text;
  text.reserve(10u << 20);
  while (text.size() < (10u << 20)) text += "you and me and the long road home ";
  const Analysis a = AnalyzeOk(text);
  EXPECT_TRUE(a.findings.empty()) << a.findings.front().rule_id;
}

TEST(Adversarial, DeeplyNestedQuotes) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += i % 2 ? "'" : "\"";
  text += "You should call your sponsor.";
  for (int i = 4999; i >= 0; --i) text += i % 2 ? "'" : "\"";
  text += " What do you think?";
  AnalyzeOk(text);
  std::string brackets = std::string(20000, '(') + "you need to rest" + std::string(20000, ')');
  AnalyzeOk(brackets);
}

TEST(Adversarial, RightToLeftAndZeroWidthCharactersKeepSpansOnBoundaries) {
  // U+200B zero width space, U+200D joiner, U+2060 word joiner, U+FEFF inside text,
  // U+200F right-to-left mark, U+202E right-to-left override, Hebrew and Arabic letters.
  const std::string text =
      "\u202E\u200FYou\u200B should\u200D call\u2060 her. \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
      "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7. I had it \uFEFFway worse than you.";
  const Analysis a = AnalyzeOk(text);
  EXPECT_GE(CountCategory(a, Category::kComparing), 1u) << "the comparison after them is read";
}

TEST(Adversarial, CombiningMarksAreNormalizedAndMappedBack) {
  // "You" with a combining acute on the o, and a 2000-mark pile on one letter.
  const std::string text = "Yo\u0301u need to go to a meeting tonight. h" +
                           [] {
                             std::string marks;
                             for (int i = 0; i < 2000; ++i) marks += "\u0300\u0301\u0302";
                             return marks;
                           }() +
                           "i. You should rest.";
  const Analysis a = AnalyzeOk(text);
  ASSERT_GE(CountCategory(a, Category::kDirective), 1u);
  const auto& last = a.findings.back();
  EXPECT_EQ(last.matched_text.rfind("You should", 0), 0u) << last.matched_text;
}

TEST(Adversarial, EveryUnicodeSpaceBetweenWordsStillMatches) {
  const std::vector<std::string> spaces = {
      "\u00A0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005",
      "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u202F", "\u205F", "\u3000", "\t"};
  for (const std::string& sp : spaces) {
    const std::string text = "You" + sp + "should" + sp + "call your sponsor tonight.";
    const Analysis a = AnalyzeOk(text);
    ASSERT_EQ(CountCategory(a, Category::kDirective), 1u) << "space of " << sp.size() << " bytes: "
                                                          << [&] {
                                                               std::string hex;
                                                               for (unsigned char c : sp) {
                                                                 char b[4];
                                                                 std::snprintf(b, sizeof b, "%02X", c);
                                                                 hex += b;
                                                               }
                                                               return hex;
                                                             }();
    EXPECT_EQ(a.findings[0].matched_text, "You" + sp + "should");
  }
}

TEST(Adversarial, EveryKindOfApostropheStillMatches) {
  // ' ’ ‘ ʼ ′ ＇ and the grave accent people type for one.
  for (const std::string apostrophe :
       {"'", "\u2019", "\u2018", "\u02BC", "\u2032", "\uFF07", "`"}) {
    const std::string text = "You" + apostrophe + "ve got to stop drinking.";
    const Analysis a = AnalyzeOk(text);
    EXPECT_EQ(CountCategory(a, Category::kDirective), 1u) << apostrophe;
  }
}

TEST(Adversarial, MixedLineEndingsGiveTheRightLines) {
  const std::string text = "Hi there.\r\nHow are you?\rI hear you.\nYou should call her.";
  const Analysis a = AnalyzeOk(text);
  ASSERT_EQ(CountCategory(a, Category::kDirective), 1u);
  EXPECT_EQ(a.findings[0].span.start.line, 4u);
  EXPECT_EQ(a.findings[0].span.start.column, 1u);
}

TEST(Adversarial, NulByteIsAnalyzedAsTextOrRejectedNeverCrashes) {
  const std::string text("You should\0 call her. I had it worse.", 38);
  auto result = SharedAnalyzer().Analyze(text);
  if (result.ok()) ExpectSaneSpans(text, result.value());
}

TEST(Adversarial, OverlongEncodingsAreInvalidUtf8AtTheirByte) {
  // "/" as C0 AF (overlong 2-byte), as E0 80 AF (overlong 3-byte), NUL as C0 80.
  for (const std::string bad : {"ok \xC0\xAF", "ok \xE0\x80\xAF", "ok \xC0\x80", "ok \xF0\x80\x80\xAF"}) {
    auto result = SharedAnalyzer().Analyze(bad);
    ASSERT_FALSE(result.ok()) << "accepted an overlong encoding";
    EXPECT_EQ(result.error().code(), peercoach::ErrorCode::kInvalidUtf8);
    EXPECT_EQ(result.error().location().byte_offset, 3u);
    AnalyzeOk(bad, /*replace_invalid=*/true);
  }
}

TEST(Adversarial, EncodedSurrogatesAreInvalidUtf8) {
  // U+D800 and U+DFFF encoded as UTF-8 (CESU-style), alone and as a pair.
  for (const std::string bad :
       {"you \xED\xA0\x80", "you \xED\xBF\xBF", "you \xED\xA0\xBD\xED\xB8\x80 should go"}) {
    auto result = SharedAnalyzer().Analyze(bad);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code(), peercoach::ErrorCode::kInvalidUtf8);
    EXPECT_EQ(result.error().location().byte_offset, 4u);
    AnalyzeOk(bad, /*replace_invalid=*/true);
  }
}

TEST(Adversarial, TruncatedSequencesAtTheEnd) {
  for (const std::string bad : {"you \xE2\x80", "you \xF0\x9F\x98", "you \xC3"}) {
    auto result = SharedAnalyzer().Analyze(bad);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().location().byte_offset, 4u);
    AnalyzeOk(bad, /*replace_invalid=*/true);
  }
}

}  // namespace
