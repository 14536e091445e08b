// report/json_writer.h: compact JSON written straight into a string.
//
// `check --format jsonl` writes one object per response; building it as an nlohmann tree
// first cost about as much as a tenth of the analysis (an allocation per key and value).
// This writer appends the same bytes nlohmann's dump(-1) would: the same escapes, keys in
// the order written, and invalid UTF-8 replaced by U+FFFD through nlohmann itself.
#ifndef PEERCOACH_REPORT_JSON_WRITER_H_
#define PEERCOACH_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace peercoach::report {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The next value's key; only inside an object.
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Uint(std::uint64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

 private:
  void BeforeValue();
  void Open(char bracket);   // '{' or '['
  void Close(char bracket);  // '}' or ']'
  void Escaped(std::string_view s);

  std::string& out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace peercoach::report

#endif  // PEERCOACH_REPORT_JSON_WRITER_H_
