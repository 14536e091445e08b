// peercoach/gold.h: annotated corpora ("gold" files) for evaluation.
//
// A gold file is JSON Lines, one record per line. A response record:
//   {"id":"c0001","context":"...","text":"...","labels":["directive"],
//    "evidence":{"directive":["you need to"]},"hard_negative":"directive","note":"..."}
// A transcript record:
//   {"id":"t01","turns":[{"speaker":"peer","text":"..."},{"speaker":"specialist","text":"..."}],
//    "dominating":false,"labels_per_specialist_turn":[[],["directive"]]}
// `labels_per_specialist_turn` has one entry per specialist turn, or one per turn (peer
// entries then empty). Unknown fields are ignored, so corpora written elsewhere load.
//
//   auto gold = peercoach::ReadGold(text, "corpora/test/responses.jsonl", {});
//   for (const auto& e : gold.value().errors) ...   // "FILE:LINE: what is wrong"
#ifndef PEERCOACH_GOLD_H_
#define PEERCOACH_GOLD_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peercoach/category.h"
#include "peercoach/conversation.h"
#include "peercoach/status.h"

namespace peercoach {

struct GoldResponse {
  std::string id;
  std::string context;  // what the peer said before; may be empty
  std::string text;
  std::vector<Category> labels;  // finding categories present; empty for a mutual response
  std::map<Category, std::vector<std::string>> evidence;
  std::optional<Category> hard_negative;  // a mutual near miss for this category
  std::string file;  // where it was read, for error lists
  std::size_t line = 0;
};

struct GoldTranscript {
  std::string id;
  std::vector<Turn> turns;
  std::optional<bool> dominating;
  // One label set per specialist turn, in order (normalized from either layout).
  std::vector<std::vector<Category>> specialist_labels;
  std::string file;
  std::size_t line = 0;
};

struct GoldCorpus {
  std::vector<GoldResponse> responses;
  std::vector<GoldTranscript> transcripts;
  Errors errors;  // one per invalid line, "FILE:LINE: what is wrong"
  std::size_t skipped = 0;  // invalid lines left out
};

// Parses one gold file's contents into `corpus`, appending valid records and one error
// per invalid line (malformed JSON, unknown label, missing text, evidence not in the
// text, duplicate id, ...). The caller decides whether errors are fatal.
void ReadGold(std::string_view contents, const std::string& file, GoldCorpus& corpus);

}  // namespace peercoach

#endif  // PEERCOACH_GOLD_H_
