// The sentence-model detector: its features, its arithmetic, its file format, its
// training, and where the analyzer lets it speak.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "detectors/sentence_model.h"
#include "peercoach/analyzer.h"
#include "peercoach/rule_set.h"
#include "peercoach/train.h"

namespace peercoach {
namespace {

namespace fs = std::filesystem;

TEST(SentenceModelTest, FeaturesAreWordsPairsAndTriplesWithNegationMarked) {
  // "not" marks the words after it up to the comma: "go" becomes "!go"; "ok" is free.
  const auto features = detectors::SentenceFeatures({"You should NOT go, ok."});
  const std::set<std::string> got(features.begin(), features.end());
  const std::set<std::string> want = {
      "u:you",          "u:should",          "u:not",          "u:!go",
      "u:ok",           "b:you_should",      "b:should_not",   "b:not_!go",
      "b:!go_ok",       "k:<s>_should",      "k:you_not",      "k:should_!go",
      "k:not_ok",       "t:<s>_you_should",  "t:you_should_not", "t:should_not_!go",
      "t:not_!go_ok"};
  EXPECT_EQ(got, want);
  EXPECT_EQ(features.size(), want.size());  // no duplicates
  EXPECT_TRUE(std::is_sorted(features.begin(), features.end()));
}

TEST(SentenceModelTest, ApostrophesAreDroppedAfterNegationIsRead) {
  // Texting style and standard spelling give one word.
  EXPECT_EQ(detectors::SentenceFeatures({"you don't have to"}),
            detectors::SentenceFeatures({"you dont have to"}));
  // "mustn't" is read as a negation before its apostrophe goes.
  const auto features = detectors::SentenceFeatures({"you mustn't worry"});
  EXPECT_NE(std::find(features.begin(), features.end(), "u:!worry"), features.end());
  EXPECT_NE(std::find(features.begin(), features.end(), "u:mustnt"), features.end());
  // A lone apostrophe is no word.
  EXPECT_EQ(detectors::SentenceFeatures({"' hello '"}), std::vector<std::string>{"u:hello"});
}

TEST(SentenceModelTest, NeighbouringSentencesGiveTheirWordsAlone) {
  const auto features = detectors::SentenceFeatures(
      {.sentence = "i know", .previous = "You can't go.", .next = "Is that right?"});
  const std::set<std::string> got(features.begin(), features.end());
  // No negation marks, pairs or triples from the neighbours; apostrophes dropped.
  const std::set<std::string> want = {"u:i",    "u:know", "k:<s>_know", "b:i_know",
                                      "t:<s>_i_know", "p:you", "p:cant", "p:go",
                                      "n:is",   "n:that", "n:right"};
  EXPECT_EQ(got, want);
}

TEST(SentenceModelTest, ThePeersWordsCountOnlyWhereTheSentenceTakesThemUp) {
  // "three" and "days" echo the peer ("Three" case-folded, "don't" read as "dont" on both
  // sides); "start" is the speaker's own; a negation mark does not hide an echoed word.
  const auto features = detectors::SentenceFeatures(
      {.sentence = "three days, don't rush it, not a start",
       .peer = "I'm Three days clean and I don't want to rush a thing? no"});
  std::set<std::string> echoed;
  for (const std::string& f : features) {
    if (f.starts_with("o:")) echoed.insert(f);
  }
  EXPECT_EQ(echoed,
            (std::set<std::string>{"o:three", "o:days", "o:dont", "o:rush", "o:a"}));
  // Without the peer's words there are none, and the rest is unchanged.
  const auto without =
      detectors::SentenceFeatures({.sentence = "three days, don't rush it, not a start"});
  std::vector<std::string> rest;
  for (const std::string& f : features) {
    if (!f.starts_with("o:")) rest.push_back(f);
  }
  EXPECT_EQ(rest, without);
}

TEST(SentenceModelTest, ContractedNegationsMarkTooAndOneWordHasNoPairs) {
  const auto features = detectors::SentenceFeatures({"i don't know"});
  EXPECT_NE(std::find(features.begin(), features.end(), "u:!know"), features.end());
  EXPECT_EQ(detectors::SentenceFeatures({"Hello!"}), std::vector<std::string>{"u:hello"});
}

TEST(SentenceModelTest, ProbabilityIsTheLogisticOfBiasPlusWeights) {
  auto model = detectors::ParseSentenceModel(
      "m.tsv", "directive\t@bias\t-1\ndirective\tu:you\t2\ndirective\tb:you_should\t0.5\n"
               "directive\tu:never\t-9\ncomparing\tu:you\t7\n");
  ASSERT_TRUE(model.ok()) << model.error().ToString();
  const auto p = [&](Category c, std::string_view s) {
    return model.value().Probability(c, model.value().KnownFeatures({s}));
  };
  // -1 + 2 + 0.5 = 1.5; 1 / (1 + e^-1.5) = 0.8176 (worked by hand).
  EXPECT_NEAR(p(Category::kDirective, "You should"), 0.8176, 1e-4);
  // Only the bias: 1 / (1 + e^1) = 0.2689.
  EXPECT_NEAR(p(Category::kDirective, "hello"), 0.2689, 1e-4);
  // Comparing has no bias line (0) and 7 for "you": 1 / (1 + e^-7) = 0.99909.
  EXPECT_NEAR(p(Category::kComparing, "you should"), 0.99909, 1e-5);
  // A feature counts once however often it occurs.
  EXPECT_NEAR(p(Category::kDirective, "you should, you should"), p(Category::kDirective,
              "you should"), 1e-12);
}

TEST(SentenceModelTest, FindsEveryFeatureOfAFileFarLargerThanTheTableStartsAt) {
  // Thousands of features make the feature table grow many times; each keeps its weight,
  // and a feature given for two categories is one feature with two weights.
  std::string file = "directive\t@bias\t-1\nboundary\t@bias\t-2\n";
  for (int i = 0; i < 5000; ++i) {
    file += fmt::format("directive\tu:w{}\t{}\n", i, i);
    if (i % 7 == 0) file += fmt::format("boundary\tu:w{}\t{}\n", i, -i);
  }
  auto parsed = detectors::ParseSentenceModel("big.tsv", file);
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  const auto& m = parsed.value();
  EXPECT_EQ(m.feature_count, 5000u);
  for (int i = 0; i < 5000; ++i) {
    const std::string f = fmt::format("u:w{}", i);
    ASSERT_DOUBLE_EQ(m.Weight(Category::kDirective, f), i) << f;
    ASSERT_DOUBLE_EQ(m.Weight(Category::kBoundary, f), i % 7 == 0 ? -i : 0) << f;
  }
  EXPECT_EQ(m.Find("u:w5000"), detectors::SentenceModel::kNoFeature);
  EXPECT_DOUBLE_EQ(m.Bias(Category::kBoundary), -2);
}

TEST(SentenceModelTest, ParsesTheFileAndNamesTheLineOfAnError) {
  auto ok = detectors::ParseSentenceModel(
      "m.tsv", "# comment\n\ndirective\t@bias\t-2.5\ndirective\tu:you\t1.25\r\n"
               "comparing\tb:at_least\t3\n");
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  const auto& m = ok.value();
  EXPECT_DOUBLE_EQ(m.Bias(Category::kDirective), -2.5);
  EXPECT_DOUBLE_EQ(m.Weight(Category::kDirective, "u:you"), 1.25);
  EXPECT_DOUBLE_EQ(m.Weight(Category::kComparing, "b:at_least"), 3);
  EXPECT_DOUBLE_EQ(m.Weight(Category::kComparing, "u:you"), 0);
  EXPECT_DOUBLE_EQ(m.Weight(Category::kDirective, "u:unknown"), 0);
  EXPECT_TRUE(m.Has(Category::kComparing));
  EXPECT_FALSE(m.Has(Category::kBoundary));

  const std::pair<std::string, std::string> bad[] = {
      {"directive\tu:you\t1\ndirective\tu:me\tlots\n", "m.tsv:2: weight 'lots' is not a number"},
      {"kindness\tu:you\t1\n", "m.tsv:1: unknown category 'kindness'"},
      {"directive u:you 1\n", "m.tsv:1: expected category<TAB>feature<TAB>weight"},
      {"directive\tu:you\t1\tx\n", "m.tsv:1: expected category<TAB>feature<TAB>weight"},
      {"directive\tu:you\t1\ndirective\tu:you\t2\n", "m.tsv:2: feature 'u:you' given twice"},
      {"directive\tu:you\tnan\n", "m.tsv:1: weight 'nan' is not a number"},
  };
  for (const auto& [text, message] : bad) {
    auto r = detectors::ParseSentenceModel("m.tsv", text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_NE(r.error().ToString().find(message), std::string::npos) << r.error().ToString();
  }
}

GoldResponse Response(std::string text, std::vector<Category> labels = {},
                      std::string evidence = "") {
  GoldResponse r;
  r.text = std::move(text);
  r.labels = std::move(labels);
  if (!evidence.empty()) r.evidence[r.labels.front()] = {std::move(evidence)};
  return r;
}

TrainingData SmallCorpus() {
  TrainingData data;
  const char* actions[] = {"call your sponsor", "go to a meeting", "write it down",
                           "talk to your doctor", "take a walk", "ring your sister"};
  for (const char* action : actions) {
    const std::string order = std::string("You need to ") + action + " tonight.";
    data.responses.push_back(Response("That sounds hard. " + order, {Category::kDirective},
                                      order));
    data.responses.push_back(Response(std::string("What would it be like to ") + action + "?"));
  }
  data.mutual_texts.push_back("Some people find it helps to make a plan. Would you want that?");
  data.category_examples.push_back(
      {Category::kDirective, false, "You need to feel proud of that.", ""});
  return data;
}

TEST(SentenceModelTest, TrainingLearnsTheSentenceTheEvidenceMarksAndIsDeterministic) {
  TrainOptions options;
  options.categories = {Category::kDirective};
  auto first = TrainSentenceModels(SmallCorpus(), options);
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  auto second = TrainSentenceModels(SmallCorpus(), options);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first.value(), second.value());

  auto model = detectors::ParseSentenceModel("trained.tsv", first.value());
  ASSERT_TRUE(model.ok()) << model.error().ToString();
  ASSERT_EQ(model.value().modelled.size(), 1u);
  const auto p = [&](std::string_view s) {
    return model.value().Probability(Category::kDirective, model.value().KnownFeatures({s}));
  };
  // An unseen action in the taught shape, against the question and the sentence before it.
  EXPECT_GT(p("you need to see your mother tonight."), 0.5);
  EXPECT_LT(p("what would it be like to see your mother?"), 0.5);
  EXPECT_LT(p("that sounds hard."), 0.5);
}

// A rule directory with a pattern rule and a sentence-model rule for directive, whose
// model knows one word.
class SentenceModelRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test: ctest runs the tests of this file in parallel.
    dir_ = fs::temp_directory_path() /
           ("peercoach-sentence-model-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  static std::string Rules(const std::string& model_line,
                           const std::string& thresholds = "min_probability: 0.9") {
    return R"(category: directive
rules:
  - id: directive.pizza
    message: m
    patterns: ['\bpizza\b']
    examples:
      flag: ["Pizza is what I think about most days."]
      pass: ["Salad again."]
  - id: directive.sentence-model
    kind: detector
    detector: sentence-model
)" + model_line + R"(
    thresholds: { )" + thresholds + R"( }
    message: m
    examples:
      flag: ["I think about pineapple most days."]
      pass: ["Salad again."]
)";
  }
  // The findings for `text` with the directive sentence-model rule at these thresholds.
  std::vector<Finding> FindingsWith(const std::string& thresholds, const std::string& text) {
    Write("directive.yaml", Rules("    model: weights.tsv", thresholds));
    auto rules = RuleSet::LoadDirectory(dir_);
    EXPECT_TRUE(rules.ok()) << rules.error().front().ToString();
    if (!rules.ok()) return {};
    auto analyzer = Analyzer::Create(rules.value());
    EXPECT_TRUE(analyzer.ok());
    if (!analyzer.ok()) return {};
    auto a = analyzer.value().Analyze(text);
    EXPECT_TRUE(a.ok());
    return a.ok() ? a.value().findings : std::vector<Finding>{};
  }
  fs::path dir_;
};

TEST_F(SentenceModelRulesTest, SpeaksOnlyWhereNoPatternOfItsCategoryDidAndNotOnAFewWords) {
  Write("directive.yaml", Rules("    model: weights.tsv"));
  Write("weights.tsv", "directive\t@bias\t-5\ndirective\tu:pineapple\t10\n");
  auto rules = RuleSet::LoadDirectory(dir_);
  ASSERT_TRUE(rules.ok()) << rules.error().front().ToString();
  auto analyzer = Analyzer::Create(rules.value());
  ASSERT_TRUE(analyzer.ok());

  const std::string text =
      "I think about pineapple most days. Pineapple pizza is what I think about. Pineapple!";
  auto a = analyzer.value().Analyze(text);
  ASSERT_TRUE(a.ok());
  std::vector<std::pair<std::string, std::string>> found;
  for (const Finding& f : a.value().findings) found.emplace_back(f.rule_id, f.matched_text);
  // The first sentence is the model's, whole; the second has the pattern's exact span; the
  // one-word third is too short for the model.
  const std::vector<std::pair<std::string, std::string>> want = {
      {"directive.sentence-model", "I think about pineapple most days."},
      {"directive.pizza", "pizza"}};
  EXPECT_EQ(found, want);
}

TEST_F(SentenceModelRulesTest, APatternMatchTheModelAllButRulesOutIsDroppedWithVetoBelow) {
  // "salad" pulls a sentence far below 0.001 (-5 - 10); "pizza" alone leaves it at 0.0067.
  Write("weights.tsv", "directive\t@bias\t-5\ndirective\tu:salad\t-10\n");
  const std::string text =
      "Pizza is what I think about most days. Pizza with a salad is what I think about. "
      "Salad, then pizza.";
  const auto rule_spans = [&](const std::string& thresholds) {
    std::vector<std::size_t> begins;
    for (const Finding& f : FindingsWith(thresholds, text)) begins.push_back(f.span.begin);
    return begins;
  };
  // Without a veto every "pizza" stands.
  EXPECT_EQ(rule_spans("min_probability: 0.9"), (std::vector<std::size_t>{0, 39, 93}));
  // With one, the second sentence's goes; the third is too short for the model to judge.
  EXPECT_EQ(rule_spans("min_probability: 0.9, veto_below: 0.001"),
            (std::vector<std::size_t>{0, 93}));
}

TEST_F(SentenceModelRulesTest, BriefIfTurnedBackKeepsOnlySentencesAfterTheLastQuestionToThePeer) {
  Write("weights.tsv", "directive\t@bias\t-5\ndirective\tu:pineapple\t10\n");
  // A question about the speaker ("Why do I...?") does not turn back to the peer; one
  // with a word for the peer does, and only for the sentences before it.
  const std::string text =
      "I think about pineapple most days. What do you think about most days? "
      "I dream of pineapple every single night. Why do I think about pineapple so much?";
  const auto model_findings = [&](const std::string& thresholds) {
    std::vector<std::string> found;
    for (const Finding& f : FindingsWith(thresholds, text)) found.push_back(f.matched_text);
    return found;
  };
  EXPECT_EQ(model_findings("min_probability: 0.9"),
            (std::vector<std::string>{"I think about pineapple most days.",
                                      "I dream of pineapple every single night.",
                                      "Why do I think about pineapple so much?"}));
  // Only the first sentence comes before the question to the peer; the closing question
  // about the speaker turns nothing back.
  EXPECT_EQ(model_findings("min_probability: 0.9, brief_if_turned_back: 1"),
            (std::vector<std::string>{"I dream of pineapple every single night.",
                                      "Why do I think about pineapple so much?"}));
}

TEST_F(SentenceModelRulesTest, AModelThatCannotBeReadOrLacksTheCategoryIsAnError) {
  Write("directive.yaml", Rules("    model: missing.tsv"));
  auto missing = RuleSet::LoadDirectory(dir_);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().front().ToString().find("names model"), std::string::npos)
      << missing.error().front().ToString();
  EXPECT_NE(missing.error().front().ToString().find("directive.yaml:9"), std::string::npos)
      << missing.error().front().ToString();

  Write("directive.yaml", Rules("    model: weights.tsv"));
  Write("weights.tsv", "comparing\tu:pineapple\t10\n");
  auto other = RuleSet::LoadDirectory(dir_);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().front().ToString().find("has no weights for directive"),
            std::string::npos)
      << other.error().front().ToString();

  Write("directive.yaml", Rules("    model: ../elsewhere/weights.tsv"));
  auto outside = RuleSet::LoadDirectory(dir_);
  ASSERT_FALSE(outside.ok());
  EXPECT_NE(outside.error().front().ToString().find("beside the rule file"), std::string::npos);

  Write("directive.yaml", Rules(""));
  auto none = RuleSet::LoadDirectory(dir_);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().front().ToString().find("needs a model file"), std::string::npos);
}

}  // namespace
}  // namespace peercoach
