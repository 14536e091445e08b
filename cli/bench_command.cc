// peercoach bench --corpus FILE: single-threaded throughput on a corpus, so accuracy and
// speed are read together.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.h"
#include "common.h"


namespace peercoach::cli {
namespace {

struct BenchOptions {
  std::vector<std::string> corpus;
  double min_seconds = 2.0;
  RuleOptions rules;
};

int RunBench(const BenchOptions& o) {
  // Any JSON Lines with "text" (or "turns") will do: labels are not needed to time.
  std::vector<std::string> texts;
  for (const std::string& path : o.corpus) {
    const auto contents = ReadInput(path);
    if (!contents) return kExitError;
    std::size_t line_no = 0;
    std::istringstream lines(*contents);
    for (std::string line; std::getline(lines, line);) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const auto record = nlohmann::json::parse(line, nullptr, false);
      if (record.is_discarded() || !record.is_object()) {
        PrintError(fmt::format("{}:{}: not a JSON object", path, line_no));
        return kExitError;
      }
      if (const auto it = record.find("text"); it != record.end() && it->is_string()) {
        texts.push_back(it->get<std::string>());
      }
      if (const auto it = record.find("turns"); it != record.end() && it->is_array()) {
        for (const auto& turn : *it) {
          if (turn.is_object() && turn.value("speaker", "") != "peer" &&
              turn.contains("text") && turn["text"].is_string()) {
            texts.push_back(turn["text"].get<std::string>());
          }
        }
      }
    }
  }
  std::size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  if (texts.empty()) {
    PrintError("nothing to measure: the corpus holds no responses");
    return kExitError;
  }
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  auto analyzer = MakeAnalyzer(*rules);
  if (!analyzer) return kExitError;

  using Clock = std::chrono::steady_clock;
  // One warm-up pass builds RE2's DFA states, as a long-running process would have them.
  const auto cold_start = Clock::now();
  std::size_t findings = 0;
  for (const std::string& t : texts) {
    auto a = analyzer->Analyze(t);
    if (a.ok()) findings += a.value().findings.size();
  }
  const double cold = std::chrono::duration<double>(Clock::now() - cold_start).count();
  std::size_t passes = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  do {
    for (const std::string& t : texts) {
      auto a = analyzer->Analyze(t);
      if (!a.ok()) {
        PrintError(a.error().ToString());
        return kExitError;
      }
    }
    ++passes;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < o.min_seconds);
  const double responses = static_cast<double>(texts.size() * passes);
  fmt::print("{} responses, {:.1f} KB, {} findings; 1 thread, {} passes in {:.2f} s\n",
             texts.size(), bytes / 1024.0, findings, passes, elapsed);
  fmt::print("  {:.0f} responses/s  {:.2f} MB/s  {:.1f} us/response (first pass {:.2f} s)\n",
             responses / elapsed, bytes * passes / elapsed / 1e6, elapsed / responses * 1e6, cold);
  return kExitClean;
}

}  // namespace

Command AddBenchCommand(CLI::App& app) {
  auto o = std::make_shared<BenchOptions>();
  CLI::App* cmd =
      app.add_subcommand("bench", "Throughput on a corpus: responses/s and MB/s, one thread");
  cmd->add_option("--corpus", o->corpus, "gold or JSON Lines file(s) with \"text\"")->required();
  cmd->add_option("--min-seconds", o->min_seconds, "measure for at least this long")
      ->check(CLI::PositiveNumber);
  o->rules.AddTo(*cmd);
  return [o] { return RunBench(*o); };
}

}  // namespace peercoach::cli
