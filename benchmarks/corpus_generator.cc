// Deterministic generator of a large benchmark corpus for `peercoach check --input jsonl`.
//
//   build/benchmarks/corpus_generator --mb 10 [--seed 1] [--plain] GOLD.jsonl... > big.jsonl
//
// It splits the responses of the gold files into sentences, in two pools: sentences of
// mutual responses and sentences of flagged ones. Each generated response has 1 to 8
// sentences; about 70% draw only from the mutual pool, the rest mix in one to three
// flagged sentences, which is roughly the share of non-mutual responses trainees write
// early in training. One response in four is put in texting register (lower case, no
// apostrophes), so the text is not just the corpus repeated. The same seed and files give
// the same bytes on every machine: the generator uses its own splitmix64, not <random>'s
// distributions, whose results differ between standard libraries.
//
// Output is JSON Lines {"id":"g0000001","text":...}, or plain lines with --plain, until
// the size reaches --mb megabytes.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t Next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
};

// Splits at ". ", "! ", "? " (keeping the mark); good enough to make recombinable parts.
std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && text[i + 1] == ' ') {
      out.emplace_back(text.substr(begin, i + 1 - begin));
      begin = i + 2;
    }
  }
  if (begin < text.size()) out.emplace_back(text.substr(begin));
  return out;
}

std::string Texting(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\'') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

int Usage() {
  std::cerr << "usage: corpus_generator --mb N [--seed S] [--plain] GOLD.jsonl...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 10;
  std::uint64_t seed = 1;
  bool plain = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--mb" && i + 1 < argc) {
      mb = std::atof(argv[++i]);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--plain") {
      plain = true;
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage();
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty() || mb <= 0) return Usage();

  std::vector<std::string> mutual, flagged;
  for (const std::string& path : files) {
    std::ifstream in(path);
    if (!in) {
      std::cerr << path << ": cannot open\n";
      return 2;
    }
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      const auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
        continue;  // transcripts and anything else without a "text"
      }
      const bool is_mutual = !j.contains("labels") || j["labels"].empty();
      for (std::string& s : Sentences(j["text"].get<std::string>())) {
        (is_mutual ? mutual : flagged).push_back(std::move(s));
      }
    }
  }
  if (mutual.empty() || flagged.empty()) {
    std::cerr << "corpus_generator: the gold files need both mutual and flagged responses\n";
    return 2;
  }

  SplitMix64 rng{seed};
  const auto target = static_cast<std::size_t>(mb * 1024 * 1024);
  std::size_t written = 0;
  for (std::size_t n = 1; written < target; ++n) {
    const std::size_t count = 1 + rng.Below(8);
    const bool non_mutual = rng.Below(10) < 3;
    std::size_t flagged_left = non_mutual ? 1 + rng.Below(3) : 0;
    std::string text;
    for (std::size_t k = 0; k < count || flagged_left > 0; ++k) {
      const bool take_flagged = flagged_left > 0 && (k + flagged_left >= count || rng.Below(2));
      if (take_flagged) --flagged_left;
      const auto& pool = take_flagged ? flagged : mutual;
      if (!text.empty()) text += ' ';
      text += pool[rng.Below(pool.size())];
    }
    if (rng.Below(4) == 0) text = Texting(std::move(text));
    std::string line;
    if (plain) {
      for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';
      }
      line = text;
    } else {
      char id[16];
      std::snprintf(id, sizeof id, "g%07zu", n);
      nlohmann::ordered_json j;
      j["id"] = id;
      j["text"] = text;
      line = j.dump();
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
    written += line.size();
  }
  return 0;
}
