// Load check for `peercoach serve` (not a timed test): starts the server on a free
// loopback port, sends N POST /api/check requests from C concurrent clients, using the
// responses of a gold corpus in turn, and reports requests per second and latency
// percentiles. Exits 1 if any request fails or answers other than 200.
//
//   build/benchmarks/serve_load build/peercoach corpora/test/responses.jsonl [N=10000] [C=8]
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

pid_t StartServer(const char* binary, int& port) {
  int out[2];
  if (pipe(out) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    execl(binary, binary, "serve", "--port", "0", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
  close(out[0]);
  const std::size_t colon = line.rfind(':');
  port = colon == std::string::npos ? 0 : std::atoi(line.c_str() + colon + 1);
  return pid;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: serve_load PEERCOACH GOLD.jsonl [REQUESTS] [CLIENTS]\n");
    return 2;
  }
  const std::size_t requests = argc > 3 ? std::stoul(argv[3]) : 10000;
  const std::size_t clients = argc > 4 ? std::stoul(argv[4]) : 8;
  std::vector<std::string> bodies;
  std::ifstream gold(argv[2]);
  for (std::string line; std::getline(gold, line);) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text")) continue;
    nlohmann::json body{{"text", j["text"]}};
    if (j.contains("context")) body["context"] = j["context"];
    bodies.push_back(body.dump());
  }
  if (bodies.empty()) {
    std::fprintf(stderr, "serve_load: %s: no responses\n", argv[2]);
    return 2;
  }
  int port = 0;
  const pid_t server = StartServer(argv[1], port);
  if (server <= 0 || port <= 0) {
    std::fprintf(stderr, "serve_load: the server did not start\n");
    return 2;
  }
  std::atomic<std::size_t> next{0}, failures{0};
  std::vector<std::vector<double>> latencies(clients);
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < clients; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(30, 0);
      for (std::size_t i; (i = next.fetch_add(1)) < requests;) {
        const auto t0 = Clock::now();
        auto r = client.Post("/api/check", bodies[i % bodies.size()], "application/json");
        latencies[t].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (!r || r->status != 200) failures.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all[std::min(all.size() - 1, static_cast<std::size_t>(p * all.size()))]; };
  std::printf("serve_load: %zu requests, %zu clients, %zu failed\n", requests, clients, failures.load());
  std::printf("  %.0f requests/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
              static_cast<double>(requests) / seconds, pct(0.50), pct(0.90), pct(0.99), all.back());
  return failures.load() == 0 ? 0 : 1;
}
