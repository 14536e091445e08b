#include "common.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace peercoach::cli {

void RuleOptions::AddTo(CLI::App& app) {
  app.add_option("--rules", extra_dir, "Add the rule files (*.yaml) in DIR to the defaults")
      ->type_name("DIR");
  app.add_option("--rules-only", only_dir, "Use only the rule files in DIR, not the defaults")
      ->type_name("DIR");
}

void PrintError(const std::string& message) { std::cerr << "peercoach: " << message << '\n'; }

std::optional<RuleSet> LoadRules(const RuleOptions& options) {
  auto print_all = [](const Errors& errors) {
    for (const Error& e : errors) PrintError(e.ToString());
  };
  auto base = options.only_dir.empty() ? RuleSet::LoadDefaults()
                                       : RuleSet::LoadDirectory(options.only_dir);
  if (!base.ok()) {
    print_all(base.error());
    return std::nullopt;
  }
  RuleSet rules = std::move(base.value());
  if (!options.extra_dir.empty()) {
    auto extra = RuleSet::LoadDirectory(options.extra_dir);
    if (!extra.ok()) {
      print_all(extra.error());
      return std::nullopt;
    }
    auto added = rules.Add(std::move(extra.value()));
    if (!added.ok()) {
      print_all(added.error());
      return std::nullopt;
    }
  }
  return rules;
}

std::optional<Analyzer> MakeAnalyzer(const RuleSet& rules) {
  auto analyzer = Analyzer::Create(rules);
  if (!analyzer.ok()) {
    PrintError(analyzer.error().ToString());
    return std::nullopt;
  }
  return std::move(analyzer.value());
}

std::optional<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    if (std::cin.bad()) {
      PrintError("<stdin>: cannot read standard input");
      return std::nullopt;
    }
    return buffer.str();
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    PrintError(fmt::format("{}: no such file", path));
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    PrintError(fmt::format("{}: is a directory, not a file", path));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    PrintError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    PrintError(fmt::format("{}: read error", path));
    return std::nullopt;
  }
  return buffer.str();
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

}  // namespace peercoach::cli
