#include "rewrite/rewriter.h"

#include <cstdint>

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

std::vector<std::string> RewriteCandidates(const Rule& rule, const RewriteInput& input) {
  std::vector<std::string> out;
  const std::size_t n = rule.rewrites.size();
  if (n == 0) return out;
  const auto lookup = [&](std::string_view name) -> std::optional<std::string> {
    if (name == "sentence") return std::string(input.sentence);
    if (name == "match") return Clean(input.match);
    if (name == "before") return Clean(input.before);
    if (name == "after") return Clean(input.after);
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
  out = std::move(own_words);
  for (std::string& s : stock) out.push_back(std::move(s));
  return out;
}

}  // namespace peercoach::rewrite
