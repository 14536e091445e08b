// peercoach serve: a local web page where trainees paste a response and see feedback.
// One page (embedded at build time) and a small JSON API over the library, bound to
// loopback unless --host says otherwise. Request bodies are never logged.
#include <fmt/format.h>
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "commands.h"
#include "common.h"
#include "peercoach/analyzer.h"
#include "peercoach/category.h"
#include "peercoach/report.h"
#include "scenarios.h"

namespace peercoach::cli {

std::string_view EmbeddedIndexHtml();  // generated from cli/web/index.html

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxBody = 64 * 1024;
std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int) { g_stop.store(true); }

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8377;
  RuleOptions rules;
};

void SendError(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(Json{{"error", message}}.dump(), "application/json");
}

Json RulesJson(const RuleSet& rules) {
  Json categories = Json::array();
  for (Category c : AllCategories()) {
    categories.push_back(Json{{"id", CategoryId(c)},
                              {"kind", IsStrength(c) ? "strength" : "finding"},
                              {"principle", CategoryPrinciple(c)},
                              {"description", CategoryPrinciple(c)}});
  }
  Json list = Json::array();
  for (const Rule& r : rules.rules()) {
    list.push_back(Json{{"id", r.id},
                        {"category", CategoryId(r.category)},
                        {"severity", SeverityName(r.severity)},
                        {"message", r.message}});
  }
  return Json{{"categories", std::move(categories)}, {"rules", std::move(list)}};
}

Json ScenariosJson(const std::vector<Scenario>& scenarios) {
  Json list = Json::array();
  for (const Scenario& s : scenarios) {
    list.push_back(Json{{"id", s.id},
                        {"setting", s.setting},
                        {"title", s.title},
                        {"peer", s.peer},
                        {"mutual_response_does", s.mutual_response_does},
                        {"pitfalls", s.pitfalls},
                        {"example_response", s.example_response}});
  }
  return Json{{"scenarios", std::move(list)}};
}

// POST /api/check: {"text": "...", "context": "..."} -> the check JSON.
void HandleCheck(const Analyzer& analyzer, const httplib::Request& req, httplib::Response& res) {
  if (req.body.size() > kMaxBody) {
    SendError(res, 413, fmt::format("request body is {} bytes; the limit is {} bytes", req.body.size(), kMaxBody));
    return;
  }
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::parse_error& e) {
    const bool utf8 = std::string_view(e.what()).find("UTF-8") != std::string_view::npos;
    // The parser reports the byte after the one it could not read.
    SendError(res, 400, utf8 ? fmt::format("invalid UTF-8 in the body near byte {}", e.byte >= 2 ? e.byte - 2 : 0)
                             : fmt::format("body is not JSON (byte {})", e.byte));
    return;
  } catch (const nlohmann::json::exception&) {  // 406: a number too large for a double
    SendError(res, 400, "body is not JSON (a number out of range)");
    return;
  }
  if (!body.is_object()) return SendError(res, 400, "body must be a JSON object with a \"text\" string");
  const auto text = body.find("text");
  if (text == body.end()) return SendError(res, 400, "missing \"text\"");
  if (!text->is_string()) return SendError(res, 400, "\"text\" must be a string");
  std::string context;
  if (const auto c = body.find("context"); c != body.end() && !c->is_null()) {
    if (!c->is_string()) return SendError(res, 400, "\"context\" must be a string");
    context = c->get<std::string>();
  }
  AnalyzeOptions options;
  options.context = context;
  const std::string& response = text->get_ref<const std::string&>();
  auto analysis = analyzer.Analyze(response, options);
  if (!analysis.ok()) return SendError(res, 400, analysis.error().ToString());
  std::ostringstream out;
  WriteJson(out, response, analysis.value(), {});
  res.set_content(out.str(), "application/json");
}

int RunServe(const ServeOptions& o) {
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  auto analyzer = MakeAnalyzer(*rules);
  if (!analyzer) return kExitError;
  auto scenarios = ParseScenarios(EmbeddedScenarios(), "<bundled scenarios>");
  if (!scenarios.ok()) {
    PrintError(scenarios.error().ToString());
    return kExitError;
  }
  const std::string rules_json = RulesJson(*rules).dump();
  const std::string scenarios_json = ScenariosJson(scenarios.value()).dump();
  const std::string health_json =
      Json{{"status", "ok"}, {"version", "0.1.0"}, {"rules", rules->rules().size()}}.dump();

  httplib::Server server;
  server.set_payload_max_length(kMaxBody);
  server.set_tcp_nodelay(true);  // small JSON replies: no Nagle delay
  server.set_read_timeout(10, 0);
  server.set_write_timeout(10, 0);
  // Every error is JSON, whoever raised it (httplib's own 413 and 404 included).
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    switch (res.status) {
      case 413: SendError(res, 413, fmt::format("request body over the {} byte limit", kMaxBody)); break;
      case 404: SendError(res, 404, fmt::format("no such path: {}", req.path)); break;
      default: SendError(res, res.status, fmt::format("HTTP {}", res.status)); break;
    }
  });
  // Method, path, status and size only: never the body.
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    spdlog::debug("{} {} -> {} ({} bytes in)", req.method, req.path, res.status, req.body.size());
  });
  const std::string page(EmbeddedIndexHtml());
  server.Get("/", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                   "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(page, "text/html; charset=utf-8");
  });
  auto json = [](const std::string& body) {
    return [body](const httplib::Request&, httplib::Response& res) {
      res.set_content(body, "application/json");
    };
  };
  server.Get("/api/health", json(health_json));
  server.Get("/api/rules", json(rules_json));
  server.Get("/api/scenarios", json(scenarios_json));
  server.Post("/api/check", [&](const httplib::Request& req, httplib::Response& res) {
    HandleCheck(*analyzer, req, res);
  });
  // Known paths answer other methods with 405 and what they allow.
  auto not_allowed = [](const char* allow) {
    return [allow](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Allow", allow);
      SendError(res, 405, fmt::format("{} is not allowed on {} (allowed: {})", req.method, req.path, allow));
    };
  };
  for (const char* path : {"/", "/api/health", "/api/rules", "/api/scenarios"}) {
    server.Post(path, not_allowed("GET"));
    server.Put(path, not_allowed("GET"));
    server.Delete(path, not_allowed("GET"));
    server.Patch(path, not_allowed("GET"));
  }
  server.Get("/api/check", not_allowed("POST"));
  server.Put("/api/check", not_allowed("POST"));
  server.Delete("/api/check", not_allowed("POST"));
  server.Patch("/api/check", not_allowed("POST"));

  int port = o.port;
  if (port == 0) {
    port = server.bind_to_any_port(o.host);
  } else if (!server.bind_to_port(o.host, port)) {
    port = -1;
  }
  if (port < 0) {
    PrintError(fmt::format("cannot listen on {}:{}", o.host, o.port));
    return kExitError;
  }
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  std::thread watcher([&server] {
    while (!g_stop.load()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    server.stop();
  });
  std::cout << fmt::format("peercoach: serving http://{}:{}/ (Ctrl-C to stop)", o.host, port) << std::endl;
  const bool ok = server.listen_after_bind();
  g_stop.store(true);
  watcher.join();
  std::cerr << "peercoach: stopped\n";
  return ok || g_stop.load() ? kExitClean : kExitError;
}

}  // namespace

Command AddServeCommand(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* sub = app.add_subcommand("serve", "Serve the feedback page on this machine");
  sub->add_option("--port", o->port, "Port (0 picks a free one)")->check(CLI::Range(0, 65535))->capture_default_str();
  sub->add_option("--host", o->host, "Address to bind (loopback unless you say otherwise)")->capture_default_str();
  o->rules.AddTo(*sub);
  return [o] { return RunServe(*o); };
}

}  // namespace peercoach::cli
