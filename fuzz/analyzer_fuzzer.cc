// libFuzzer target: the analyzer on arbitrary bytes, with and without U+FFFD replacement,
// and with the bytes' second half as the peer's context. Analyze must return a value or
// an error, never crash, and every span it returns must lie inside the input; the JSON
// line `check --format jsonl` writes for it must parse.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "peercoach/analyzer.h"
#include "peercoach/report.h"

namespace {

const peercoach::Analyzer& SharedAnalyzer() {
  static const peercoach::Analyzer* analyzer = [] {
    static const peercoach::RuleSet rules = peercoach::RuleSet::LoadDefaults().value();
    return new peercoach::Analyzer(std::move(peercoach::Analyzer::Create(rules).value()));
  }();
  return *analyzer;
}

void CheckSpans(const peercoach::Analysis& a, std::size_t size) {
  for (const auto& f : a.findings) {
    if (f.span.begin > f.span.end || f.span.end > size) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto& analyzer = SharedAnalyzer();
  for (const bool replace : {false, true}) {
    peercoach::AnalyzeOptions options;
    options.replace_invalid_utf8 = replace;
    auto result = analyzer.Analyze(text, options);
    if (!result.ok()) continue;
    CheckSpans(result.value(), size);
    std::ostringstream line;
    peercoach::WriteJson(line, text, result.value(), {.id = std::string(text.substr(0, 8)), .source = "", .pretty = false});
    if (!nlohmann::json::accept(line.str())) std::abort();
  }
  peercoach::AnalyzeOptions with_context;
  with_context.replace_invalid_utf8 = true;
  with_context.context = text.substr(size / 2);
  auto result = analyzer.Analyze(text.substr(0, size / 2), with_context);
  if (result.ok()) CheckSpans(result.value(), size / 2);
  return 0;
}
