// Evaluation reports: a text table for papers, versioned JSON, CSV.
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include "peercoach/evaluation.h"
#include "peercoach/report.h"

namespace peercoach {
namespace {

std::string_view KindName(EvalDisagreement::Kind kind) {
  switch (kind) {
    case EvalDisagreement::Kind::kFalsePositive:
      return "false-positive";
    case EvalDisagreement::Kind::kFalseNegative:
      return "false-negative";
    case EvalDisagreement::Kind::kDominating:
      return "dominating";
  }
  return "";
}

void TextScoreRow(std::ostream& out, const CategoryScore& s) {
  if (!s.measured()) {
    fmt::print(out, "  {:<14} {:>9} {:>7} {:>7} {:>8} {:>5} {:>5} {:>5}\n", s.name, "-", "-", "-",
               0, 0, 0, 0);
    return;
  }
  fmt::print(out, "  {:<14} {:>9.3f} {:>7.3f} {:>7.3f} {:>8} {:>5} {:>5} {:>5}\n", s.name,
             s.precision, s.recall, s.f1, s.support, s.tp, s.fp, s.fn);
}

void TextLabelScores(std::ostream& out, const std::string& title, const LabelScores& s) {
  fmt::print(out, "{} ({})\n", title, s.items);
  fmt::print(out, "  {:<14} {:>9} {:>7} {:>7} {:>8} {:>5} {:>5} {:>5}\n", "category", "precision",
             "recall", "F1", "support", "TP", "FP", "FN");
  for (const CategoryScore& c : s.categories) TextScoreRow(out, c);
  TextScoreRow(out, s.micro);
  fmt::print(out, "  {:<14} {:>9.3f} {:>7.3f} {:>7.3f}\n", "macro", s.macro.precision,
             s.macro.recall, s.macro.f1);
  fmt::print(out, "  exact match {:.3f} ({} of {})\n", s.exact_match, s.exact, s.items);
}

std::string Quote(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return "\"" + out + "\"";
}

// Scores of an unmeasured category are null, not a misleading 0.
nlohmann::ordered_json ScoreJson(const CategoryScore& s) {
  const auto value = [&](double v) { return s.measured() ? nlohmann::ordered_json(v) : nullptr; };
  return {{"precision", value(s.precision)}, {"recall", value(s.recall)}, {"f1", value(s.f1)},
          {"support", s.support},            {"tp", s.tp},                {"fp", s.fp},
          {"fn", s.fn}};
}

nlohmann::ordered_json LabelScoresJson(const LabelScores& s) {
  nlohmann::ordered_json j;
  j["items"] = s.items;
  nlohmann::ordered_json categories = nlohmann::ordered_json::object();
  for (const CategoryScore& c : s.categories) categories[c.name] = ScoreJson(c);
  j["categories"] = categories;
  j["micro"] = ScoreJson(s.micro);
  j["macro"] = {{"precision", s.macro.precision}, {"recall", s.macro.recall}, {"f1", s.macro.f1}};
  j["exact_match"] = s.exact_match;
  return j;
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

void WriteEvaluationText(std::ostream& out, const Evaluation& ev, const EvalPrintOptions& o) {
  if (ev.responses.items > 0) TextLabelScores(out, "Responses", ev.responses);
  if (!ev.hard_negatives.empty()) {
    fmt::print(out, "\nHard negatives (mutual near misses)\n");
    fmt::print(out, "  {:<14} {:>6} {:>10} {:>8} {:>8}\n", "category", "items", "same-cat",
               "any-flag", "rate");
    for (const HardNegativeScore& h : ev.hard_negatives) {
      fmt::print(out, "  {:<14} {:>6} {:>10} {:>8} {:>8.3f}\n", CategoryId(h.category), h.items,
                 h.flagged_category, h.flagged_any, h.flagged_rate);
    }
  }
  const RewriteFigures& rw = ev.rewrites;
  if (rw.findings > 0) {
    fmt::print(out, "\nRewrites (of the findings in the responses)\n");
    fmt::print(out, "  {:<14} {:>8} {:>10} {:>8} {:>8} {:>8}\n", "category", "findings", "rewritten",
               "share", "clean", "kept");
    auto row = [&](std::string_view name, std::size_t n, std::size_t r, std::size_t c, double kept) {
      fmt::print(out, "  {:<14} {:>8} {:>10} {:>8.3f} {:>8.3f} {:>8.3f}\n", name, n, r,
                 n == 0 ? 0.0 : static_cast<double>(r) / static_cast<double>(n),
                 r == 0 ? 0.0 : static_cast<double>(c) / static_cast<double>(r), kept);
    };
    for (const auto& c : rw.categories) row(CategoryId(c.category), c.findings, c.rewritten, c.clean, c.content_kept);
    row("all", rw.findings, rw.rewritten, rw.clean, rw.content_kept);
    fmt::print(out, "  (share: findings with a rewrite; clean: rewrites with no finding of the "
                    "category when analysed again; kept: content words of the sentence kept)\n");
  }
  const TranscriptScores& t = ev.transcripts;
  if (t.transcripts > 0) {
    fmt::print(out, "\nTranscripts ({})\n", t.transcripts);
    if (t.judged > 0) {
      fmt::print(out, "  dominating accuracy {:.3f} ({} of {}); precision {:.3f} recall {:.3f} "
                      "F1 {:.3f}\n",
                 t.dominating_accuracy, t.dominating_correct, t.judged, t.dominating.precision,
                 t.dominating.recall, t.dominating.f1);
    }
    if (t.turns.items > 0) {
      out << "\n";
      TextLabelScores(out, "Specialist turns", t.turns);
    }
  }
  if (ev.skipped > 0) fmt::print(out, "\nSkipped {} invalid gold lines\n", ev.skipped);
  if (o.errors) {
    fmt::print(out, "\nDisagreements ({})\n", ev.disagreements.size());
    for (const EvalDisagreement& d : ev.disagreements) {
      fmt::print(out, "  {} {} {} ({}:{})\n", KindName(d.kind), d.category, d.id, d.file, d.line);
      if (!d.text.empty()) fmt::print(out, "    text: {}\n", Quote(d.text));
      const char* label = d.kind == EvalDisagreement::Kind::kFalsePositive ? "fired"
                          : d.kind == EvalDisagreement::Kind::kFalseNegative
                              ? "should have flagged"
                              : "why";
      if (d.details.empty() && d.kind == EvalDisagreement::Kind::kFalseNegative) {
        fmt::print(out, "    {}: (no evidence given; no rule of the category fired)\n", label);
      }
      for (const std::string& detail : d.details) {
        fmt::print(out, "    {}: {}\n", label,
                   d.kind == EvalDisagreement::Kind::kFalseNegative ? Quote(detail) : detail);
      }
    }
  }
}

void WriteEvaluationJson(std::ostream& out, const Evaluation& ev, const EvalPrintOptions& o) {
  nlohmann::ordered_json j;
  j["version"] = kJsonSchemaVersion;
  j["responses"] = LabelScoresJson(ev.responses);
  nlohmann::ordered_json hard = nlohmann::ordered_json::object();
  for (const HardNegativeScore& h : ev.hard_negatives) {
    hard[std::string(CategoryId(h.category))] = {{"items", h.items},
                                                 {"flagged_category", h.flagged_category},
                                                 {"flagged_any", h.flagged_any},
                                                 {"flagged_rate", h.flagged_rate}};
  }
  j["hard_negatives"] = hard;
  nlohmann::ordered_json rewrites = nlohmann::ordered_json::object();
  for (const auto& c : ev.rewrites.categories) {
    rewrites[std::string(CategoryId(c.category))] = {{"findings", c.findings},
                                                     {"rewritten", c.rewritten},
                                                     {"clean", c.clean},
                                                     {"content_kept", c.content_kept}};
  }
  rewrites["all"] = {{"findings", ev.rewrites.findings},
                     {"rewritten", ev.rewrites.rewritten},
                     {"clean", ev.rewrites.clean},
                     {"content_kept", ev.rewrites.content_kept}};
  j["rewrites"] = rewrites;
  const TranscriptScores& t = ev.transcripts;
  j["transcripts"] = {{"transcripts", t.transcripts},
                      {"judged", t.judged},
                      {"dominating_accuracy", t.dominating_accuracy},
                      {"dominating", ScoreJson(t.dominating)},
                      {"turns", LabelScoresJson(t.turns)}};
  j["skipped"] = ev.skipped;
  if (o.errors) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const EvalDisagreement& d : ev.disagreements) {
      list.push_back({{"kind", KindName(d.kind)},
                      {"category", d.category},
                      {"id", d.id},
                      {"file", d.file},
                      {"line", d.line},
                      {"text", d.text},
                      {"details", d.details}});
    }
    j["disagreements"] = list;
  }
  out << j.dump(2) << "\n";
}

void WriteEvaluationCsv(std::ostream& out, const Evaluation& ev, const EvalPrintOptions& o) {
  out << "scope,category,precision,recall,f1,support,tp,fp,fn\n";
  const auto rows = [&](std::string_view scope, const LabelScores& s) {
    if (s.items == 0) return;
    for (const CategoryScore& c : s.categories) {
      fmt::print(out, "{},{},{:.4f},{:.4f},{:.4f},{},{},{},{}\n", scope, c.name, c.precision,
                 c.recall, c.f1, c.support, c.tp, c.fp, c.fn);
    }
    fmt::print(out, "{},micro,{:.4f},{:.4f},{:.4f},{},{},{},{}\n", scope, s.micro.precision,
               s.micro.recall, s.micro.f1, s.micro.support, s.micro.tp, s.micro.fp, s.micro.fn);
    fmt::print(out, "{},macro,{:.4f},{:.4f},{:.4f},,,,\n", scope, s.macro.precision,
               s.macro.recall, s.macro.f1);
    fmt::print(out, "{},exact_match,,,{:.4f},{},,,\n", scope, s.exact_match, s.items);
  };
  rows("responses", ev.responses);
  for (const HardNegativeScore& h : ev.hard_negatives) {
    fmt::print(out, "hard_negatives,{},,,,{},,{},\n", CategoryId(h.category), h.items,
               h.flagged_any);
  }
  const TranscriptScores& t = ev.transcripts;
  if (t.judged > 0) {
    fmt::print(out, "transcripts,dominating,{:.4f},{:.4f},{:.4f},{},{},{},{}\n",
               t.dominating.precision, t.dominating.recall, t.dominating.f1,
               t.dominating.support, t.dominating.tp, t.dominating.fp, t.dominating.fn);
  }
  rows("turns", t.turns);
  if (o.errors) {
    out << "\nkind,category,id,file,line,text,details\n";
    for (const EvalDisagreement& d : ev.disagreements) {
      std::string details;
      for (const std::string& x : d.details) details += (details.empty() ? "" : " | ") + x;
      fmt::print(out, "{},{},{},{},{},{},{}\n", KindName(d.kind), d.category, CsvField(d.id),
                 CsvField(d.file), d.line, CsvField(d.text), CsvField(details));
    }
  }
}

}  // namespace peercoach
