// text/line_index.h: byte offset → 1-based line and column (in code points).
#ifndef PEERCOACH_TEXT_LINE_INDEX_H_
#define PEERCOACH_TEXT_LINE_INDEX_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "peercoach/finding.h"

namespace peercoach::text {

class LineIndex {
 public:
  // `text` must outlive the index.
  explicit LineIndex(std::string_view text);

  // Returns the line and column of byte `offset` (0 ≤ offset ≤ size).
  TextPosition Position(std::size_t offset) const;
  Span MakeSpan(std::size_t begin, std::size_t end) const;

 private:
  // Code points before `offset`; block counts keep this O(kBlock) on a 50 MB line.
  std::size_t CodePointsBefore(std::size_t offset) const;

  static constexpr std::size_t kBlock = 1024;
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> block_code_points_;  // code points before each block
};

}  // namespace peercoach::text

#endif  // PEERCOACH_TEXT_LINE_INDEX_H_
