#include <peercoach/analyzer.h>

#include <iostream>

int main() {
  auto rules = peercoach::RuleSet::LoadDefaults();
  if (!rules.ok()) return 3;
  auto analyzer = peercoach::Analyzer::Create(rules.value());
  if (!analyzer.ok()) return 4;
  auto analysis = analyzer.value().Analyze("You should call your sponsor tonight.");
  if (!analysis.ok() || analysis.value().findings.empty()) return 5;
  std::cout << peercoach::CategoryId(analysis.value().findings[0].category) << "\n";
  return 0;
}
