// ReadTranscript: detect the format, read it, and name the sessions' source.
#include <algorithm>
#include <fmt/format.h>

#include <string>

#include "transcript/lines.h"

namespace peercoach {
namespace {

using namespace transcript_internal;  // NOLINT(google-build-using-namespace): internal helpers

// A note is the specialist's own words: one turn, its lines joined into paragraphs
// (a hard-wrapped line continues its paragraph), paragraphs separated by a blank line.
std::vector<Session> ReadNotes(std::string_view content) {
  Session session;
  std::string text;
  bool new_paragraph = false;
  for (const Line& line : SplitLines(content)) {
    const std::string_view t = Trim(line.text);
    if (t.empty()) {
      new_paragraph = !text.empty();
      continue;
    }
    if (text.empty()) session.line = line.number;
    if (new_paragraph) {
      text += "\n\n";
      text += t;
      new_paragraph = false;
    } else {
      AppendText(text, t);
    }
  }
  std::vector<Session> sessions;
  if (!text.empty()) {
    session.turns.push_back({Speaker::kSpecialist, std::move(text)});
    sessions.push_back(std::move(session));
  }
  return sessions;
}

// A name on both sides would make every turn by it ambiguous.
std::optional<Error> CheckOptions(const TranscriptOptions& options) {
  for (const std::string& s : options.specialist_names) {
    for (const std::string& p : options.peer_names) {
      if (!Trim(s).empty() && EqualsIgnoringCase(s, p)) {
        return Error(ErrorCode::kInvalidArgument,
                     fmt::format("'{}' names both the specialist and the peer", Trim(s)));
      }
    }
  }
  return std::nullopt;
}

// A "note" whose lines mostly start like "Name: ..." is a transcript whose speakers are
// neither side: reading it as the specialist's own words would mix both voices.
std::optional<Error> SpeakersNotFound(std::string_view path, std::string_view body) {
  std::size_t lines = 0, speaker_lines = 0, first = 0;
  std::vector<std::string> names;
  for (const Line& line : SplitLines(body)) {
    if (IsBlankLine(line.text)) continue;
    ++lines;
    const auto prefix = SplitSpeakerPrefix(Trim(line.text));
    if (!prefix || !prefix->looks_like_speaker) continue;
    ++speaker_lines;
    if (first == 0) first = line.number;
    const std::string name(prefix->name);
    if (names.size() < 3 && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  }
  if (speaker_lines < 2 || speaker_lines * 2 < lines) return std::nullopt;
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "'" : ", '") + n + "'";
  return LineError(path, first, "speakers not found: saw " + list + " (use --specialist and --peer)");
}

}  // namespace

Result<std::vector<Session>> ReadTranscript(std::string_view path, std::string_view content,
                                            const TranscriptOptions& options) {
  if (auto error = CheckOptions(options)) return *error;
  const auto format = DetectFormat(path, content, options);
  if (!format.ok()) return format.error();
  const std::string_view body = SkipBom(content);
  Result<std::vector<Session>> read = std::vector<Session>{};
  switch (format.value()) {
    case TranscriptFormat::kPlain:
      read = ParsePlain(path, body, options);
      break;
    case TranscriptFormat::kWebVtt:
      read = ParseWebVtt(path, body, options);
      break;
    case TranscriptFormat::kSrt:
      read = ParseSrt(path, body, options);
      break;
    case TranscriptFormat::kJsonl:
      read = ParseJsonl(path, body, options);
      break;
    case TranscriptFormat::kCsv:
      read = ParseCsv(path, body, options);
      break;
    case TranscriptFormat::kNotes:
      if (auto error = SpeakersNotFound(path, body)) return *error;
      read = ReadNotes(body);
      break;
  }
  if (!read.ok()) return read.error();
  std::vector<Session>& sessions = read.value();
  std::erase_if(sessions, [](const Session& s) { return s.turns.empty(); });
  if (sessions.empty()) {
    return Error(ErrorCode::kInvalidArgument, "no turns",
                 SourceLocation::InFile(std::string(path)));
  }
  for (Session& s : sessions) {
    s.source = std::string(path);
    s.format = format.value();
  }
  return std::move(read).value();
}

}  // namespace peercoach
