// peercoach rules list | test | train: the rule set as data, its own examples as tests,
// and the sentence model's weights trained from a gold corpus.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <set>

#include "commands.h"
#include "common.h"
#include "peercoach/analyzer.h"
#include "peercoach/gold.h"
#include "peercoach/rule_examples.h"
#include "peercoach/train.h"

namespace peercoach::cli {
namespace {

struct RulesOptions {
  RuleOptions rules;
  std::string category;
  std::vector<std::string> gold;  // train
  std::string out = "-";
  std::vector<std::string> train_categories;  // empty: TrainOptions' default set
  TrainOptions train;
};

int RunList(const RulesOptions& o) {
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  std::cout << fmt::format("{:<44} {:<21} {:<8} {:<9} {:>4} {:>4}  {}\n", "RULE", "CATEGORY",
                           "SEVERITY", "KIND", "FLAG", "PASS", "FILE");
  std::size_t shown = 0;
  for (const Rule& r : rules->rules()) {
    if (!o.category.empty() && CategoryId(r.category) != o.category) continue;
    ++shown;
    std::cout << fmt::format("{:<44} {:<21} {:<8} {:<9} {:>4} {:>4}  {}:{}\n", r.id,
                             CategoryId(r.category), SeverityName(r.severity),
                             r.kind == RuleKind::kDetector ? "detector" : "pattern",
                             r.flag_examples.size(), r.pass_examples.size(), r.file, r.line);
  }
  std::cout << fmt::format("{} rules\n", shown);
  return kExitClean;
}

int RunTest(const RulesOptions& o) {
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  auto analyzer = MakeAnalyzer(*rules);
  if (!analyzer) return kExitError;
  const ExampleReport report = RunRuleExamples(*analyzer);
  for (const ExampleFailure& f : report.failures) std::cout << f.ToString() << '\n';
  std::cout << fmt::format("rules test: {} passed, {} failed\n", report.passed,
                           report.failures.size());
  return report.failures.empty() ? kExitClean : kExitFindings;
}

// Trains on the responses of the gold files; any invalid line stops it, since a model
// trained on part of a corpus would silently differ from the one the files describe.
int RunTrain(const RulesOptions& o) {
  TrainOptions train_options = o.train;
  if (!o.train_categories.empty()) {
    train_options.categories.clear();
    for (const std::string& id : o.train_categories) {
      auto c = ParseCategory(id);
      if (!c || IsStrength(*c)) {
        PrintError(fmt::format("--categories: '{}' is not a category of TAXONOMY.md", id));
        return kExitError;
      }
      train_options.categories.push_back(*c);
    }
  }
  GoldCorpus gold;
  for (const std::string& path : o.gold) {
    const auto contents = ReadInput(path);
    if (!contents) return kExitError;
    ReadGold(*contents, path == "-" ? "<stdin>" : path, gold);
  }
  if (!gold.errors.empty()) {
    for (const Error& e : gold.errors) PrintError(e.ToString());
    return kExitError;
  }
  if (gold.responses.empty()) {
    PrintError("nothing to train on: the gold files hold no responses");
    return kExitError;
  }
  // The rewrites the pattern rules and measures offer for the corpus (unverified, so the
  // set does not depend on the model being replaced) are mutual by design; the rules' own
  // examples say what each category is and is not.
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  const RuleSet patterns =
      rules->Without([](const Rule& r) { return r.detector == "sentence-model"; });
  auto analyzer = MakeAnalyzer(patterns);
  if (!analyzer) return kExitError;
  AnalyzeOptions unverified;
  unverified.verify_rewrites = false;
  unverified.replace_invalid_utf8 = true;
  std::set<std::string> rewrites;
  const auto add_rewrites = [&](const std::string& text) {
    auto analysis = analyzer->Analyze(text, unverified);
    if (!analysis.ok()) return;
    for (const Finding& f : analysis.value().findings) {
      if (f.rewrite) rewrites.insert(*f.rewrite);
    }
  };
  for (const GoldResponse& r : gold.responses) add_rewrites(r.text);
  TrainingData data{gold.responses, {}, {}};
  for (const Rule& r : patterns.rules()) {
    for (const RuleExample& e : r.flag_examples) add_rewrites(e.text);
    if (IsStrength(r.category)) continue;
    for (const RuleExample& e : r.flag_examples) {
      data.category_examples.push_back({r.category, true, e.text, e.match});
    }
    for (const RuleExample& e : r.pass_examples) {
      data.category_examples.push_back({r.category, false, e.text, ""});
    }
  }
  data.mutual_texts.assign(rewrites.begin(), rewrites.end());
  spdlog::info("training the sentence model on {} responses, {} rewrites and {} examples",
               data.responses.size(), data.mutual_texts.size(), data.category_examples.size());
  auto model = TrainSentenceModels(data, train_options);
  if (!model.ok()) {
    PrintError(model.error().ToString());
    return kExitError;
  }
  if (o.out == "-") {
    std::cout << model.value();
    std::cout.flush();
    return std::cout ? kExitClean : kExitError;
  }
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  out << model.value();
  out.close();
  if (!out) {
    PrintError(fmt::format("{}: cannot write the model", o.out));
    return kExitError;
  }
  return kExitClean;
}

}  // namespace

Command AddRulesCommand(CLI::App& app) {
  auto o = std::make_shared<RulesOptions>();
  CLI::App* sub = app.add_subcommand("rules", "List the rules, run their examples, or train the sentence model");
  sub->require_subcommand(1);
  CLI::App* list = sub->add_subcommand("list", "List every rule with its category and examples");
  list->add_option("--category", o->category, "Only this category");
  o->rules.AddTo(*list);
  CLI::App* test = sub->add_subcommand("test", "Run every rule's flag and pass examples");
  o->rules.AddTo(*test);
  CLI::App* train = sub->add_subcommand(
      "train", "Train the sentence model's weights (rules/sentence-model.tsv) on gold files");
  train->add_option("--gold", o->gold, "Gold JSONL files (the dev split)")->required();
  o->rules.AddTo(*train);
  train->add_option("-o,--out", o->out, "Where to write the weights (- for stdout)");
  train->add_option("--epochs", o->train.epochs, "Passes over the training sentences");
  train->add_option("--runs", o->train.runs, "Differently shuffled runs, averaged");
  train->add_option("--hard-negative-weight", o->train.hard_negative_weight,
                    "Weight of a category's near misses against it");
  train->add_option("--mutual-weight", o->train.mutual_weight,
                    "Weight of mutual responses' sentences as negatives");
  train->add_option("--categories", o->train_categories,
                    "Categories to model (default: all six)");
  return [o, list, test, train] {
    if (list->parsed()) return RunList(*o);
    if (test->parsed()) return RunTest(*o);
    if (train->parsed()) return RunTrain(*o);
    return kExitError;
  };
}

}  // namespace peercoach::cli
