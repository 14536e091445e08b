// text/utf8.h: UTF-8 validation and code point helpers.
#ifndef PEERCOACH_TEXT_UTF8_H_
#define PEERCOACH_TEXT_UTF8_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace peercoach::text {

// Returns the byte offset of the first ill-formed UTF-8 sequence (overlong forms,
// surrogates and truncated sequences included), or nullopt when `s` is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view s);

// Returns the offset of the first NUL byte, or nullopt; a NUL marks a binary file.
std::optional<std::size_t> FindNul(std::string_view s);

// True when `s` holds only Unicode white space (or nothing).
bool IsBlank(std::string_view s);

// Moves `offset` back to the start of the code point it falls in.
std::size_t FloorToCodePoint(std::string_view s, std::size_t offset);

}  // namespace peercoach::text

#endif  // PEERCOACH_TEXT_UTF8_H_
