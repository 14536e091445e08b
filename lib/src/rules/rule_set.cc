#include "peercoach/rule_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "rules/embedded_rules.h"
#include "rules/loader.h"

namespace peercoach {
namespace {

// Reports every id used twice; a rule's id is its stable name in output and corpora.
void CheckUniqueIds(const std::vector<Rule>& rules, Errors& errors) {
  std::map<std::string, const Rule*> seen;
  for (const Rule& rule : rules) {
    if (rule.id.empty()) continue;
    auto [it, inserted] = seen.emplace(rule.id, &rule);
    if (!inserted) {
      errors.emplace_back(ErrorCode::kRuleError,
                          fmt::format("duplicate rule id '{}' (first at {}:{})", rule.id,
                                      it->second->file, it->second->line),
                          SourceLocation::AtLine(rule.file, rule.line));
    }
  }
}

}  // namespace

Result<RuleSet, Errors> RuleSet::Finish(std::vector<Rule> rules, Errors errors) {
  CheckUniqueIds(rules, errors);
  if (!errors.empty()) return errors;
  RuleSet set;
  set.rules_ = std::move(rules);
  return set;
}

Result<RuleSet, Errors> RuleSet::LoadDefaults() {
  std::vector<Rule> rules;
  Errors errors;
  for (const auto& file : rules::EmbeddedRuleFiles()) {
    rules::LoadRuleFile(file.name, file.text, rules, errors);
  }
  return Finish(std::move(rules), std::move(errors));
}

Result<RuleSet, Errors> RuleSet::LoadText(std::string_view file_name, std::string_view yaml) {
  std::vector<Rule> rules;
  Errors errors;
  rules::LoadRuleFile(file_name, yaml, rules, errors);
  return Finish(std::move(rules), std::move(errors));
}

Result<RuleSet, Errors> RuleSet::LoadDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Errors{Error(ErrorCode::kIoError, "not a directory of rule files",
                        SourceLocation::InFile(dir.string()))};
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml") {
      files.push_back(entry.path());
    }
  }
  if (ec) {
    return Errors{Error(ErrorCode::kIoError, ec.message(), SourceLocation::InFile(dir.string()))};
  }
  std::sort(files.begin(), files.end());
  std::vector<Rule> rules;
  Errors errors;
  if (files.empty()) {
    errors.emplace_back(ErrorCode::kIoError, "no *.yaml rule files",
                        SourceLocation::InFile(dir.string()));
  }
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
      errors.emplace_back(ErrorCode::kIoError, "cannot read rule file",
                          SourceLocation::InFile(path.string()));
      continue;
    }
    rules::LoadRuleFile(path.string(), text.str(), rules, errors);
  }
  return Finish(std::move(rules), std::move(errors));
}

Result<bool, Errors> RuleSet::Add(RuleSet other) {
  std::vector<Rule> merged = rules_;
  merged.insert(merged.end(), std::make_move_iterator(other.rules_.begin()),
                std::make_move_iterator(other.rules_.end()));
  Errors errors;
  CheckUniqueIds(merged, errors);
  if (!errors.empty()) return errors;
  rules_ = std::move(merged);
  return true;
}

const Rule* RuleSet::Find(std::string_view id) const {
  for (const Rule& rule : rules_) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

}  // namespace peercoach
