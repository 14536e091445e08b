// CSV transcripts (RFC 4180): a header row, then one turn per row; columns by name.
#include <map>
#include <string>

#include "transcript/lines.h"

namespace peercoach::transcript_internal {
namespace {

struct Record {
  std::vector<std::string> fields;
  std::size_t line = 0;  // where the record starts
};

// Splits `content` into records. Quoted fields may hold commas, doubled quotes and line
// breaks (kept as "\n"); a line break is "\n", "\r\n" or "\r". Text after a closing quote
// is kept as it is rather than rejected.
Result<std::vector<Record>> SplitRecords(std::string_view path, std::string_view s) {
  std::vector<Record> records;
  std::size_t i = 0;
  std::size_t line = 1;
  // Consumes a line break at `i` (one of the three forms) and counts it.
  const auto take_newline = [&] {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    ++i;
    ++line;
  };
  while (i < s.size()) {
    Record record;
    record.line = line;
    for (;;) {  // one field per pass
      std::string field;
      if (i < s.size() && s[i] == '"') {
        const std::size_t quote_line = line;
        ++i;
        for (;;) {
          if (i >= s.size()) {
            return LineError(path, quote_line, "unterminated quoted field");
          }
          if (s[i] == '"') {
            if (i + 1 < s.size() && s[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (s[i] == '\r' || s[i] == '\n') {
            field += '\n';
            take_newline();
            continue;
          }
          field += s[i++];
        }
      }
      while (i < s.size() && s[i] != ',' && s[i] != '\r' && s[i] != '\n') field += s[i++];
      record.fields.push_back(std::move(field));
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size()) take_newline();
      break;
    }
    records.push_back(std::move(record));
  }
  return records;
}

bool IsBlankRecord(const Record& r) {
  for (const std::string& f : r.fields) {
    if (!IsBlankLine(f)) return false;
  }
  return true;
}

std::string_view FieldAt(const Record& r, std::optional<std::size_t> column) {
  if (!column || *column >= r.fields.size()) return {};
  return Trim(r.fields[*column]);
}

}  // namespace

Result<std::vector<Session>> ParseCsv(std::string_view path, std::string_view content,
                                      const TranscriptOptions& options) {
  auto split = SplitRecords(path, content);
  if (!split.ok()) return split.error();
  std::vector<Record>& records = split.value();
  std::erase_if(records, IsBlankRecord);
  std::vector<Session> sessions;
  if (records.empty()) return sessions;

  const Record& header = records.front();
  const auto column = [&](const std::string& name) -> Result<std::size_t> {
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
      if (EqualsIgnoringCase(header.fields[c], name)) return c;
    }
    std::string names;
    for (const std::string& f : header.fields) {
      if (!names.empty()) names += ", ";
      names += Trim(f);
    }
    return LineError(path, header.line,
                     "missing column '" + name + "' (columns: " + names + ")");
  };
  // A CSV needs both: without speakers there is no conversation to read.
  const auto speaker_column =
      column(options.speaker_column.empty() ? std::string("speaker") : options.speaker_column);
  if (!speaker_column.ok()) return speaker_column.error();
  const auto text_column =
      column(options.text_column.empty() ? std::string("text") : options.text_column);
  if (!text_column.ok()) return text_column.error();
  std::optional<std::size_t> session_column;
  if (!options.session_column.empty()) {
    const auto c = column(options.session_column);
    if (!c.ok()) return c.error();
    session_column = c.value();
  } else if (const auto c = column("session"); c.ok()) {
    // A column named "session" groups rows even when the option is not given.
    session_column = c.value();
  }

  const SpeakerNames names(options, /*role_words=*/true);
  std::map<std::string, std::size_t, std::less<>> session_index;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const Record& row = records[r];
    const std::string_view name = FieldAt(row, speaker_column.value());
    const std::string_view text = FieldAt(row, text_column.value());
    if (name.empty()) {
      if (text.empty()) continue;
      return LineError(path, row.line, "a row with text but no speaker");
    }
    const auto speaker = names.Find(name);
    if (!speaker) return LineError(path, row.line, UnknownSpeakerMessage(name));
    if (text.empty()) continue;
    const std::string id(FieldAt(row, session_column));
    auto [it, added] = session_index.try_emplace(id, sessions.size());
    if (added) {
      Session s;
      s.id = id;
      s.line = row.line;
      sessions.push_back(std::move(s));
    }
    sessions[it->second].turns.push_back({*speaker, std::string(text)});
  }
  return sessions;
}

}  // namespace peercoach::transcript_internal
