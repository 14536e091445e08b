// The review report as one self-contained HTML page: inline CSS and SVG, no scripts, no
// network. The overview comes first (so the writer takes the cohort summary up front);
// each session follows with its transcript, flagged spans marked in place (hover for the
// message and rewrite; the same notes are printed under the turn, so a PDF keeps them).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "peercoach/review_report.h"
#include "report/review_html.h"

namespace peercoach::report {
namespace {

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// One colour per category, shared by the marks, the legend and the bar chart.
std::string_view CategoryColor(Category c) {
  switch (c) {
    case Category::kDirective: return "#f4a261";
    case Category::kOversharing: return "#e9c46a";
    case Category::kComparing: return "#e76f51";
    case Category::kAssumption: return "#90be6d";
    case Category::kHierarchy: return "#b392f0";
    case Category::kBoundary: return "#f28482";
    default: return "#8ecae6";
  }
}

constexpr std::string_view kStyle = R"css(
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:1px solid #ccd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.2rem .4rem;border-bottom:1px solid #e3e6ee}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}svg text{font-size:11px;fill:#1d2430}
.measures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.3rem .8rem;margin:.5rem 0}
.measures div{background:#f5f7fb;padding:.3rem .5rem;border-radius:4px}.measures b{display:block;font-size:1.1rem}
.turn{margin:.5rem 0;padding:.4rem .6rem;border-left:4px solid #ccd;break-inside:avoid}
.turn.specialist{border-left-color:#457b9d;background:#f7fafc}.who{font-weight:600;font-size:.8rem;text-transform:uppercase;color:#555}
.turn p{margin:.2rem 0;white-space:pre-wrap}
mark.finding{border-radius:3px;padding:0 1px;cursor:help}
ul.notes{margin:.2rem 0 .2rem 1rem;padding:0;font-size:.88rem}ul.notes li{margin:.15rem 0}
.rewrite{color:#1b5e20}.legend span{display:inline-block;margin-right:.8rem}.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.25rem;vertical-align:middle;border-radius:2px}
.strengths{color:#1b5e20}.skipped{color:#8a1c1c}
@media print{body{max-width:none;font-size:11pt}section.session{break-before:page}a{color:inherit;text-decoration:none}mark.finding{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

void BarChart(std::ostream& out, std::string_view id, std::string_view caption,
              const std::vector<std::pair<std::string, double>>& bars,
              const std::vector<std::string>& colors, double max_value, std::string_view unit,
              double guide = -1) {
  const int bar_h = 18, gap = 4, label_w = 190, width = 640, chart_w = width - label_w - 60;
  const int height = static_cast<int>(bars.size()) * (bar_h + gap) + gap;
  out << "<figure id=\"" << id << "\"><figcaption>" << Escape(caption) << "</figcaption>"
      << fmt::format("<svg role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {} {}\" width=\"100%\">",
                     Escape(caption), width, std::max(height, bar_h));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const int y = gap + static_cast<int>(i) * (bar_h + gap);
    const double v = bars[i].second;
    const int w = max_value <= 0 ? 0 : static_cast<int>(std::lround(chart_w * std::min(v, max_value) / max_value));
    std::string label = bars[i].first;
    if (label.size() > 32) label = "…" + label.substr(label.size() - 31);
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", label_w - 6,
                       y + bar_h - 5, Escape(label))
        << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>", label_w, y,
                       w, bar_h, colors[i % colors.size()])
        << fmt::format("<text x=\"{}\" y=\"{}\">{}{}</text>", label_w + w + 4, y + bar_h - 5,
                       unit == "%" ? fmt::format("{:.0f}", v * 100) : fmt::format("{:g}", v), unit);
  }
  if (guide >= 0 && max_value > 0) {
    const int x = label_w + static_cast<int>(std::lround(chart_w * guide / max_value));
    out << fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"0\" y2=\"{1}\" stroke=\"#1d2430\" stroke-dasharray=\"3 3\"/>",
                       x, height);
  }
  out << "</svg></figure>\n";
}

class HtmlWriter : public ReviewWriter {
 public:
  explicit HtmlWriter(std::ostream& out) : out_(out) {}

  void Begin(const CohortSummary& c) override {
    out_ << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>peercoach review</title><style>"
         << kStyle << "</style></head><body>\n";
    out_ << "<header><h1>Mutuality review</h1><p>"
         << fmt::format("{} sessions from {} files · mean score {:.1f} · {} dominating · {} skipped",
                        c.sessions.size(), c.files, c.MeanScore(), c.DominatingSessions(), c.skipped.size())
         << "</p></header>\n<section id=\"overview\" class=\"overview\"><h2>Cohort overview</h2>\n";
    // Scores in ten bands.
    std::vector<std::pair<std::string, double>> bands;
    for (int b = 0; b < 10; ++b) bands.push_back({fmt::format("{}–{}", b * 10, b == 9 ? 100 : b * 10 + 9), 0});
    for (const auto& l : c.sessions) bands[static_cast<std::size_t>(std::min(l.score / 10, 9))].second += 1;
    double max_band = 0;
    for (const auto& b : bands) max_band = std::max(max_band, b.second);
    BarChart(out_, "chart-scores", "Session scores", bands, {"#457b9d"}, max_band, "");
    // Patterns across the cohort.
    std::vector<std::pair<std::string, double>> cats;
    std::vector<std::string> colors;
    double max_cat = 0;
    for (Category cat : AllCategories()) {
      if (IsStrength(cat)) continue;
      const double n = static_cast<double>(c.counts[static_cast<std::size_t>(cat)]);
      cats.push_back({std::string(CategoryId(cat)), n});
      colors.push_back(std::string(CategoryColor(cat)));
      max_cat = std::max(max_cat, n);
    }
    BarChart(out_, "chart-categories", "Patterns that break mutuality, across the cohort", cats,
             colors, max_cat, "");
    // Talk share: per session when there are few, else in bands.
    std::vector<std::pair<std::string, double>> shares;
    std::vector<std::string> share_colors;
    std::size_t conversations = 0;
    for (const auto& l : c.sessions) conversations += l.note ? 0 : 1;
    if (conversations <= 60) {
      for (const auto& l : c.sessions) {
        if (l.note) continue;
        shares.push_back({l.label, l.talk_share});
        share_colors.push_back(l.dominating ? "#e76f51" : "#2a9d8f");
      }
      BarChart(out_, "chart-talk-share",
               "Specialist's share of the words per session (dashed: one half; red: dominating)",
               shares, share_colors, 1.0, "%", 0.5);
    } else {
      std::vector<std::pair<std::string, double>> share_bands;
      for (int b = 0; b < 10; ++b) share_bands.push_back({fmt::format("{}–{}%", b * 10, b * 10 + 10), 0});
      for (const auto& l : c.sessions) {
        if (!l.note) share_bands[static_cast<std::size_t>(std::min(static_cast<int>(l.talk_share * 10), 9))].second += 1;
      }
      double max_sb = 0;
      for (const auto& b : share_bands) max_sb = std::max(max_sb, b.second);
      BarChart(out_, "chart-talk-share", "Sessions by the specialist's share of the words",
               share_bands, {"#2a9d8f"}, max_sb, "");
    }
    out_ << "<p class=\"legend\">";
    for (Category cat : AllCategories()) {
      if (IsStrength(cat)) continue;
      out_ << "<span><i class=\"swatch\" style=\"background:" << CategoryColor(cat) << "\"></i>"
           << CategoryId(cat) << "</span>";
    }
    out_ << "</p>\n<table id=\"sessions\"><thead><tr><th>Session</th><th class=\"num\">Score</th>"
            "<th class=\"num\">Talk share</th><th>Dominating</th></tr></thead><tbody>\n";
    for (std::size_t i = 0; i < c.sessions.size(); ++i) {
      const auto& l = c.sessions[i];
      out_ << fmt::format("<tr><td><a href=\"#session-{}\">{}</a></td><td class=\"num\">{}</td>"
                          "<td class=\"num\">{}</td><td>{}</td></tr>\n",
                          i + 1, Escape(l.label), l.score,
                          l.note ? std::string("–") : fmt::format("{:.0f}%", l.talk_share * 100),
                          l.note ? "–" : (l.dominating ? "yes" : "no"));
    }
    out_ << "</tbody></table>\n";
    if (!c.skipped.empty()) {
      out_ << "<h3>Skipped files</h3><ul class=\"skipped\">";
      for (const auto& s : c.skipped) out_ << "<li>" << Escape(s.file) << ": " << Escape(s.reason) << "</li>";
      out_ << "</ul>\n";
    }
    out_ << "</section>\n";
  }

  void Session(const SessionReview& r) override {
    ++index_;
    const ConversationMeasures& m = r.conversation.measures;
    out_ << fmt::format("<section class=\"session\" id=\"session-{}\" data-label=\"{}\"><h2>{}</h2>\n",
                        index_, Escape(SessionLabel(r.session)), Escape(SessionLabel(r.session)));
    out_ << "<div class=\"measures\">";
    Measure("Score", fmt::format("{}/100", r.score.score));
    if (r.score.conversation) {
      Measure("Score parts", fmt::format("turns {:.1f} + balance {:.1f} + exploration {:.1f} + focus {:.1f}",
                                         r.score.turns, r.score.balance, r.score.exploration, r.score.focus));
      Measure("Talk share", fmt::format("{:.0f}%", m.talk_share * 100));
      Measure("Open questions", fmt::format("{} of {} turns", m.exploring_turns, m.specialist_turns));
      Measure("Peer focus (you vs I)", fmt::format("{:.2f}", m.peer_focus));
      Measure("Longest monologue", fmt::format("{} words", m.longest_monologue_words));
      Measure("Turn balance", fmt::format("{:.2f}", m.turn_balance));
      Measure("Dominating", m.dominating ? "yes" : "no");
    } else {
      Measure("Kind", "a note (no peer turns)");
    }
    out_ << "</div>\n";
    std::vector<std::string> well;
    for (Category c : AllCategories()) {
      const std::size_t n = r.counts[static_cast<std::size_t>(c)];
      if (IsStrength(c) && n > 0) well.push_back(fmt::format("{} {}", n, CategoryId(c)));
    }
    out_ << "<p class=\"strengths\"><b>Went well:</b> "
         << Escape(well.empty() ? std::string("no strengths named") : fmt::format("{}", fmt::join(well, ", ")))
         << "</p>\n<div class=\"transcript\">\n";
    std::size_t next = 0;
    const auto& analysed = r.conversation.specialist_turns;
    for (std::size_t i = 0; i < r.session.turns.size(); ++i) {
      const Turn& t = r.session.turns[i];
      const bool specialist = t.speaker == Speaker::kSpecialist;
      out_ << "<div class=\"turn " << (specialist ? "specialist" : "peer") << "\"><span class=\"who\">"
           << (specialist ? "Specialist" : "Peer") << "</span>";
      if (next < analysed.size() && analysed[next].turn == i) {
        Highlighted(t.text, analysed[next].analysis);
        ++next;
      } else {
        out_ << "<p>" << Escape(t.text) << "</p>";
      }
      out_ << "</div>\n";
    }
    out_ << "</div></section>\n";
  }

  void End(const CohortSummary&) override {
    out_ << "<footer><p>Written by peercoach. Categories: TAXONOMY.md. Nothing in this page "
            "loads from the network.</p></footer></body></html>\n";
  }

 private:
  void Measure(std::string_view name, const std::string& value) {
    out_ << "<div>" << Escape(name) << "<b>" << Escape(value) << "</b></div>";
  }

  // The turn with each finding's span marked. Overlapping spans share one mark that
  // carries every finding (data-count), so no finding is lost from the page.
  void Highlighted(const std::string& text, const Analysis& analysis) {
    std::vector<const Finding*> fs;
    for (const Finding& f : analysis.findings) {
      if (f.span.begin < f.span.end && f.span.end <= text.size()) fs.push_back(&f);
    }
    std::stable_sort(fs.begin(), fs.end(), [](const Finding* a, const Finding* b) {
      return a->span.begin < b->span.begin;
    });
    out_ << "<p>";
    std::size_t cursor = 0;
    for (std::size_t i = 0; i < fs.size();) {
      std::size_t begin = fs[i]->span.begin, end = fs[i]->span.end, j = i + 1;
      while (j < fs.size() && fs[j]->span.begin < end) end = std::max(end, fs[j++]->span.end);
      begin = std::max(begin, cursor);
      out_ << Escape(std::string_view(text).substr(cursor, begin - cursor));
      std::string title, rules, cats;
      for (std::size_t k = i; k < j; ++k) {
        const Finding& f = *fs[k];
        if (k > i) {
          title += "\n\n";
          rules += ' ';
          cats += ' ';
        }
        title += fmt::format("{}: {}", CategoryId(f.category), f.message);
        if (f.rewrite) title += "\nTry: " + *f.rewrite;
        rules += f.rule_id;
        cats += CategoryId(f.category);
      }
      out_ << fmt::format(
          "<mark class=\"finding cat-{}\" style=\"background:{}\" data-rules=\"{}\" "
          "data-categories=\"{}\" data-count=\"{}\" title=\"{}\" tabindex=\"0\">{}</mark>",
          CategoryId(fs[i]->category), CategoryColor(fs[i]->category), Escape(rules), Escape(cats),
          j - i, Escape(title), Escape(std::string_view(text).substr(begin, end - begin)));
      cursor = end;
      i = j;
    }
    out_ << Escape(std::string_view(text).substr(cursor)) << "</p>";
    if (fs.empty()) return;
    out_ << "<ul class=\"notes\">";
    for (const Finding* f : fs) {
      out_ << "<li><b>" << CategoryId(f->category) << "</b> “" << Escape(f->matched_text) << "”: "
           << Escape(f->message);
      if (f->rewrite) out_ << " <span class=\"rewrite\">Try: " << Escape(*f->rewrite) << "</span>";
      out_ << "</li>";
    }
    out_ << "</ul>";
  }

  std::ostream& out_;
  std::size_t index_ = 0;
};

}  // namespace

std::unique_ptr<ReviewWriter> MakeHtmlReviewWriter(std::ostream& out) {
  return std::make_unique<HtmlWriter>(out);
}

}  // namespace peercoach::report
