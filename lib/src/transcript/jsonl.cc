// JSON Lines transcripts in the gold format: {"id", "turns": [{"speaker", "text"}]} per
// line. Other keys ("dominating", "labels_per_specialist_turn", ...) are ignored here.
#include <nlohmann/json.hpp>

#include "eval/json_record.h"

#include <set>
#include <string>

#include "transcript/lines.h"

namespace peercoach::transcript_internal {
namespace {

using nlohmann::json;

using json_record::Field;
using json_record::RequireString;
using RecordError = json_record::RecordError;

Session ReadSession(const json& record, const SpeakerNames& names) {
  if (!record.is_object()) throw RecordError{"a record must be a JSON object"};
  Session session;
  session.id = RequireString(record, "id", false);
  const json& turns = Field(record, "turns");
  if (!turns.is_array() || turns.empty()) {
    throw RecordError{"\"turns\" is not a non-empty list"};
  }
  for (std::size_t i = 0; i < turns.size(); ++i) {
    const json& turn = turns[i];
    const std::string where = "turn " + std::to_string(i + 1);
    if (!turn.is_object()) throw RecordError{where + " is not an object"};
    const std::string name = RequireString(turn, "speaker", true);
    const auto speaker = names.Find(name);
    if (!speaker) throw RecordError{where + ": " + UnknownSpeakerMessage(name)};
    session.turns.push_back({*speaker, RequireString(turn, "text", true)});
  }
  return session;
}

}  // namespace

Result<std::vector<Session>> ParseJsonl(std::string_view path, std::string_view content,
                                        const TranscriptOptions& options) {
  const SpeakerNames names(options, /*role_words=*/true);
  std::vector<Session> sessions;
  std::set<std::string> ids;
  for (const Line& line : SplitLines(content)) {
    if (IsBlankLine(line.text)) continue;
    json record;
    if (auto malformed = json_record::ParseRecord(line.text, record)) {
      return LineError(path, line.number, *malformed);
    }
    try {
      Session session = ReadSession(record, names);
      if (!session.id.empty() && !ids.insert(session.id).second) {
        throw RecordError{"duplicate id \"" + session.id + "\""};
      }
      session.line = line.number;
      sessions.push_back(std::move(session));
    } catch (const RecordError& e) {
      return LineError(path, line.number, e.message);
    } catch (const json::exception& e) {
      return LineError(path, line.number, std::string("unexpected JSON value: ") + e.what());
    }
  }
  return sessions;
}

}  // namespace peercoach::transcript_internal
