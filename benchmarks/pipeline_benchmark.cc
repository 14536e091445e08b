// Per-stage micro-benchmarks of the pipeline, on one typical 60-word response with two
// findings: text layer (NFC, folding, offset map), segmentation (ICU break iterators and
// the word lexicon), matching (filter + pattern RE2s + exceptions), detectors (narrative
// runs), rewrite templates, JSON output, and the whole Analyze with and without
// rewrite verification. Run: build/benchmarks/pipeline_benchmark
#include <benchmark/benchmark.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "detectors/narrative.h"
#include "match/matcher.h"
#include "peercoach/analyzer.h"
#include "peercoach/report.h"
#include "rewrite/rewriter.h"
#include "segmentation/document.h"
#include "text/match_text.h"

namespace {

using peercoach::Analyzer;
using peercoach::RuleSet;

// 60 words: a validation, a directive, a one-up, and a question back to the peer.
constexpr const char* kTypical =
    "That sounds really hard, and I can hear how tired you are after this week. You need "
    "to call your sponsor tonight, before it gets any worse. When I got out I had it way "
    "worse than you, honestly. What has helped you get through nights like this before, "
    "and what feels most important to talk about right now?";

const RuleSet& Rules() {
  static const RuleSet rules = RuleSet::LoadDefaults().value();
  return rules;
}

const Analyzer& SharedAnalyzer() {
  static const Analyzer* analyzer = new Analyzer(std::move(Analyzer::Create(Rules()).value()));
  return *analyzer;
}

peercoach::segmentation::Document Segmented(const std::string& text) {
  static const auto segmenter = peercoach::segmentation::Segmenter::Create().value();
  peercoach::segmentation::Document doc;
  doc.original = text;
  doc.match = peercoach::text::BuildMatchText(text, false).value();
  (void)segmenter->Segment(doc);
  return doc;
}

void SetCounters(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(state.iterations());
}

void BM_TextLayer(benchmark::State& state) {
  const std::string text(kTypical);
  for (auto _ : state) {
    auto m = peercoach::text::BuildMatchText(text, false);
    benchmark::DoNotOptimize(m);
  }
  SetCounters(state, std::string(kTypical).size());
}
BENCHMARK(BM_TextLayer);

void BM_Segmentation(benchmark::State& state) {
  const std::string text(kTypical);
  const auto segmenter = peercoach::segmentation::Segmenter::Create().value();
  const auto match = peercoach::text::BuildMatchText(text, false).value();
  for (auto _ : state) {
    peercoach::segmentation::Document doc;
    doc.original = text;
    doc.match = match;
    auto ok = segmenter->Segment(doc);
    benchmark::DoNotOptimize(ok);
  }
  SetCounters(state, text.size());
}
BENCHMARK(BM_Segmentation);

void BM_Matching(benchmark::State& state) {
  const std::string text(kTypical);
  const auto matcher = peercoach::match::Matcher::Create(Rules()).value();
  const auto doc = Segmented(text);
  std::vector<peercoach::match::Candidate> out;
  for (auto _ : state) {
    out.clear();
    matcher->Match(doc, out);
    benchmark::DoNotOptimize(out);
  }
  SetCounters(state, text.size());
}
BENCHMARK(BM_Matching);

void BM_Detectors(benchmark::State& state) {
  const std::string text(kTypical);
  const auto doc = Segmented(text);
  const std::map<std::string, double> thresholds;
  for (auto _ : state) {
    auto runs = peercoach::detectors::DetectLongNarrative(doc, thresholds);
    benchmark::DoNotOptimize(runs);
  }
  SetCounters(state, text.size());
}
BENCHMARK(BM_Detectors);

void BM_RewriteTemplates(benchmark::State& state) {
  const peercoach::Rule* rule = nullptr;
  for (const auto& r : Rules().rules()) {
    if (r.id == "directive.obligation-modal") rule = &r;
  }
  if (rule == nullptr) {
    state.SkipWithError("directive.obligation-modal not in the rule set");
    return;
  }
  peercoach::rewrite::RewriteInput input;
  input.sentence = "You need to call your sponsor tonight, before it gets any worse.";
  input.match = "You need to";
  input.after = " call your sponsor tonight, before it gets any worse.";
  input.captures = {{"action", "call your sponsor tonight"}};
  for (auto _ : state) {
    auto candidates = peercoach::rewrite::RewriteCandidates(*rule, input);
    benchmark::DoNotOptimize(candidates);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RewriteTemplates);

void BM_JsonOutput(benchmark::State& state) {
  const std::string text(kTypical);
  const auto analysis = SharedAnalyzer().Analyze(text).value();
  for (auto _ : state) {
    std::ostringstream out;
    peercoach::WriteJson(out, text, analysis, {.id = "r1", .source = "", .pretty = false});
    benchmark::DoNotOptimize(out);
  }
  SetCounters(state, text.size());
}
BENCHMARK(BM_JsonOutput);

// The whole analysis: the per-response latency figure.
void BM_AnalyzeTypical(benchmark::State& state) {
  const std::string text(kTypical);
  peercoach::AnalyzeOptions options;
  options.verify_rewrites = state.range(0) != 0;
  const Analyzer& analyzer = SharedAnalyzer();  // compiled before the timing starts
  for (auto _ : state) {
    auto result = analyzer.Analyze(text, options);
    benchmark::DoNotOptimize(result);
  }
  SetCounters(state, text.size());
}
BENCHMARK(BM_AnalyzeTypical)->ArgName("verify_rewrites")->Arg(1)->Arg(0);

}  // namespace

BENCHMARK_MAIN();
