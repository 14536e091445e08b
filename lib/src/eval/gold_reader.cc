// Gold files: JSON Lines of annotated responses and transcripts, validated line by line.
#include <nlohmann/json.hpp>

#include "eval/json_record.h"

#include <algorithm>
#include <set>
#include <string>

#include "peercoach/gold.h"
#include "text/utf8.h"

namespace peercoach {
namespace {

using nlohmann::json;

using json_record::Field;
using json_record::RequireString;
using LineError = json_record::RecordError;

Category RequireFindingCategory(const json& v, const char* where) {
  if (!v.is_string()) throw LineError{std::string(where) + ": a label must be a string"};
  const std::string id = v.get<std::string>();
  const auto category = ParseCategory(id);
  if (!category || IsStrength(*category)) {
    throw LineError{std::string(where) + ": unknown label \"" + id + "\""};
  }
  return *category;
}

std::vector<Category> LabelSet(const json& v, const char* where) {
  if (!v.is_array()) throw LineError{std::string("\"") + where + "\" is not a list"};
  std::set<Category> set;
  for (const json& label : v) set.insert(RequireFindingCategory(label, where));
  return {set.begin(), set.end()};
}

// ASCII case-insensitive search: evidence copied with different capitalisation still
// points at the same words.
bool ContainsIgnoringCase(std::string_view text, std::string_view needle) {
  if (text.find(needle) != std::string_view::npos) return true;
  const auto lower = [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  };
  return std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

GoldResponse ReadResponse(const json& record) {
  GoldResponse r;
  r.text = RequireString(record, "text", true);
  if (r.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw LineError{"\"text\" is empty"};
  }
  r.context = RequireString(record, "context", false);
  const json& labels = Field(record, "labels");
  if (labels.is_null()) throw LineError{"missing \"labels\""};
  r.labels = LabelSet(labels, "labels");
  const json& evidence = Field(record, "evidence");
  if (!evidence.is_null()) {
    if (!evidence.is_object()) throw LineError{"\"evidence\" is not an object"};
    for (const auto& [label, quotes] : evidence.items()) {
      const Category c = RequireFindingCategory(json(label), "evidence");
      if (std::find(r.labels.begin(), r.labels.end(), c) == r.labels.end()) {
        throw LineError{"evidence for \"" + label + "\", which is not in \"labels\""};
      }
      const json list = quotes.is_string() ? json::array({quotes}) : quotes;
      if (!list.is_array()) throw LineError{"evidence for \"" + label + "\" is not a list"};
      for (const json& q : list) {
        if (!q.is_string()) throw LineError{"evidence for \"" + label + "\" is not a string"};
        const std::string quote = q.get<std::string>();
        if (!ContainsIgnoringCase(r.text, quote)) {
          throw LineError{"evidence \"" + quote + "\" is not in the text"};
        }
        r.evidence[c].push_back(quote);
      }
    }
  }
  const json& hard = Field(record, "hard_negative");
  if (!hard.is_null()) {
    r.hard_negative = RequireFindingCategory(hard, "hard_negative");
    if (!r.labels.empty()) throw LineError{"a hard negative must have no labels"};
  }
  return r;
}

Speaker ReadSpeaker(const json& turn) {
  const std::string s = RequireString(turn, "speaker", true);
  if (s == "peer" || s == "client" || s == "seeker") return Speaker::kPeer;
  if (s == "specialist" || s == "supporter" || s == "counselor" || s == "counsellor" ||
      s == "helper" || s == "therapist") {
    return Speaker::kSpecialist;
  }
  throw LineError{"unknown speaker \"" + s + "\" (peer or specialist)"};
}

GoldTranscript ReadTranscript(const json& record) {
  GoldTranscript t;
  const json& turns = Field(record, "turns");
  if (!turns.is_array() || turns.empty()) throw LineError{"\"turns\" is not a non-empty list"};
  std::size_t specialist_turns = 0;
  for (const json& turn : turns) {
    if (!turn.is_object()) throw LineError{"a turn is not an object"};
    Turn x;
    x.speaker = ReadSpeaker(turn);
    x.text = RequireString(turn, "text", true);
    if (x.speaker == Speaker::kSpecialist) ++specialist_turns;
    t.turns.push_back(std::move(x));
  }
  const json& dominating = Field(record, "dominating");
  if (!dominating.is_null()) {
    if (!dominating.is_boolean()) throw LineError{"\"dominating\" is not true or false"};
    t.dominating = dominating.get<bool>();
  }
  const json& labels = Field(record, "labels_per_specialist_turn");
  if (!labels.is_null()) {
    if (!labels.is_array()) throw LineError{"\"labels_per_specialist_turn\" is not a list"};
    if (labels.size() == specialist_turns) {
      for (const json& set : labels) {
        t.specialist_labels.push_back(LabelSet(set, "labels_per_specialist_turn"));
      }
    } else if (labels.size() == t.turns.size()) {
      // One entry per turn: keep the specialists' entries; a peer turn has no labels.
      for (std::size_t i = 0; i < t.turns.size(); ++i) {
        auto set = LabelSet(labels[i], "labels_per_specialist_turn");
        if (t.turns[i].speaker == Speaker::kSpecialist) {
          t.specialist_labels.push_back(std::move(set));
        } else if (!set.empty()) {
          throw LineError{"labels on peer turn " + std::to_string(i + 1)};
        }
      }
    } else {
      throw LineError{"\"labels_per_specialist_turn\" has " + std::to_string(labels.size()) +
                      " entries for " + std::to_string(specialist_turns) +
                      " specialist turns"};
    }
  }
  return t;
}

}  // namespace

void ReadGold(std::string_view contents, const std::string& file, GoldCorpus& corpus) {
  std::set<std::string> ids;
  for (const auto& r : corpus.responses) ids.insert(r.id);
  for (const auto& t : corpus.transcripts) ids.insert(t.id);
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < contents.size()) {
    std::size_t end = contents.find('\n', pos);
    if (end == std::string_view::npos) end = contents.size();
    std::string_view line = contents.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const auto fail = [&](const std::string& message) {
      corpus.errors.emplace_back(ErrorCode::kInvalidArgument, message,
                                 SourceLocation::AtLine(file, line_no));
    };
    if (const auto bad = text::FindInvalidUtf8(line)) {
      fail("invalid UTF-8 at byte " + std::to_string(*bad + 1) + " of the line");
      continue;
    }
    json record;
    if (auto malformed = json_record::ParseRecord(line, record)) {
      fail(*malformed);
      continue;
    }
    try {
      if (!record.is_object()) throw LineError{"a record must be a JSON object"};
      const std::string id = RequireString(record, "id", true);
      if (id.empty()) throw LineError{"\"id\" is empty"};
      if (!ids.insert(id).second) throw LineError{"duplicate id \"" + id + "\""};
      if (record.contains("turns")) {
        GoldTranscript t = ReadTranscript(record);
        t.id = id;
        t.file = file;
        t.line = line_no;
        corpus.transcripts.push_back(std::move(t));
      } else {
        GoldResponse r = ReadResponse(record);
        r.id = id;
        r.file = file;
        r.line = line_no;
        corpus.responses.push_back(std::move(r));
      }
    } catch (const LineError& e) {
      fail(e.message);
    } catch (const json::exception& e) {
      fail(std::string("unexpected JSON value: ") + e.what());
    }
  }
}

}  // namespace peercoach
