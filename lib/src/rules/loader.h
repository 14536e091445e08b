// rules/loader.h: reads one rule file (YAML) into Rules, validating as it goes.
//
// Validation is layered: YAML syntax, then the shape (known keys only, types), then the
// meaning (known categories and conditions, patterns that compile, templates whose
// captures exist). Every error found is reported with FILE:LINE, not only the first.
#ifndef PEERCOACH_RULES_LOADER_H_
#define PEERCOACH_RULES_LOADER_H_

#include <string_view>
#include <vector>

#include "peercoach/rule.h"
#include "peercoach/status.h"

namespace peercoach::rules {

// Parses `yaml` (the text of `file_name`), appending rules to `out` and errors to `errors`.
void LoadRuleFile(std::string_view file_name, std::string_view yaml, std::vector<Rule>& out,
                  Errors& errors);

}  // namespace peercoach::rules

#endif  // PEERCOACH_RULES_LOADER_H_
