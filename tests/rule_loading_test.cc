// Rule files: validation reports every error with its file and line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "peercoach/analyzer.h"
#include "peercoach/rule_examples.h"
#include "peercoach/rule_set.h"

namespace peercoach {
namespace {

std::vector<std::string> ErrorsOf(std::string_view yaml) {
  auto r = RuleSet::LoadText("rules/test.yaml", yaml);
  std::vector<std::string> out;
  if (!r.ok()) {
    for (const Error& e : r.error()) out.push_back(e.ToString());
  }
  return out;
}

bool AnyContains(const std::vector<std::string>& errors, std::string_view needle) {
  for (const auto& e : errors) {
    if (e.find(needle) != std::string::npos) return true;
  }
  return false;
}

constexpr std::string_view kValid = R"(category: directive
rules:
  - id: directive.test
    message: Telling the peer what to do.
    patterns: ['\byou should\b']
    examples:
      flag: ["You should go."]
      pass: ["You could go."]
)";

TEST(RuleLoading, ValidFileLoads) {
  auto r = RuleSet::LoadText("rules/test.yaml", kValid);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value().rules().size(), 1u);
  const Rule& rule = r.value().rules()[0];
  EXPECT_EQ(rule.id, "directive.test");
  EXPECT_EQ(rule.category, Category::kDirective);
  EXPECT_EQ(rule.line, 3u);
  EXPECT_EQ(rule.flag_examples.size(), 1u);
  EXPECT_EQ(rule.pass_examples.size(), 1u);
}

TEST(RuleLoading, PatternThatDoesNotCompileNamesFileAndLine) {
  const auto errors = ErrorsOf(R"(category: directive
rules:
  - id: directive.test
    message: m
    patterns:
      - 'fine'
      - '(you should'
    examples: {flag: ["x"]}
)");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "rules/test.yaml:7: pattern does not compile: missing ): (you should");
}

TEST(RuleLoading, AllErrorsAreReportedNotOnlyTheFirst) {
  const auto errors = ErrorsOf(R"(category: directive
rules:
  - id: directive.one
    mesage: typo
    patterns: ['a']
    examples: {flag: ["a"]}
  - id: directive.two
    message: m
    severity: loud
    patterns: ['b']
    exceptions:
      - condition: sarcastic
    examples: {flag: ["b"]}
)");
  EXPECT_TRUE(AnyContains(errors, "rules/test.yaml:4: unknown key 'mesage'")) << errors.size();
  EXPECT_TRUE(AnyContains(errors, "rule 'directive.one' has no message"));
  EXPECT_TRUE(AnyContains(errors, "rules/test.yaml:9: unknown severity 'loud'"));
  EXPECT_TRUE(AnyContains(errors, "rules/test.yaml:12: unknown condition 'sarcastic'"));
}

TEST(RuleLoading, YamlSyntaxErrorHasALine) {
  const auto errors = ErrorsOf("category: directive\nrules:\n  - id: [unclosed\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(AnyContains(errors, "rules/test.yaml:")) << errors[0];
  EXPECT_TRUE(AnyContains(errors, "YAML syntax error"));
}

TEST(RuleLoading, IdsMustMatchTheirCategoryAndBeUnique) {
  auto errors = ErrorsOf(R"(category: comparing
rules:
  - id: directive.wrong
    message: m
    patterns: ['a']
    examples: {flag: ["a"]}
  - id: comparing.same
    message: m
    patterns: ['a']
    examples: {flag: ["a"]}
  - id: comparing.same
    message: m
    patterns: ['a']
    examples: {flag: ["a"]}
)");
  EXPECT_TRUE(AnyContains(errors, "must start with 'comparing.'"));
  EXPECT_TRUE(AnyContains(errors, "duplicate rule id 'comparing.same'"));
}

TEST(RuleLoading, RewriteCapturesMustExistAndExamplesAreRequired) {
  auto errors = ErrorsOf(R"(category: directive
rules:
  - id: directive.test
    message: m
    patterns: ['you should (?P<action>\w+)']
    rewrite: "Some people {verb}."
)");
  EXPECT_TRUE(AnyContains(errors, "rewrite uses {verb}, which no pattern captures"));
  EXPECT_TRUE(AnyContains(errors, "has no flag examples"));
}

TEST(RuleLoading, CaptureNamesMayNotShadowTemplateBuiltins) {
  // A group named like a builtin ({after}, {remainder}...) would never reach a template.
  auto errors = ErrorsOf(R"(category: directive
rules:
  - id: directive.test
    message: m
    patterns: ['you should (?P<remainder>\w+)']
    rewrite: "Some people {remainder}."
    examples: {flag: ["you should go"]}
)");
  EXPECT_TRUE(AnyContains(errors, "capture name 'remainder' is reserved"));
}

TEST(RuleLoading, UnknownDetectorsAndThresholds) {
  auto errors = ErrorsOf(R"(category: oversharing
rules:
  - id: oversharing.story
    kind: detector
    detector: narrative
    message: m
    thresholds: {min_run_sentences: 2, longest: 9}
    examples: {flag: ["a"]}
  - id: oversharing.other
    kind: detector
    detector: vibes
    message: m
    examples: {flag: ["a"]}
)");
  EXPECT_TRUE(AnyContains(errors, "unknown threshold 'longest' for detector 'narrative'"));
  EXPECT_TRUE(AnyContains(errors, "unknown detector 'vibes'"));
}

TEST(RuleLoading, DirectoryErrors) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("peercoach_rule_loading_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto missing = RuleSet::LoadDirectory(dir / "nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error()[0].ToString().find("not a directory"), std::string::npos);
  auto empty = RuleSet::LoadDirectory(dir);
  ASSERT_FALSE(empty.ok());
  std::ofstream(dir / "a.yaml") << kValid;
  std::ofstream(dir / "b.yaml") << "rules: [\n";
  auto broken = RuleSet::LoadDirectory(dir);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error()[0].ToString().find("b.yaml:"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(RuleLoading, DefaultsLoadAndCoverEveryCategory) {
  auto r = RuleSet::LoadDefaults();
  ASSERT_TRUE(r.ok()) << r.error()[0].ToString();
  std::size_t flag = 0, pass = 0;
  for (Category c : AllCategories()) {
    std::size_t rules = 0, cat_flag = 0, cat_pass = 0;
    for (const Rule& rule : r.value().rules()) {
      if (rule.category != c) continue;
      ++rules;
      cat_flag += rule.flag_examples.size();
      cat_pass += rule.pass_examples.size();
    }
    EXPECT_GT(rules, 0u) << CategoryId(c);
    if (!IsStrength(c)) {
      EXPECT_GE(cat_flag, 8u) << CategoryId(c);
      EXPECT_GE(cat_pass, 8u) << CategoryId(c);
    }
    flag += cat_flag;
    pass += cat_pass;
  }
  EXPECT_GE(flag + pass, 100u);
}

TEST(RuleLoading, AddRejectsDuplicateIds) {
  auto a = RuleSet::LoadText("a.yaml", kValid);
  auto b = RuleSet::LoadText("b.yaml", kValid);
  ASSERT_TRUE(a.ok() && b.ok());
  auto added = a.value().Add(std::move(b.value()));
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(a.value().rules().size(), 1u);
}

// `rules test` fails a pattern whose counted repetition is large enough to push RE2 off
// its DFA ({0,160}); small counts ({0,6}), unbounded gaps and escaped braces pass.
TEST(RuleLoading, RulesTestRejectsLargeCountedRepetitions) {
  const auto failures_of = [](std::string_view pattern) {
    const std::string yaml = std::string(R"(category: directive
rules:
  - id: directive.test
    message: Telling the peer what to do.
    patterns: [')") + std::string(pattern) + R"(']
    examples:
      flag: ["I know, you should go."]
)";
    auto rules = RuleSet::LoadText("rules/test.yaml", yaml);
    EXPECT_TRUE(rules.ok()) << pattern;
    auto analyzer = Analyzer::Create(rules.value());
    EXPECT_TRUE(analyzer.ok());
    std::vector<std::string> out;
    for (const auto& f : RunRuleExamples(analyzer.value()).failures) out.push_back(f.ToString());
    return out;
  };
  const auto big = failures_of(R"(\bi\b[^.!?]{0,160}?\byou should\b)");
  ASSERT_EQ(big.size(), 1u);
  EXPECT_NE(big[0].find("rules/test.yaml:3: directive.test: counted repetition {0,160}"), std::string::npos)
      << big[0];
  EXPECT_EQ(failures_of(R"(\bi\b[^.!?]{1,25}\byou should\b)").size(), 1u);
  EXPECT_TRUE(failures_of(R"(\bi\b(?:\W+\w+){0,6}\W+you should\b)").empty());
  EXPECT_TRUE(failures_of(R"(\bi\b[^.!?]*?\byou should\b)").empty());
  EXPECT_TRUE(failures_of(R"(\bi\b[^.!?]*?\byou should\b(?:\{0,99\})?)").empty());
}

// The matcher runs only the patterns whose literal strings occur in the sentence. A
// pattern made only of one- and two-letter words ("u r ok") has no word the main filter
// counts and goes to the finer one; it must still find its matches, and patterns of
// both kinds must each run where they can match and nowhere else.
TEST(RuleLoading, PatternsOfShortWordsStillMatch) {
  constexpr std::string_view kShortWords = R"(category: directive
rules:
  - id: directive.short
    message: Telling the peer what to do.
    patterns: ['\b(?P<flag>(?:u|ya)\s+(?:gotta|go)\s+(?:do|go)\s+it)\b', '\bu\s+r\s+to\s+go\b']
    examples:
      flag: ["u r to go."]
  - id: directive.long
    message: Telling the peer what to do.
    patterns: ['\byou\s+should\s+(?:call|ring)\b']
    examples:
      flag: ["You should call."]
)";
  auto rules = RuleSet::LoadText("rules/test.yaml", kShortWords);
  ASSERT_TRUE(rules.ok()) << rules.error().front().ToString();
  auto analyzer = Analyzer::Create(rules.value());
  ASSERT_TRUE(analyzer.ok());
  const auto rule_ids = [&](std::string_view text) {
    std::vector<std::string> ids;
    auto a = analyzer.value().Analyze(text);
    EXPECT_TRUE(a.ok());
    for (const Finding& f : a.value().findings) ids.push_back(f.rule_id);
    return ids;
  };
  EXPECT_EQ(rule_ids("ok so ya go do it."), std::vector<std::string>{"directive.short"});
  EXPECT_EQ(rule_ids("u r to go."), std::vector<std::string>{"directive.short"});
  EXPECT_EQ(rule_ids("You should ring her."), std::vector<std::string>{"directive.long"});
  EXPECT_EQ(rule_ids("Ya go do it. Then you should call."),
            (std::vector<std::string>{"directive.short", "directive.long"}));
  EXPECT_TRUE(rule_ids("You could go and do it.").empty());
}

}  // namespace
}  // namespace peercoach
