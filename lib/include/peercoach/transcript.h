// peercoach/transcript.h: reading practice transcripts and session notes into turns.
//
//   peercoach::TranscriptOptions options;           // speakers "Peer" / "Specialist"
//   auto sessions = peercoach::ReadTranscript("s1.txt", content, options);
//   if (!sessions.ok()) std::cerr << sessions.error().ToString();  // "s1.txt:3: ..."
//
// Formats (README, "Transcript formats"): plain text ("Peer: ..." / "Specialist: ...",
// one turn per line, continuation lines belong to the previous turn), WebVTT and SRT
// captions (<v Speaker> voice tags or "Speaker:" prefixes), JSON Lines in the gold
// transcript format, CSV with named columns, and plain notes (no speakers: the
// specialist's own words).
#ifndef PEERCOACH_TRANSCRIPT_H_
#define PEERCOACH_TRANSCRIPT_H_

#include <string>
#include <string_view>
#include <vector>

#include "peercoach/conversation.h"
#include "peercoach/status.h"

namespace peercoach {

enum class TranscriptFormat { kPlain, kWebVtt, kSrt, kJsonl, kCsv, kNotes };

// "plain", "vtt", "srt", "jsonl", "csv", "notes".
std::string_view TranscriptFormatName(TranscriptFormat format);

struct TranscriptOptions {
  // Speaker names, matched case-insensitively after trimming. A turn by any other name is
  // an error naming it (so a typo is not silently read as the wrong side).
  std::vector<std::string> specialist_names = {"specialist"};
  std::vector<std::string> peer_names = {"peer"};
  // CSV columns, by header name (case-insensitive). An empty session column means the
  // column named "session" when there is one, else one session per file.
  std::string text_column = "text";
  std::string speaker_column = "speaker";
  std::string session_column;
};

// One conversation (or one note) read from a file. A JSONL or CSV file may hold many.
struct Session {
  std::string id;      // the JSONL "id", the CSV session value, or empty for one per file
  std::string source;  // the file it came from
  std::size_t line = 0;  // 1-based line where it starts in `source`
  TranscriptFormat format = TranscriptFormat::kPlain;
  std::vector<Turn> turns;
};

// Tells the format from the file name's extension (.vtt, .srt, .jsonl/.ndjson, .csv,
// .txt/.md/other) and the content: a "WEBVTT" header, SRT cue numbers and timings, a
// first line that is a JSON object, speaker-prefixed lines, or none of these (notes).
// Speaker prefixes are recognised by the names in `options`. Fails when the content is
// not text (a NUL byte, invalid UTF-8: named by byte offset).
Result<TranscriptFormat> DetectTranscriptFormat(std::string_view path, std::string_view content,
                                                const TranscriptOptions& options = {});

// Reads every session in `content`. Errors carry `path` and, where it helps, the line:
// an unknown speaker, a CSV without the named column, a malformed JSON line, a file with
// no turns at all.
Result<std::vector<Session>> ReadTranscript(std::string_view path, std::string_view content,
                                            const TranscriptOptions& options = {});

}  // namespace peercoach

#endif  // PEERCOACH_TRANSCRIPT_H_
