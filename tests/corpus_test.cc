// The benchmark corpus: its shape (what corpora/README.md promises) and its split rule.
// Accuracy is gated by the ctest `corpus_baseline` (no figure of `peercoach eval` on
// corpora/test more than 0.02 below corpora/baseline.json).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "peercoach/gold.h"
#include "test_support.h"

namespace peercoach {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path(PEERCOACH_SOURCE_DIR) / "corpora";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

GoldCorpus Load(const std::string& split) {
  GoldCorpus gold;
  for (const char* name : {"responses.jsonl", "transcripts.jsonl"}) {
    const fs::path p = kCorpora / split / name;
    EXPECT_TRUE(fs::exists(p)) << p;
    ReadGold(Slurp(p), p.string(), gold);
  }
  for (const Error& e : gold.errors) ADD_FAILURE() << e.ToString();
  return gold;
}

// The split rule of corpora/README.md: FNV-1a (32-bit) of the id, odd goes to test.
bool InTestSplit(std::string_view id) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : id) {
    h ^= c;
    h *= 16777619u;
  }
  return (h & 1u) == 1u;
}

TEST(Corpus, HasThePromisedShape) {
  GoldCorpus all = Load("dev");
  GoldCorpus test = Load("test");
  all.responses.insert(all.responses.end(), test.responses.begin(), test.responses.end());
  all.transcripts.insert(all.transcripts.end(), test.transcripts.begin(), test.transcripts.end());
  EXPECT_GE(all.responses.size(), 800u);
  EXPECT_GE(all.transcripts.size(), 30u);
  std::map<Category, std::size_t> positives, hard;
  std::size_t mutual = 0, multi = 0;
  for (const GoldResponse& r : all.responses) {
    for (Category c : r.labels) ++positives[c];
    if (r.labels.empty()) ++mutual;
    if (r.labels.size() > 1) ++multi;
    if (r.hard_negative) ++hard[*r.hard_negative];
  }
  for (std::size_t i = 0; i < 6; ++i) {
    const Category c = AllCategories()[i];
    EXPECT_GE(positives[c], 80u) << CategoryId(c);
    EXPECT_GE(hard[c], 20u) << CategoryId(c);
  }
  EXPECT_GE(mutual, 250u);
  const double multi_share = static_cast<double>(multi) / all.responses.size();
  EXPECT_GE(multi_share, 0.10);
  EXPECT_LE(multi_share, 0.15);
}

TEST(Corpus, EveryItemSitsInTheSplitItsIdHashesTo) {
  for (const char* split : {"dev", "test"}) {
    const GoldCorpus gold = Load(split);
    const bool test = std::string_view(split) == "test";
    for (const GoldResponse& r : gold.responses) EXPECT_EQ(InTestSplit(r.id), test) << r.id;
    for (const GoldTranscript& t : gold.transcripts) EXPECT_EQ(InTestSplit(t.id), test) << t.id;
  }
}

// What `peercoach practice` shows as a mutual response must read as one.
TEST(Corpus, ScenarioExampleResponsesAreMutual) {
  std::istringstream lines(Slurp(kCorpora / "scenarios" / "scenarios.jsonl"));
  std::size_t scenarios = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    ++scenarios;
    AnalyzeOptions options;
    const std::string peer = j.at("peer").get<std::string>();
    options.context = peer;
    auto a = testing::DefaultAnalyzer().Analyze(j.at("example_response").get<std::string>(),
                                                options);
    ASSERT_TRUE(a.ok());
    EXPECT_TRUE(a.value().findings.empty())
        << j.at("id") << ": " << a.value().findings[0].rule_id;
  }
  EXPECT_GE(scenarios, 40u);
}

}  // namespace
}  // namespace peercoach
