// transcript/lines.h: small helpers shared by the transcript readers (internal).
//
//   for (const Line& line : SplitLines(SkipBom(content))) {
//     if (auto p = SplitSpeakerPrefix(Trim(line.text)); p && names.Find(p->name)) ...
//   }
//
// Also declares one parser per format; ReadTranscript (read.cc) dispatches to them and
// fills in each Session's source and format.
#ifndef PEERCOACH_TRANSCRIPT_LINES_H_
#define PEERCOACH_TRANSCRIPT_LINES_H_

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "peercoach/transcript.h"

namespace peercoach::transcript_internal {

// One line of a file without its terminator; `number` is 1-based.
struct Line {
  std::string_view text;
  std::size_t number = 0;
};

// Returns `s` without a leading UTF-8 byte order mark. A BOM is not a line, so line
// numbers are unchanged.
inline std::string_view SkipBom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

// Splits on "\n", "\r\n" and a lone "\r". A final terminator does not start a new line.
inline std::vector<Line> SplitLines(std::string_view s) {
  std::vector<Line> lines;
  std::size_t start = 0;
  std::size_t number = 1;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n' && s[i] != '\r') continue;
    lines.push_back({s.substr(start, i - start), number++});
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < s.size()) lines.push_back({s.substr(start), number});
  return lines;
}

inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Trims ASCII white space and no-break spaces (U+00A0) from both ends.
inline std::string_view Trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && IsSpace(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && IsSpace(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

inline bool IsBlankLine(std::string_view s) { return Trim(s).empty(); }

// Full Unicode case folding ("JOSÉ" and "josé" fold alike). `s` must be valid UTF-8.
inline std::string FoldCase(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

inline bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return FoldCase(Trim(a)) == FoldCase(Trim(b));
}

// Appends `more` to `to`, with one space between when both have text.
inline void AppendText(std::string& to, std::string_view more) {
  more = Trim(more);
  if (more.empty()) return;
  if (!to.empty()) to += ' ';
  to += more;
}

// The configured names of both sides, folded once.
class SpeakerNames {
 public:
  // `role_words`: also accept "peer" and "specialist" whatever the options say (the
  // structured formats, where these are the field values of the gold format).
  SpeakerNames(const TranscriptOptions& options, bool role_words) {
    for (const std::string& n : options.specialist_names) Add(n, Speaker::kSpecialist);
    for (const std::string& n : options.peer_names) Add(n, Speaker::kPeer);
    if (role_words) {
      Add("specialist", Speaker::kSpecialist);
      Add("peer", Speaker::kPeer);
    }
  }

  std::optional<Speaker> Find(std::string_view name) const {
    const std::string folded = FoldCase(Trim(name));
    if (folded.empty()) return std::nullopt;
    for (const auto& [n, speaker] : names_) {
      if (n == folded) return speaker;
    }
    return std::nullopt;
  }

 private:
  void Add(std::string_view name, Speaker speaker) {
    std::string folded = FoldCase(Trim(name));
    if (!folded.empty()) names_.emplace_back(std::move(folded), speaker);
  }

  std::vector<std::pair<std::string, Speaker>> names_;
};

// A "Name: text" line split at its prefix.
struct SpeakerPrefix {
  std::string_view name;  // trimmed
  std::string_view rest;  // trimmed text after the prefix
  // True when the name has the shape of a speaker's (1-3 words of letters, spaces and
  // . ' ’ -, the colon followed by a space or the line's end, not a label such as
  // "Note"): an unknown name of this shape is an error, not a continuation line.
  bool looks_like_speaker = false;
};

// Labels that start lines of notes and transcripts without naming a speaker.
inline bool IsCommonLabel(std::string_view folded) {
  static constexpr std::array<std::string_view, 28> kLabels = {
      "note",    "notes",    "nb",        "n.b.",       "ps",        "p.s.",    "edit",
      "update",  "summary",  "context",   "todo",       "date",      "time",    "location",
      "subject", "re",       "reminder",  "important",  "tip",       "warning", "example",
      "goal",    "goals",    "plan",      "next steps", "follow-up", "topic",   "title"};
  for (std::string_view l : kLabels) {
    if (l == folded) return true;
  }
  return false;
}

// True when `name` is 1-3 words of letters (any script), '.', '\'', '’' and '-', starting
// with a letter, single spaces between words. Times ("10:30") and URLs fail.
inline bool HasSpeakerNameShape(std::string_view name) {
  if (name.empty() || name.size() > 48) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(name.data());
  const int32_t n = static_cast<int32_t>(name.size());
  int words = 1;
  bool after_space = true;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    if (c == ' ') {
      if (after_space) return false;
      after_space = true;
      if (++words > 3) return false;
      continue;
    }
    const bool letter = u_isalpha(c) != 0;
    if (after_space && !letter) return false;
    after_space = false;
    if (!letter && c != '.' && c != '\'' && c != 0x2019 && c != '-') return false;
  }
  return !after_space;
}

// Splits "Name: text", "**Name:** text", "**Name**: text" and "[Name] text" (the line
// trimmed). Returns nullopt when the line has none of these shapes. Bracketed names never
// look like speakers on their own ("[laughs]" is a stage direction).
inline std::optional<SpeakerPrefix> SplitSpeakerPrefix(std::string_view line) {
  SpeakerPrefix p;
  bool colon_then_space = false;
  if (line.starts_with("**")) {
    const std::size_t close = line.find("**", 2);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view inner = Trim(line.substr(2, close - 2));
    std::string_view after = line.substr(close + 2);
    if (inner.ends_with(':')) {
      inner.remove_suffix(1);
    } else if (after.starts_with(':')) {
      after.remove_prefix(1);
    } else {
      return std::nullopt;
    }
    p.name = Trim(inner);
    colon_then_space = after.empty() || IsSpace(after.front());
    p.rest = Trim(after);
  } else if (line.starts_with('[')) {
    const std::size_t close = line.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    p.name = Trim(line.substr(1, close - 1));
    std::string_view after = Trim(line.substr(close + 1));
    if (after.starts_with(':')) after.remove_prefix(1);
    p.rest = Trim(after);
    return p.name.empty() ? std::nullopt : std::optional<SpeakerPrefix>(p);
  } else {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    p.name = Trim(line.substr(0, colon));
    const std::string_view after = line.substr(colon + 1);
    colon_then_space = after.empty() || IsSpace(after.front());
    p.rest = Trim(after);
  }
  if (p.name.empty()) return std::nullopt;
  p.looks_like_speaker =
      colon_then_space && HasSpeakerNameShape(p.name) && !IsCommonLabel(FoldCase(p.name));
  return p;
}

inline std::string UnknownSpeakerMessage(std::string_view name) {
  return "unknown speaker '" + std::string(name) + "' (use --specialist or --peer)";
}

inline Error LineError(std::string_view path, std::size_t line, std::string message) {
  return Error(ErrorCode::kInvalidArgument, std::move(message),
               SourceLocation::AtLine(std::string(path), line));
}

// Detects the format with the configured speaker names (DetectTranscriptFormat uses the
// defaults). Defined in format.cc.
Result<TranscriptFormat> DetectFormat(std::string_view path, std::string_view content,
                                      const TranscriptOptions& options);

// One parser per format. `content` is valid UTF-8 without a BOM; `path` names errors.
// Each returns sessions with their turns, id and line; read.cc sets source and format.
Result<std::vector<Session>> ParsePlain(std::string_view path, std::string_view content,
                                        const TranscriptOptions& options);
Result<std::vector<Session>> ParseWebVtt(std::string_view path, std::string_view content,
                                         const TranscriptOptions& options);
Result<std::vector<Session>> ParseSrt(std::string_view path, std::string_view content,
                                      const TranscriptOptions& options);
Result<std::vector<Session>> ParseJsonl(std::string_view path, std::string_view content,
                                        const TranscriptOptions& options);
Result<std::vector<Session>> ParseCsv(std::string_view path, std::string_view content,
                                      const TranscriptOptions& options);

}  // namespace peercoach::transcript_internal

#endif  // PEERCOACH_TRANSCRIPT_LINES_H_
