// peercoach check [TEXT | -f FILE... | -]: feedback on one practice response or many.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common.h"
#include "peercoach/report.h"

namespace peercoach::cli {
namespace {

struct CheckOptions {
  std::string text;
  std::vector<std::string> files;
  std::string format = "text";
  std::string input = "text";
  std::string color = "auto";
  bool replace_invalid = false;
  std::string context;
  RuleOptions rules;
};

// One input to analyse: its name for messages and output, and its text.
struct Input {
  std::string source;
  std::string id;
  std::string text;
  std::string context;  // what the peer said before; from --context or the JSON "context"
};

class Checker {
 public:
  Checker(const CheckOptions& o, Analyzer analyzer) : o_(o), analyzer_(std::move(analyzer)) {
    color_ = o.color == "always" || (o.color == "auto" && StdoutIsTerminal());
  }

  // Analyses and prints one input. Returns false when stdout is gone (a closed pipe).
  bool Check(const Input& input) {
    AnalyzeOptions options;
    options.replace_invalid_utf8 = o_.replace_invalid;
    options.context = input.context.empty() ? std::string_view(o_.context) : input.context;
    auto result = analyzer_.Analyze(input.text, options);
    if (!result.ok()) {
      Error e = result.error();
      std::string message = e.ToString();
      if (e.code() == ErrorCode::kInvalidUtf8) message += " (--replace-invalid replaces it)";
      Fail(input, message);
      return Flush();
    }
    const Analysis& a = result.value();
    ++analysed_;
    findings_ += a.findings.size();
    if (o_.format == "text") {
      if (multiple_) std::cout << fmt::format("== {} ==\n", input.source);
      WriteText(std::cout, input.text, a, {.color = color_, .source = multiple_ ? input.source : ""});
      if (multiple_) std::cout << '\n';
    } else {
      WriteJson(std::cout, input.text, a,
                {.id = input.id, .source = input.id.empty() ? input.source : "",
                 .pretty = o_.format == "json"});
    }
    return Flush();
  }

  // Reports an input that could not be analysed; in JSON Lines it keeps its line.
  void Fail(const Input& input, const std::string& message) {
    ++failed_;
    if (!message.empty()) PrintError(input.source.empty() || message.starts_with(input.source)
                   ? message
                   : fmt::format("{}: {}", input.source, message));
    if (o_.format != "text" && o_.input == "jsonl") {
      nlohmann::ordered_json j;
      j["version"] = kJsonSchemaVersion;
      if (!input.id.empty()) j["id"] = input.id;
      j["source"] = input.source;
      j["error"] = message;
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  }

  bool Flush() {
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }

  int ExitCode() const {
    spdlog::debug("analysed {} inputs, {} findings, {} failed", analysed_, findings_, failed_);
    if (failed_ > 0) return kExitError;
    return findings_ > 0 ? kExitFindings : kExitClean;
  }
  // Exit code after a closed pipe: not an error.
  int ExitCodeAfterPipeClosed() const { return findings_ > 0 ? kExitFindings : kExitClean; }

  void set_multiple(bool m) { multiple_ = m; }

 private:
  const CheckOptions& o_;
  Analyzer analyzer_;
  bool color_ = false;
  bool multiple_ = false;
  std::size_t analysed_ = 0, findings_ = 0, failed_ = 0;
};

// Streams JSON Lines ({"id","text","context"}) from `stream`, one result per line.
bool CheckJsonLines(Checker& checker, std::istream& stream, const std::string& source) {
  std::string line;
  std::size_t number = 0;
  while (std::getline(stream, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Input input{fmt::format("{}:{}", source, number), "", "", ""};
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      checker.Fail(input, fmt::format("{}: not a JSON object", input.source));
      if (!checker.Flush()) return false;
      continue;
    }
    if (j.contains("id")) {
      const auto& id = j["id"];
      input.id = id.is_string() ? id.get<std::string>() : id.dump();
    }
    if (!j.contains("text") || !j["text"].is_string()) {
      checker.Fail(input, fmt::format("{}: missing \"text\" string", input.source));
      if (!checker.Flush()) return false;
      continue;
    }
    input.text = j["text"].get<std::string>();
    if (j.contains("context") && j["context"].is_string()) {
      input.context = j["context"].get<std::string>();
    }
    if (!checker.Check(input)) return false;
  }
  return true;
}

int RunCheck(const CheckOptions& o) {
  const bool has_text = !o.text.empty();
  if (has_text && !o.files.empty()) {
    PrintError("give either TEXT or -f FILE, not both");
    return kExitError;
  }
  if (o.text.empty() && o.files.empty()) {
    PrintError("nothing to check: give TEXT, -f FILE or - for standard input");
    return kExitError;
  }
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  auto analyzer = MakeAnalyzer(*rules);
  if (!analyzer) return kExitError;
  Checker checker(o, std::move(*analyzer));

  std::vector<std::string> sources = o.files;
  if (has_text && o.text == "-") sources = {"-"};
  if (o.input == "jsonl") {
    if (has_text && o.text != "-") {
      PrintError("--input jsonl reads files or standard input (-), not TEXT");
      return kExitError;
    }
    for (const std::string& path : sources) {
      bool open = true;
      if (path == "-") {
        open = CheckJsonLines(checker, std::cin, "<stdin>");
      } else {
        std::ifstream in(path, std::ios::binary);
        auto probe = std::filesystem::status(path);
        if (!std::filesystem::exists(probe)) {
          checker.Fail({path, "", "", ""}, "no such file");
          continue;
        }
        if (std::filesystem::is_directory(probe) || !in) {
          checker.Fail({path, "", "", ""}, std::filesystem::is_directory(probe)
                                           ? "is a directory, not a file"
                                           : "cannot open");
          continue;
        }
        open = CheckJsonLines(checker, in, path);
      }
      if (!open) return checker.ExitCodeAfterPipeClosed();
    }
    return checker.ExitCode();
  }

  if (has_text && o.text != "-") {
    if (o.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
      PrintError("nothing to check: the text is empty");
      return kExitError;
    }
    if (!checker.Check({"<text>", "", o.text, ""})) return checker.ExitCodeAfterPipeClosed();
    return checker.ExitCode();
  }
  checker.set_multiple(sources.size() > 1 && o.format == "text");
  for (const std::string& path : sources) {
    const std::string name = path == "-" ? "<stdin>" : path;
    auto text = ReadInput(path);
    if (!text) {
      checker.Fail({name, "", "", ""}, "");
      continue;
    }
    if (auto nul = text->find('\0'); nul != std::string::npos) {
      checker.Fail({name, "", "", ""}, fmt::format("{}: byte {}: binary file (NUL byte), not text", name, nul));
      continue;
    }
    if (text->find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
      checker.Fail({name, "", "", ""}, fmt::format("{}: nothing to check: the input is empty", name));
      continue;
    }
    if (!checker.Check({name, "", std::move(*text), ""})) return checker.ExitCodeAfterPipeClosed();
  }
  return checker.ExitCode();
}

}  // namespace

Command AddCheckCommand(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* sub = app.add_subcommand("check", "Feedback on a practice response");
  sub->add_option("text", o->text, "The response to check, or - to read standard input");
  sub->add_option("-f,--file", o->files, "Read the response(s) from FILE (- for stdin)")
      ->type_name("FILE");
  sub->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  sub->add_option("--input", o->input,
                  "Input format: text, or jsonl lines of {\"id\",\"text\",\"context\"}")
      ->check(CLI::IsMember({"text", "jsonl"}));
  sub->add_option("--color", o->color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  sub->add_option("--context", o->context,
                  "What the peer said just before: a peer who asked for advice gets a gentler "
                  "directive note");
  sub->add_flag("--replace-invalid", o->replace_invalid,
                "Replace invalid UTF-8 with U+FFFD instead of failing");
  o->rules.AddTo(*sub);
  return [o] { return RunCheck(*o); };
}

}  // namespace peercoach::cli
