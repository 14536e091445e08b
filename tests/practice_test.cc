// peercoach practice, driven as a trainee would: typed into a pseudo-terminal, and
// scripted through standard input.
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const char* const kScenarios =
    R"({"id":"s01","setting":"substance-use recovery","title":"Slipped after 90 days","peer":"I used again last weekend after 90 days. I feel like such a failure.","mutual_response_does":["reflects the shame without judging","asks what it was like for them"],"pitfalls":["directive"],"example_response":"That sounds really painful. What has it been like since?"}
{"id":"s02","setting":"grief","title":"First holiday","peer":"My first Christmas without my mom is coming.","mutual_response_does":["asks what they want"],"pitfalls":["comparing"],"example_response":"What are you expecting it to be like?"}
)";

class PracticeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("peercoach_practice_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    scenarios_ = (dir_ / "scenarios.jsonl").string();
    std::ofstream(scenarios_) << kScenarios;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs practice with `input` on standard input (a file), returns stdout and exit code.
  std::pair<std::string, int> RunScripted(const std::string& args, const std::string& input) {
    const fs::path in = dir_ / "in.txt";
    const fs::path out = dir_ / "out.txt";
    std::ofstream(in) << input;
    const std::string cmd = std::string(PEERCOACH_BINARY) + " practice --color never " + args +
                            " < " + in.string() + " > " + out.string() + " 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream f(out);
    std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    return {text, WEXITSTATUS(status)};
  }

  fs::path dir_;
  std::string scenarios_;
};

// Reads from the terminal until `needle` shows up (or 20 s pass); returns all it read.
std::string ReadUntil(int fd, const std::string& needle, std::string& seen) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (seen.find(needle) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;
    char buf[4096];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    seen.append(buf, static_cast<std::size_t>(n));
  }
  return seen;
}

struct Terminal {
  int fd = -1;
  pid_t pid = -1;
  std::string seen;
};

Terminal Start(const std::string& scenarios) {
  Terminal t;
  t.pid = ::forkpty(&t.fd, nullptr, nullptr, nullptr);
  if (t.pid == 0) {
    ::execl(PEERCOACH_BINARY, PEERCOACH_BINARY, "practice", "--color", "never", "--scenarios",
            scenarios.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return t;
}

// Waits up to 20 s for the session to end, draining the terminal meanwhile.
int Wait(Terminal& t) {
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    pollfd p{t.fd, POLLIN, 0};
    ssize_t n = 0;
    if (::poll(&p, 1, 200) > 0) {
      char buf[4096];
      n = ::read(t.fd, buf, sizeof buf);
      if (n > 0) t.seen.append(buf, static_cast<std::size_t>(n));
    }
    // The terminal hung up (the child closed it): give the child time to be reaped.
    if (n < 0) ::usleep(200 * 1000);
    if (::waitpid(t.pid, &status, WNOHANG) == t.pid) {
      ::close(t.fd);
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
  }
  ::kill(t.pid, SIGKILL);
  ::waitpid(t.pid, &status, 0);
  ::close(t.fd);
  return -1;
}

TEST_F(PracticeTest, TypedAttemptsGetFeedbackAndCtrlDEndsWithASummary) {
  Terminal t = Start(scenarios_);
  ASSERT_GT(t.pid, 0);
  ReadUntil(t.fd, "> ", t.seen);
  ASSERT_NE(t.seen.find("I used again last weekend"), std::string::npos) << t.seen;
  const std::string first = "You need to go to a meeting tonight. I had it way worse than you.\n";
  ASSERT_EQ(::write(t.fd, first.data(), first.size()), static_cast<ssize_t>(first.size()));
  ReadUntil(t.fd, "Try again", t.seen);
  EXPECT_NE(t.seen.find("directive.obligation-modal"), std::string::npos) << t.seen;
  EXPECT_NE(t.seen.find("comparing"), std::string::npos) << t.seen;
  EXPECT_NE(t.seen.find("Try instead:"), std::string::npos) << t.seen;
  const std::size_t after_first = t.seen.size();
  ReadUntil(t.fd, "> ", t.seen);
  const std::string second = "That sounds really painful. What has it been like since?\n";
  ASSERT_EQ(::write(t.fd, second.data(), second.size()), static_cast<ssize_t>(second.size()));
  ReadUntil(t.fd, "A mutual response", t.seen);
  EXPECT_NE(t.seen.find("Mutuality score", after_first), std::string::npos) << t.seen;
  ReadUntil(t.fd, "> ", t.seen);
  ASSERT_EQ(::write(t.fd, "\x04", 1), 1);  // Ctrl-D on an empty line
  EXPECT_EQ(Wait(t), 0) << t.seen;
  EXPECT_NE(t.seen.find("Session summary"), std::string::npos) << t.seen;
  EXPECT_NE(t.seen.find("s01 Slipped after 90 days: 2 attempts"), std::string::npos) << t.seen;
}

TEST_F(PracticeTest, CtrlCEndsTheSessionCleanly) {
  Terminal t = Start(scenarios_);
  ASSERT_GT(t.pid, 0);
  ReadUntil(t.fd, "> ", t.seen);
  ASSERT_EQ(::write(t.fd, "\x03", 1), 1);  // Ctrl-C: the terminal sends SIGINT
  EXPECT_EQ(Wait(t), 0) << t.seen;
  EXPECT_NE(t.seen.find("Session summary"), std::string::npos) << t.seen;
}

TEST_F(PracticeTest, ScriptedRunScoresEachAttemptAndNamesWhatRecurred) {
  const auto [out, code] =
      RunScripted("--scenarios " + scenarios_,
                  "You should call your sponsor.\nYou need to rest, honestly.\n\n"
                  "You need to plan the day ahead.\n");
  EXPECT_EQ(code, 0) << out;
  // Two attempts on s01, both directive; one on s02, directive again.
  EXPECT_NE(out.find("s01 Slipped after 90 days: 2 attempts"), std::string::npos) << out;
  EXPECT_NE(out.find("s02 First holiday: 1 attempt,"), std::string::npos) << out;
  EXPECT_NE(out.find("Patterns that came back: directive (3 attempts)"), std::string::npos) << out;
  EXPECT_NE(out.find("What a mutual response would do here:"), std::string::npos) << out;
  EXPECT_EQ(out.find("> "), std::string::npos) << "no prompt when stdin is not a terminal";
}

TEST_F(PracticeTest, OneScenarioByIdAndUnknownIdsAreErrors) {
  const auto [out, code] = RunScripted("--scenarios " + scenarios_ + " --scenario s02",
                                       "What are you expecting it to be like?\n");
  EXPECT_EQ(code, 0);
  EXPECT_EQ(out.find("s01"), std::string::npos) << out;
  EXPECT_NE(out.find("s02 First holiday: 1 attempt, scores 100"), std::string::npos) << out;
  const auto [err, bad] = RunScripted("--scenarios " + scenarios_ + " --scenario s99", "");
  EXPECT_EQ(bad, 2);
  EXPECT_NE(err.find("no scenario 's99'"), std::string::npos) << err;
}

TEST_F(PracticeTest, TheBundledScenariosLoad) {
  const auto [out, code] = RunScripted("--scenario s01", "");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("Scenario s01"), std::string::npos) << out;
  EXPECT_NE(out.find("s01 "), std::string::npos);
}

}  // namespace
