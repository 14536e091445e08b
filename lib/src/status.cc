#include "peercoach/status.h"

#include <fmt/format.h>

namespace peercoach {

std::string Error::ToString() const {
  const SourceLocation& loc = location_;
  std::string prefix;
  if (!loc.file.empty()) prefix = loc.file;
  if (loc.line > 0) {
    prefix += fmt::format("{}{}", prefix.empty() ? "line " : ":", loc.line);
    if (loc.column > 0) prefix += fmt::format(":{}", loc.column);
  } else if (loc.byte_offset) {
    prefix += fmt::format("{}byte {}", prefix.empty() ? "" : ": ", *loc.byte_offset);
  }
  return prefix.empty() ? message_ : prefix + ": " + message_;
}

}  // namespace peercoach
