// tests/test_support.h: one analyzer over the default rules, shared by the tests.
#ifndef PEERCOACH_TESTS_TEST_SUPPORT_H_
#define PEERCOACH_TESTS_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "peercoach/analyzer.h"

namespace peercoach::testing {

inline const Analyzer& DefaultAnalyzer() {
  static const Analyzer* analyzer = [] {
    auto rules = RuleSet::LoadDefaults();
    EXPECT_TRUE(rules.ok());
    auto a = Analyzer::Create(rules.value());
    EXPECT_TRUE(a.ok());
    return new Analyzer(std::move(a.value()));
  }();
  return *analyzer;
}

inline Analysis Analyze(std::string_view text) {
  auto r = DefaultAnalyzer().Analyze(text);
  EXPECT_TRUE(r.ok()) << r.error().ToString();
  return r.ok() ? r.value() : Analysis{};
}

inline std::set<std::string> Categories(const Analysis& a) {
  std::set<std::string> out;
  for (const Finding& f : a.findings) out.insert(std::string(CategoryId(f.category)));
  return out;
}

inline std::set<std::string> StrengthsOf(const Analysis& a) {
  std::set<std::string> out;
  for (const Strength& s : a.strengths) out.insert(std::string(CategoryId(s.category)));
  return out;
}

}  // namespace peercoach::testing

#endif  // PEERCOACH_TESTS_TEST_SUPPORT_H_
