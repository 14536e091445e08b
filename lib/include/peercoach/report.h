// peercoach/report.h: printers that turn an Analysis into text or JSON.
//
// Printers never re-run matching; they only format. Each writes to any std::ostream so
// tests capture output in a buffer.
//
//   peercoach::WriteText(std::cout, text, analysis, {.color = true});
//   peercoach::WriteJsonLine(std::cout, text, analysis, {.id = "r1"});
#ifndef PEERCOACH_REPORT_H_
#define PEERCOACH_REPORT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "peercoach/finding.h"

namespace peercoach {

// The version of the JSON schema (README "JSON output"). Bumped on incompatible change.
inline constexpr int kJsonSchemaVersion = 1;

struct TextReportOptions {
  bool color = false;
  std::string source;  // shown before line:column, e.g. a file name; empty for none
};

// Writes each finding (sentence, underlined span, category, message, rewrite), then the
// strengths, then a one-line summary.
void WriteText(std::ostream& out, std::string_view text, const Analysis& analysis,
               const TextReportOptions& options);

struct JsonReportOptions {
  std::string id;      // carried as "id" when not empty
  std::string source;  // carried as "source" when not empty
  bool pretty = false; // indented (for --format json) or one line (jsonl)
};

// Writes one JSON object (schema version kJsonSchemaVersion) and a newline.
void WriteJson(std::ostream& out, std::string_view text, const Analysis& analysis,
               const JsonReportOptions& options);

// Returns the one-line summary: "2 findings (1 directive, 1 comparing) · 1 strength".
std::string SummaryLine(const Analysis& analysis);

}  // namespace peercoach

#endif  // PEERCOACH_REPORT_H_
