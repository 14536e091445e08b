#include "rules/loader.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <set>

#include "detectors/detector_registry.h"
#include "match/regex_options.h"
#include "rewrite/template.h"

namespace peercoach::rules {
namespace {

// Collects errors located in one file.
class Reporter {
 public:
  Reporter(std::string_view file, Errors& errors) : file_(file), errors_(errors) {}

  void At(const YAML::Node& node, std::string message) {
    AtLine(node.Mark().line + 1, std::move(message));
  }
  void AtLine(std::size_t line, std::string message) {
    errors_.emplace_back(ErrorCode::kRuleError, std::move(message),
                         SourceLocation::AtLine(file_, line));
  }
  std::size_t count() const { return errors_.size(); }

 private:
  std::string file_;
  Errors& errors_;
};

std::size_t LineOf(const YAML::Node& node) { return node.Mark().line + 1; }

// Checks that every key of `map` is in `allowed`; reports unknown and duplicate keys.
void CheckKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
               std::string_view where, Reporter& report) {
  std::set<std::string> seen;
  for (const auto& kv : map) {
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      report.At(kv.first, fmt::format("unknown key '{}' in {} (allowed: {})", key, where,
                                      fmt::join(allowed, ", ")));
    } else if (!seen.insert(key).second) {
      report.At(kv.first, fmt::format("duplicate key '{}' in {}", key, where));
    }
  }
}

std::optional<std::string> Scalar(const YAML::Node& node, std::string_view what,
                                  Reporter& report) {
  if (!node.IsScalar()) {
    report.At(node, fmt::format("{} must be a string", what));
    return std::nullopt;
  }
  return node.Scalar();
}

// A string or a list of strings.
std::vector<std::pair<std::string, std::size_t>> StringList(const YAML::Node& node,
                                                            std::string_view what,
                                                            Reporter& report) {
  std::vector<std::pair<std::string, std::size_t>> out;
  if (node.IsScalar()) {
    out.emplace_back(node.Scalar(), LineOf(node));
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (auto s = Scalar(item, what, report)) out.emplace_back(*s, LineOf(item));
    }
  } else {
    report.At(node, fmt::format("{} must be a string or a list of strings", what));
  }
  return out;
}

std::optional<Condition> ParseCondition(std::string_view name) {
  for (Condition c : {Condition::kQuestion, Condition::kNegated, Condition::kQuoted,
                      Condition::kReported, Condition::kFirstPersonSubject}) {
    if (ConditionName(c) == name) return c;
  }
  return std::nullopt;
}

// Compiles `pattern` to validate it; adds its named groups to `captures`.
bool CheckPattern(const std::string& pattern, std::size_t line, Reporter& report,
                  std::set<std::string>* captures) {
  RE2 re(pattern, match::RuleRegexOptions());
  if (!re.ok()) {
    report.AtLine(line, fmt::format("pattern does not compile: {}", re.error()));
    return false;
  }
  if (captures != nullptr) {
    for (const auto& [name, index] : re.NamedCapturingGroups()) captures->insert(name);
  }
  return true;
}

void LoadExceptions(const YAML::Node& node, Rule& rule, Reporter& report) {
  if (!node.IsSequence()) {
    report.At(node, "exceptions must be a list");
    return;
  }
  for (const auto& item : node) {
    if (!item.IsMap() || item.size() != 1) {
      report.At(item,
                "each exception must have exactly one of: condition, pattern, before, after, "
                "sentence");
      continue;
    }
    const auto kv = *item.begin();
    const std::string key = kv.first.Scalar();
    RuleException ex;
    ex.line = LineOf(kv.second);
    auto value = Scalar(kv.second, fmt::format("exception '{}'", key), report);
    if (!value) continue;
    if (key == "condition") {
      auto c = ParseCondition(*value);
      if (!c) {
        report.At(kv.second, fmt::format("unknown condition '{}' (known: question, negated, "
                                         "quoted, reported, first-person-subject)",
                                         *value));
        continue;
      }
      ex.kind = RuleException::Kind::kCondition;
      ex.condition = *c;
    } else {
      if (key == "pattern") {
        ex.kind = RuleException::Kind::kOverlap;
      } else if (key == "before") {
        ex.kind = RuleException::Kind::kBefore;
      } else if (key == "after") {
        ex.kind = RuleException::Kind::kAfter;
      } else if (key == "sentence") {
        ex.kind = RuleException::Kind::kSentence;
      } else {
        report.At(kv.first, fmt::format("unknown exception kind '{}' (known: condition, "
                                        "pattern, before, after, sentence)",
                                        key));
        continue;
      }
      ex.pattern = *value;
      if (!CheckPattern(ex.pattern, ex.line, report, nullptr)) continue;
    }
    rule.exceptions.push_back(std::move(ex));
  }
}

void LoadExamples(const YAML::Node& node, Rule& rule, Reporter& report) {
  if (!node.IsMap()) {
    report.At(node, "examples must be a map with 'flag' and 'pass' lists");
    return;
  }
  CheckKeys(node, {"flag", "pass"}, "examples", report);
  for (const char* which : {"flag", "pass"}) {
    const YAML::Node list = node[which];
    if (!list) continue;
    if (!list.IsSequence()) {
      report.At(list, fmt::format("examples.{} must be a list", which));
      continue;
    }
    auto& out = std::string_view(which) == "flag" ? rule.flag_examples : rule.pass_examples;
    for (const auto& item : list) {
      RuleExample ex;
      ex.line = LineOf(item);
      if (item.IsScalar()) {
        ex.text = item.Scalar();
      } else if (item.IsMap()) {
        CheckKeys(item, {"text", "match"}, "an example", report);
        if (!item["text"] || !item["text"].IsScalar()) {
          report.At(item, "example needs a 'text' string");
          continue;
        }
        ex.text = item["text"].Scalar();
        if (item["match"]) {
          if (std::string_view(which) == "pass") {
            report.At(item["match"], "a pass example has no match");
          } else if (auto m = Scalar(item["match"], "match", report)) {
            ex.match = *m;
            if (ex.text.find(ex.match) == std::string::npos) {
              report.At(item["match"], "match is not found in the example's text");
            }
          }
        }
      } else {
        report.At(item, "an example must be a string or a map with text and match");
        continue;
      }
      if (ex.text.empty()) {
        report.At(item, "example text is empty");
        continue;
      }
      out.push_back(std::move(ex));
    }
  }
}

void LoadRule(const YAML::Node& node, std::optional<Category> file_category, Rule& rule,
              Reporter& report) {
  rule.line = LineOf(node);
  CheckKeys(node,
            {"id", "category", "kind", "scope", "severity", "message", "patterns",
             "exceptions", "supersedes", "rewrite", "detector", "thresholds", "model", "examples"},
            "a rule", report);

  std::optional<Category> category = file_category;
  if (node["category"]) {
    if (auto s = Scalar(node["category"], "category", report)) {
      category = ParseCategory(*s);
      if (!category) report.At(node["category"], fmt::format("unknown category '{}'", *s));
    }
  }
  if (!category && !node["category"]) {
    report.At(node, "rule has no category (set it in the file or rule)");
  }
  // Without a category the rest is still validated, so every error is reported at once.
  rule.category = category.value_or(Category::kDirective);

  if (!node["id"]) {
    report.At(node, "rule has no id");
  } else if (auto id = Scalar(node["id"], "id", report)) {
    rule.id = *id;
    static const RE2 kIdShape("[a-z][a-z-]*\\.[a-z0-9][a-z0-9-]*");
    const std::string prefix = std::string(CategoryId(rule.category)) + ".";
    if (!RE2::FullMatch(rule.id, kIdShape)) {
      report.At(node["id"], fmt::format("rule id '{}' must look like <category>.<kebab-name>",
                                        rule.id));
    } else if (category && !rule.id.starts_with(prefix)) {
      report.At(node["id"], fmt::format("rule id '{}' must start with '{}'", rule.id, prefix));
    }
  }

  if (node["kind"]) {
    if (auto s = Scalar(node["kind"], "kind", report)) {
      if (*s == "detector") {
        rule.kind = RuleKind::kDetector;
      } else if (*s != "pattern") {
        report.At(node["kind"], fmt::format("unknown kind '{}' (pattern or detector)", *s));
      }
    }
  }
  if (node["scope"]) {
    if (auto s = Scalar(node["scope"], "scope", report)) {
      if (*s == "response") {
        rule.scope = RuleScope::kResponse;
      } else if (*s != "sentence") {
        report.At(node["scope"], fmt::format("unknown scope '{}' (sentence or response)", *s));
      }
    }
  }
  if (node["severity"]) {
    if (auto s = Scalar(node["severity"], "severity", report)) {
      auto sev = ParseSeverity(*s);
      if (!sev) {
        report.At(node["severity"], fmt::format("unknown severity '{}' (info, warning, error)", *s));
      } else {
        rule.severity = *sev;
      }
    }
  }
  if (!node["message"]) {
    report.At(node, fmt::format("rule '{}' has no message", rule.id));
  } else if (auto s = Scalar(node["message"], "message", report)) {
    rule.message = *s;
    while (!rule.message.empty() && std::isspace(static_cast<unsigned char>(rule.message.back())))
      rule.message.pop_back();
  }

  std::set<std::string> captures;
  if (node["patterns"]) {
    for (auto& [pattern, line] : StringList(node["patterns"], "pattern", report)) {
      std::set<std::string> named;
      if (!CheckPattern(pattern, line, report, &named)) continue;
      rule.patterns.push_back(pattern);
      for (const std::string& name : named) {
        // A template would get the builtin, never this group: a silent wrong rewrite.
        if (name != "flag" && rewrite::IsBuiltinCapture(name)) {
          report.AtLine(line, fmt::format("capture name '{}' is reserved for rewrite "
                                          "templates; rename the group",
                                          name));
        }
        captures.insert(name);
      }
    }
  }
  if (node["exceptions"]) LoadExceptions(node["exceptions"], rule, report);
  if (node["supersedes"]) {
    for (auto& [name, line] : StringList(node["supersedes"], "supersedes", report)) {
      auto c = ParseCategory(name);
      if (!c) {
        report.AtLine(line, fmt::format("unknown category '{}' in supersedes", name));
      } else {
        rule.supersedes.push_back(*c);
      }
    }
  }

  if (rule.kind == RuleKind::kDetector) {
    const detectors::DetectorSpec* spec = nullptr;
    if (!node["detector"]) {
      report.At(node, fmt::format("detector rule '{}' names no detector", rule.id));
    } else if (auto name = Scalar(node["detector"], "detector", report)) {
      rule.detector = *name;
      spec = detectors::FindDetector(*name);
      if (spec == nullptr) {
        report.At(node["detector"],
                  fmt::format("unknown detector '{}' (narrative, relatable-disclosure, sentence-model)", *name));
      }
    }
    if (rule.detector == "sentence-model") {
      if (!node["model"]) {
        report.At(node, "detector 'sentence-model' needs a model file (model: NAME.tsv)");
      } else if (auto name = Scalar(node["model"], "model", report)) {
        static const RE2 kModelName("[A-Za-z0-9_.-]+\\.tsv");
        if (!RE2::FullMatch(*name, kModelName)) {
          report.At(node["model"], fmt::format("model '{}' must name a .tsv file beside the "
                                               "rule file", *name));
        } else {
          rule.model = *name;
        }
      }
    } else if (node["model"]) {
      report.At(node["model"], "model belongs to sentence-model detectors");
    }
    if (spec != nullptr) {
      rule.thresholds = spec->default_thresholds;
      if (spec->needs_patterns && rule.patterns.empty()) {
        report.At(node, fmt::format("detector '{}' needs cue patterns", rule.detector));
      }
    }
    if (node["thresholds"]) {
      if (!node["thresholds"].IsMap()) {
        report.At(node["thresholds"], "thresholds must be a map of name: number");
      } else {
        for (const auto& kv : node["thresholds"]) {
          const std::string name = kv.first.Scalar();
          if (spec != nullptr && !spec->default_thresholds.contains(name)) {
            report.At(kv.first, fmt::format("unknown threshold '{}' for detector '{}'", name,
                                            rule.detector));
            continue;
          }
          try {
            rule.thresholds[name] = kv.second.as<double>();
          } catch (const YAML::Exception&) {
            report.At(kv.second, fmt::format("threshold '{}' must be a number", name));
          }
        }
      }
    }
  } else {
    if (node["detector"] || node["thresholds"] || node["model"]) {
      report.At(node, "detector, thresholds and model belong to kind: detector rules");
    }
    if (rule.patterns.empty() && node["patterns"].IsDefined() == false) {
      report.At(node, fmt::format("rule '{}' has no patterns", rule.id));
    }
  }

  if (node["rewrite"]) {
    if (IsStrength(rule.category)) report.At(node["rewrite"], "strengths have no rewrite");
    for (auto& [tmpl, line] : StringList(node["rewrite"], "rewrite", report)) {
      std::vector<rewrite::Placeholder> placeholders;
      if (auto err = rewrite::ParsePlaceholders(tmpl, placeholders)) {
        report.AtLine(line, *err);
        continue;
      }
      bool ok = true;
      for (const auto& p : placeholders) {
        if (!rewrite::IsBuiltinCapture(p.name) && !captures.contains(p.name)) {
          report.AtLine(line, fmt::format("rewrite uses {{{}}}, which no pattern captures",
                                          p.name));
          ok = false;
        }
        if (!rewrite::IsKnownFilter(p.filter)) {
          report.AtLine(line, fmt::format("unknown filter '{}' (gerund, lower, cap)", p.filter));
          ok = false;
        }
      }
      if (ok) rule.rewrites.push_back(tmpl);
    }
  }
  if (node["examples"]) LoadExamples(node["examples"], rule, report);
  if (rule.flag_examples.empty()) {
    report.At(node, fmt::format("rule '{}' has no flag examples", rule.id));
  }
}

}  // namespace

void LoadRuleFile(std::string_view file_name, std::string_view yaml, std::vector<Rule>& out,
                  Errors& errors) {
  Reporter report(file_name, errors);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    report.AtLine(static_cast<std::size_t>(e.mark.line) + 1,
                  fmt::format("YAML syntax error: {}", e.msg));
    return;
  } catch (const YAML::Exception& e) {
    report.AtLine(1, fmt::format("YAML error: {}", e.msg));
    return;
  }
  try {
    if (!root.IsMap()) {
      report.AtLine(1, "a rule file must be a map with 'category' and 'rules'");
      return;
    }
    CheckKeys(root, {"category", "description", "rules"}, "a rule file", report);
    std::optional<Category> file_category;
    if (root["category"]) {
      if (auto s = Scalar(root["category"], "category", report)) {
        file_category = ParseCategory(*s);
        if (!file_category) report.At(root["category"], fmt::format("unknown category '{}'", *s));
      }
    }
    const YAML::Node rules = root["rules"];
    if (!rules || !rules.IsSequence()) {
      report.AtLine(1, "a rule file needs a 'rules' list");
      return;
    }
    for (const auto& node : rules) {
      if (!node.IsMap()) {
        report.At(node, "each rule must be a map");
        continue;
      }
      Rule rule;
      rule.file = std::string(file_name);
      LoadRule(node, file_category, rule, report);
      out.push_back(std::move(rule));
    }
  } catch (const YAML::Exception& e) {
    // Shape errors caught above should make this unreachable; keep the promise of no
    // exceptions across the API all the same.
    report.AtLine(static_cast<std::size_t>(e.mark.line) + 1, fmt::format("YAML error: {}", e.msg));
  }
}

}  // namespace peercoach::rules
