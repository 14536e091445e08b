// Analyzer throughput on typical responses: one mutual, one with several findings.
// Run: build/benchmarks/analyzer_benchmark
#include <benchmark/benchmark.h>

#include "peercoach/analyzer.h"

namespace {

const peercoach::Analyzer& SharedAnalyzer() {
  static const peercoach::Analyzer* analyzer = [] {
    auto rules = peercoach::RuleSet::LoadDefaults().value();
    return new peercoach::Analyzer(std::move(peercoach::Analyzer::Create(rules).value()));
  }();
  return *analyzer;
}

constexpr const char* kMutual =
    "That sounds really hard, and it makes sense that you'd feel worn out after a week like "
    "that. I've had stretches where everything felt heavy too. What has helped you get "
    "through nights like this before, and what feels most important to talk about today?";

constexpr const char* kFlagged =
    "You need to go to a meeting tonight. I had it way worse than you when I got out, so "
    "trust me, I know what I'm talking about. Here's my personal cell, text me any time. "
    "What worked for me will work for you.";

void BM_Analyze(benchmark::State& state, const char* text) {
  const auto& analyzer = SharedAnalyzer();
  const std::string input(text);
  for (auto _ : state) {
    auto result = analyzer.Analyze(input);
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK_CAPTURE(BM_Analyze, mutual_response, kMutual);
BENCHMARK_CAPTURE(BM_Analyze, flagged_response, kFlagged);

}  // namespace

BENCHMARK_MAIN();
