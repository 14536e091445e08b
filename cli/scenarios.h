// cli/scenarios.h: practice scenarios (corpora/scenarios/scenarios.jsonl, embedded at build
// time): what a peer says, and what a mutual response would do.
#ifndef PEERCOACH_CLI_SCENARIOS_H_
#define PEERCOACH_CLI_SCENARIOS_H_

#include <string>
#include <string_view>
#include <vector>

#include "peercoach/status.h"

namespace peercoach::cli {

struct Scenario {
  std::string id;
  std::string setting;
  std::string title;
  std::string peer;  // what the peer says
  std::vector<std::string> mutual_response_does;
  std::vector<std::string> pitfalls;  // category ids
  std::string example_response;
};

// Parses JSON Lines of scenarios; errors name FILE:LINE. Unknown fields are ignored.
Result<std::vector<Scenario>> ParseScenarios(std::string_view jsonl, const std::string& file);

// The scenarios bundled with the binary (generated from corpora/scenarios/scenarios.jsonl).
std::string_view EmbeddedScenarios();

}  // namespace peercoach::cli

#endif  // PEERCOACH_CLI_SCENARIOS_H_
