// WebVTT and SRT captions: cues with timings, speakers from <v Name> voice tags or
// "Name:" prefixes, consecutive cues by one speaker joined into one turn.
#include <array>
#include <string>
#include <utility>

#include "transcript/lines.h"

namespace peercoach::transcript_internal {
namespace {

// A piece of cue text and who said it (nullopt: the cue does not say).
struct Segment {
  std::optional<Speaker> speaker;
  std::string text;
  std::size_t line = 0;
};

// Drops markup tags (<i>, </v>, <c.loud>, <00:00:01.000>) and decodes the few entities
// captions use.
std::string CueText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      const std::size_t close = s.find('>', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    out += s[i];
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kEntities = {{
      {"&lt;", "<"},
      {"&gt;", ">"},
      {"&quot;", "\""},
      {"&apos;", "'"},
      {"&#39;", "'"},
      {"&nbsp;", " "},
      {"&lrm;", ""},
      {"&rlm;", ""},
      {"&amp;", "&"},  // last: "&amp;lt;" is the text "&lt;"
  }};
  if (out.find('&') == std::string::npos) return out;
  std::string decoded;
  decoded.reserve(out.size());
  for (std::size_t i = 0; i < out.size();) {
    bool replaced = false;
    if (out[i] == '&') {
      for (const auto& [entity, value] : kEntities) {
        if (std::string_view(out).substr(i).starts_with(entity)) {
          decoded += value;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) decoded += out[i++];
  }
  return decoded;
}

// Finds the next "<v Name>" or "<v.class Name>" tag at or after `from`.
std::size_t FindVoiceTag(std::string_view s, std::size_t from) {
  for (std::size_t i = s.find("<v", from); i != std::string_view::npos; i = s.find("<v", i + 1)) {
    if (i + 2 < s.size() && (s[i + 2] == ' ' || s[i + 2] == '\t' || s[i + 2] == '.')) return i;
  }
  return std::string_view::npos;
}

class CueReader {
 public:
  CueReader(std::string_view path, const TranscriptOptions& options)
      : path_(path), names_(options, /*role_words=*/false) {}

  // Starts a new cue: a voice tag holds only within its cue.
  void StartCue() { voice_.reset(); }

  // Reads one line of cue text into segments.
  std::optional<Error> ReadLine(const Line& line) {
    const std::string_view s = line.text;
    std::size_t pos = 0;
    for (;;) {
      const std::size_t tag = FindVoiceTag(s, pos);
      if (auto error = Emit(s.substr(pos, tag == std::string_view::npos ? s.npos : tag - pos),
                            line.number)) {
        return error;
      }
      if (tag == std::string_view::npos) return std::nullopt;
      const std::size_t close = s.find('>', tag);
      if (close == std::string_view::npos) return Emit(s.substr(tag), line.number);
      // "<v.loud Dana Smith>": the classes end at the first white space; the rest is the name.
      std::string_view annotation = s.substr(tag + 2, close - tag - 2);
      const std::size_t space = annotation.find_first_of(" \t");
      const std::string_view name =
          Trim(space == std::string_view::npos ? std::string_view() : annotation.substr(space));
      if (!name.empty()) {
        const auto speaker = names_.Find(name);
        if (!speaker) return LineError(path_, line.number, UnknownSpeakerMessage(name));
        voice_ = speaker;
      }
      pos = close + 1;
    }
  }

  std::vector<Segment>& segments() { return segments_; }

 private:
  std::optional<Error> Emit(std::string_view raw, std::size_t line) {
    const std::string cleaned = CueText(raw);
    std::string_view text = Trim(cleaned);
    if (text.starts_with("- ")) text = Trim(text.substr(2));  // SRT dialogue dashes
    if (text.empty()) return std::nullopt;
    std::optional<Speaker> speaker = voice_;
    if (!speaker) {
      if (const auto prefix = SplitSpeakerPrefix(text)) {
        if (const auto found = names_.Find(prefix->name)) {
          speaker = found;
          text = prefix->rest;
        } else if (prefix->looks_like_speaker) {
          return LineError(path_, line, UnknownSpeakerMessage(prefix->name));
        }
      }
    }
    // A line without a speaker continues the turn before it (BuildSessions).
    segments_.push_back({speaker, std::string(text), line});
    return std::nullopt;
  }

  std::string_view path_;
  SpeakerNames names_;
  std::optional<Speaker> voice_;
  std::vector<Segment> segments_;
};

// Joins segments into turns: one turn per run of one speaker; a segment without a speaker
// continues the turn before it.
Result<std::vector<Session>> BuildSessions(std::string_view path, std::vector<Segment>& segments) {
  std::vector<Session> sessions;
  if (segments.empty()) return sessions;
  bool any_speaker = false;
  for (const Segment& s : segments) any_speaker = any_speaker || s.speaker.has_value();
  if (!any_speaker) {
    return LineError(path, segments.front().line,
                     "no speakers in the captions (use <v Name> voice tags or 'Name:' prefixes)");
  }
  Session session;
  session.line = segments.front().line;
  for (Segment& s : segments) {
    if (!s.speaker) {
      if (session.turns.empty()) {
        return LineError(path, s.line,
                         "a cue without a speaker before the first speaker (use <v Name> "
                         "voice tags or 'Name:' prefixes)");
      }
      s.speaker = session.turns.back().speaker;
    }
    if (!session.turns.empty() && session.turns.back().speaker == *s.speaker) {
      AppendText(session.turns.back().text, s.text);
    } else {
      session.turns.push_back({*s.speaker, std::move(s.text)});
    }
  }
  sessions.push_back(std::move(session));
  return sessions;
}

// Groups lines into blocks separated by blank lines.
std::vector<std::vector<Line>> Blocks(const std::vector<Line>& lines, std::size_t from) {
  std::vector<std::vector<Line>> blocks;
  std::vector<Line> block;
  for (std::size_t i = from; i < lines.size(); ++i) {
    if (IsBlankLine(lines[i].text)) {
      if (!block.empty()) blocks.push_back(std::move(block));
      block.clear();
    } else {
      block.push_back(lines[i]);
    }
  }
  if (!block.empty()) blocks.push_back(std::move(block));
  return blocks;
}

bool IsTiming(std::string_view line) { return line.find("-->") != std::string_view::npos; }

bool StartsWithWord(std::string_view line, std::string_view word) {
  return line.starts_with(word) &&
         (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t');
}

// Reads the cue blocks: an optional id (or SRT number) line, a timing line, then text. A
// block without a timing is read as more text of the cue before it (a stray blank line).
Result<std::vector<Session>> ReadCues(std::string_view path,
                                      const std::vector<std::vector<Line>>& blocks,
                                      const TranscriptOptions& options, bool webvtt) {
  CueReader reader(path, options);
  for (const std::vector<Line>& block : blocks) {
    const std::string_view first = Trim(block.front().text);
    if (webvtt && (StartsWithWord(first, "NOTE") || StartsWithWord(first, "STYLE") ||
                   StartsWithWord(first, "REGION"))) {
      continue;
    }
    std::size_t text_from = 0;
    if (IsTiming(first)) {
      text_from = 1;
    } else if (block.size() > 1 && IsTiming(block[1].text)) {
      text_from = 2;
    }
    if (text_from > 0) reader.StartCue();
    for (std::size_t i = text_from; i < block.size(); ++i) {
      if (auto error = reader.ReadLine(block[i])) return *error;
    }
  }
  return BuildSessions(path, reader.segments());
}

}  // namespace

Result<std::vector<Session>> ParseWebVtt(std::string_view path, std::string_view content,
                                         const TranscriptOptions& options) {
  const std::vector<Line> lines = SplitLines(content);
  if (lines.empty() || !StartsWithWord(lines.front().text, "WEBVTT")) {
    return LineError(path, 1, "not WebVTT: the first line must be 'WEBVTT'");
  }
  // The header block (WEBVTT and any "Kind:"/"Language:" lines) ends at the first blank line.
  std::size_t from = 1;
  while (from < lines.size() && !IsBlankLine(lines[from].text)) ++from;
  return ReadCues(path, Blocks(lines, from), options, /*webvtt=*/true);
}

Result<std::vector<Session>> ParseSrt(std::string_view path, std::string_view content,
                                      const TranscriptOptions& options) {
  return ReadCues(path, Blocks(SplitLines(content), 0), options, /*webvtt=*/false);
}

}  // namespace peercoach::transcript_internal
