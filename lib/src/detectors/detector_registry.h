// detectors/detector_registry.h: the measure-based detectors a rule file may name, with
// the thresholds each understands and their defaults.
#ifndef PEERCOACH_DETECTORS_DETECTOR_REGISTRY_H_
#define PEERCOACH_DETECTORS_DETECTOR_REGISTRY_H_

#include <map>
#include <string>
#include <string_view>

namespace peercoach::detectors {

struct DetectorSpec {
  std::map<std::string, double> default_thresholds;
  bool needs_patterns = false;  // cue patterns given in the rule's `patterns`
};

// Returns the spec of a detector, or nullptr for an unknown name.
const DetectorSpec* FindDetector(std::string_view name);

}  // namespace peercoach::detectors

#endif  // PEERCOACH_DETECTORS_DETECTOR_REGISTRY_H_
