// peercoach eval --gold FILE...: precision, recall and F1 per category on a gold corpus.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "peercoach/evaluation.h"

namespace peercoach::cli {
namespace {

struct EvalOptions {
  std::vector<std::string> gold;
  std::string format = "text";
  bool errors = false;
  bool skip_invalid = false;
  bool no_context = false;
  std::string baseline;
  std::string write_baseline;
  RuleOptions rules;
};

int RunEval(const EvalOptions& o) {
  GoldCorpus gold;
  for (const std::string& path : o.gold) {
    const auto contents = ReadInput(path);
    if (!contents) return kExitError;
    const std::size_t before = gold.errors.size();
    ReadGold(*contents, path == "-" ? "<stdin>" : path, gold);
    spdlog::debug("{}: {} invalid lines", path, gold.errors.size() - before);
  }
  if (!gold.errors.empty()) {
    for (const Error& e : gold.errors) PrintError(e.ToString());
    if (!o.skip_invalid) return kExitError;
    gold.skipped = gold.errors.size();
  }
  if (gold.responses.empty() && gold.transcripts.empty()) {
    PrintError("nothing to evaluate: the gold files hold no valid records");
    return kExitError;
  }
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  auto analyzer = MakeAnalyzer(*rules);
  if (!analyzer) return kExitError;
  spdlog::info("evaluating {} responses and {} transcripts", gold.responses.size(),
               gold.transcripts.size());
  EvaluateOptions evaluate;
  evaluate.use_context = !o.no_context;
  auto ev = Evaluate(*analyzer, gold, evaluate);
  if (!ev.ok()) {
    PrintError(ev.error().ToString());
    return kExitError;
  }
  const EvalPrintOptions print{o.errors};
  if (o.format == "json") {
    WriteEvaluationJson(std::cout, ev.value(), print);
  } else if (o.format == "csv") {
    WriteEvaluationCsv(std::cout, ev.value(), print);
  } else {
    WriteEvaluationText(std::cout, ev.value(), print);
  }
  std::cout.flush();
  if (!o.write_baseline.empty()) {
    std::ofstream out(o.write_baseline, std::ios::binary | std::ios::trunc);
    out << BaselineJson(ev.value());
    if (!out) {
      PrintError(fmt::format("{}: cannot write the baseline", o.write_baseline));
      return kExitError;
    }
  }
  if (!o.baseline.empty()) {
    const auto baseline = ReadInput(o.baseline);
    if (!baseline) return kExitError;
    auto drops = CompareWithBaseline(ev.value(), *baseline);
    if (!drops.ok()) {
      PrintError(fmt::format("{}: {}", o.baseline, drops.error().message()));
      return kExitError;
    }
    for (const std::string& d : drops.value()) {
      PrintError(fmt::format("below baseline by more than 0.02: {}", d));
    }
    if (!drops.value().empty()) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace

Command AddEvalCommand(CLI::App& app) {
  auto o = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "Precision, recall and F1 per category on gold JSON Lines (responses, transcripts)");
  cmd->add_option("--gold", o->gold, "gold file(s), JSON Lines; - for standard input")
      ->required();
  cmd->add_option("--format", o->format, "text (a table), json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  cmd->add_flag("--errors", o->errors,
                "list every false positive and false negative with id, text and rule");
  cmd->add_flag("--skip-invalid", o->skip_invalid,
                "report invalid gold lines and leave them out instead of failing");
  cmd->add_flag("--no-context", o->no_context, "ignore each response's gold \"context\"");
  cmd->add_option("--baseline", o->baseline,
                  "exit 1 if any figure is more than 0.02 below this baseline file");
  cmd->add_option("--write-baseline", o->write_baseline,
                  "write the figures as a baseline file");
  o->rules.AddTo(*cmd);
  return [o] { return RunEval(*o); };
}

}  // namespace peercoach::cli
