#include "match/pattern_filter.h"

#include <algorithm>

#include "match/regex_options.h"

namespace peercoach::match {
namespace {

// Strings shorter than this do not filter in the main stage: "u" or "on" are in nearly
// every sentence.
constexpr int kMinWordLength = 3;
// The second stage takes any literal: for the patterns it holds, "u" beats nothing.
constexpr int kMinShortLength = 2;

}  // namespace

PatternFilter::PatternFilter() : words_(kMinWordLength), short_(kMinShortLength) {}
PatternFilter::~PatternFilter() = default;

const RE2* PatternFilter::Add(const std::string& pattern, std::string* error) {
  int id = 0;
  if (words_.filter.Add(pattern, RuleRegexOptions(), &id) != RE2::NoError) {
    if (error) *error = "pattern does not compile: " + pattern;
    return nullptr;
  }
  ++size_;
  return &words_.filter.GetRE2(id);
}

bool PatternFilter::Stage::Compile() {
  std::vector<std::string> found_atoms;
  filter.Compile(&found_atoms);
  RE2::Options options = RuleRegexOptions();
  options.set_literal(true);
  atoms = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& atom : found_atoms) {
    if (atoms->Add(atom, nullptr) < 0) return false;
  }
  atom_count = found_atoms.size();
  return found_atoms.empty() || atoms->Compile();
}

bool PatternFilter::Stage::Potentials(std::string_view text, std::vector<int>& out) const {
  thread_local std::vector<int> found;  // reused: this runs once per sentence
  found.clear();
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (atom_count > 0 && !atoms->Match(text, &found, &info) &&
      info.kind != RE2::Set::kNoError) {
    return false;
  }
  filter.AllPotentials(found, &out);
  return true;
}

bool PatternFilter::Compile() {
  if (size_ == 0) return true;
  if (!words_.Compile()) return false;
  // With no atom found, the main stage returns exactly the patterns it cannot filter.
  std::vector<int> unfiltered;
  words_.filter.AllPotentials({}, &unfiltered);
  in_short_.assign(size_, false);
  for (int index : unfiltered) {
    int id = 0;
    const std::string& pattern = words_.filter.GetRE2(index).pattern();
    if (short_.filter.Add(pattern, RuleRegexOptions(), &id) != RE2::NoError) {
      return false;
    }
    in_short_[index] = true;
    short_to_pattern_.push_back(index);
  }
  return short_to_pattern_.empty() || short_.Compile();
}

void PatternFilter::Candidates(std::string_view text, std::vector<int>& out) const {
  out.clear();
  if (size_ == 0) return;
  thread_local std::vector<int> potentials;
  // A failed set makes every pattern a candidate rather than a silent miss.
  auto all = [&] {
    out.clear();
    for (std::size_t i = 0; i < size_; ++i) out.push_back(static_cast<int>(i));
  };
  if (!words_.Potentials(text, potentials)) return all();
  for (int index : potentials) {
    if (!in_short_[index]) out.push_back(index);
  }
  if (!short_to_pattern_.empty()) {
    if (!short_.Potentials(text, potentials)) return all();
    for (int id : potentials) out.push_back(short_to_pattern_[id]);
  }
  std::sort(out.begin(), out.end());
}

}  // namespace peercoach::match
