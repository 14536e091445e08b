// cli/common.h: what every subcommand shares: exit codes, the rule set options, reading
// inputs with one-line errors.
#ifndef PEERCOACH_CLI_COMMON_H_
#define PEERCOACH_CLI_COMMON_H_

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "peercoach/analyzer.h"
#include "peercoach/rule_set.h"

namespace peercoach::cli {

inline constexpr int kExitClean = 0;     // no findings
inline constexpr int kExitFindings = 1;  // findings
inline constexpr int kExitError = 2;     // usage or input error

// --rules DIR / --rules-only DIR, shared by the subcommands that load rules.
struct RuleOptions {
  std::string extra_dir;
  std::string only_dir;
  void AddTo(CLI::App& app);
};

// Loads the rule set the options name; prints every error ("FILE:LINE: ...") on failure.
std::optional<RuleSet> LoadRules(const RuleOptions& options);
std::optional<Analyzer> MakeAnalyzer(const RuleSet& rules);

// Prints "peercoach: message" on stderr.
void PrintError(const std::string& message);

// Reads a whole file, or stdin for "-". On failure prints a one-line error naming the
// file and returns nullopt.
std::optional<std::string> ReadInput(const std::string& path);

// True when stdout is a terminal (colour by default).
bool StdoutIsTerminal();

}  // namespace peercoach::cli

#endif  // PEERCOACH_CLI_COMMON_H_
