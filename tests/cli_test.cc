// The peercoach command as a user runs it: exit codes, output formats, bad input.
#include <algorithm>
#include <gtest/gtest.h>
#include <unistd.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("peercoach_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
    return dir_ / name;
  }

  RunResult Run(const std::vector<std::string>& args, const std::string& stdin_text = "") {
    std::string cmd = PEERCOACH_BINARY;
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on chained operator+.
    for (const auto& a : args) cmd.append(" ").append(Quote(a));
    const fs::path in = Write("stdin.txt", stdin_text);
    cmd.append(" < ").append(Quote(in.string()));
    cmd.append(" > ").append(Quote((dir_ / "out").string()));
    cmd.append(" 2> ").append(Quote((dir_ / "err").string()));
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(dir_ / "out");
    r.err = Slurp(dir_ / "err");
    return r;
  }

  fs::path dir_;
};

TEST_F(CliTest, IssueExampleExitsOneWithDirectiveAndComparing) {
  const RunResult r = Run({"check", "--format", "json",
                           "You need to go to a meeting tonight. I had it way worse than you."});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 2u);
  EXPECT_EQ(j["findings"][0]["category"], "directive");
  EXPECT_EQ(j["findings"][0]["span"]["begin"], 0);
  EXPECT_EQ(j["findings"][1]["category"], "comparing");
  for (const auto& f : j["findings"]) EXPECT_TRUE(f["rewrite"].is_string());
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(CliTest, MutualResponseExitsZeroAndNamesStrengths) {
  const RunResult r = Run({"check", "That sounds really hard. What has helped you before?"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("What went well"), std::string::npos);
  EXPECT_NE(r.out.find("validation"), std::string::npos);
  EXPECT_NE(r.out.find("open-question"), std::string::npos);
  EXPECT_NE(r.out.find("No findings"), std::string::npos);
}

TEST_F(CliTest, TextOutputUnderlinesTheSpanWithoutColourWhenPiped) {
  const RunResult r = Run({"check", "Honestly, you need to rest."});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "no colour when stdout is a file";
  EXPECT_NE(r.out.find("  Honestly, you need to rest.\n            ^^^^^^^^^^^"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Try instead:"), std::string::npos);
  const RunResult colored = Run({"check", "--color", "always", "Honestly, you need to rest."});
  EXPECT_NE(colored.out.find("\x1b["), std::string::npos);
}

TEST_F(CliTest, JsonSchemaIsStable) {
  const RunResult r = Run({"check", "--format", "json", "Trust me, you should listen."});
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], 1);
  for (const char* key : {"findings", "strengths", "measures", "summary", "score"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  // Two findings (hierarchy, directive) at 20 each: 100 - 40.
  EXPECT_EQ(j["score"]["penalty"], 40);
  ASSERT_FALSE(j["findings"].empty());
  const auto& f = j["findings"][0];
  for (const char* key : {"category", "rule", "severity", "message", "principle", "span", "text", "sentence", "rewrite"}) {
    EXPECT_TRUE(f.contains(key)) << key;
  }
  for (const char* key : {"begin", "end", "line", "column", "end_line", "end_column"}) {
    EXPECT_TRUE(f["span"][key].is_number_integer()) << key;
  }
  EXPECT_EQ(j["summary"]["by_category"].size(), 6u);
  EXPECT_EQ(j["summary"]["mutual"], false);
}

TEST_F(CliTest, JsonLinesInputStreamsOneResultPerLineInOrder) {
  const std::string input =
      "{\"id\":\"a\",\"text\":\"You need to call her.\"}\n"
      "\n"
      "{\"id\":\"b\",\"text\":\"What helps you?\",\"context\":\"I'm stuck.\"}\n"
      "not json\n"
      "{\"id\":7,\"text\":\"I had it worse.\"}\n";
  const RunResult r = Run({"check", "--input", "jsonl", "--format", "jsonl", "-"}, input);
  EXPECT_EQ(r.exit_code, 2) << "a bad line is an input error";
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(out.size(), 5u) << "one result line per input line, the blank one included";
  EXPECT_EQ(out[0]["id"], "a");
  EXPECT_EQ(out[0]["summary"]["findings"], 1);
  EXPECT_EQ(out[1]["blank"], true);
  EXPECT_EQ(out[2]["id"], "b");
  EXPECT_EQ(out[2]["summary"]["findings"], 0);
  EXPECT_TRUE(out[3].contains("error"));
  EXPECT_EQ(out[4]["id"], "7");
  EXPECT_NE(r.err.find("<stdin>:4: malformed JSON at byte 2 of the line"), std::string::npos)
      << r.err;
  const RunResult surrogate =
      Run({"check", "--format", "jsonl", "-"}, "{\"id\":\"s\",\"text\":\"you \\ud800 go\"}\n[1]\n");
  EXPECT_EQ(surrogate.exit_code, 2);
  EXPECT_NE(surrogate.err.find("<stdin>:1: malformed JSON at byte 29"), std::string::npos)
      << surrogate.err;
  EXPECT_NE(surrogate.err.find("<stdin>:2: not a JSON object"), std::string::npos);
}

TEST_F(CliTest, FormatJsonlReadsPlainLinesOrJsonLinesAsTheFirstLineLooks) {
  const RunResult plain =
      Run({"check", "--format", "jsonl", "-"}, "You need to call her.\r\nWhat helps you?\n");
  EXPECT_EQ(plain.exit_code, 1) << plain.err;
  std::istringstream lines(plain.out);
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]["findings"][0]["text"], "You need to");
  EXPECT_FALSE(out[0].contains("source")) << "no line numbers: shards concatenate cleanly";
  EXPECT_EQ(out[1]["summary"]["findings"], 0);

  const RunResult json = Run({"check", "--format", "jsonl", "-"},
                             "{\"id\":\"x\",\"text\":\"You need to call her.\"}\n");
  EXPECT_EQ(nlohmann::json::parse(json.out)["id"], "x");
  // A plain line that happens to start with "{" is read as such when asked.
  const RunResult forced = Run({"check", "--input", "lines", "--format", "jsonl", "-"},
                               "{braces} You need to call her.\n");
  EXPECT_EQ(nlohmann::json::parse(forced.out)["summary"]["findings"], 1) << forced.err;
  const RunResult wrong = Run({"check", "--input", "lines", "--format", "json", "-"}, "hi\n");
  EXPECT_EQ(wrong.exit_code, 2);
}

// The scale-out contract: shards checked by separate processes and concatenated give the
// bytes of one run over the whole corpus, for any --jobs.
TEST_F(CliTest, ShardsCheckedApartConcatenateToTheWholeRun) {
  const fs::path corpus = fs::path(PEERCOACH_SOURCE_DIR) / "corpora/test/responses.jsonl";
  std::istringstream all(Slurp(corpus));
  std::vector<std::string> lines;
  for (std::string line; std::getline(all, line);) lines.push_back(line);
  ASSERT_GT(lines.size(), 700u);
  std::string plain_corpus;
  for (const std::string& line : lines) {
    // A plain-lines input holds one response per line: a multi-line text is joined.
    std::string text = nlohmann::json::parse(line)["text"].get<std::string>();
    std::replace(text.begin(), text.end(), '\n', ' ');
    plain_corpus += text + "\n";
  }
  for (const bool plain : {false, true}) {
    std::string whole_input;
    std::vector<std::string> shards(4);
    std::istringstream source(plain ? plain_corpus : Slurp(corpus));
    std::size_t i = 0;
    for (std::string line; std::getline(source, line); ++i) {
      // Contiguous shards, as `split -n l/4` makes them.
      shards[std::min<std::size_t>(3, i * 4 / lines.size())] += line + "\n";
      whole_input += line + "\n";
    }
    const RunResult whole = Run({"check", "--format", "jsonl", "-"}, whole_input);
    ASSERT_EQ(whole.exit_code, 1) << whole.err;
    std::string joined;
    for (std::size_t s = 0; s < shards.size(); ++s) {
      const RunResult part =
          Run({"check", "--format", "jsonl", "--jobs", s % 2 ? "2" : "1", "-"}, shards[s]);
      EXPECT_EQ(part.exit_code, 1) << part.err;
      joined += part.out;
    }
    EXPECT_EQ(std::count(whole.out.begin(), whole.out.end(), '\n'),
              static_cast<std::ptrdiff_t>(lines.size()));
    EXPECT_TRUE(joined == whole.out) << (plain ? "plain lines" : "JSON Lines")
                                     << ": the concatenated shards differ from the whole run";
    const RunResult threaded = Run({"check", "--format", "jsonl", "--jobs", "3", "-"}, whole_input);
    EXPECT_TRUE(threaded.out == whole.out) << "--jobs 3 changed the output";
  }
}

TEST_F(CliTest, FilesAndStdin) {
  const auto good = Write("good.txt", "What would feel like a good next step?");
  const RunResult a = Run({"check", "-f", good.string()});
  EXPECT_EQ(a.exit_code, 0) << a.err;
  const RunResult b = Run({"check", "-"}, "You should quit that job.");
  EXPECT_EQ(b.exit_code, 1) << b.err;
}

TEST_F(CliTest, BadInputIsOneLineAndExitTwo) {
  const auto invalid = Write("bad.txt", std::string("You need \xC3\x28 to go."));
  const auto binary = Write("bin.dat", std::string("abc\0def", 7));
  const auto empty = Write("empty.txt", "  \n ");
  struct Expect {
    std::vector<std::string> args;
    std::string message;
  };
  for (const Expect& e : std::vector<Expect>{
           {{"check", "-f", invalid.string()}, "bad.txt: byte 9: invalid UTF-8"},
           {{"check", "-f", binary.string()}, "bin.dat: byte 3: binary file"},
           {{"check", "-f", empty.string()}, "empty.txt: nothing to check"},
           {{"check", "-f", (dir_ / "missing.txt").string()}, "missing.txt: no such file"},
           {{"check", "-f", dir_.string()}, "is a directory"},
           {{"check", ""}, "nothing to check"},
           {{"check", "--format", "xml", "hi"}, "xml"},
           {{"explain", "kindness"}, "neither a category nor a rule id"},
       }) {
    const RunResult r = Run(e.args);
    EXPECT_EQ(r.exit_code, 2) << e.message;
    EXPECT_NE(r.err.find(e.message), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

TEST_F(CliTest, InvalidBytesReplacedOnRequest) {
  const auto invalid = Write("bad.txt", std::string("You need to go to a meeting \xC3\x28 tonight."));
  const RunResult r = Run({"check", "--replace-invalid", "--format", "json", "-f", invalid.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST_F(CliTest, OneBadFileInABatchIsReportedAndTheRestDone) {
  const auto good = Write("good.txt", "You must call your mom.");
  const RunResult r = Run({"check", "--format", "jsonl", "-f", (dir_ / "nope.txt").string(), "-f", good.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.txt: no such file"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(r.out)["summary"]["findings"], 1);
}

TEST_F(CliTest, BrokenRulesFolderIsReportedWithFileAndLine) {
  fs::create_directories(dir_ / "rules");
  Write("rules/mine.yaml",
        "category: directive\nrules:\n  - id: directive.mine\n    message: m\n"
        "    patterns: ['(oops']\n    examples: {flag: ['x']}\n");
  const RunResult r = Run({"check", "--rules", (dir_ / "rules").string(), "hello"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("mine.yaml:5: pattern does not compile: missing )"), std::string::npos) << r.err;
}

TEST_F(CliTest, TrainerRulesAddToTheDefaults) {
  fs::create_directories(dir_ / "rules");
  Write("rules/mine.yaml",
        "category: boundary\nrules:\n  - id: boundary.gaming\n    message: Gaming together "
        "outside peer work blurs the relationship.\n    patterns: ['\\bplay (?:xbox|ps5) "
        "with me\\b']\n    examples: {flag: ['Come play xbox with me tonight.']}\n");
  const RunResult r = Run({"check", "--format", "json", "--rules", (dir_ / "rules").string(),
                           "You should play xbox with me."});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["summary"]["by_category"]["boundary"], 1);
  EXPECT_EQ(j["summary"]["by_category"]["directive"], 1);
}

TEST_F(CliTest, RulesListTestAndExplain) {
  const RunResult list = Run({"rules", "list"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("directive.obligation-modal"), std::string::npos);
  const RunResult test = Run({"rules", "test"});
  EXPECT_EQ(test.exit_code, 0) << test.out;
  EXPECT_NE(test.out.find(", 0 failed"), std::string::npos);
  const RunResult explain = Run({"explain", "directive"});
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_NE(explain.out.find("guiding, not instructing"), std::string::npos);
  const RunResult rule = Run({"explain", "directive.obligation-modal"});
  EXPECT_EQ(rule.exit_code, 0);
}

TEST_F(CliTest, BrokenPipeIsNotAnError) {
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"You should rest.\"}\n";
  const auto input = Write("many.jsonl", many);
  const std::string cmd = std::string(PEERCOACH_BINARY) + " check --input jsonl --format jsonl -f " +
                          Quote(input.string()) + " 2> " + Quote((dir_ / "err").string()) +
                          " | head -n 1 > /dev/null; echo ${PIPESTATUS[0]} > " +
                          Quote((dir_ / "code").string());
  ASSERT_EQ(std::system(("bash -c " + Quote(cmd)).c_str()), 0);
  EXPECT_NE(std::stoi(Slurp(dir_ / "code")), 2);
  EXPECT_TRUE(Slurp(dir_ / "err").empty()) << Slurp(dir_ / "err");
}

TEST_F(CliTest, SameOutputEveryRun) {
  const auto sample = fs::path(PEERCOACH_SOURCE_DIR) / "corpora/sample/practice-response.txt";
  const RunResult a = Run({"check", "--format", "json", "-f", sample.string()});
  const RunResult b = Run({"check", "--format", "json", "-f", sample.string()});
  EXPECT_EQ(a.exit_code, 1);
  EXPECT_EQ(a.out, b.out);
}

TEST_F(CliTest, EvalPrintsTheTableAndNamesBadGoldLines) {
  const auto gold = Write("gold.jsonl",
                          "{\"id\":\"a\",\"text\":\"You need to go to a meeting tonight.\","
                          "\"labels\":[\"directive\"]}\n"
                          "{\"id\":\"b\",\"text\":\"What has helped you before?\",\"labels\":[]}\n");
  const RunResult ok = Run({"eval", "--gold", gold.string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("directive          1.000   1.000   1.000        1"), std::string::npos)
      << ok.out;
  const RunResult csv = Run({"eval", "--gold", gold.string(), "--format", "csv"});
  EXPECT_NE(csv.out.find("responses,directive,1.0000,1.0000,1.0000,1,1,0,0"), std::string::npos)
      << csv.out;
  const auto bad = Write("bad.jsonl",
                         "{\"id\":\"a\",\"text\":\"hi\",\"labels\":[\"rudeness\"]}\n"
                         "{\"id\":\"b\",\"text\":\"What helps?\",\"labels\":[]}\n");
  const RunResult failed = Run({"eval", "--gold", bad.string()});
  EXPECT_EQ(failed.exit_code, 2);
  EXPECT_NE(failed.err.find("bad.jsonl:1: labels: unknown label \"rudeness\""), std::string::npos)
      << failed.err;
  EXPECT_TRUE(failed.out.empty());
  const RunResult skipped = Run({"eval", "--gold", bad.string(), "--skip-invalid"});
  EXPECT_EQ(skipped.exit_code, 0);
  EXPECT_NE(skipped.out.find("Skipped 1 invalid gold lines"), std::string::npos) << skipped.out;
  // A baseline the figures fall below: exit 1, naming the figure.
  const auto baseline = Write("baseline.json", "{\"responses.directive.f1\": 1.0, "
                                               "\"responses.micro.f1\": 1.5}");
  const RunResult gate = Run({"eval", "--gold", gold.string(), "--baseline", baseline.string()});
  EXPECT_EQ(gate.exit_code, 1);
  EXPECT_NE(gate.err.find("responses.micro.f1: 1.0000, baseline 1.5000"), std::string::npos)
      << gate.err;
}

TEST_F(CliTest, BenchReportsThroughput) {
  const auto corpus = Write("c.jsonl", "{\"id\":\"a\",\"text\":\"You should rest.\"}\n");
  const RunResult r = Run({"bench", "--corpus", corpus.string(), "--min-seconds", "0.1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("responses/s"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("MB/s"), std::string::npos) << r.out;
}

}  // namespace

// The checked-in weights are what `rules train` makes from the dev split and the rules:
// a rule or corpus change that would change the model fails here until it is retrained
// (and the test figures re-measured) in the same commit.
TEST_F(CliTest, CheckedInSentenceModelIsWhatTrainingOnDevGives) {
  const fs::path src(PEERCOACH_SOURCE_DIR);
  const RunResult r =
      Run({"rules", "train", "--gold", (src / "corpora/dev/responses.jsonl").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out == Slurp(src / "rules/sentence-model.tsv"))
      << "rules/sentence-model.tsv is stale: run peercoach rules train --gold "
         "corpora/dev/responses.jsonl -o rules/sentence-model.tsv";
}

TEST_F(CliTest, TrainRefusesAGoldFileWithAnInvalidLine) {
  const fs::path gold = Write("gold.jsonl", "{\"id\":\"a\",\"text\":\"hi\",\"labels\":[]}\n{oops\n");
  const RunResult r = Run({"rules", "train", "--gold", gold.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("gold.jsonl:2:"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}
