// Practice scenarios from JSON Lines.
#include "scenarios.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace peercoach::cli {

Result<std::vector<Scenario>> ParseScenarios(std::string_view jsonl, const std::string& file) {
  std::vector<Scenario> out;
  std::set<std::string> ids;
  std::size_t line_no = 0, pos = 0;
  while (pos < jsonl.size()) {
    std::size_t end = jsonl.find('\n', pos);
    if (end == std::string_view::npos) end = jsonl.size();
    const std::string_view line = jsonl.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const auto fail = [&](const std::string& what) {
      return Error(ErrorCode::kInvalidArgument, what, SourceLocation::AtLine(file, line_no));
    };
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail("not a JSON object");
    const auto text = [&](const char* key) -> std::string {
      const auto it = j.find(key);
      return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const auto list = [&](const char* key) {
      std::vector<std::string> v;
      if (const auto it = j.find(key); it != j.end() && it->is_array()) {
        for (const auto& x : *it) {
          if (x.is_string()) v.push_back(x.get<std::string>());
        }
      }
      return v;
    };
    Scenario s{text("id"), text("setting"), text("title"), text("peer"),
               list("mutual_response_does"), list("pitfalls"), text("example_response")};
    if (s.id.empty()) return fail("missing \"id\"");
    if (s.peer.empty()) return fail("missing \"peer\"");
    if (!ids.insert(s.id).second) return fail(fmt::format("duplicate id \"{}\"", s.id));
    out.push_back(std::move(s));
  }
  if (out.empty()) return Error(ErrorCode::kInvalidArgument, "no scenarios", SourceLocation::InFile(file));
  return out;
}

}  // namespace peercoach::cli
