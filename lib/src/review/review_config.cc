// The review config file (YAML): dominating thresholds and session score weights.
#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <string>

#include "peercoach/review.h"

namespace peercoach {
namespace {

Error ConfigError(std::string_view file, const YAML::Node& node, const std::string& what) {
  const std::size_t line = node.Mark().is_null() ? 0 : static_cast<std::size_t>(node.Mark().line) + 1;
  return Error(ErrorCode::kInvalidArgument, what, SourceLocation::AtLine(std::string(file), line));
}

// Reads the numbers of one section into `fields`; an unknown key or a value that is not
// a number in [lo, hi] is an error.
std::optional<Error> ReadSection(std::string_view file, const YAML::Node& section,
                                 const std::string& name,
                                 const std::map<std::string, double*>& fields, double hi) {
  if (!section.IsMap()) return ConfigError(file, section, name + ": expected a mapping");
  for (const auto& kv : section) {
    const std::string key = kv.first.as<std::string>();
    auto it = fields.find(key);
    if (it == fields.end()) {
      return ConfigError(file, kv.first, "unknown key '" + name + "." + key + "'");
    }
    double value = 0;
    if (!kv.second.IsScalar() || !YAML::convert<double>::decode(kv.second, value) ||
        !(value >= 0 && value <= hi)) {
      return ConfigError(file, kv.second,
                         name + "." + key + ": expected a number from 0 to " + std::to_string(static_cast<int>(hi)));
    }
    *it->second = value;
  }
  return std::nullopt;
}

}  // namespace

Result<ReviewConfig> ParseReviewConfig(std::string_view yaml, std::string_view file) {
  ReviewConfig config;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return Error(ErrorCode::kInvalidArgument, e.msg,
                 SourceLocation::AtLine(std::string(file), static_cast<std::size_t>(e.mark.line) + 1));
  }
  if (root.IsNull()) return config;
  if (!root.IsMap()) return ConfigError(file, root, "expected a mapping with 'dominating' and 'score'");
  try {
    for (const auto& kv : root) {
      const std::string key = kv.first.as<std::string>();
      std::optional<Error> error;
      if (key == "dominating") {
        error = ReadSection(file, kv.second, key,
                            {{"share", &config.dominating.share},
                             {"share_with_little_exploration",
                              &config.dominating.share_with_little_exploration},
                             {"min_exploring_share", &config.dominating.min_exploring_share}},
                            1.0);
      } else if (key == "score") {
        error = ReadSection(file, kv.second, key,
                            {{"turns", &config.turns_weight},
                             {"balance", &config.balance_weight},
                             {"exploration", &config.exploration_weight},
                             {"focus", &config.focus_weight},
                             {"balanced_share", &config.balanced_share},
                             {"lopsided_share", &config.lopsided_share},
                             {"target_exploring_share", &config.target_exploring_share},
                             {"target_peer_focus", &config.target_peer_focus}},
                            100.0);
      } else {
        error = ConfigError(file, kv.first, "unknown key '" + key + "'");
      }
      if (error) return *error;
    }
  } catch (const YAML::Exception& e) {
    return Error(ErrorCode::kInvalidArgument, e.msg,
                 SourceLocation::AtLine(std::string(file), static_cast<std::size_t>(e.mark.line) + 1));
  }
  return config;
}

}  // namespace peercoach
