#include "match/pattern_filter.h"

#include <algorithm>

#include "match/regex_options.h"

namespace peercoach::match {
namespace {

// Words shorter than this do not filter: "u" or "i" are in nearly every sentence.
constexpr int kMinAtomLength = 3;

}  // namespace

PatternFilter::PatternFilter() : filter_(kMinAtomLength) {}
PatternFilter::~PatternFilter() = default;

const RE2* PatternFilter::Add(const std::string& pattern, std::string* error) {
  int id = 0;
  if (filter_.Add(pattern, RuleRegexOptions(), &id) != RE2::NoError) {
    if (error) *error = "pattern does not compile: " + pattern;
    return nullptr;
  }
  ++size_;
  return &filter_.GetRE2(id);
}

bool PatternFilter::Compile() {
  if (size_ == 0) return true;
  std::vector<std::string> atoms;
  filter_.Compile(&atoms);
  RE2::Options options = RuleRegexOptions();
  options.set_literal(true);
  atoms_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& atom : atoms) {
    if (atoms_->Add(atom, nullptr) < 0) return false;
  }
  atom_count_ = atoms.size();
  return atoms.empty() || atoms_->Compile();
}

void PatternFilter::Candidates(std::string_view text, std::vector<int>& out) const {
  out.clear();
  if (size_ == 0) return;
  thread_local std::vector<int> found;  // reused: this runs once per sentence
  found.clear();
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (atom_count_ > 0 && !atoms_->Match(text, &found, &info) &&
      info.kind != RE2::Set::kNoError) {
    // The word set's DFA failed: every pattern is a candidate rather than a silent miss.
    for (std::size_t i = 0; i < size_; ++i) out.push_back(static_cast<int>(i));
    return;
  }
  filter_.AllPotentials(found, &out);
  std::sort(out.begin(), out.end());
}

}  // namespace peercoach::match
