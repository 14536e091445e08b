#include "text/match_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace peercoach::text {
namespace {

// Folds the quote and space variants people paste to the ASCII the rules are written in.
UChar32 FoldPunctuation(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0x2032:
    case 0xFF07: case 0x0060: case 0x00B4:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0xFF02:
      return '"';
    default:
      break;
  }
  if (c != ' ' && u_charType(c) == U_SPACE_SEPARATOR) return ' ';
  return c;
}

char FoldAscii(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  if (c == '`') return '\'';
  return c;
}

}  // namespace

Result<MatchText> BuildMatchText(std::string_view original, bool replace_invalid) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    return Error(ErrorCode::kInternal, "ICU NFC normalizer unavailable");
  }
  const auto* p = reinterpret_cast<const uint8_t*>(original.data());
  const int32_t n = static_cast<int32_t>(original.size());
  MatchText out;
  out.text.reserve(original.size());

  int32_t i = 0;
  while (i < n) {
    // Fast path: an ASCII byte not followed by a combining mark maps to one byte.
    if (p[i] < 0x80 && (i + 1 == n || p[i + 1] < 0x80)) {
      out.text.push_back(FoldAscii(static_cast<char>(p[i])));
      ++i;
      continue;
    }
    // Slow path: one normalization chunk, from here to the next code point that starts
    // a new chunk (hasBoundaryBefore), processed with ICU.
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      if (!replace_invalid) {
        return Error(ErrorCode::kInvalidUtf8, "invalid UTF-8",
                     SourceLocation::AtByte(static_cast<std::size_t>(start)));
      }
      const std::size_t norm_begin = out.text.size();
      out.text += "\xEF\xBF\xBD";  // U+FFFD
      out.map.AddPiece(norm_begin, out.text.size(), start, i);
      continue;
    }
    int32_t code_points = 1;
    while (i < n) {
      int32_t j = i;
      UChar32 next;
      U8_NEXT(p, j, n, next);
      if (next < 0 || nfc->hasBoundaryBefore(next)) break;
      i = j;
      ++code_points;
    }
    icu::UnicodeString chunk = icu::UnicodeString::fromUTF8(
        icu::StringPiece(original.data() + start, i - start));
    icu::UnicodeString normalized = nfc->normalize(chunk, status);
    if (U_FAILURE(status)) {
      return Error(ErrorCode::kInternal, "ICU normalization failed",
                   SourceLocation::AtByte(static_cast<std::size_t>(start)));
    }
    normalized.foldCase(U_FOLD_CASE_DEFAULT);
    icu::UnicodeString folded;
    for (int32_t k = 0; k < normalized.length();) {
      const UChar32 cp = normalized.char32At(k);
      folded.append(FoldPunctuation(cp));
      k += U16_LENGTH(cp);
    }
    std::string bytes;
    folded.toUTF8String(bytes);
    const std::size_t norm_begin = out.text.size();
    out.text += bytes;
    // One code point to one code point of the same length keeps offsets byte for byte.
    const bool same_shape = code_points == 1 && folded.countChar32() == 1 &&
                            bytes.size() == static_cast<std::size_t>(i - start);
    if (!same_shape) out.map.AddPiece(norm_begin, out.text.size(), start, i);
  }
  return out;
}

}  // namespace peercoach::text
