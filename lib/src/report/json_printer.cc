#include <nlohmann/json.hpp>

#include "peercoach/report.h"
#include "peercoach/score.h"
#include "report/analysis_json.h"

namespace peercoach {
namespace report {

Json SpanJson(const Span& s) {
  return Json{{"begin", s.begin},       {"end", s.end},          {"line", s.start.line},
              {"column", s.start.column}, {"end_line", s.stop.line}, {"end_column", s.stop.column}};
}

void AddAnalysisJson(Json& j, const Analysis& analysis) {
  Json findings = Json::array();
  Json by_category = Json::object();
  for (Category c : AllCategories()) {
    if (!IsStrength(c)) by_category[std::string(CategoryId(c))] = 0;
  }
  for (const Finding& f : analysis.findings) {
    findings.push_back(Json{{"category", CategoryId(f.category)},
                            {"rule", f.rule_id},
                            {"severity", SeverityName(f.severity)},
                            {"message", f.message},
                            {"principle", CategoryPrinciple(f.category)},
                            {"span", SpanJson(f.span)},
                            {"text", f.matched_text},
                            {"sentence", SpanJson(f.sentence)},
                            {"rewrite", f.rewrite ? Json(*f.rewrite) : Json(nullptr)}});
    by_category[std::string(CategoryId(f.category))] =
        by_category[std::string(CategoryId(f.category))].get<int>() + 1;
  }
  Json strengths = Json::array();
  for (const Strength& s : analysis.strengths) {
    strengths.push_back(Json{{"strength", CategoryId(s.category)},
                             {"rule", s.rule_id},
                             {"message", s.message},
                             {"span", SpanJson(s.span)},
                             {"text", s.matched_text}});
  }
  j["findings"] = std::move(findings);
  j["strengths"] = std::move(strengths);
  const ResponseMeasures& m = analysis.measures;
  j["measures"] = Json{{"sentences", m.sentences},       {"words", m.words},
                       {"questions", m.questions},       {"first_person", m.first_person},
                       {"second_person", m.second_person}};
  j["summary"] = Json{{"findings", analysis.findings.size()},
                      {"by_category", std::move(by_category)},
                      {"strengths", analysis.strengths.size()},
                      {"mutual", analysis.findings.empty()}};
}

}  // namespace report

void WriteJson(std::ostream& out, std::string_view /*text*/, const Analysis& analysis,
               const JsonReportOptions& options) {
  report::Json j;
  j["version"] = kJsonSchemaVersion;
  if (!options.id.empty()) j["id"] = options.id;
  if (!options.source.empty()) j["source"] = options.source;
  report::AddAnalysisJson(j, analysis);
  const MutualityScore score = ScoreResponse(analysis);
  j["score"] = report::Json{{"score", score.score}, {"penalty", score.penalty}, {"bonus", score.bonus}};
  // Invalid UTF-8 (only present under replace) is written as U+FFFD, never thrown.
  out << j.dump(options.pretty ? 2 : -1, ' ', false, report::Json::error_handler_t::replace)
      << '\n';
}

}  // namespace peercoach
