// Plain transcripts: "Speaker: text" per line, continuation lines, blank lines ignored.
#include <string>

#include "transcript/lines.h"

namespace peercoach::transcript_internal {

Result<std::vector<Session>> ParsePlain(std::string_view path, std::string_view content,
                                        const TranscriptOptions& options) {
  const SpeakerNames names(options, /*role_words=*/false);
  Session session;
  for (const Line& line : SplitLines(content)) {
    const std::string_view text = Trim(line.text);
    if (text.empty()) continue;
    if (const auto prefix = SplitSpeakerPrefix(text)) {
      if (const auto speaker = names.Find(prefix->name)) {
        if (session.turns.empty()) session.line = line.number;
        session.turns.push_back({*speaker, std::string(prefix->rest)});
        continue;
      }
      if (prefix->looks_like_speaker) {
        return LineError(path, line.number, UnknownSpeakerMessage(prefix->name));
      }
    }
    if (session.turns.empty()) {
      return LineError(path, line.number,
                       "text before the first speaker line (lines start 'Name: text')");
    }
    AppendText(session.turns.back().text, text);
  }
  // "Peer:" with nothing after it and no continuation says nothing.
  std::erase_if(session.turns, [](const Turn& t) { return t.text.empty(); });
  std::vector<Session> sessions;
  if (!session.turns.empty()) sessions.push_back(std::move(session));
  return sessions;
}

}  // namespace peercoach::transcript_internal
