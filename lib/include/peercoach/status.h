// peercoach/status.h: errors as values.
//
// Every fallible call of the library returns a Result<T>: either the value or an Error
// with a code, a one-line message and, where it helps, a location (file, line, column,
// byte offset). Nothing in the library throws across its API, prints or exits.
//
//   peercoach::Result<peercoach::Analysis> r = analyzer.Analyze(text);
//   if (!r.ok()) std::cerr << r.error().ToString() << "\n";  // "<input>: byte 17: invalid UTF-8"
#ifndef PEERCOACH_STATUS_H_
#define PEERCOACH_STATUS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace peercoach {

enum class ErrorCode {
  kInvalidArgument,  // the caller's input is not usable (empty rule set, bad option)
  kInvalidUtf8,      // the text is not valid UTF-8 (location.byte_offset says where)
  kRuleError,        // a rule file is malformed (location says file and line)
  kIoError,          // a file could not be read
  kInternal,         // a library (ICU, RE2) failed where it should not
};

// Where an error is. Unset fields are omitted from ToString().
struct SourceLocation {
  std::string file;                        // path or a name such as "<input>"
  std::size_t line = 0;                    // 1-based; 0 when unknown
  std::size_t column = 0;                  // 1-based; 0 when unknown
  std::optional<std::size_t> byte_offset;  // 0-based byte offset into the file

  static SourceLocation AtByte(std::size_t offset, std::string file = {}) {
    SourceLocation l;
    l.file = std::move(file);
    l.byte_offset = offset;
    return l;
  }
  static SourceLocation AtLine(std::string file, std::size_t line) {
    SourceLocation l;
    l.file = std::move(file);
    l.line = line;
    return l;
  }
  static SourceLocation InFile(std::string file) { return AtLine(std::move(file), 0); }
};

class Error {
 public:
  Error(ErrorCode code, std::string message, SourceLocation location = {})
      : code_(code), message_(std::move(message)), location_(std::move(location)) {}

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourceLocation& location() const { return location_; }

  // Returns "FILE:LINE:COL: message", "FILE: byte N: message" or just the message.
  std::string ToString() const;

 private:
  ErrorCode code_;
  std::string message_;
  SourceLocation location_;
};

// All the errors found by one operation (rule loading reports every error, not the first).
using Errors = std::vector<Error>;

// Result<T, E>: a value or an error, checked with ok() before value()/error().
template <typename T, typename E = Error>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  Result(E error) : data_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return data_.index() == 0; }
  const T& value() const& { return std::get<0>(data_); }
  T& value() & { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  const E& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, E> data_;
};

}  // namespace peercoach

#endif  // PEERCOACH_STATUS_H_
