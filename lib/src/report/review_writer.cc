// The review report as text, JSON, JSON Lines and CSV (HTML is in review_html.cc).
#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "peercoach/report.h"
#include "peercoach/review_report.h"
#include "peercoach/score.h"
#include "report/analysis_json.h"
#include "report/review_html.h"

namespace peercoach {
namespace {

using report::Json;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Rounds for output, so a figure prints the same on every platform.
double Round3(double x) { return std::round(x * 1000.0) / 1000.0; }
double Round1(double x) { return std::round(x * 10.0) / 10.0; }

Json ScoreJson(const SessionScore& s) {
  Json j{{"score", s.score}, {"turns", Round1(s.turns)}};
  if (s.conversation) {
    j["balance"] = Round1(s.balance);
    j["exploration"] = Round1(s.exploration);
    j["focus"] = Round1(s.focus);
  }
  return j;
}

Json MeasuresJson(const ConversationMeasures& m) {
  return Json{{"specialist_words", m.specialist_words},
              {"peer_words", m.peer_words},
              {"talk_share", Round3(m.talk_share)},
              {"specialist_turns", m.specialist_turns},
              {"peer_turns", m.peer_turns},
              {"exploring_turns", m.exploring_turns},
              {"exploration", m.specialist_turns == 0
                                  ? 0.0
                                  : Round3(static_cast<double>(m.exploring_turns) /
                                           static_cast<double>(m.specialist_turns))},
              {"peer_focus", Round3(m.peer_focus)},
              {"longest_monologue_words", m.longest_monologue_words},
              {"turn_balance", Round3(m.turn_balance)},
              {"dominating", m.dominating}};
}

Json CountsJson(const std::array<std::size_t, kCategoryCount>& counts) {
  Json j = Json::object();
  for (Category c : AllCategories()) j[std::string(CategoryId(c))] = counts[static_cast<std::size_t>(c)];
  return j;
}

Json SessionJson(const SessionReview& r) {
  Json j;
  j["source"] = r.session.source;
  j["session"] = r.session.id;
  j["format"] = TranscriptFormatName(r.session.format);
  j["score"] = ScoreJson(r.score);
  j["measures"] = MeasuresJson(r.conversation.measures);
  j["counts"] = CountsJson(r.counts);
  Json turns = Json::array();
  std::size_t next = 0;  // the next analysed specialist turn
  const auto& analysed = r.conversation.specialist_turns;
  for (std::size_t i = 0; i < r.session.turns.size(); ++i) {
    const Turn& t = r.session.turns[i];
    Json tj{{"turn", i + 1},
            {"speaker", t.speaker == Speaker::kSpecialist ? "specialist" : "peer"},
            {"text", t.text}};
    if (next < analysed.size() && analysed[next].turn == i) {
      report::AddAnalysisJson(tj, analysed[next].analysis);
      ++next;
    }
    turns.push_back(std::move(tj));
  }
  j["turns"] = std::move(turns);
  return j;
}

Json CohortJson(const CohortSummary& c) {
  Json skipped = Json::array();
  for (const auto& s : c.skipped) skipped.push_back(Json{{"file", s.file}, {"reason", s.reason}});
  return Json{{"files", c.files},
              {"sessions", c.sessions.size()},
              {"skipped_files", c.skipped.size()},
              {"mean_score", Round1(c.MeanScore())},
              {"dominating_sessions", c.DominatingSessions()},
              {"counts", CountsJson(c.counts)},
              {"skipped", std::move(skipped)}};
}

class JsonWriter : public ReviewWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  void Begin(const CohortSummary&) override { out_ << "{\"version\":" << kJsonSchemaVersion << ",\"sessions\":["; }
  void Session(const SessionReview& r) override {
    out_ << (first_ ? "\n" : ",\n") << Dump(SessionJson(r));
    first_ = false;
  }
  void End(const CohortSummary& c) override { out_ << "\n],\"cohort\":" << Dump(CohortJson(c)) << "}\n"; }

 private:
  std::ostream& out_;
  bool first_ = true;
};

class JsonlWriter : public ReviewWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void Begin(const CohortSummary&) override {}
  void Session(const SessionReview& r) override {
    Json j{{"type", "session"}, {"version", kJsonSchemaVersion}};
    j.update(SessionJson(r));
    out_ << Dump(j) << '\n' << std::flush;
  }
  void End(const CohortSummary& c) override {
    Json j{{"type", "cohort"}, {"version", kJsonSchemaVersion}};
    j.update(CohortJson(c));
    out_ << Dump(j) << '\n';
  }

 private:
  std::ostream& out_;
};

// RFC 4180: quote a field holding a comma, quote or line break; double inner quotes.
std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

class CsvWriter : public ReviewWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void Begin(const CohortSummary&) override {
    out_ << "source,session,format,turns,specialist_turns,score,score_turns,score_balance,"
            "score_exploration,score_focus,talk_share,exploration,peer_focus,"
            "longest_monologue_words,turn_balance,dominating";
    for (Category c : AllCategories()) out_ << ',' << CategoryId(c);
    out_ << "\r\n";
  }
  void Session(const SessionReview& r) override {
    const ConversationMeasures& m = r.conversation.measures;
    const double exploration = m.specialist_turns == 0 ? 0.0
                                                       : static_cast<double>(m.exploring_turns) /
                                                             static_cast<double>(m.specialist_turns);
    out_ << CsvField(r.session.source) << ',' << CsvField(r.session.id) << ','
         << TranscriptFormatName(r.session.format) << ',' << r.session.turns.size() << ','
         << m.specialist_turns << ',' << r.score.score << ','
         << fmt::format("{:.1f},{:.1f},{:.1f},{:.1f},{:.3f},{:.3f},{:.3f}", r.score.turns,
                        r.score.balance, r.score.exploration, r.score.focus, m.talk_share,
                        exploration, m.peer_focus)
         << ',' << m.longest_monologue_words << ',' << fmt::format("{:.3f}", m.turn_balance) << ','
         << (m.dominating ? "true" : "false");
    for (Category c : AllCategories()) out_ << ',' << r.counts[static_cast<std::size_t>(c)];
    out_ << "\r\n";
  }
  void End(const CohortSummary&) override {}

 private:
  std::ostream& out_;
};

class TextWriter : public ReviewWriter {
 public:
  TextWriter(std::ostream& out, bool color) : out_(out), color_(color) {}
  void Begin(const CohortSummary&) override {}
  void Session(const SessionReview& r) override {
    const ConversationMeasures& m = r.conversation.measures;
    out_ << Styled(fmt::format("== {} ({}, {} turns) ==", SessionLabel(r.session),
                               TranscriptFormatName(r.session.format), r.session.turns.size()),
                   fmt::emphasis::bold)
         << '\n';
    if (r.score.conversation) {
      out_ << fmt::format(
          "score {}/100 = turns {:.1f} + balance {:.1f} + exploration {:.1f} + focus {:.1f}\n",
          r.score.score, r.score.turns, r.score.balance, r.score.exploration, r.score.focus);
      out_ << fmt::format(
          "talk share {:.2f} · open questions in {} of {} turns · peer focus {:.2f} · longest "
          "monologue {} words · turn balance {:.2f} · dominating: {}\n",
          m.talk_share, m.exploring_turns, m.specialist_turns, m.peer_focus,
          m.longest_monologue_words, m.turn_balance, m.dominating ? "yes" : "no");
    } else {
      out_ << fmt::format("score {}/100 (a note: the mean mutuality score of its text)\n",
                          r.score.score);
    }
    std::vector<std::string> well;
    for (Category c : AllCategories()) {
      const std::size_t n = r.counts[static_cast<std::size_t>(c)];
      if (IsStrength(c) && n > 0) well.push_back(fmt::format("{} {}", n, CategoryId(c)));
    }
    out_ << "went well: " << (well.empty() ? std::string("no strengths named") : fmt::format("{}", fmt::join(well, ", ")))
         << '\n';
    bool any = false;
    for (const TurnAnalysis& t : r.conversation.specialist_turns) {
      for (const Finding& f : t.analysis.findings) {
        if (!any) out_ << "to work on:\n";
        any = true;
        out_ << fmt::format("  turn {} {}:{}: {} ", t.turn + 1, f.span.start.line, f.span.start.column,
                            Styled(std::string(CategoryId(f.category)), fmt::fg(fmt::terminal_color::yellow)))
             << '"' << f.matched_text << "\"\n"
             << "    " << f.message << '\n';
        if (f.rewrite) out_ << "    try: " << *f.rewrite << '\n';
      }
    }
    if (!any) out_ << "to work on: nothing flagged\n";
    out_ << '\n';
  }
  void End(const CohortSummary& c) override {
    out_ << Styled("== cohort ==", fmt::emphasis::bold) << '\n';
    out_ << fmt::format("{} sessions from {} files · {} skipped · mean score {:.1f} · {} dominating\n",
                        c.sessions.size(), c.files, c.skipped.size(), c.MeanScore(), c.DominatingSessions());
    // The patterns, most common first (ties in TAXONOMY.md order).
    std::vector<Category> order;
    for (Category cat : AllCategories()) {
      if (!IsStrength(cat)) order.push_back(cat);
    }
    std::stable_sort(order.begin(), order.end(), [&](Category a, Category b) {
      return c.counts[static_cast<std::size_t>(a)] > c.counts[static_cast<std::size_t>(b)];
    });
    out_ << "patterns:";
    for (Category cat : order) out_ << ' ' << CategoryId(cat) << ' ' << c.counts[static_cast<std::size_t>(cat)];
    out_ << '\n';
    for (const auto& s : c.skipped) out_ << "skipped " << s.file << ": " << s.reason << '\n';
  }

 private:
  std::string Styled(const std::string& s, fmt::text_style style) const {
    return color_ ? fmt::format(style, "{}", s) : s;
  }
  std::ostream& out_;
  bool color_;
};

}  // namespace

std::optional<ReviewFormat> ParseReviewFormat(std::string_view name) {
  if (name == "text") return ReviewFormat::kText;
  if (name == "json") return ReviewFormat::kJson;
  if (name == "jsonl") return ReviewFormat::kJsonl;
  if (name == "csv") return ReviewFormat::kCsv;
  if (name == "html") return ReviewFormat::kHtml;
  return std::nullopt;
}

std::string SessionLabel(const Session& session) {
  return session.id.empty() ? session.source : session.source + "#" + session.id;
}

void CohortSummary::Add(const SessionReview& review) {
  sessions.push_back({SessionLabel(review.session), review.score.score,
                      review.conversation.measures.talk_share,
                      review.conversation.measures.dominating, !review.score.conversation});
  for (std::size_t i = 0; i < kCategoryCount; ++i) counts[i] += review.counts[i];
}

std::size_t CohortSummary::DominatingSessions() const {
  return static_cast<std::size_t>(
      std::count_if(sessions.begin(), sessions.end(), [](const Line& l) { return l.dominating; }));
}

double CohortSummary::MeanScore() const {
  if (sessions.empty()) return 0;
  double sum = 0;
  for (const Line& l : sessions) sum += l.score;
  return sum / static_cast<double>(sessions.size());
}

std::unique_ptr<ReviewWriter> MakeReviewWriter(ReviewFormat format, std::ostream& out,
                                               const ReviewWriterOptions& options) {
  switch (format) {
    case ReviewFormat::kJson: return std::make_unique<JsonWriter>(out);
    case ReviewFormat::kJsonl: return std::make_unique<JsonlWriter>(out);
    case ReviewFormat::kCsv: return std::make_unique<CsvWriter>(out);
    case ReviewFormat::kHtml: return report::MakeHtmlReviewWriter(out);
    case ReviewFormat::kText: break;
  }
  return std::make_unique<TextWriter>(out, options.color);
}

}  // namespace peercoach
