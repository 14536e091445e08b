#include "peercoach/rule_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

#include "detectors/sentence_model.h"

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

// Returns a file's text, or nullopt when there is no such file.
using ReadFile = std::function<std::optional<std::string>(const std::string& path)>;

// Gives each sentence-model detector the weights of its category from the file its
// `model` names, beside its rule file. A file is parsed once however many rules use it.
void AttachModels(std::vector<Rule>& rules, const ReadFile& read, Errors& errors) {
  std::map<std::string, std::shared_ptr<const detectors::SentenceModel>> parsed;
  for (Rule& rule : rules) {
    if (rule.model.empty()) continue;
    const std::string path =
        (std::filesystem::path(rule.file).parent_path() / rule.model).generic_string();
    auto it = parsed.find(path);
    if (it == parsed.end()) {
      it = parsed.emplace(path, nullptr).first;
      std::optional<std::string> text = read(path);
      if (!text) {
        errors.emplace_back(ErrorCode::kRuleError,
                            fmt::format("rule '{}' names model '{}', which cannot be read",
                                        rule.id, path),
                            SourceLocation::AtLine(rule.file, rule.line));
        continue;
      }
      auto model = detectors::ParseSentenceModel(path, *text);
      if (!model.ok()) {
        errors.push_back(model.error());
        continue;
      }
      it->second = std::make_shared<const detectors::SentenceModel>(std::move(model.value()));
    }
    if (it->second == nullptr) continue;  // reported above
    if (!it->second->Has(rule.category)) {
      errors.emplace_back(ErrorCode::kRuleError,
                          fmt::format("model '{}' has no weights for {}", path,
                                      CategoryId(rule.category)),
                          SourceLocation::AtLine(rule.file, rule.line));
      continue;
    }
    rule.sentence_model = it->second;
  }
}

std::optional<std::string> ReadDiskFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

bool IsRuleFileName(std::string_view name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
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
    if (IsRuleFileName(file.name)) rules::LoadRuleFile(file.name, file.text, rules, errors);
  }
  AttachModels(
      rules,
      [](const std::string& path) -> std::optional<std::string> {
        for (const auto& file : rules::EmbeddedRuleFiles()) {
          if (file.name == path) return std::string(file.text);
        }
        return std::nullopt;
      },
      errors);
  return Finish(std::move(rules), std::move(errors));
}

Result<RuleSet, Errors> RuleSet::LoadText(std::string_view file_name, std::string_view yaml) {
  std::vector<Rule> rules;
  Errors errors;
  rules::LoadRuleFile(file_name, yaml, rules, errors);
  AttachModels(rules, ReadDiskFile, errors);
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
    if (IsRuleFileName(entry.path().filename().string())) {
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
    const std::optional<std::string> text = ReadDiskFile(path.string());
    if (!text) {
      errors.emplace_back(ErrorCode::kIoError, "cannot read rule file",
                          SourceLocation::InFile(path.string()));
      continue;
    }
    rules::LoadRuleFile(path.string(), *text, rules, errors);
  }
  AttachModels(rules, ReadDiskFile, errors);
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
