// The text layer: validation, NFC + case folding + quote folding, and offsets that lead
// back into the original bytes.
#include <gtest/gtest.h>

#include "text/line_index.h"
#include "text/match_text.h"
#include "text/utf8.h"

namespace peercoach::text {
namespace {

MatchText Build(std::string_view s) {
  auto r = BuildMatchText(s, false);
  EXPECT_TRUE(r.ok());
  return r.value();
}

// Maps a span of the matching text back and returns the original bytes it covers.
std::string Back(const MatchText& m, std::string_view original, std::string_view needle) {
  const std::size_t at = m.text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  const std::size_t b = m.map.ToOriginalBegin(at);
  const std::size_t e = m.map.ToOriginalEnd(at + needle.size());
  return std::string(original.substr(b, e - b));
}

TEST(MatchText, AsciiIsLowerCasedByteForByte) {
  const MatchText m = Build("You NEED to Go.");
  EXPECT_EQ(m.text, "you need to go.");
  EXPECT_EQ(m.map.piece_count(), 0u);
}

TEST(MatchText, CurlyApostrophesAndQuotesFoldButSpansPointIntoOriginal) {
  const std::string original = "I know “exactly” how you’re feeling, you’ve got to call.";
  const MatchText m = Build(original);
  EXPECT_EQ(m.text, "i know \"exactly\" how you're feeling, you've got to call.");
  EXPECT_EQ(Back(m, original, "you've got to"), "you’ve got to");
  EXPECT_EQ(Back(m, original, "\"exactly\""), "“exactly”");
  EXPECT_EQ(Back(m, original, "call"), "call");
}

TEST(MatchText, NfcComposesDecomposedAccents) {
  // "café" written with e + U+0301 COMBINING ACUTE ACCENT.
  const std::string original = "Cafe\xCC\x81 talk: You should go.";
  const MatchText m = Build(original);
  EXPECT_EQ(m.text, "caf\xC3\xA9 talk: you should go.");
  EXPECT_EQ(Back(m, original, "caf\xC3\xA9"), "Cafe\xCC\x81");
  EXPECT_EQ(Back(m, original, "you should"), "You should");
}

TEST(MatchText, CaseFoldingThatChangesLengthKeepsOffsets) {
  // ß folds to "ss" (one code point, two bytes → two bytes), the Kelvin sign to "k".
  const std::string original = "STRAẞE \xE2\x84\xAA You must stop.";
  const MatchText m = Build(original);
  EXPECT_NE(m.text.find("strasse k you must stop."), std::string::npos) << m.text;
  EXPECT_EQ(Back(m, original, "you must"), "You must");
  EXPECT_EQ(Back(m, original, "k"), "\xE2\x84\xAA");
}

TEST(MatchText, MultiByteTextBeforeAMatch) {
  const std::string original = "😔 日本 — ¿Qué? you need to rest";
  const MatchText m = Build(original);
  EXPECT_EQ(Back(m, original, "you need to"), "you need to");
  EXPECT_EQ(Back(m, original, "¿qué?"), "¿Qué?");
}

TEST(MatchText, UnicodeSpacesFoldToSpace) {
  const MatchText m = Build("you\xC2\xA0should\xE2\x80\x83go");
  EXPECT_EQ(m.text, "you should go");
}

TEST(MatchText, InvalidUtf8IsAnErrorAtItsByteOffset) {
  auto r = BuildMatchText("ok \xC3\x28 then", false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(r.error().location().byte_offset, 3u);
}

TEST(MatchText, InvalidUtf8IsReplacedOnlyWhenAsked) {
  const std::string original = "a\xFFyou should";
  auto r = BuildMatchText(original, true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().text, "a\xEF\xBF\xBDyou should");
  EXPECT_EQ(Back(r.value(), original, "you should"), "you should");
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("ab\xED\xA0\x80"), 2u);    // UTF-16 surrogate
  EXPECT_EQ(FindInvalidUtf8("abc\xE2\x82"), 3u);       // truncated
  EXPECT_FALSE(FindInvalidUtf8("héllo ’ 😔").has_value());
}

TEST(Utf8, BlankMeansOnlyWhiteSpace) {
  EXPECT_TRUE(IsBlank(""));
  EXPECT_TRUE(IsBlank(" \t\n\xC2\xA0"));
  EXPECT_FALSE(IsBlank(" a "));
}

TEST(LineIndex, LinesAndColumnsCountCodePoints) {
  const std::string text = "first line\nsé 😔 you\n";
  LineIndex index(text);
  EXPECT_EQ(index.Position(0).line, 1u);
  EXPECT_EQ(index.Position(0).column, 1u);
  const std::size_t you = text.find("you");
  EXPECT_EQ(index.Position(you).line, 2u);
  EXPECT_EQ(index.Position(you).column, 6u);  // s é space 😔 space → column 6
}

TEST(LineIndex, LongLineColumns) {
  std::string text(5000, 'a');
  text += "é";
  text += "b";
  LineIndex index(text);
  EXPECT_EQ(index.Position(text.size() - 1).column, 5002u);
}

}  // namespace
}  // namespace peercoach::text
