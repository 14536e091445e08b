// eval/json_record.h: reading one JSON Lines record's fields, shared by the gold reader
// and the JSONL transcript reader. RecordError is thrown inside a reader only, caught per
// line and turned into an Error with the line number.
#ifndef PEERCOACH_EVAL_JSON_RECORD_H_
#define PEERCOACH_EVAL_JSON_RECORD_H_

#include <nlohmann/json.hpp>
#include <string>

namespace peercoach::json_record {

struct RecordError {
  std::string message;
};

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
