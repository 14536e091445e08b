#include <cstdint>

#include <nlohmann/json.hpp>

#include "peercoach/report.h"
#include "peercoach/score.h"
#include "report/analysis_json.h"

namespace peercoach {
namespace report {
namespace {

void WriteSpan(JsonWriter& w, std::string_view key, const Span& s) {
  w.Key(key).BeginObject();
  w.Key("begin").Uint(s.begin).Key("end").Uint(s.end);
  w.Key("line").Uint(s.start.line).Key("column").Uint(s.start.column);
  w.Key("end_line").Uint(s.stop.line).Key("end_column").Uint(s.stop.column);
  w.EndObject();
}

}  // namespace

void WriteAnalysisMembers(JsonWriter& w, const Analysis& analysis) {
  w.Key("findings").BeginArray();
  for (const Finding& f : analysis.findings) {
    w.BeginObject();
    w.Key("category").String(CategoryId(f.category));
    w.Key("rule").String(f.rule_id);
    w.Key("severity").String(SeverityName(f.severity));
    w.Key("message").String(f.message);
    w.Key("principle").String(CategoryPrinciple(f.category));
    WriteSpan(w, "span", f.span);
    w.Key("text").String(f.matched_text);
    WriteSpan(w, "sentence", f.sentence);
    w.Key("rewrite");
    if (f.rewrite) {
      w.String(*f.rewrite);
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();

  w.Key("strengths").BeginArray();
  for (const Strength& s : analysis.strengths) {
    w.BeginObject();
    w.Key("strength").String(CategoryId(s.category));
    w.Key("rule").String(s.rule_id);
    w.Key("message").String(s.message);
    WriteSpan(w, "span", s.span);
    w.Key("text").String(s.matched_text);
    w.EndObject();
  }
  w.EndArray();

  const ResponseMeasures& m = analysis.measures;
  w.Key("measures").BeginObject();
  w.Key("sentences").Uint(m.sentences).Key("words").Uint(m.words);
  w.Key("questions").Uint(m.questions).Key("first_person").Uint(m.first_person);
  w.Key("second_person").Uint(m.second_person);
  w.EndObject();

  w.Key("summary").BeginObject();
  w.Key("findings").Uint(analysis.findings.size());
  w.Key("by_category").BeginObject();
  for (Category c : AllCategories()) {
    if (IsStrength(c)) continue;
    std::int64_t count = 0;
    for (const Finding& f : analysis.findings) count += f.category == c ? 1 : 0;
    w.Key(CategoryId(c)).Int(count);
  }
  w.EndObject();
  w.Key("strengths").Uint(analysis.strengths.size());
  w.Key("mutual").Bool(analysis.findings.empty());
  w.EndObject();
}

void AddAnalysisJson(Json& j, const Analysis& analysis) {
  std::string members;
  JsonWriter w(members);
  w.BeginObject();
  WriteAnalysisMembers(w, analysis);
  w.EndObject();
  Json parsed = Json::parse(members);
  for (auto& [key, value] : parsed.items()) j[key] = std::move(value);
}

}  // namespace report

void WriteJson(std::ostream& out, std::string_view /*text*/, const Analysis& analysis,
               const JsonReportOptions& options) {
  std::string line;
  report::JsonWriter w(line);
  w.BeginObject();
  w.Key("version").Int(kJsonSchemaVersion);
  if (!options.id.empty()) w.Key("id").String(options.id);
  if (!options.source.empty()) w.Key("source").String(options.source);
  report::WriteAnalysisMembers(w, analysis);
  const MutualityScore score = ScoreResponse(analysis);
  w.Key("score").BeginObject();
  w.Key("score").Int(score.score).Key("penalty").Int(score.penalty).Key("bonus").Int(score.bonus);
  w.EndObject();
  w.EndObject();
  if (options.pretty) {
    // Indented output is for people, not corpora: the tree's own printer lays it out.
    line = report::Json::parse(line).dump(2);
  }
  out << line << '\n';
}

}  // namespace peercoach
