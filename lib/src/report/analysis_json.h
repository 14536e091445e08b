// report/analysis_json.h: one Analysis as JSON, shared by `check --format json` and the
// review report so a turn reads the same in both.
#ifndef PEERCOACH_REPORT_ANALYSIS_JSON_H_
#define PEERCOACH_REPORT_ANALYSIS_JSON_H_

#include <nlohmann/json.hpp>

#include "peercoach/finding.h"
#include "report/json_writer.h"

namespace peercoach::report {

using Json = nlohmann::ordered_json;  // keys in a fixed order: byte-identical output

// Writes the "findings", "strengths", "measures", "summary" members of the check JSON
// schema into the object `w` has open.
void WriteAnalysisMembers(JsonWriter& w, const Analysis& analysis);
// The same members added to `j`, for reports built as a tree.
void AddAnalysisJson(Json& j, const Analysis& analysis);

}  // namespace peercoach::report

#endif  // PEERCOACH_REPORT_ANALYSIS_JSON_H_
