// eval/json_record.h: parsing one JSON Lines record and reading its fields, shared by
// the gold reader and the JSONL transcript reader. RecordError is thrown inside a reader
// only, caught per line and turned into an Error with the line number.
#ifndef PEERCOACH_EVAL_JSON_RECORD_H_
#define PEERCOACH_EVAL_JSON_RECORD_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace peercoach::json_record {

struct RecordError {
  std::string message;
};

// Parses one line into `out`. Returns what is wrong with it, or nullopt. nlohmann throws
// parse_error for bad syntax but out_of_range (406) for a number too large for a double;
// both are a malformed line, never an exception leaving the reader.
inline std::optional<std::string> ParseRecord(std::string_view line, nlohmann::json& out) {
  try {
    out = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    return "malformed JSON at byte " + std::to_string(e.byte) + " of the line";
  } catch (const nlohmann::json::exception&) {
    return std::string("malformed JSON: a number out of range");
  }
  return std::nullopt;
}

// The field, or a null value when it is absent.
inline const nlohmann::json& Field(const nlohmann::json& record, const char* name) {
  static const nlohmann::json kNull;
  const auto it = record.find(name);
  return it == record.end() ? kNull : *it;
}

// The field as a string; "" when absent and not required. Throws RecordError otherwise.
inline std::string RequireString(const nlohmann::json& record, const char* name, bool required) {
  const nlohmann::json& v = Field(record, name);
  if (v.is_null()) {
    if (required) throw RecordError{std::string("missing \"") + name + "\""};
    return {};
  }
  if (!v.is_string()) throw RecordError{std::string("\"") + name + "\" is not a string"};
  return v.get<std::string>();
}

}  // namespace peercoach::json_record

#endif  // PEERCOACH_EVAL_JSON_RECORD_H_
