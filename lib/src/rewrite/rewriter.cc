#include "rewrite/rewriter.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rewrite/template.h"

namespace peercoach::rewrite {
namespace {

// Trims spaces and the punctuation that ended the trainee's clause: a capture is reused
// inside a new sentence.
std::string Clean(std::string_view s) {
  const std::string_view trim = " \t\r\n.,;:!?\"'";
  const std::size_t b = s.find_first_not_of(trim);
  if (b == std::string_view::npos) return "";
  const std::size_t e = s.find_last_not_of(trim);
  return std::string(s.substr(b, e - b + 1));
}

// The punctuation that ends a clause, besides a hyphen (whose rule differs by use).
constexpr std::string_view kClausePunctuation[] = {",", ";", ":", "\u2013", "\u2014"};

// The first word, lower-cased, letters only ("I've" -> "i").
std::string FirstWordLower(std::string_view s) {
  std::string word;
  for (char c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c))) break;
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return word;
}

// The clause after the flagged words, set apart by , ; : or a dash, unless it starts
// with a conjunction that ties it back to them ("so hear me out").
std::optional<std::string> Remainder(std::string_view after) {
  const auto strip_separator = [](std::string_view& a) {
    if (a.starts_with("-")) {
      a.remove_prefix(1);
      return true;
    }
    for (std::string_view sep : kClausePunctuation) {
      if (a.starts_with(sep)) {
        a.remove_prefix(sep.size());
        return true;
      }
    }
    return false;
  };
  const auto strip_spaces = [](std::string_view& a) {
    while (!a.empty() && (a.front() == ' ' || a.front() == '\t')) a.remove_prefix(1);
  };
  std::string_view a = after;
  strip_spaces(a);
  if (!strip_separator(a)) return std::nullopt;
  do strip_spaces(a);
  while (strip_separator(a));
  std::string rest = Clean(a);
  static const std::set<std::string> kConjunctions = {
      "so", "and", "but", "or", "then", "which", "because", "cause", "cuz", "coz", "that",
      "cos", "bc", "plus", "like", "if", "unless", "though"};
  if (rest.empty() || kConjunctions.contains(FirstWordLower(rest))) return std::nullopt;
  return rest;
}

// The clauses of `s`, split at , ; : an en or em dash, or a hyphen set apart by spaces
// (the hyphen in "evidence-based" does not end a clause). Always at least one, maybe empty.
std::vector<std::string_view> SplitClauses(std::string_view s) {
  std::vector<std::string_view> clauses;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t width = 0;
    for (std::string_view sep : kClausePunctuation) {
      if (s.substr(i).starts_with(sep)) width = sep.size();
    }
    if (width == 0 && s[i] == '-' && (i == 0 || s[i - 1] == ' ') &&
        (i + 1 == s.size() || s[i + 1] == ' ')) {
      width = 1;
    }
    if (width == 0) continue;
    clauses.push_back(s.substr(start, i - start));
    start = i + width;
    i = start - 1;
  }
  clauses.push_back(s.substr(start));
  return clauses;
}

// The first clause beside the flagged words that the speaker says in their own voice
// (I, my; "I lost my mom too, so I know exactly how you feel" -> "I lost my mom too"): the
// relatable part of an assumption, which a rewrite can keep while it drops the claim.
// A clause that opens with a conjunction ("so I know...") is tied to the claim: not taken.
std::optional<std::string> OwnClause(std::string_view before, std::string_view after) {
  static const std::set<std::string, std::less<>> kOwnVoice = {"i", "ive", "im", "my"};
  // The last clause before the flagged words is its start, the first one after its end.
  std::vector<std::string_view> clauses = SplitClauses(before);
  clauses.pop_back();
  const std::vector<std::string_view> tail = SplitClauses(after);
  clauses.insert(clauses.end(), tail.begin() + 1, tail.end());
  for (std::string_view c : clauses) {
    std::string clause = Clean(c);
    const std::size_t words = static_cast<std::size_t>(std::count(clause.begin(), clause.end(), ' ')) + 1;
    if (words >= 4 && kOwnVoice.contains(FirstWordLower(clause))) return clause;
  }
  return std::nullopt;
}

// FNV-1a: stable across platforms and runs, unlike std::hash.
uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::vector<RewriteCandidate> RewriteCandidates(const Rule& rule, const RewriteInput& input) {
  std::vector<RewriteCandidate> out;
  const std::size_t n = rule.rewrites.size();
  if (n == 0) return out;
  const auto lookup = [&](std::string_view name) -> std::optional<std::string> {
    if (name == "sentence") return std::string(input.sentence);
    if (name == "match") return Clean(input.match);
    if (name == "before") return Clean(input.before);
    if (name == "after") return Clean(input.after);
    if (name == "remainder") return Remainder(input.after);
    if (name == "own") return OwnClause(input.before, input.after);
    if (name == "whole") return Clean(input.sentence);
    for (const auto& [key, value] : input.captures) {
      if (key == name) return Clean(value);
    }
    return std::nullopt;
  };
  // Templates that carry the trainee's own words come first: a rewrite of *their*
  // sentence teaches more than a stock one. Within each group the starting template is
  // chosen by the sentence, so different sentences get different wordings.
  std::vector<std::string> own_words, stock;
  const std::size_t start = static_cast<std::size_t>(Fnv1a(input.sentence) % n);
  for (std::size_t k = 0; k < n; ++k) {
    const std::string& tmpl = rule.rewrites[(start + k) % n];
    if (auto filled = FillTemplate(tmpl, lookup)) {
      const bool keeps_words = tmpl.find('{') != std::string::npos &&
                               tmpl.find("{match") == std::string::npos;
      (keeps_words ? own_words : stock).push_back(std::move(*filled));
    }
  }
  for (std::string& s : own_words) out.push_back({std::move(s), true});
  for (std::string& s : stock) out.push_back({std::move(s), false});
  return out;
}

}  // namespace peercoach::rewrite
