// Format names and detection: the extension first, then the content.
#include <string>

#include "text/utf8.h"
#include "transcript/lines.h"

namespace peercoach {
namespace {

using transcript_internal::Line;

std::string Extension(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "00:00:01,000 --> 00:00:02,000" (hours may have more digits; '.' is tolerated).
bool IsSrtTimingLine(std::string_view s) {
  const std::size_t arrow = s.find("-->");
  if (arrow == std::string_view::npos) return false;
  const auto is_time = [](std::string_view t) {
    t = transcript_internal::Trim(t);
    const std::size_t space = t.find(' ');  // position settings may follow the end time
    if (space != std::string_view::npos) t = t.substr(0, space);
    if (t.size() < 12) return false;
    const std::string_view frac = t.substr(t.size() - 4);
    if (frac[0] != ',' && frac[0] != '.') return false;
    if (!IsDigits(frac.substr(1))) return false;
    const std::string_view hms = t.substr(0, t.size() - 4);  // HH:MM:SS
    if (hms.size() < 8 || hms[hms.size() - 3] != ':' || hms[hms.size() - 6] != ':') return false;
    return IsDigits(hms.substr(0, hms.size() - 6)) &&
           IsDigits(hms.substr(hms.size() - 5, 2)) && IsDigits(hms.substr(hms.size() - 2));
  };
  return is_time(s.substr(0, arrow)) && is_time(s.substr(arrow + 3));
}

bool IsWebVttHeader(std::string_view first_line) {
  if (!first_line.starts_with("WEBVTT")) return false;
  return first_line.size() == 6 || first_line[6] == ' ' || first_line[6] == '\t';
}

}  // namespace

std::string_view TranscriptFormatName(TranscriptFormat format) {
  switch (format) {
    case TranscriptFormat::kPlain:
      return "plain";
    case TranscriptFormat::kWebVtt:
      return "vtt";
    case TranscriptFormat::kSrt:
      return "srt";
    case TranscriptFormat::kJsonl:
      return "jsonl";
    case TranscriptFormat::kCsv:
      return "csv";
    case TranscriptFormat::kNotes:
      return "notes";
  }
  return "unknown";
}

namespace transcript_internal {

Result<TranscriptFormat> DetectFormat(std::string_view path, std::string_view content,
                                      const TranscriptOptions& options) {
  if (const auto nul = text::FindNul(content)) {
    return Error(ErrorCode::kInvalidArgument, "not text: a NUL byte (a binary file?)",
                 SourceLocation::AtByte(*nul, std::string(path)));
  }
  if (const auto bad = text::FindInvalidUtf8(content)) {
    return Error(ErrorCode::kInvalidUtf8, "not text: invalid UTF-8",
                 SourceLocation::AtByte(*bad, std::string(path)));
  }
  const std::string ext = Extension(path);
  if (ext == "vtt") return TranscriptFormat::kWebVtt;
  if (ext == "srt") return TranscriptFormat::kSrt;
  if (ext == "jsonl" || ext == "ndjson") return TranscriptFormat::kJsonl;
  if (ext == "csv") return TranscriptFormat::kCsv;

  const std::vector<Line> lines = SplitLines(SkipBom(content));
  if (!lines.empty() && IsWebVttHeader(lines.front().text)) return TranscriptFormat::kWebVtt;
  std::size_t first = 0;
  while (first < lines.size() && IsBlankLine(lines[first].text)) ++first;
  if (first == lines.size()) return TranscriptFormat::kNotes;
  const std::string_view head = Trim(lines[first].text);
  if (IsDigits(head) && first + 1 < lines.size() && IsSrtTimingLine(Trim(lines[first + 1].text))) {
    return TranscriptFormat::kSrt;
  }
  if (head.starts_with('{') && head.ends_with('}')) return TranscriptFormat::kJsonl;
  const SpeakerNames names(options, /*role_words=*/false);
  for (std::size_t i = first; i < lines.size(); ++i) {
    const auto prefix = SplitSpeakerPrefix(Trim(lines[i].text));
    if (prefix && names.Find(prefix->name)) return TranscriptFormat::kPlain;
  }
  return TranscriptFormat::kNotes;
}

}  // namespace transcript_internal

Result<TranscriptFormat> DetectTranscriptFormat(std::string_view path, std::string_view content,
                                                const TranscriptOptions& options) {
  return transcript_internal::DetectFormat(path, content, options);
}

}  // namespace peercoach
