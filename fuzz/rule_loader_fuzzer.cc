// libFuzzer target: the rule loader on arbitrary YAML. Loading must give a rule set or a
// list of FILE:LINE errors (never a yaml-cpp exception or a crash); a rule set that loads
// must also compile into an analyzer and run on a sentence.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "peercoach/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  auto rules = peercoach::RuleSet::LoadText("fuzz.yaml", yaml);
  if (!rules.ok()) return 0;
  auto analyzer = peercoach::Analyzer::Create(rules.value());
  if (!analyzer.ok()) return 0;
  auto result = analyzer.value().Analyze("You need to go to a meeting. I had it worse than you.");
  (void)result;
  return 0;
}
