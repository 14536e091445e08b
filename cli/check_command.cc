// peercoach check [TEXT | -f FILE... | -]: feedback on one practice response or many.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <atomic>
#include <memory>
#include <sstream>
#include <thread>
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
  std::string input = "auto";
  std::string color = "auto";
  bool replace_invalid = false;
  std::string context;
  unsigned jobs = 1;
  RuleOptions rules;
};

// One input to analyse: its name for messages and output, and its text.
struct Input {
  std::string source;
  std::string id;
  std::string text;
  std::string context;  // what the peer said before; from --context or the JSON "context"
};

// What one line of a stream turned into: the output line, and what it counts for.
struct LineResult {
  std::string out;    // the result line (with its newline)
  std::string error;  // a one-line message for stderr, or empty
  std::size_t findings = 0;
  bool analysed = false;
  bool failed = false;
};

enum class LineFormat { kUndecided, kJson, kPlain };

class Checker {
 public:
  Checker(const CheckOptions& o, Analyzer analyzer) : o_(o), analyzer_(std::move(analyzer)) {
    color_ = o.color == "always" || (o.color == "auto" && StdoutIsTerminal());
  }

  // Analyses and prints one input. Returns false when stdout is gone (a closed pipe).
  bool Check(const Input& input) {
    auto result = Analyze(input);
    if (!result.ok()) {
      Fail(Message(input, result.error()));
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

  // The result of one stream line as JSON Lines; safe to call from several threads.
  // A plain line's result carries no line number, so shards of a corpus checked apart
  // and concatenated give the same bytes as one run.
  LineResult CheckLine(const std::string& source, std::size_t number, std::string_view line,
                       LineFormat format) const {
    LineResult r;
    Input input{fmt::format("{}:{}", source, number), "", "", ""};
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      r.out = fmt::format("{{\"version\":{},\"blank\":true}}\n", kJsonSchemaVersion);
      return r;
    }
    if (format == LineFormat::kPlain) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      input.text = line;
    } else {
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::parse_error& e) {
        // e.g. a lone \ud800 escape, or a line cut short
        return Failed(input, fmt::format("{}: malformed JSON at byte {} of the line",
                                         input.source, e.byte));
      } catch (const nlohmann::json::exception&) {  // 406: a number too large for a double
        return Failed(input, fmt::format("{}: malformed JSON: a number out of range",
                                         input.source));
      }
      if (!j.is_object()) {
        return Failed(input, fmt::format("{}: not a JSON object", input.source));
      }
      if (j.contains("id")) {
        const auto& id = j["id"];
        input.id = id.is_string() ? id.get<std::string>() : id.dump();
      }
      if (!j.contains("text") || !j["text"].is_string()) {
        return Failed(input, fmt::format("{}: missing \"text\" string", input.source));
      }
      input.text = j["text"].get<std::string>();
      if (j.contains("context") && j["context"].is_string()) {
        input.context = j["context"].get<std::string>();
      }
    }
    auto result = Analyze(input);
    if (!result.ok()) return Failed(input, Message(input, result.error()));
    std::ostringstream out;
    WriteJson(out, input.text, result.value(),
              {.id = input.id,
               .source = input.id.empty() && format == LineFormat::kJson ? input.source : "",
               .pretty = false});
    r.out = std::move(out).str();
    r.analysed = true;
    r.findings = result.value().findings.size();
    return r;
  }

  // Writes a stream line's result and counts it. False when stdout is gone.
  bool Emit(const LineResult& r) {
    if (!r.error.empty()) PrintError(r.error);
    failed_ += r.failed ? 1 : 0;
    analysed_ += r.analysed ? 1 : 0;
    findings_ += r.findings;
    std::cout << r.out;
    return static_cast<bool>(std::cout);
  }

  // Reports an input that could not be analysed.
  void Fail(const std::string& message) {
    ++failed_;
    if (!message.empty()) PrintError(message);
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
  Result<Analysis> Analyze(const Input& input) const {
    AnalyzeOptions options;
    options.replace_invalid_utf8 = o_.replace_invalid;
    options.context = input.context.empty() ? std::string_view(o_.context) : input.context;
    return analyzer_.Analyze(input.text, options);
  }

  // "SOURCE: message", with the hint for invalid UTF-8.
  std::string Message(const Input& input, const Error& e) const {
    std::string message = e.ToString();
    if (e.code() == ErrorCode::kInvalidUtf8) message += " (--replace-invalid replaces it)";
    return input.source.empty() || message.starts_with(input.source)
               ? message
               : fmt::format("{}: {}", input.source, message);
  }

  // A line that could not be analysed keeps its place in the output as an error record.
  static LineResult Failed(const Input& input, const std::string& message) {
    nlohmann::ordered_json j;
    j["version"] = kJsonSchemaVersion;
    if (!input.id.empty()) j["id"] = input.id;
    j["source"] = input.source;
    j["error"] = message;
    LineResult r;
    r.out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
    r.error = message;
    r.failed = true;
    return r;
  }

  const CheckOptions& o_;
  Analyzer analyzer_;
  bool color_ = false;
  bool multiple_ = false;
  std::size_t analysed_ = 0, findings_ = 0, failed_ = 0;
};

// Streams `stream` line by line: JSON Lines ({"id","text","context"}) or plain lines, one
// result line per input line in input order, flushed batch by batch. With `jobs` > 1 a
// batch of lines is analysed by that many threads; only one batch is held at a time, so
// memory stays flat whatever the input size. Returns false when stdout is gone.
bool CheckStream(Checker& checker, std::istream& stream, const std::string& source,
                 LineFormat format, unsigned jobs) {
  // One line at a time with one job, so a line typed into a pipe is answered at once.
  const std::size_t batch = jobs <= 1 ? 1 : static_cast<std::size_t>(jobs) * 64;
  std::vector<std::string> lines;
  std::vector<LineResult> results;
  std::size_t number = 0;
  for (bool more = true; more;) {
    lines.clear();
    for (std::string line; lines.size() < batch;) {
      if (!std::getline(stream, line)) {
        more = false;
        break;
      }
      if (format == LineFormat::kUndecided && line.find_first_not_of(" \t\r") != std::string::npos) {
        format = line[line.find_first_not_of(" \t\r")] == '{' ? LineFormat::kJson : LineFormat::kPlain;
      }
      lines.push_back(std::move(line));
    }
    if (lines.empty()) break;
    const LineFormat f = format == LineFormat::kUndecided ? LineFormat::kPlain : format;
    results.assign(lines.size(), LineResult{});
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (std::size_t i; (i = next.fetch_add(1)) < lines.size();) {
        results[i] = checker.CheckLine(source, number + 1 + i, lines[i], f);
      }
    };
    const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(jobs, lines.size()));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
    number += lines.size();
    for (const LineResult& r : results) {
      if (!checker.Emit(r)) return false;
    }
    if (!checker.Flush()) return false;
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
  // Streaming: JSON Lines or plain lines in, one result line out per line.
  const bool stream = o.input == "jsonl" || o.input == "lines" ||
                      (o.input == "auto" && o.format == "jsonl" && (!has_text || o.text == "-"));
  if (stream && o.format != "jsonl") {
    PrintError(fmt::format("--input {} writes one result per line: use --format jsonl", o.input));
    return kExitError;
  }
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  auto analyzer = MakeAnalyzer(*rules);
  if (!analyzer) return kExitError;
  Checker checker(o, std::move(*analyzer));

  std::vector<std::string> sources = o.files;
  if (has_text && o.text == "-") sources = {"-"};
  if (stream) {
    if (has_text && o.text != "-") {
      PrintError(fmt::format("--input {} reads files or standard input (-), not TEXT", o.input));
      return kExitError;
    }
    const LineFormat format = o.input == "jsonl"   ? LineFormat::kJson
                              : o.input == "lines" ? LineFormat::kPlain
                                                   : LineFormat::kUndecided;
    for (const std::string& path : sources) {
      bool open = true;
      if (path == "-") {
        open = CheckStream(checker, std::cin, "<stdin>", format, o.jobs);
      } else {
        std::ifstream in(path, std::ios::binary);
        auto probe = std::filesystem::status(path);
        if (!std::filesystem::exists(probe)) {
          checker.Fail(fmt::format("{}: no such file", path));
          continue;
        }
        if (std::filesystem::is_directory(probe) || !in) {
          checker.Fail(fmt::format("{}: {}", path,
                                                      std::filesystem::is_directory(probe)
                                                          ? "is a directory, not a file"
                                                          : "cannot open"));
          continue;
        }
        open = CheckStream(checker, in, path, format, o.jobs);
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
      checker.Fail("");
      continue;
    }
    if (auto nul = text->find('\0'); nul != std::string::npos) {
      checker.Fail(fmt::format("{}: byte {}: binary file (NUL byte), not text", name, nul));
      continue;
    }
    if (text->find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
      checker.Fail(fmt::format("{}: nothing to check: the input is empty", name));
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
                  "Input: text (one response per file), jsonl (lines of {\"id\",\"text\","
                  "\"context\"}), lines (one response per line), or auto: with --format jsonl, "
                  "jsonl or lines as the first line looks, else text")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "lines"}));
  sub->add_option("--jobs,-j", o->jobs,
                  "Threads for --format jsonl streams; output order is input order")
      ->check(CLI::Range(1u, 1024u));
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
