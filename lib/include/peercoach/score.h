// peercoach/score.h: one number for a response, so a trainee can watch it move between
// attempts. The parts are kept so the number can be explained.
//
// score = clamp(100 - sum of finding penalties + 5 per distinct strength, 0, 100), where a
// finding costs 25 (error), 20 (warning) or 5 (info, e.g. advice the peer asked for), and a
// category already penalised costs half again for each further finding of it.
#ifndef PEERCOACH_SCORE_H_
#define PEERCOACH_SCORE_H_

#include "peercoach/finding.h"

namespace peercoach {

struct MutualityScore {
  int score = 100;     // 0..100
  int penalty = 0;     // from findings
  int bonus = 0;       // from strengths
};

MutualityScore ScoreResponse(const Analysis& analysis);

}  // namespace peercoach

#endif  // PEERCOACH_SCORE_H_
