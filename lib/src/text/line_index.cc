#include "text/line_index.h"

#include <algorithm>
#include <cstdint>

namespace peercoach::text {
namespace {
bool IsLead(char c) { return (static_cast<uint8_t>(c) & 0xC0) != 0x80; }
}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) block_code_points_.push_back(count);
    if (IsLead(text[i])) ++count;
    // Lines end at \n, \r\n, or a lone \r (old Mac exports), as editors count them.
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

std::size_t LineIndex::CodePointsBefore(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::size_t block = offset / kBlock;
  std::size_t count = block < block_code_points_.size() ? block_code_points_[block] : 0;
  std::size_t from = std::min(block * kBlock, offset);
  if (block >= block_code_points_.size() && !block_code_points_.empty()) {
    count = block_code_points_.back();
    from = (block_code_points_.size() - 1) * kBlock;
  }
  for (std::size_t i = from; i < offset; ++i) {
    if (IsLead(text_[i])) ++count;
  }
  return count;
}

TextPosition LineIndex::Position(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  const std::size_t line_start = line_starts_[line - 1];
  return {line, CodePointsBefore(offset) - CodePointsBefore(line_start) + 1};
}

Span LineIndex::MakeSpan(std::size_t begin, std::size_t end) const {
  return Span{begin, end, Position(begin), Position(end)};
}

}  // namespace peercoach::text
