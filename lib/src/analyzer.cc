#include "peercoach/analyzer.h"

#include <map>
#include <optional>
#include <tuple>

#include "context/peer_context.h"
#include "detectors/narrative.h"
#include "detectors/sentence_model.h"
#include "findings/resolve.h"
#include "match/matcher.h"
#include "rewrite/rewriter.h"
#include "segmentation/document.h"
#include "text/line_index.h"
#include "text/match_text.h"
#include "text/utf8.h"

namespace peercoach {
namespace {

// The directive message when the peer asked what to do: ideas fit, the choice stays theirs.
constexpr std::string_view kAskedForAdvice =
    "The peer asked what to do, so sharing ideas fits here. Keep it mutual: offer them as "
    "options rather than instructions, ask first whether they'd like to hear some, and check "
    "what fits for them, so the choice stays with the peer.";

using segmentation::Document;
using segmentation::Sentence;

std::string_view Slice(std::string_view s, std::size_t begin, std::size_t end) {
  return s.substr(begin, end - begin);
}

// What a run covers. A rewrite's verification needs no rewrites of its own, and a
// stock rewrite only its finding's category: other categories' findings can only
// remove a finding (supersedes), never add one, so a rewrite clean for its category's
// rules and detectors is clean in a full analysis.
struct RunScope {
  std::optional<Category> only;  // run just this category's rules and detectors
  bool rewrites = true;
};

}  // namespace

struct Analyzer::Impl {
  RuleSet rules;
  std::unique_ptr<match::Matcher> matcher;
  std::unique_ptr<segmentation::Segmenter> segmenter;

  Result<Analysis> Run(std::string_view text, const AnalyzeOptions& options,
                       const RunScope& scope = RunScope()) const;
  // Verified rewrites of this analysis: a repeated rewrite is analysed once.
  using RewriteMemo = std::map<std::tuple<Category, bool, std::string>, bool>;
  void AddRewrite(const Document& doc, const match::Candidate& c, Finding& f,
                  const AnalyzeOptions& options, RewriteMemo& memo) const;
  bool RewriteIsClean(const rewrite::RewriteCandidate& rewrite, Category category,
                      const AnalyzeOptions& options, RewriteMemo& memo) const;
  bool StockRewriteIsClean(std::string_view text, Category category) const;

  // The verdicts on the rule files' fixed rewrites (templates without a placeholder),
  // worked out once in Create: a stock rewrite is checked against its category only,
  // which no option changes, so every analysis would otherwise repeat the same work.
  std::map<std::pair<Category, std::string>, bool> stock_clean;
  // Per category, the sentence-model rule whose `veto_below` may drop its pattern
  // matches; found once in Create, not on every analysis.
  std::map<Category, const Rule*> veto_models;
};

namespace {

// Whether a sentence has the number of words a sentence-model rule judges.
bool InModelRange(const Rule& model_rule, const Sentence& s) {
  const auto words = static_cast<double>(s.word_count());
  return words >= model_rule.thresholds.at("min_words") &&
         words <= model_rule.thresholds.at("max_words");
}

}  // namespace

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
Analyzer::~Analyzer() = default;

const RuleSet& Analyzer::rules() const { return impl_->rules; }

Result<Analyzer> Analyzer::Create(const RuleSet& rules) {
  auto impl = std::make_unique<Impl>();
  impl->rules = rules;
  auto matcher = match::Matcher::Create(impl->rules);
  if (!matcher.ok()) return matcher.error();
  impl->matcher = std::move(matcher.value());
  auto segmenter = segmentation::Segmenter::Create();
  if (!segmenter.ok()) return segmenter.error();
  impl->segmenter = std::move(segmenter.value());
  for (const Rule& rule : impl->rules.rules()) {
    if (rule.kind == RuleKind::kDetector && rule.detector == "sentence-model" &&
        rule.sentence_model != nullptr && rule.thresholds.at("veto_below") > 0) {
      impl->veto_models[rule.category] = &rule;
    }
  }
  for (const Rule& rule : impl->rules.rules()) {
    for (const std::string& tmpl : rule.rewrites) {
      if (tmpl.find('{') != std::string::npos) continue;
      auto [it, inserted] = impl->stock_clean.try_emplace({rule.category, tmpl}, false);
      if (inserted) it->second = impl->StockRewriteIsClean(tmpl, rule.category);
    }
  }
  return Analyzer(std::move(impl));
}

Result<Analysis> Analyzer::Analyze(std::string_view text, const AnalyzeOptions& options) const {
  return impl_->Run(text, options);
}

// A stock rewrite must lose its finding's category; one made of the trainee's own words
// must come back with no finding at all, since the words it keeps may carry another
// pattern ("trust me, you need to..." must not become "in my experience you need to...").
bool Analyzer::Impl::RewriteIsClean(const rewrite::RewriteCandidate& rewrite, Category category,
                                    const AnalyzeOptions& options, RewriteMemo& memo) const {
  if (!rewrite.own_words) {
    if (auto it = stock_clean.find(std::make_pair(category, rewrite.text)); it != stock_clean.end()) {
      return it->second;
    }
  }
  auto [it, inserted] = memo.try_emplace({category, rewrite.own_words, rewrite.text}, false);
  if (!inserted) return it->second;
  if (!rewrite.own_words) return it->second = StockRewriteIsClean(rewrite.text, category);
  // No rewrites of the rewrite, so verify_rewrites does not matter here.
  auto again = Run(rewrite.text, options, RunScope{.only = std::nullopt, .rewrites = false});
  bool clean = again.ok();
  if (clean) {
    for (const Finding& g : again.value().findings) clean &= g.severity == Severity::kInfo;
  }
  it->second = clean;
  return clean;
}

// Only the category's own rules and detectors run, and the options do not matter: the
// context changes a directive's severity, never whether a finding is there.
bool Analyzer::Impl::StockRewriteIsClean(std::string_view text, Category category) const {
  auto again = Run(text, AnalyzeOptions{}, RunScope{.only = category, .rewrites = false});
  if (!again.ok()) return false;
  for (const Finding& g : again.value().findings) {
    if (g.category == category) return false;
  }
  return true;
}

void Analyzer::Impl::AddRewrite(const Document& doc, const match::Candidate& c, Finding& f,
                                const AnalyzeOptions& options, RewriteMemo& memo) const {
  const Rule& rule = rules.rules()[c.rule];
  const std::string_view original = doc.original;
  rewrite::RewriteInput input;
  input.sentence = Slice(original, f.sentence.begin, f.sentence.end);
  input.match = f.matched_text;
  input.before = Slice(original, f.sentence.begin, std::max(f.sentence.begin, f.span.begin));
  input.after = Slice(original, std::min(f.span.end, f.sentence.end), f.sentence.end);
  for (const match::Capture& cap : c.captures) {
    const std::size_t b = doc.match.map.ToOriginalBegin(cap.begin);
    const std::size_t e = doc.match.map.ToOriginalEnd(cap.end);
    input.captures.emplace_back(cap.name, std::string(Slice(original, b, e)));
  }
  for (rewrite::RewriteCandidate& candidate : rewrite::RewriteCandidates(rule, input)) {
    // A rewrite that still carries the flag it was meant to remove is not shown.
    if (!options.verify_rewrites || RewriteIsClean(candidate, f.category, options, memo)) {
      f.rewrite = std::move(candidate.text);
      return;
    }
  }
}

Result<Analysis> Analyzer::Impl::Run(std::string_view text, const AnalyzeOptions& options,
                                     const RunScope& scope) const {
  Analysis analysis;
  if (!options.replace_invalid_utf8) {
    if (auto bad = text::FindInvalidUtf8(text)) {
      return Error(ErrorCode::kInvalidUtf8, "invalid UTF-8",
                   SourceLocation::AtByte(*bad));
    }
  }
  if (text::IsBlank(text)) return analysis;

  Document doc;
  auto segmented = segmenter->Build(text, options.replace_invalid_utf8, doc);
  if (!segmented.ok()) return segmented.error();

  const text::LineIndex lines(text);
  const auto orig_span = [&](std::size_t norm_begin, std::size_t norm_end) {
    return lines.MakeSpan(doc.match.map.ToOriginalBegin(norm_begin),
                          doc.match.map.ToOriginalEnd(norm_end));
  };
  const auto sentence_span = [&](std::size_t first, std::size_t last) {
    return lines.MakeSpan(doc.sentences[first].orig_begin, doc.sentences[last].orig_end);
  };

  std::vector<match::Candidate> candidates;
  std::vector<match::Candidate> cancelled;  // matches an exception judged harmless
  matcher->Match(doc, candidates, scope.only, &cancelled);

  // Each sentence's known features, looked up once per model for all its categories.
  std::map<const detectors::SentenceModel*, std::vector<std::optional<std::vector<std::uint32_t>>>>
      known_features;
  const auto model_probability = [&](const Rule& model_rule, std::size_t i) {
    auto& cache = known_features[model_rule.sentence_model.get()];
    cache.resize(doc.sentences.size());
    if (!cache[i]) {
      cache[i] = model_rule.sentence_model->KnownFeatures(
          detectors::WindowAt(doc, i, options.context));
    }
    return model_rule.sentence_model->Probability(model_rule.category, *cache[i]);
  };
  // A pattern match stands unless its category's sentence model all but rules the sentence
  // out (below `veto_below`): the model has read the near misses the patterns were not
  // written for. Sentences outside the model's word range are left to the patterns.
  const auto vetoed = [&](const match::Candidate& c, Category category) {
    auto it = veto_models.find(category);
    if (it == veto_models.end()) return false;
    const Rule& model_rule = *it->second;
    return InModelRange(model_rule, doc.sentences[c.sentence]) &&
           model_probability(model_rule, c.sentence) < model_rule.thresholds.at("veto_below");
  };

  // Which candidate each finding came from, for its rewrite's captures.
  std::map<std::pair<std::size_t, std::string>, const match::Candidate*> sources;
  for (const match::Candidate& c : candidates) {
    const Rule& rule = rules.rules()[c.rule];
    if (vetoed(c, rule.category)) continue;
    const Span span = orig_span(c.begin, c.end);
    std::string matched(Slice(text, span.begin, span.end));
    if (IsStrength(rule.category)) {
      analysis.strengths.push_back({rule.category, rule.id, rule.message, span, matched});
      continue;
    }
    Finding f{rule.category, rule.id, rule.severity, rule.message, span, std::move(matched),
              sentence_span(c.sentence, c.sentence), std::nullopt};
    analysis.findings.push_back(std::move(f));
    sources.try_emplace({span.begin, rule.id}, &c);
  }

  // Detectors: measures, not phrases.
  for (std::size_t r = 0; r < rules.rules().size(); ++r) {
    const Rule& rule = rules.rules()[r];
    if (rule.kind != RuleKind::kDetector || (scope.only && rule.category != *scope.only)) continue;
    std::vector<detectors::Passage> passages;
    if (rule.detector == "narrative") {
      passages = detectors::DetectLongNarrative(doc, rule.thresholds);
    } else if (rule.detector == "relatable-disclosure") {
      passages = detectors::DetectRelatableDisclosure(
          doc, rule.thresholds,
          [&](const Sentence& s) { return matcher->AnyPatternMatches(r, doc, s); });
    } else if (rule.detector == "sentence-model" && rule.sentence_model != nullptr) {
      // Only where the category's pattern rules have said nothing: a match gives the exact
      // span, and a match an exception cancelled is a near miss the rules already judged.
      std::vector<bool> covered(doc.sentences.size(), false);
      for (const auto* list : {&candidates, &cancelled}) {
        for (const match::Candidate& c : *list) {
          if (rules.rules()[c.rule].category == rule.category) covered[c.sentence] = true;
        }
      }
      // A few words are too little evidence for a bag of words ("Bin it?"), and a run far
      // longer than any sentence it learned from piles up weights by sheer vocabulary.
      const double min_probability = rule.thresholds.at("min_probability");
      // A disclosure followed by a question to the peer turned back to them: with
      // `brief_if_turned_back`, judging starts at the response's last such question
      // (TAXONOMY.md: a brief disclosure that turns back is not oversharing).
      std::size_t first_judged = 0;
      if (rule.thresholds.at("brief_if_turned_back") > 0) {
        for (std::size_t i = doc.sentences.size(); i-- > 0;) {
          if (detectors::AsksThePeer(doc.sentences[i])) {
            first_judged = i;
            break;
          }
        }
      }
      for (std::size_t i = first_judged; i < doc.sentences.size(); ++i) {
        if (covered[i] || !InModelRange(rule, doc.sentences[i]) ||
            matcher->SentenceCancelled(r, doc, doc.sentences[i])) {
          continue;
        }
        if (model_probability(rule, i) >= min_probability) {
          passages.push_back({i, i});
        }
      }
    }
    for (const detectors::Passage& p : passages) {
      const Span span = sentence_span(p.first, p.last);
      std::string matched(Slice(text, span.begin, span.end));
      if (IsStrength(rule.category)) {
        analysis.strengths.push_back({rule.category, rule.id, rule.message, span, matched});
      } else {
        analysis.findings.push_back({rule.category, rule.id, rule.severity, rule.message, span,
                                     std::move(matched), span, std::nullopt});
      }
    }
  }

  findings::ResolveFindings(rules, analysis.findings);
  if (context::AsksForAdvice(options.context)) {
    for (Finding& f : analysis.findings) {
      if (f.category != Category::kDirective) continue;
      f.severity = Severity::kInfo;
      f.message = std::string(kAskedForAdvice);
    }
  }

  // Rewrites for the findings that stand; each finding finds its candidate by span.
  RewriteMemo memo;
  for (Finding& f : analysis.findings) {
    if (!scope.rewrites) break;
    auto it = sources.find({f.span.begin, f.rule_id});
    const match::Candidate* source = it == sources.end() ? nullptr : it->second;
    match::Candidate none;
    if (source == nullptr) {
      none.rule = static_cast<std::size_t>(rules.Find(f.rule_id) - rules.rules().data());
      source = &none;
    }
    AddRewrite(doc, *source, f, options, memo);
  }
  // A brief disclosure is no strength in a response whose story takes over.
  bool overshared = false;
  for (const Finding& f : analysis.findings) overshared |= f.category == Category::kOversharing;
  if (overshared) {
    std::erase_if(analysis.strengths, [](const Strength& s) {
      return s.category == Category::kRelatableDisclosure;
    });
  }
  findings::ResolveStrengths(analysis.strengths);

  ResponseMeasures& m = analysis.measures;
  m.sentences = doc.sentences.size();
  m.words = doc.words.size();
  for (const Sentence& s : doc.sentences) {
    m.questions += s.is_question ? 1 : 0;
    m.first_person += s.first_person;
    m.second_person += s.second_person;
  }
  return analysis;
}

}  // namespace peercoach
