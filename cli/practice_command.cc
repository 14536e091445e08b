// peercoach practice: a trainee answers a peer from a scenario, sees the feedback, tries
// again, and gets a summary of the session at the end.
//
// One line is one attempt. An empty line moves to the next scenario; Ctrl-D (end of input)
// or Ctrl-C ends the session with its summary. Scriptable: `--scenario ID` and responses
// on standard input. Line editing is the terminal's own (canonical mode: erase, kill word).
#include <fmt/color.h>
#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <iostream>
#include <map>
#include <memory>

#include "commands.h"
#include "common.h"
#include "peercoach/report.h"
#include "peercoach/score.h"
#include "scenarios.h"

namespace peercoach::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void OnInterrupt(int) { g_interrupted = 1; }

struct PracticeOptions {
  std::string scenario;
  std::string setting;
  std::string scenarios_file;
  std::string color = "auto";
  RuleOptions rules;
};

// Reads lines from standard input with read(2), so Ctrl-C (EINTR) ends the wait cleanly.
class LineReader {
 public:
  // Returns false at end of input or on interrupt.
  bool Next(std::string& line) {
    line.clear();
    for (;;) {
      const std::size_t nl = buffer_.find('\n');
      if (nl != std::string::npos) {
        line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
      }
      if (eof_) {
        if (buffer_.empty()) return false;
        line.swap(buffer_);
        return true;
      }
      // Wait in short polls so a Ctrl-C that lands between two reads is still seen.
      if (g_interrupted) return false;
      pollfd ready{STDIN_FILENO, POLLIN, 0};
      if (::poll(&ready, 1, 100) <= 0) continue;  // timeout, or EINTR: look at the flag
      char chunk[4096];
      const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) {
        if (g_interrupted) return false;
        continue;
      }
      if (n <= 0) {
        eof_ = true;
        continue;
      }
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

 private:
  std::string buffer_;
  bool eof_ = false;
};

struct Attempt {
  int score = 0;
  std::vector<Category> categories;  // distinct, in order of first finding
};

struct ScenarioRecord {
  const Scenario* scenario = nullptr;
  std::vector<Attempt> attempts;
};

void PrintSummary(const std::vector<ScenarioRecord>& records, bool color) {
  const auto bold = [&](const std::string& s) {
    return color ? fmt::format(fmt::emphasis::bold, "{}", s) : s;
  };
  std::cout << "\n" << bold("Session summary") << "\n";
  std::map<Category, int> recurring;
  std::size_t attempts = 0;
  for (const ScenarioRecord& r : records) {
    if (r.attempts.empty()) {
      std::cout << fmt::format("  {} {}: skipped\n", r.scenario->id, r.scenario->title);
      continue;
    }
    std::string scores;
    for (const Attempt& a : r.attempts) {
      scores += (scores.empty() ? "" : " → ") + std::to_string(a.score);
      for (Category c : a.categories) ++recurring[c];
    }
    attempts += r.attempts.size();
    std::cout << fmt::format("  {} {}: {} attempt{}, scores {}\n", r.scenario->id,
                             r.scenario->title, r.attempts.size(),
                             r.attempts.size() == 1 ? "" : "s", scores);
  }
  std::vector<std::pair<int, Category>> often;
  for (const auto& [c, n] : recurring) {
    if (n >= 2) often.emplace_back(-n, c);
  }
  std::sort(often.begin(), often.end());
  if (attempts == 0) {
    std::cout << "  No responses this time.\n";
  } else if (often.empty()) {
    std::cout << "  No pattern came back more than once.\n";
  } else {
    std::string list;
    for (const auto& [n, c] : often) {
      list += fmt::format("{}{} ({} attempts)", list.empty() ? "" : ", ", CategoryId(c), -n);
    }
    std::cout << "  Patterns that came back: " << list << "\n";
    std::cout << fmt::format("  To work on: {}\n", CategoryPrinciple(often.front().second));
  }
  std::cout.flush();
}

int RunPractice(const PracticeOptions& o) {
  std::string source = std::string(EmbeddedScenarios());
  std::string name = "corpora/scenarios/scenarios.jsonl";
  if (!o.scenarios_file.empty()) {
    auto text = ReadInput(o.scenarios_file);
    if (!text) return kExitError;
    source = std::move(*text);
    name = o.scenarios_file;
  }
  auto parsed = ParseScenarios(source, name);
  if (!parsed.ok()) {
    PrintError(parsed.error().ToString());
    return kExitError;
  }
  std::vector<const Scenario*> chosen;
  for (const Scenario& s : parsed.value()) {
    if (!o.scenario.empty() && s.id != o.scenario) continue;
    if (!o.setting.empty() && s.setting != o.setting) continue;
    chosen.push_back(&s);
  }
  if (chosen.empty()) {
    PrintError(!o.scenario.empty()
                   ? fmt::format("no scenario '{}' (ids run s01..s{:02})", o.scenario,
                                 parsed.value().size())
                   : fmt::format("no scenario in setting '{}'", o.setting));
    return kExitError;
  }
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  auto analyzer = MakeAnalyzer(*rules);
  if (!analyzer) return kExitError;

  const bool interactive = ::isatty(STDIN_FILENO) != 0;
  const bool color = o.color == "always" || (o.color == "auto" && StdoutIsTerminal());
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a pending read returns EINTR
  sigaction(SIGINT, &action, nullptr);

  LineReader reader;
  std::vector<ScenarioRecord> records;
  bool done = false;
  for (const Scenario* s : chosen) {
    if (done) break;
    records.push_back({s, {}});
    ScenarioRecord& record = records.back();
    std::cout << fmt::format("\nScenario {} · {} · {}\n", s->id, s->setting, s->title);
    std::cout << fmt::format("Peer: \"{}\"\n", s->peer);
    std::cout << "Your response (one line; Enter on an empty line for the next scenario, "
                 "Ctrl-D to finish):\n";
    for (;;) {
      if (interactive) std::cout << "> " << std::flush;
      std::string line;
      if (!reader.Next(line)) {
        done = true;
        break;
      }
      if (line.find_first_not_of(" \t") == std::string::npos) break;
      AnalyzeOptions options;
      options.context = s->peer;
      options.replace_invalid_utf8 = true;
      auto analysis = analyzer->Analyze(line, options);
      if (!analysis.ok()) {
        PrintError(analysis.error().ToString());
        continue;
      }
      const Analysis& a = analysis.value();
      WriteText(std::cout, line, a, {.color = color, .source = ""});
      Attempt attempt;
      attempt.score = ScoreResponse(a).score;
      for (const Finding& f : a.findings) {
        if (std::find(attempt.categories.begin(), attempt.categories.end(), f.category) ==
            attempt.categories.end()) {
          attempt.categories.push_back(f.category);
        }
      }
      std::cout << fmt::format("Mutuality score: {}/100 (attempt {})\n", attempt.score,
                               record.attempts.size() + 1);
      record.attempts.push_back(std::move(attempt));
      if (a.findings.empty()) {
        std::cout << "A mutual response. Press Enter for the next scenario, or try another "
                     "way of saying it.\n";
      } else {
        std::cout << "Try again, or press Enter for the next scenario.\n";
      }
      std::cout.flush();
    }
    if (!record.attempts.empty()) {
      std::cout << "\nWhat a mutual response would do here:\n";
      for (const std::string& d : s->mutual_response_does) std::cout << "  - " << d << "\n";
      if (!s->example_response.empty()) {
        std::cout << fmt::format("For example: \"{}\"\n", s->example_response);
      }
    }
  }
  PrintSummary(records, color);
  return kExitClean;
}

}  // namespace

Command AddPracticeCommand(CLI::App& app) {
  auto o = std::make_shared<PracticeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "practice", "Answer a peer from a scenario, see feedback, try again; a summary at the end");
  cmd->add_option("--scenario", o->scenario, "practise one scenario by id (e.g. s03)");
  cmd->add_option("--setting", o->setting,
                  "only scenarios of this setting (e.g. grief, housing, veterans)");
  cmd->add_option("--scenarios", o->scenarios_file,
                  "scenarios JSON Lines file instead of the bundled set");
  cmd->add_option("--color", o->color, "colour the feedback")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  o->rules.AddTo(*cmd);
  return [o] { return RunPractice(*o); };
}

}  // namespace peercoach::cli
