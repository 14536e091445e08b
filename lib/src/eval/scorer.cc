// Scoring predicted label sets against gold label sets.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "peercoach/evaluation.h"

namespace peercoach {
namespace {

constexpr std::size_t kFindingCategories = 6;  // the first six of AllCategories()

double Ratio(std::size_t a, std::size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

void Finish(CategoryScore& s) {
  s.precision = Ratio(s.tp, s.tp + s.fp);
  s.recall = Ratio(s.tp, s.tp + s.fn);
  s.f1 = s.precision + s.recall == 0 ? 0.0
                                     : 2 * s.precision * s.recall / (s.precision + s.recall);
}

// Accumulates label-set comparisons.
class LabelScorer {
 public:
  LabelScorer() {
    for (std::size_t i = 0; i < kFindingCategories; ++i) {
      scores_.categories.push_back({std::string(CategoryId(AllCategories()[i]))});
    }
  }
  void Add(const std::set<Category>& predicted, const std::vector<Category>& gold) {
    ++scores_.items;
    const std::set<Category> g(gold.begin(), gold.end());
    if (g == predicted) ++scores_.exact;
    for (std::size_t i = 0; i < kFindingCategories; ++i) {
      const Category c = AllCategories()[i];
      const bool p = predicted.contains(c);
      const bool t = g.contains(c);
      CategoryScore& s = scores_.categories[i];
      if (t) ++s.support;
      if (p && t) ++s.tp;
      if (p && !t) ++s.fp;
      if (!p && t) ++s.fn;
    }
  }
  LabelScores Finish() {
    scores_.micro = {"micro"};
    scores_.macro = {"macro"};
    std::size_t measured = 0;
    for (CategoryScore& s : scores_.categories) {
      peercoach::Finish(s);
      scores_.micro.tp += s.tp;
      scores_.micro.fp += s.fp;
      scores_.micro.fn += s.fn;
      scores_.micro.support += s.support;
      if (!s.measured()) continue;
      ++measured;
      scores_.macro.precision += s.precision;
      scores_.macro.recall += s.recall;
      scores_.macro.f1 += s.f1;
    }
    if (measured > 0) {
      scores_.macro.precision /= static_cast<double>(measured);
      scores_.macro.recall /= static_cast<double>(measured);
      scores_.macro.f1 /= static_cast<double>(measured);
    }
    peercoach::Finish(scores_.micro);
    scores_.macro.tp = scores_.micro.tp;
    scores_.macro.fp = scores_.micro.fp;
    scores_.macro.fn = scores_.micro.fn;
    scores_.macro.support = scores_.micro.support;
    scores_.exact_match = Ratio(scores_.exact, scores_.items);
    return scores_;
  }

 private:
  LabelScores scores_;
};

std::set<Category> Predicted(const Analysis& a) {
  std::set<Category> out;
  for (const Finding& f : a.findings) out.insert(f.category);
  return out;
}

// Records false positives and false negatives of one item.
void Disagree(const Analysis& a, const std::set<Category>& predicted,
              const std::vector<Category>& gold_labels,
              const std::map<Category, std::vector<std::string>>& evidence, const std::string& id,
              const std::string& file, std::size_t line, const std::string& text,
              std::vector<EvalDisagreement>& out) {
  const std::set<Category> gold(gold_labels.begin(), gold_labels.end());
  for (std::size_t i = 0; i < kFindingCategories; ++i) {
    const Category c = AllCategories()[i];
    const bool p = predicted.contains(c);
    const bool t = gold.contains(c);
    if (p == t) continue;
    EvalDisagreement d{p ? EvalDisagreement::Kind::kFalsePositive
                         : EvalDisagreement::Kind::kFalseNegative,
                       id, file, line, std::string(CategoryId(c)), text, {}};
    if (p) {
      for (const Finding& f : a.findings) {
        if (f.category == c) d.details.push_back(f.rule_id + ": " + f.matched_text);
      }
    } else if (const auto it = evidence.find(c); it != evidence.end()) {
      d.details = it->second;
    }
    out.push_back(std::move(d));
  }
}

// Function words: what is left is what the trainee meant (the action, its object, the
// things and people named).
bool IsFunctionWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "a", "an", "the", "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself",
      "u", "ur", "we", "us", "our", "he", "she", "it", "its", "they", "them", "their", "this",
      "that", "these", "those", "is", "are", "was", "were", "be", "been", "being", "am", "do",
      "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could",
      "may", "might", "must", "need", "needs", "ought", "gotta", "got", "to", "of", "in", "on",
      "at", "for", "with", "by", "from", "about", "as", "into", "than", "then", "and", "or",
      "but", "so", "if", "because", "just", "really", "very", "not", "no", "dont", "don't",
      "im", "i'm", "you're", "youre", "i've", "ive", "it's", "that's", "what", "how", "when",
      "where", "why", "who", "there", "here", "all", "some", "any", "more", "too", "also",
      "honestly", "like", "up", "out", "now", "ok", "okay", "yeah", "well", "let", "let's"};
  return kWords.contains(w);
}

std::set<std::string> ContentWords(std::string_view text) {
  std::set<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && !IsFunctionWord(word)) out.insert(word);
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c)) {
      word += static_cast<char>(std::tolower(c));
    } else if (c == '\'' || (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
                              text[i + 2] == '\x99')) {
      word += '\'';  // ' and the curly apostrophe
      if (c == 0xE2) i += 2;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

void AddRewriteFigures(const Analyzer& analyzer, const AnalyzeOptions& options, std::string_view text,
                       const Analysis& analysis, std::map<Category, RewriteFigures::PerCategory>& out,
                       std::map<Category, double>& kept_sum) {
  AnalyzeOptions again = options;
  again.verify_rewrites = false;
  again.context = {};
  for (const Finding& f : analysis.findings) {
    auto& c = out.try_emplace(f.category, RewriteFigures::PerCategory{f.category}).first->second;
    ++c.findings;
    if (!f.rewrite) continue;
    ++c.rewritten;
    auto re = analyzer.Analyze(*f.rewrite, again);
    if (re.ok() && std::none_of(re.value().findings.begin(), re.value().findings.end(),
                                [&](const Finding& g) { return g.category == f.category; })) {
      ++c.clean;
    }
    const std::size_t end = std::min(f.sentence.end, text.size());
    const auto content = ContentWords(text.substr(std::min(f.sentence.begin, end), end - std::min(f.sentence.begin, end)));
    const auto rewritten = ContentWords(*f.rewrite);
    std::size_t kept = 0;
    for (const std::string& w : content) kept += rewritten.contains(w) ? 1 : 0;
    kept_sum[f.category] += content.empty() ? 1.0 : static_cast<double>(kept) / content.size();
  }
}

}  // namespace

Result<Evaluation> Evaluate(const Analyzer& analyzer, const GoldCorpus& gold,
                            const EvaluateOptions& options) {
  Evaluation ev;
  ev.skipped = gold.skipped;
  LabelScorer responses;
  std::map<Category, HardNegativeScore> hard;
  std::map<Category, RewriteFigures::PerCategory> rewrites;
  std::map<Category, double> kept_sum;
  for (const GoldResponse& r : gold.responses) {
    AnalyzeOptions analyze = options.analyze;
    if (options.use_context) analyze.context = r.context;
    auto analysis = analyzer.Analyze(r.text, analyze);
    if (!analysis.ok()) {
      return Error(analysis.error().code(), r.id + ": " + analysis.error().message(),
                   SourceLocation::AtLine(r.file, r.line));
    }
    const std::set<Category> predicted = Predicted(analysis.value());
    responses.Add(predicted, r.labels);
    AddRewriteFigures(analyzer, analyze, r.text, analysis.value(), rewrites, kept_sum);
    Disagree(analysis.value(), predicted, r.labels, r.evidence, r.id, r.file, r.line, r.text,
             ev.disagreements);
    if (r.hard_negative) {
      HardNegativeScore& h = hard.try_emplace(*r.hard_negative, HardNegativeScore{*r.hard_negative})
                                 .first->second;
      ++h.items;
      if (predicted.contains(*r.hard_negative)) ++h.flagged_category;
      if (!predicted.empty()) ++h.flagged_any;
    }
  }
  ev.responses = responses.Finish();
  for (auto& [category, h] : hard) {
    h.flagged_rate = Ratio(h.flagged_any, h.items);
    ev.hard_negatives.push_back(h);
  }
  double kept_all = 0;
  for (auto& [category, c] : rewrites) {  // std::map: TAXONOMY.md (enum) order
    c.content_kept = c.rewritten == 0 ? 0.0 : kept_sum[category] / static_cast<double>(c.rewritten);
    ev.rewrites.findings += c.findings;
    ev.rewrites.rewritten += c.rewritten;
    ev.rewrites.clean += c.clean;
    kept_all += kept_sum[category];
    ev.rewrites.categories.push_back(c);
  }
  ev.rewrites.content_kept =
      ev.rewrites.rewritten == 0 ? 0.0 : kept_all / static_cast<double>(ev.rewrites.rewritten);

  LabelScorer turns;
  TranscriptScores& ts = ev.transcripts;
  ts.dominating.name = "dominating";
  for (const GoldTranscript& t : gold.transcripts) {
    ++ts.transcripts;
    auto conversation = AnalyzeConversation(analyzer, t.turns, options.analyze, options.dominating);
    if (!conversation.ok()) {
      return Error(conversation.error().code(), t.id + ": " + conversation.error().message(),
                   SourceLocation::AtLine(t.file, t.line));
    }
    const ConversationAnalysis& c = conversation.value();
    if (t.dominating) {
      ++ts.judged;
      const bool p = c.measures.dominating;
      const bool g = *t.dominating;
      if (p == g) ++ts.dominating_correct;
      if (g) ++ts.dominating.support;
      if (p && g) ++ts.dominating.tp;
      if (p && !g) ++ts.dominating.fp;
      if (!p && g) ++ts.dominating.fn;
      if (p != g) {
        const auto& m = c.measures;
        ev.disagreements.push_back(
            {EvalDisagreement::Kind::kDominating, t.id, t.file, t.line, "dominating",
             std::string(),
             {(g ? std::string("gold dominating, predicted balanced")
                 : std::string("gold balanced, predicted dominating")),
              "talk share " + std::to_string(m.talk_share).substr(0, 4) + ", " +
                  std::to_string(m.exploring_turns) + " of " +
                  std::to_string(m.specialist_turns) + " specialist turns explore"}});
      }
    }
    if (!t.specialist_labels.empty()) {
      for (std::size_t i = 0; i < c.specialist_turns.size(); ++i) {
        const TurnAnalysis& turn = c.specialist_turns[i];
        const std::set<Category> predicted = Predicted(turn.analysis);
        turns.Add(predicted, t.specialist_labels[i]);
        Disagree(turn.analysis, predicted, t.specialist_labels[i], {},
                 t.id + "#" + std::to_string(turn.turn + 1), t.file, t.line,
                 t.turns[turn.turn].text, ev.disagreements);
      }
    }
  }
  Finish(ts.dominating);
  ts.dominating_accuracy = Ratio(ts.dominating_correct, ts.judged);
  ts.turns = turns.Finish();
  return ev;
}

std::vector<std::pair<std::string, double>> EvaluationFigures(const Evaluation& ev) {
  std::vector<std::pair<std::string, double>> out;
  const auto add_scores = [&](const std::string& prefix, const LabelScores& s) {
    if (s.items == 0) return;
    for (const CategoryScore& c : s.categories) {
      if (!c.measured()) continue;
      out.emplace_back(prefix + c.name + ".precision", c.precision);
      out.emplace_back(prefix + c.name + ".recall", c.recall);
      out.emplace_back(prefix + c.name + ".f1", c.f1);
    }
    out.emplace_back(prefix + "micro.f1", s.micro.f1);
    out.emplace_back(prefix + "macro.f1", s.macro.f1);
    out.emplace_back(prefix + "exact_match", s.exact_match);
  };
  add_scores("responses.", ev.responses);
  for (const HardNegativeScore& h : ev.hard_negatives) {
    out.emplace_back("hard_negatives." + std::string(CategoryId(h.category)) + ".flagged_rate",
                     h.flagged_rate);
  }
  if (ev.transcripts.judged > 0) {
    out.emplace_back("transcripts.dominating.accuracy", ev.transcripts.dominating_accuracy);
  }
  add_scores("transcripts.turns.", ev.transcripts.turns);
  return out;
}

std::string BaselineJson(const Evaluation& ev) {
  nlohmann::json j = nlohmann::json::object();  // std::map: sorted keys
  for (const auto& [name, value] : EvaluationFigures(ev)) {
    j[name] = std::round(value * 10000) / 10000;
  }
  return j.dump(2) + "\n";
}

Result<std::vector<std::string>> CompareWithBaseline(const Evaluation& ev,
                                                     std::string_view baseline_json,
                                                     double tolerance) {
  nlohmann::json baseline;
  try {
    baseline = nlohmann::json::parse(baseline_json);
  } catch (const nlohmann::json::parse_error& e) {
    return Error(ErrorCode::kInvalidArgument,
                 "baseline is not JSON (byte " + std::to_string(e.byte) + ")");
  } catch (const nlohmann::json::exception&) {  // 406: a number too large for a double
    return Error(ErrorCode::kInvalidArgument, "baseline is not JSON (a number out of range)");
  }
  if (!baseline.is_object()) {
    return Error(ErrorCode::kInvalidArgument, "baseline must be a JSON object of figures");
  }
  std::map<std::string, double> current;
  for (const auto& [name, value] : EvaluationFigures(ev)) current[name] = value;
  std::vector<std::string> drops;
  for (const auto& [name, value] : baseline.items()) {
    if (!value.is_number()) {
      return Error(ErrorCode::kInvalidArgument, "baseline figure " + name + " is not a number");
    }
    const double was = value.get<double>();
    const auto it = current.find(name);
    if (it == current.end()) {
      drops.push_back(name + ": in the baseline but not measured");
      continue;
    }
    const bool lower_is_better = name.ends_with("flagged_rate");
    const double change = lower_is_better ? was - it->second : it->second - was;
    if (change < -tolerance) {
      char line[160];
      std::snprintf(line, sizeof line, "%s: %.4f, baseline %.4f", name.c_str(), it->second, was);
      drops.emplace_back(line);
    }
  }
  return drops;
}

}  // namespace peercoach
