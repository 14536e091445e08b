// text/offset_map.h: maps byte offsets of the matching text back to the original.
//
// The matching text differs from the original only in "pieces" (a composed accent, a
// folded ß → ss, a curly quote → '); between pieces the two advance byte for byte. So
// the map stores the pieces alone, and costs nothing for plain ASCII text.
#ifndef PEERCOACH_TEXT_OFFSET_MAP_H_
#define PEERCOACH_TEXT_OFFSET_MAP_H_

#include <cstddef>
#include <vector>

namespace peercoach::text {

class OffsetMap {
 public:
  // Records that original [orig_begin, orig_end) became matching [norm_begin, norm_end).
  // Pieces must be added in increasing order.
  void AddPiece(std::size_t norm_begin, std::size_t norm_end, std::size_t orig_begin,
                std::size_t orig_end);

  // Returns the original offset where a span starting at matching offset `norm` starts.
  std::size_t ToOriginalBegin(std::size_t norm) const;
  // Returns the original offset where a span ending at matching offset `norm` ends; a
  // span ending inside a piece takes the whole piece.
  std::size_t ToOriginalEnd(std::size_t norm) const;
  // Returns the matching offset of an original offset at a piece boundary.
  std::size_t ToMatching(std::size_t orig) const;

  std::size_t piece_count() const { return pieces_.size(); }

 private:
  struct Piece {
    std::size_t norm_begin, norm_end, orig_begin, orig_end;
  };
  std::vector<Piece> pieces_;
};

}  // namespace peercoach::text

#endif  // PEERCOACH_TEXT_OFFSET_MAP_H_
