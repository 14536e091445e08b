// peercoach review as a supervisor runs it: every input format, every output format,
// the same bytes for any --jobs, and each bad input reported by name while the rest is
// still reviewed.
#include <gtest/gtest.h>
#include <unistd.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

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

class ReviewCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("peercoach_review_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / "in" / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  RunResult Run(const std::vector<std::string>& args) {
    std::string cmd = PEERCOACH_BINARY;
    cmd.append(" review");
    for (const auto& a : args) cmd.append(" ").append(Quote(a));
    cmd.append(" < /dev/null > ").append(Quote((dir_ / "out").string()));
    cmd.append(" 2> ").append(Quote((dir_ / "err").string()));
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(dir_ / "out");
    r.err = Slurp(dir_ / "err");
    return r;
  }

  std::string In() const { return (dir_ / "in").string(); }
  fs::path dir_;
};

const char kPlain[] =
    "Peer: I lost my job last week.\n"
    "Specialist: That sounds like a lot. What has this week been like?\n"
    "Peer: Rough.\n"
    "Specialist: You need to call the unemployment office tomorrow.\n";

TEST_F(ReviewCliTest, EachInputFormatIsReadIntoTurns) {
  Write("a.txt", kPlain);
  Write("b.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Peer>I lost my job last week.</v>\n\n"
        "00:00:04.000 --> 00:00:07.000\n<v Specialist>What has this week been like?</v>\n");
  Write("c.srt",
        "1\n00:00:01,000 --> 00:00:03,000\nPeer: I lost my job last week.\n\n"
        "2\n00:00:04,000 --> 00:00:07,000\nSpecialist: What has this week been like?\n");
  Write("d.jsonl",
        "{\"id\":\"x1\",\"turns\":[{\"speaker\":\"peer\",\"text\":\"I lost my job.\"},"
        "{\"speaker\":\"specialist\",\"text\":\"What has that been like?\"}]}\n");
  Write("e.csv", "who,said\npeer,I lost my job.\nspecialist,\"What has that been like, honestly?\"\n");
  Write("f.md", "Met with the peer about work. We looked at job listings together.\n");
  const RunResult r = Run({In(), "--format", "jsonl", "--speaker-col", "who", "--text-col", "said", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::vector<Json> sessions;
  Json cohort;
  for (std::string line; std::getline(lines, line);) {
    Json j = Json::parse(line);
    (j["type"] == "session" ? sessions.emplace_back(j) : cohort) = j;
  }
  ASSERT_EQ(sessions.size(), 6u) << r.out;
  const std::vector<std::string> formats = {"plain", "vtt", "srt", "jsonl", "csv", "notes"};
  const std::vector<std::size_t> turns = {4, 2, 2, 2, 2, 1};
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    EXPECT_EQ(sessions[i]["format"], formats[i]);
    EXPECT_EQ(sessions[i]["turns"].size(), turns[i]) << sessions[i]["source"];
  }
  EXPECT_EQ(sessions[3]["session"], "x1");
  EXPECT_EQ(sessions[4]["turns"][1]["text"], "What has that been like, honestly?");
  EXPECT_EQ(sessions[5]["turns"][0]["speaker"], "specialist");
  // The plain transcript: the directive in the last turn is found and quoted.
  const Json& last = sessions[0]["turns"][3];
  ASSERT_EQ(last["findings"].size(), 1u);
  EXPECT_EQ(last["findings"][0]["category"], "directive");
  EXPECT_EQ(cohort["sessions"], 6);
  EXPECT_EQ(cohort["skipped_files"], 0);
}

TEST_F(ReviewCliTest, SpeakerNamesAreConfigurable) {
  Write("a.txt", "coach: How are you today?\nCLIENT: Tired.\n  still tired, honestly.\n");
  RunResult r = Run({In(), "--specialist", "Coach", "--peer", "Client", "--format", "json", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  ASSERT_EQ(j["sessions"].size(), 1u);
  EXPECT_EQ(j["sessions"][0]["turns"][1]["text"], "Tired. still tired, honestly.");
  // Without the names, the speakers belong to neither side: reported and skipped.
  r = Run({In(), "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("coach"), std::string::npos) << r.err;
}

TEST_F(ReviewCliTest, SameBytesForAnyNumberOfJobs) {
  for (int i = 0; i < 12; ++i) {
    std::string name = "s", body = kPlain;
    name.append(std::to_string(i)).append(".txt");
    body.append("Peer: ok ").append(std::to_string(i)).append("\n");
    Write(name, body);
  }
  const RunResult one = Run({In(), "--format", "json", "--jobs", "1", "--quiet"});
  const RunResult two = Run({In(), "--format", "json", "--jobs", "2", "--quiet"});
  const RunResult four = Run({In(), "--format", "json", "--jobs", "4", "--quiet"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, four.out);
  const Json j = Json::parse(one.out);
  ASSERT_EQ(j["sessions"].size(), 12u);
  // Sorted by path: s0, s1, s10, s11, s2, ...
  EXPECT_NE(j["sessions"][2]["source"].get<std::string>().find("s10.txt"), std::string::npos);
}

TEST_F(ReviewCliTest, TheSampleTranscriptsGiveTheSameJsonForOneAndTwoJobs) {
  const std::string samples = std::string(PEERCOACH_SOURCE_DIR) + "/corpora/transcripts";
  const RunResult one = Run({samples, "--format", "json", "--jobs", "1", "--quiet"});
  const RunResult two = Run({samples, "--format", "json", "--jobs", "2", "--quiet"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(Json::parse(one.out)["sessions"].size(), 10u);  // 6 one-session files, the CSV and the JSONL 2 each
}

TEST_F(ReviewCliTest, EachBadFileIsReportedByNameAndTheRestReviewed) {
  Write("good.txt", kPlain);
  Write("empty.txt", "");
  Write("binary.txt", std::string("Peer: hi\0\x01\x02", 11));
  Write("latin1.txt", "Peer: caf\xe9\nSpecialist: ok?\n");
  Write("nocol.csv", "speaker,words\npeer,hi\n");
  Write("image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  {
    // 100 MB (sparse: nothing is written but its size), over the default 32 MB limit.
    std::ofstream big(dir_ / "in" / "big.txt", std::ios::binary);
    big.seekp(100'000'000 - 1);
    big.put('\n');
  }
  fs::create_symlink(dir_ / "in" / "gone.txt", dir_ / "in" / "unreadable.txt");  // dangling
  const RunResult r = Run({In(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["sessions"].size(), 1u);
  EXPECT_EQ(j["cohort"]["skipped_files"], 7);
  for (const char* name : {"empty.txt", "binary.txt", "latin1.txt", "nocol.csv", "image.png", "big.txt",
                           "unreadable.txt"}) {
    std::string expected(name);
    expected.append(": skipped: ");
    EXPECT_NE(r.err.find(expected), std::string::npos) << name << "\n" << r.err;
  }
  EXPECT_NE(r.err.find("byte"), std::string::npos) << r.err;  // where the bytes went wrong
  EXPECT_NE(r.err.find("MB"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("text"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("100.0 MB, over the 32 MB limit"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 sessions from 8 files; 7 skipped"), std::string::npos) << r.err;
  // Transcript text never reaches stderr.
  EXPECT_EQ(r.err.find("unemployment"), std::string::npos);
}

TEST_F(ReviewCliTest, NothingReviewableExitsTwo) {
  Write("empty.txt", "\n\n");
  RunResult r = Run({In(), "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nothing could be reviewed"), std::string::npos) << r.err;
  r = Run({(dir_ / "missing").string(), "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing: skipped: no such file or folder"), std::string::npos) << r.err;
}

TEST_F(ReviewCliTest, WritesOnlyTheOutFile) {
  Write("a.txt", kPlain);
  const fs::path out = dir_ / "report.html";
  const RunResult r = Run({In(), "--format", "html", "--out", out.string(), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  const std::string html = Slurp(out);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("id=\"overview\""), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"finding cat-directive\""), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);  // nothing from the network
  EXPECT_EQ(html.find("<script"), std::string::npos);
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_)) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 4u);  // in/a.txt, report.html, out, err
}

TEST_F(ReviewCliTest, CsvHasOneRowPerSessionAndTextShowsScoreParts) {
  Write("a.txt", kPlain);
  RunResult r = Run({In(), "--format", "csv", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("source,session,format,turns,specialist_turns,score,", 0), 0u) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
  r = Run({In(), "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("= turns "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("to work on:"), std::string::npos);
  EXPECT_NE(r.out.find("== cohort =="), std::string::npos);
}

}  // namespace
