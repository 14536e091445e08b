#include "text/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace peercoach::text {

std::optional<std::size_t> FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  // ICU's U8_NEXT rejects overlong forms, surrogates and code points past U+10FFFF.
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

std::optional<std::size_t> FindNul(std::string_view s) {
  const void* hit = std::memchr(s.data(), 0, s.size());
  if (hit == nullptr) return std::nullopt;
  return static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
}

bool IsBlank(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !u_isUWhiteSpace(c)) return false;
  }
  return true;
}

std::size_t FloorToCodePoint(std::string_view s, std::size_t offset) {
  while (offset > 0 && offset < s.size() &&
         (static_cast<uint8_t>(s[offset]) & 0xC0) == 0x80) {
    --offset;
  }
  return offset;
}

}  // namespace peercoach::text
