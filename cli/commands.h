// cli/commands.h: the subcommands. Each registers its flags on the app and returns a
// function that runs it once the flags are parsed and validated.
#ifndef PEERCOACH_CLI_COMMANDS_H_
#define PEERCOACH_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <functional>

namespace peercoach::cli {

using Command = std::function<int()>;

Command AddCheckCommand(CLI::App& app);
Command AddRulesCommand(CLI::App& app);
Command AddExplainCommand(CLI::App& app);
Command AddEvalCommand(CLI::App& app);
Command AddBenchCommand(CLI::App& app);
Command AddPracticeCommand(CLI::App& app);
Command AddReviewCommand(CLI::App& app);
Command AddServeCommand(CLI::App& app);

}  // namespace peercoach::cli

#endif  // PEERCOACH_CLI_COMMANDS_H_
