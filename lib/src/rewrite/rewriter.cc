#include "rewrite/rewriter.h"

#include <cctype>
#include <cstdint>
#include <optional>
#include <algorithm>
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

// The clause after the flagged words, set apart by , ; : or a dash, unless it starts
// with a conjunction that ties it back to them ("so hear me out").
std::optional<std::string> Remainder(std::string_view after) {
  static constexpr std::string_view kSeparators[] = {",", ";", ":", "-", "\u2013", "\u2014"};
  const auto strip_separator = [](std::string_view& a) {
    for (std::string_view sep : kSeparators) {
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
  std::string first_word;
  for (char c : rest) {
    if (!std::isalpha(static_cast<unsigned char>(c))) break;
    first_word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static const std::set<std::string> kConjunctions = {
      "so", "and", "but", "or", "then", "which", "because", "cause", "cuz", "coz", "that",
      "cos", "bc", "plus", "like", "if", "unless", "though"};
  if (rest.empty() || kConjunctions.contains(first_word)) return std::nullopt;
  return rest;
}

// Where the clause around the flagged words ends: a , ; or : or a dash set apart by
// spaces (the hyphen in "evidence-based" does not end a clause).
bool IsClauseBreak(std::string_view s, std::size_t i, std::size_t& width) {
  for (std::string_view sep : {std::string_view(","), std::string_view(";"),
                               std::string_view(":"), std::string_view("\u2013"),
                               std::string_view("\u2014")}) {
    if (s.substr(i).starts_with(sep)) {
      width = sep.size();
      return true;
    }
  }
  width = 1;
  return s[i] == '-' && (i == 0 || s[i - 1] == ' ') && (i + 1 == s.size() || s[i + 1] == ' ');
}

std::string FirstWordLower(std::string_view s) {
  std::string word;
  for (char c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '\'') break;
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return word;
}

// The first clause beside the flagged words that the speaker says in their own voice
// (I, my; "I lost my mom too, so I know exactly how you feel" -> "I lost my mom too"): the
// relatable part of an assumption, which a rewrite can keep while it drops the claim.
// A clause that opens with a conjunction ("so I know...") is tied to the claim: not taken.
std::optional<std::string> OwnClause(std::string_view before, std::string_view after) {
  static const std::set<std::string, std::less<>> kOwnVoice = {
      "i", "i've", "i'd", "i'm", "i'll", "ive", "im", "my"};
  std::vector<std::string_view> clauses;
  std::size_t width = 0, start = 0;
  // Whole clauses before the flagged one; the fragment after the last break is its start.
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (IsClauseBreak(before, i, width)) {
      clauses.push_back(before.substr(start, i - start));
      start = i + width;
      i += width - 1;
    }
  }
  bool in_flagged = true;  // the rest of the flagged clause, up to the first break
  start = 0;
  for (std::size_t i = 0; i <= after.size(); ++i) {
    if (i < after.size() && !IsClauseBreak(after, i, width)) continue;
    if (!in_flagged) clauses.push_back(after.substr(start, i - start));
    in_flagged = false;
    if (i < after.size()) i += width - 1;
    start = i + 1;
  }
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
