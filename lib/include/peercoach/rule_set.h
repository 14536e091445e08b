// peercoach/rule_set.h: loading and validating rule files.
//
//   auto rules = peercoach::RuleSet::LoadDefaults();       // embedded rules/*.yaml
//   if (!rules.ok()) for (auto& e : rules.error()) std::cerr << e.ToString() << "\n";
//   auto extra = peercoach::RuleSet::LoadDirectory("my-rules");
//   rules.value().Add(std::move(extra.value()));
//
// Loading validates everything a rule needs (known keys only, known categories, patterns
// that compile, unique ids, examples present) and reports every error found, each with
// its file and line.
#ifndef PEERCOACH_RULE_SET_H_
#define PEERCOACH_RULE_SET_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "peercoach/rule.h"
#include "peercoach/status.h"

namespace peercoach {

class RuleSet {
 public:
  RuleSet() = default;

  // Returns the default rule set embedded in the library at build time.
  static Result<RuleSet, Errors> LoadDefaults();
  // Loads every *.yaml file directly inside `dir`, in name order (and the *.tsv weights
  // files their sentence-model detectors name).
  static Result<RuleSet, Errors> LoadDirectory(const std::filesystem::path& dir);
  // Loads one rule file's text; `file_name` is used in error locations and rule.file, and
  // a sentence-model detector's weights file is read from beside it.
  static Result<RuleSet, Errors> LoadText(std::string_view file_name, std::string_view yaml);

  // Adds the rules of `other`. Fails (and adds nothing) when a rule id is already present.
  Result<bool, Errors> Add(RuleSet other);

  const std::vector<Rule>& rules() const { return rules_; }
  // Returns the set without the rules `drop` accepts.
  template <typename Predicate>
  RuleSet Without(Predicate drop) const {
    RuleSet out;
    for (const Rule& rule : rules_) {
      if (!drop(rule)) out.rules_.push_back(rule);
    }
    return out;
  }
  // Returns the rule with this id, or nullptr.
  const Rule* Find(std::string_view id) const;

 private:
  // Checks ids across `rules` and returns the set, or every error.
  static Result<RuleSet, Errors> Finish(std::vector<Rule> rules, Errors errors);
  std::vector<Rule> rules_;
};

}  // namespace peercoach

#endif  // PEERCOACH_RULE_SET_H_
