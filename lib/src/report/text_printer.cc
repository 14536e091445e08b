#include <fmt/color.h>
#include <fmt/format.h>

#include <cstdint>

#include "peercoach/report.h"

namespace peercoach {
namespace {

// Past this many code points a passage is quoted in short, not underlined.
constexpr std::size_t kMaxShownSpan = 120;
constexpr std::size_t kContext = 60;

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

// Moves `i` to a code point boundary at or after it.
std::size_t Ceil(std::string_view s, std::size_t i) {
  while (i < s.size() && (static_cast<uint8_t>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

fmt::text_style CategoryStyle(Category c, bool color) {
  if (!color) return {};
  switch (c) {
    case Category::kDirective: return fg(fmt::terminal_color::yellow) | fmt::emphasis::bold;
    case Category::kOversharing: return fg(fmt::terminal_color::magenta) | fmt::emphasis::bold;
    case Category::kComparing: return fg(fmt::terminal_color::red) | fmt::emphasis::bold;
    case Category::kAssumption: return fg(fmt::terminal_color::cyan) | fmt::emphasis::bold;
    case Category::kHierarchy: return fg(fmt::terminal_color::bright_red) | fmt::emphasis::bold;
    case Category::kBoundary: return fg(fmt::terminal_color::bright_magenta) | fmt::emphasis::bold;
    default: return fg(fmt::terminal_color::green) | fmt::emphasis::bold;
  }
}

fmt::text_style Style(bool color, fmt::text_style style) { return color ? style : fmt::text_style{}; }

void WriteFinding(std::ostream& out, std::string_view text, const Finding& f,
                  const TextReportOptions& o) {
  const std::string where = o.source.empty()
                                ? fmt::format("{}:{}", f.span.start.line, f.span.start.column)
                                : fmt::format("{}:{}:{}", o.source, f.span.start.line,
                                              f.span.start.column);
  out << fmt::format("{}  {}  {}  {}\n", where,
                     fmt::styled(CategoryId(f.category), CategoryStyle(f.category, o.color)),
                     SeverityName(f.severity),
                     fmt::styled(f.rule_id, Style(o.color, fmt::emphasis::faint)));
  if (CodePoints(f.matched_text) > kMaxShownSpan) {
    const std::size_t cut = Ceil(f.matched_text, kMaxShownSpan);
    out << fmt::format("  \"{}…\"\n", OneLine(std::string_view(f.matched_text).substr(0, cut)));
  } else {
    // The sentence, clipped around the span, with the span underlined below it.
    const std::size_t from =
        Ceil(text, f.span.begin - std::min(f.span.begin - f.sentence.begin, kContext * 2));
    const std::size_t to =
        Ceil(text, std::min(f.sentence.end, f.span.end + kContext * 2));
    const std::string_view before = text.substr(from, f.span.begin - from);
    const std::string_view span = text.substr(f.span.begin, f.span.end - f.span.begin);
    const std::string_view after = text.substr(f.span.end, to - f.span.end);
    out << fmt::format("  {}{}{}{}{}\n", from > f.sentence.begin ? "…" : "", OneLine(before),
                       fmt::styled(OneLine(span), CategoryStyle(f.category, o.color)),
                       OneLine(after), to < f.sentence.end ? "…" : "");
    const std::size_t pad = CodePoints(before) + (from > f.sentence.begin ? 1 : 0);
    out << fmt::format("  {}{}\n", std::string(pad, ' '),
                       fmt::styled(std::string(std::max<std::size_t>(1, CodePoints(span)), '^'),
                                   CategoryStyle(f.category, o.color)));
  }
  out << fmt::format("  {}\n", f.message);
  if (f.rewrite) {
    out << fmt::format("  {} {}\n", fmt::styled("Try instead:", Style(o.color, fmt::emphasis::bold)),
                       *f.rewrite);
  } else {
    out << "  (no rewrite found: try asking the peer what they think)\n";
  }
  out << '\n';
}

}  // namespace

void WriteText(std::ostream& out, std::string_view text, const Analysis& analysis,
               const TextReportOptions& o) {
  for (const Finding& f : analysis.findings) WriteFinding(out, text, f, o);
  if (!analysis.strengths.empty()) {
    out << fmt::format("{}\n", fmt::styled("What went well", Style(o.color, fmt::emphasis::bold)));
    for (const Strength& s : analysis.strengths) {
      std::string quote = OneLine(s.matched_text);
      if (CodePoints(quote) > kMaxShownSpan) quote = quote.substr(0, Ceil(quote, kMaxShownSpan)) + "…";
      out << fmt::format("  + {}  \"{}\" ({}:{})\n    {}\n",
                         fmt::styled(CategoryId(s.category), CategoryStyle(s.category, o.color)),
                         quote, s.span.start.line, s.span.start.column, s.message);
    }
    out << '\n';
  }
  out << SummaryLine(analysis) << '\n';
}

}  // namespace peercoach
