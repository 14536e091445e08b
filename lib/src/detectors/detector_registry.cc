#include "detectors/detector_registry.h"

namespace peercoach::detectors {

const DetectorSpec* FindDetector(std::string_view name) {
  // The meaning of each threshold is documented in rules/oversharing.yaml and
  // rules/strengths.yaml, next to the values used.
  static const std::map<std::string, DetectorSpec, std::less<>> kDetectors = {
      {"narrative",
       {{{"min_run_sentences", 3},
         {"min_run_words", 35},
         {"monologue_words", 50},
         {"dominate_share", 0.7}},
        false}},
      {"relatable-disclosure",
       {{{"max_sentences", 2}, {"max_words", 45}}, true}},
      {"sentence-model",
       {{{"min_probability", 0.9},
         {"min_words", 5},
         {"max_words", 80},
         {"veto_below", 0},
         {"brief_if_turned_back", 0}},
        false}},
  };
  auto it = kDetectors.find(name);
  return it == kDetectors.end() ? nullptr : &it->second;
}

}  // namespace peercoach::detectors
