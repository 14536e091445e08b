#include "text/offset_map.h"

#include <algorithm>

namespace peercoach::text {

void OffsetMap::AddPiece(std::size_t norm_begin, std::size_t norm_end, std::size_t orig_begin,
                         std::size_t orig_end) {
  pieces_.push_back({norm_begin, norm_end, orig_begin, orig_end});
}

std::size_t OffsetMap::ToOriginalBegin(std::size_t norm) const {
  // The last piece starting at or before `norm`.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), norm,
                             [](std::size_t n, const Piece& p) { return n < p.norm_begin; });
  if (it == pieces_.begin()) return norm;
  const Piece& p = *std::prev(it);
  if (norm < p.norm_end) return p.orig_begin;
  return p.orig_end + (norm - p.norm_end);
}

std::size_t OffsetMap::ToOriginalEnd(std::size_t norm) const {
  // The last piece starting strictly before `norm`.
  auto it = std::lower_bound(pieces_.begin(), pieces_.end(), norm,
                             [](const Piece& p, std::size_t n) { return p.norm_begin < n; });
  if (it == pieces_.begin()) return norm;
  const Piece& p = *std::prev(it);
  if (norm <= p.norm_end) return p.orig_end;
  return p.orig_end + (norm - p.norm_end);
}

std::size_t OffsetMap::ToMatching(std::size_t orig) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), orig,
                             [](std::size_t o, const Piece& p) { return o < p.orig_begin; });
  if (it == pieces_.begin()) return orig;
  const Piece& p = *std::prev(it);
  if (orig == p.orig_begin) return p.norm_begin;
  if (orig < p.orig_end) return p.norm_end;
  return p.norm_end + (orig - p.orig_end);
}

}  // namespace peercoach::text
