// peercoach: a reflective-practice coach for peer-support specialists.
// The CLI is a thin layer: flags are parsed here and in the subcommand files, the work is
// done by the library.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>
#include <map>

#include "commands.h"
#include "common.h"
#include "peercoach/status.h"

int main(int argc, char** argv) {
  // A closed pipe (peercoach check ... | head) shows up as a failed write, handled as
  // the end of output rather than a crash.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);

  // Diagnostics go to stderr and carry counts, ids and offsets, never transcript text.
  auto logger = spdlog::stderr_color_mt("peercoach");
  logger->set_pattern("peercoach: %l: %v");
  logger->set_level(spdlog::level::warn);
  spdlog::set_default_logger(logger);

  CLI::App app{"peercoach: a coach for mutual peer support"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "peercoach 0.1.0");
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log counts and timings to stderr");

  std::map<CLI::App*, peercoach::cli::Command> commands;
  for (auto add : {peercoach::cli::AddCheckCommand, peercoach::cli::AddRulesCommand,
                   peercoach::cli::AddExplainCommand, peercoach::cli::AddEvalCommand,
                   peercoach::cli::AddBenchCommand, peercoach::cli::AddPracticeCommand,
                   peercoach::cli::AddReviewCommand, peercoach::cli::AddServeCommand}) {
    peercoach::cli::Command run = add(app);
    commands.emplace(app.get_subcommands({}).back(), std::move(run));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    peercoach::cli::PrintError(e.what());
    return peercoach::cli::kExitError;
  }
  if (verbose) logger->set_level(spdlog::level::debug);
  for (auto* sub : app.get_subcommands()) {
    auto it = commands.find(sub);
    if (it != commands.end()) return it->second();
  }
  return peercoach::cli::kExitError;
}
