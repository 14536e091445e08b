// peercoach serve's API over loopback: the check schema, and every bad request answered
// with a JSON error and the right status. The page itself is driven in Chromium by
// tests/browser/serve_e2e.py.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace {

using Json = nlohmann::json;

// Starts `peercoach serve --port 0` and reads the port it prints; stops it with SIGTERM.
class Server {
 public:
  Server() {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      execl(PEERCOACH_BINARY, PEERCOACH_BINARY, "serve", "--port", "0", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    const std::size_t colon = line.rfind(':');
    if (colon != std::string::npos) port_ = std::atoi(line.c_str() + colon + 1);
  }
  ~Server() { Stop(); }
  // SIGTERM; returns the exit status (0 for a clean shutdown).
  int Stop() {
    if (pid_ <= 0) return status_;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return status_;
  }
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int status_ = -1;
};

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new Server(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(30, 0);
    return c;
  }
  static Server* server_;
};
Server* ServeApiTest::server_ = nullptr;

TEST_F(ServeApiTest, HealthRulesScenariosAndThePage) {
  ASSERT_GT(server_->port(), 0);
  auto c = Client();
  auto health = c.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(Json::parse(health->body)["status"], "ok");
  auto rules = c.Get("/api/rules");
  ASSERT_TRUE(rules);
  EXPECT_EQ(Json::parse(rules->body)["categories"].size(), 10u);
  auto scenarios = c.Get("/api/scenarios");
  ASSERT_TRUE(scenarios);
  EXPECT_GE(Json::parse(scenarios->body)["scenarios"].size(), 40u);
  auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html"), std::string::npos);
  EXPECT_EQ(page->body.find("https://"), std::string::npos);  // nothing from the network
}

TEST_F(ServeApiTest, CheckReturnsTheCheckSchemaWithBytesOffsets) {
  auto c = Client();
  // "I’m" has a three-byte apostrophe: offsets are bytes, as in check --format json.
  const std::string text = "I\u2019m glad you came. You need to call your sponsor tonight.";
  auto r = c.Post("/api/check", Json{{"text", text}}.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const Json j = Json::parse(r->body);
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["findings"].size(), 1u) << r->body;
  const Json& f = j["findings"][0];
  EXPECT_EQ(f["category"], "directive");
  const std::size_t begin = f["span"]["begin"], end = f["span"]["end"];
  EXPECT_EQ(text.substr(begin, end - begin), f["text"].get<std::string>());
  EXPECT_FALSE(f["principle"].get<std::string>().empty());
  EXPECT_TRUE(f["rewrite"].is_string());
  EXPECT_EQ(j["score"]["score"], 80);  // one warning
}

TEST_F(ServeApiTest, ContextFromThePeerSoftensAdviceTheyAskedFor) {
  auto c = Client();
  auto r = c.Post("/api/check",
                  Json{{"text", "You should try the evening meeting."}, {"context", "What should I do?"}}.dump(),
                  "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const Json j = Json::parse(r->body);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["severity"], "info");
}

TEST_F(ServeApiTest, BadRequestsGetJsonErrors) {
  auto c = Client();
  struct Case {
    std::string body;
    int status;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"not json", 400, "not JSON"},
      {"[1,2]", 400, "JSON object"},
      {R"({"context":"hi"})", 400, "missing \"text\""},
      {R"({"text":42})", 400, "must be a string"},
      {"{\"text\":\"caf\xe9\"}", 400, "UTF-8"},
      {"{\"text\":\"" + std::string(70 * 1024, 'a') + "\"}", 413, "limit"},
  };
  for (const Case& k : cases) {
    auto r = c.Post("/api/check", k.body, "application/json");
    ASSERT_TRUE(r) << k.says;
    EXPECT_EQ(r->status, k.status) << k.says;
    const Json j = Json::parse(r->body);
    EXPECT_NE(j["error"].get<std::string>().find(k.says), std::string::npos) << j.dump();
  }
  auto wrong_method = c.Delete("/api/check");
  ASSERT_TRUE(wrong_method);
  EXPECT_EQ(wrong_method->status, 405);
  EXPECT_EQ(wrong_method->get_header_value("Allow"), "POST");
  auto get_check = c.Get("/api/check");
  ASSERT_TRUE(get_check);
  EXPECT_EQ(get_check->status, 405);
  auto post_rules = c.Post("/api/rules", "{}", "application/json");
  ASSERT_TRUE(post_rules);
  EXPECT_EQ(post_rules->status, 405);
  auto unknown = c.Get("/api/nothing-here");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_TRUE(Json::parse(unknown->body).contains("error"));
}

TEST(ServeShutdown, SigtermStopsCleanly) {
  Server s;
  ASSERT_GT(s.port(), 0);
  httplib::Client c("127.0.0.1", s.port());
  ASSERT_TRUE(c.Get("/api/health"));
  EXPECT_EQ(s.Stop(), 0);
}

}  // namespace
