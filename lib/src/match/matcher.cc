#include "match/matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

#include "match/conditions.h"
#include "match/pattern_filter.h"
#include "match/regex_options.h"
#include "text/utf8.h"

namespace peercoach::match {
namespace {

using segmentation::Document;
using segmentation::Sentence;

// Exceptions look at most this far around a match, so a 50 MB run-on sentence full of
// matches stays linear.
constexpr std::size_t kExceptionWindow = 400;

struct CompiledPattern {
  std::unique_ptr<RE2> own;  // detector cues; set patterns are compiled by the filter
  const RE2* re = nullptr;
  int flag_group = -1;                                // index of (?P<flag>...), or -1
  std::vector<std::pair<int, std::string>> captures;  // other named groups
};

struct CompiledException {
  RuleException::Kind kind;
  Condition condition;
  std::unique_ptr<RE2> re;
};

struct CompiledRule {
  const Rule* rule = nullptr;
  std::vector<CompiledPattern> patterns;
  std::vector<CompiledException> exceptions;
};

std::unique_ptr<RE2> CompileOrNull(const std::string& pattern) {
  auto re = std::make_unique<RE2>(pattern, RuleRegexOptions());
  return re->ok() ? std::move(re) : nullptr;
}

bool Overlaps(std::size_t a_begin, std::size_t a_end, std::size_t b_begin, std::size_t b_end) {
  if (a_begin == a_end) return a_begin >= b_begin && a_begin < b_end;
  return a_begin < b_end && b_begin < a_end;
}

}  // namespace

struct Matcher::Impl {
  const RuleSet* rules = nullptr;
  std::vector<CompiledRule> compiled;  // parallel to rules->rules()
  PatternFilter sentence_filter, response_filter;
  // Filter index → (rule, pattern).
  std::vector<std::pair<std::size_t, std::size_t>> sentence_index, response_index;

  bool Cancelled(const CompiledRule& rule, const Document& doc, const Sentence& s,
                 std::size_t span_begin, std::size_t span_end, std::size_t match_begin,
                 std::size_t match_end) const;
  void MatchPattern(std::size_t rule_index, std::size_t pattern_index, const Document& doc,
                    std::size_t from, std::size_t to, std::vector<Candidate>& out,
                    std::vector<Candidate>* cancelled) const;
};

Matcher::Matcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Matcher::~Matcher() = default;

Result<std::unique_ptr<Matcher>> Matcher::Create(const RuleSet& rules) {
  auto impl = std::make_unique<Impl>();
  impl->rules = &rules;

  for (std::size_t r = 0; r < rules.rules().size(); ++r) {
    const Rule& rule = rules.rules()[r];
    CompiledRule cr;
    cr.rule = &rule;
    for (std::size_t p = 0; p < rule.patterns.size(); ++p) {
      CompiledPattern cp;
      if (rule.kind == RuleKind::kPattern) {
        // Pattern rules run when the filter picks them, with the filter's compiled RE2.
        const bool sentence = rule.scope == RuleScope::kSentence;
        PatternFilter& filter = sentence ? impl->sentence_filter : impl->response_filter;
        std::string error;
        cp.re = filter.Add(rule.patterns[p], &error);
        if (!cp.re) {
          return Error(ErrorCode::kRuleError, error, SourceLocation::AtLine(rule.file, rule.line));
        }
        (sentence ? impl->sentence_index : impl->response_index).emplace_back(r, p);
      } else {
        // Detector cue patterns are asked for by their detector.
        cp.own = CompileOrNull(rule.patterns[p]);
        cp.re = cp.own.get();
        if (!cp.re) {
          return Error(ErrorCode::kRuleError, "pattern does not compile: " + rule.patterns[p],
                       SourceLocation::AtLine(rule.file, rule.line));
        }
      }
      for (const auto& [name, index] : cp.re->NamedCapturingGroups()) {
        if (name == "flag") {
          cp.flag_group = index;
        } else {
          cp.captures.emplace_back(index, name);
        }
      }
      std::sort(cp.captures.begin(), cp.captures.end());
      cr.patterns.push_back(std::move(cp));
    }
    for (const RuleException& ex : rule.exceptions) {
      CompiledException ce{ex.kind, ex.condition, nullptr};
      if (ex.kind != RuleException::Kind::kCondition) {
        ce.re = CompileOrNull(ex.pattern);
        if (!ce.re) {
          return Error(ErrorCode::kRuleError, "exception pattern does not compile",
                       SourceLocation::AtLine(rule.file, ex.line));
        }
      }
      cr.exceptions.push_back(std::move(ce));
    }
    impl->compiled.push_back(std::move(cr));
  }
  if (!impl->sentence_filter.Compile() || !impl->response_filter.Compile()) {
    return Error(ErrorCode::kInternal, "the rule patterns' words do not compile into an RE2::Set");
  }
  return std::unique_ptr<Matcher>(new Matcher(std::move(impl)));
}

bool Matcher::Impl::Cancelled(const CompiledRule& rule, const Document& doc, const Sentence& s,
                              std::size_t span_begin, std::size_t span_end,
                              std::size_t match_begin, std::size_t match_end) const {
  const std::string_view text = doc.match.text;
  const std::size_t window_begin = text::FloorToCodePoint(
      text, std::max(s.begin, match_begin > kExceptionWindow ? match_begin - kExceptionWindow : 0));
  std::size_t window_end = std::min(s.end, match_end + kExceptionWindow);
  while (window_end < s.end && (static_cast<unsigned char>(text[window_end]) & 0xC0) == 0x80) {
    ++window_end;
  }
  for (const CompiledException& ex : rule.exceptions) {
    switch (ex.kind) {
      case RuleException::Kind::kCondition:
        if (ConditionHolds(ex.condition, doc, s, span_begin)) return true;
        break;
      case RuleException::Kind::kBefore:
        if (RE2::PartialMatch(text.substr(window_begin, span_begin - window_begin), *ex.re))
          return true;
        break;
      case RuleException::Kind::kAfter:
        if (RE2::PartialMatch(text.substr(span_end, window_end - span_end), *ex.re)) return true;
        break;
      case RuleException::Kind::kSentence:
        if (RE2::PartialMatch(text.substr(window_begin, window_end - window_begin), *ex.re))
          return true;
        break;
      case RuleException::Kind::kOverlap: {
        const std::string_view window = text.substr(window_begin, window_end - window_begin);
        std::size_t pos = 0;
        re2::StringPiece m;
        while (pos <= window.size() &&
               ex.re->Match(window, pos, window.size(), RE2::UNANCHORED, &m, 1)) {
          const std::size_t b = window_begin + static_cast<std::size_t>(m.data() - window.data());
          const std::size_t e = b + m.size();
          if (Overlaps(b, e, match_begin, match_end)) return true;
          if (b >= match_end) break;
          pos = (e > b ? e : b + 1) - window_begin;
        }
        break;
      }
    }
  }
  return false;
}

void Matcher::Impl::MatchPattern(std::size_t rule_index, std::size_t pattern_index,
                                 const Document& doc, std::size_t from, std::size_t to,
                                 std::vector<Candidate>& out,
                                 std::vector<Candidate>* cancelled) const {
  const CompiledRule& cr = compiled[rule_index];
  const CompiledPattern& cp = cr.patterns[pattern_index];
  const std::string_view text = std::string_view(doc.match.text).substr(from, to - from);
  const int ngroups = 1 + cp.re->NumberOfCapturingGroups();
  // Most calls find nothing (about 98%): one buffer per thread, not an allocation per call.
  thread_local std::vector<re2::StringPiece> groups;
  if (groups.size() < static_cast<std::size_t>(ngroups)) groups.resize(static_cast<std::size_t>(ngroups));
  std::size_t pos = 0;
  while (pos <= text.size() &&
         cp.re->Match(text, pos, text.size(), RE2::UNANCHORED, groups.data(), ngroups)) {
    const auto offset = [&](const re2::StringPiece& g) {
      return from + static_cast<std::size_t>(g.data() - text.data());
    };
    Candidate c;
    c.rule = rule_index;
    c.match_begin = offset(groups[0]);
    c.match_end = c.match_begin + groups[0].size();
    c.begin = c.match_begin;
    c.end = c.match_end;
    if (cp.flag_group > 0 && groups[cp.flag_group].data() != nullptr) {
      c.begin = offset(groups[cp.flag_group]);
      c.end = c.begin + groups[cp.flag_group].size();
    }
    for (const auto& [index, name] : cp.captures) {
      const auto& g = groups[static_cast<std::size_t>(index)];
      if (g.data() != nullptr) c.captures.push_back({name, offset(g), offset(g) + g.size()});
    }
    c.sentence = doc.SentenceAt(c.begin);
    const Sentence& s = doc.sentences[c.sentence];
    const std::size_t match_end = c.match_end - from;
    const std::size_t match_begin = c.match_begin - from;
    if (!Cancelled(cr, doc, s, c.begin, c.end, c.match_begin, c.match_end)) {
      out.push_back(std::move(c));
    } else if (cancelled != nullptr) {
      cancelled->push_back(std::move(c));
    }
    if (match_end > match_begin) {
      pos = match_end;
    } else {
      pos = match_begin + 1;  // an empty match: step over one code point
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
  }
}

void Matcher::Match(const Document& doc, std::vector<Candidate>& out,
                    std::optional<Category> only, std::vector<Candidate>* cancelled) const {
  const auto wanted = [&](std::size_t rule) {
    return !only || impl_->rules->rules()[rule].category == *only;
  };
  std::vector<int> hits;
  for (const Sentence& s : doc.sentences) {
    impl_->sentence_filter.Candidates(doc.SentenceText(s), hits);
    for (int h : hits) {
      const auto [rule, pattern] = impl_->sentence_index[static_cast<std::size_t>(h)];
      if (!wanted(rule)) continue;
      impl_->MatchPattern(rule, pattern, doc, s.begin, s.end, out, cancelled);
    }
  }
  if (impl_->response_index.empty() || doc.sentences.empty()) return;
  impl_->response_filter.Candidates(doc.match.text, hits);
  for (int h : hits) {
    const auto [rule, pattern] = impl_->response_index[static_cast<std::size_t>(h)];
    if (!wanted(rule)) continue;
    impl_->MatchPattern(rule, pattern, doc, 0, doc.match.text.size(), out, cancelled);
  }
}

bool Matcher::SentenceCancelled(std::size_t rule, const Document& doc, const Sentence& s) const {
  return impl_->Cancelled(impl_->compiled[rule], doc, s, s.begin, s.end, s.begin, s.end);
}

bool Matcher::AnyPatternMatches(std::size_t rule, const Document& doc, const Sentence& s) const {
  for (const CompiledPattern& cp : impl_->compiled[rule].patterns) {
    if (RE2::PartialMatch(doc.SentenceText(s), *cp.re)) return true;
  }
  return false;
}

}  // namespace peercoach::match
