#include "detectors/sentence_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace peercoach::detectors {
namespace {

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || (c >= 'A' && c <= 'Z');
}

void LowerAscii(std::string& s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Punctuation that ends a negation's reach (a clause end, as in rules/README.md).
bool EndsClause(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' ||
         c == ')' || c == '-';
}

bool IsNegation(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "not",   "no",    "never", "nothing", "nobody", "none",   "nor",   "cannot",
      "dont",  "cant",  "wont",  "didnt",   "doesnt", "isnt",   "arent", "wasnt",
      "werent", "aint", "shouldnt", "wouldnt", "couldnt", "havent", "hasnt", "neither"};
  if (w.ends_with("n't")) return true;
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Calls `on_word` with each word of `text` (a run of word bytes) and `on_gap` with each
// byte between words.
template <typename OnGap, typename OnWord>
void ScanWords(std::string_view text, OnGap&& on_gap, OnWord&& on_word) {
  for (std::size_t i = 0; i < text.size();) {
    if (!IsWordByte(text[i])) {
      on_gap(text[i]);
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && IsWordByte(text[j])) ++j;
    on_word(text.substr(i, j - i));
    i = j;
  }
}

// Calls `visit` with "<prefix>word" for each word of a neighbouring sentence.
template <typename Visit>
void ForEachNeighbourWord(std::string_view text, std::string_view prefix, std::string& feature,
                          Visit&& visit) {
  ScanWords(text, [](char) {}, [&](std::string_view raw) {
    feature.assign(prefix).append(raw);
    std::erase(feature, '\'');
    LowerAscii(feature);
    if (feature.size() > prefix.size()) visit(std::string_view(feature));
  });
}

// Calls `visit` with each feature of the window (duplicates included), from one reused
// buffer.
template <typename Visit>
void ForEachFeature(const SentenceWindow& window, Visit&& visit) {
  // Words after a negation, up to the clause's end, are marked ("not an expert" gives
  // "!an", "!expert"): a bag of words cannot otherwise tell a disclaimer from a claim.
  std::vector<std::string> words{"<s>"};
  bool negated = false;
  ScanWords(
      window.sentence, [&](char c) { negated = negated && !EndsClause(c); },
      [&](std::string_view raw) {
        std::string word(raw);
        LowerAscii(word);
        const bool negation = IsNegation(word);
        // "don't" and "dont", "you're" and "youre" are one word: people type both.
        std::erase(word, '\'');
        if (word.empty()) return;
        words.push_back(negated && !negation ? "!" + word : std::move(word));
        negated |= negation;
      });
  std::string feature;
  for (std::size_t i = 1; i < words.size(); ++i) {
    feature.assign("u:").append(words[i]);
    visit(std::string_view(feature));
    if (i >= 2) {
      // A pair with one word between ("you ... to", "at ... you") reaches over a filler.
      feature.assign("k:").append(words[i - 2]).append("_").append(words[i]);
      visit(std::string_view(feature));
      feature.assign("b:").append(words[i - 1]).append("_").append(words[i]);
      visit(std::string_view(feature));
      feature.assign("t:").append(words[i - 2]).append("_").append(words[i - 1]);
      feature.append("_").append(words[i]);
      visit(std::string_view(feature));
    }
  }
  ForEachNeighbourWord(window.previous, "p:", feature, visit);
  ForEachNeighbourWord(window.next, "n:", feature, visit);
  // The peer's own words taken up ("o:word"): "three days" answering "I'm three days clean"
  // is a reflection, where the same words unprompted may be a ranking or an assumption.
  if (!window.peer.empty()) {
    std::vector<std::string> peer_words;
    ForEachNeighbourWord(window.peer, "", feature,
                         [&](std::string_view w) { peer_words.emplace_back(w); });
    std::sort(peer_words.begin(), peer_words.end());
    for (std::size_t i = 1; i < words.size(); ++i) {
      std::string_view w = words[i];
      if (w.starts_with('!')) w.remove_prefix(1);
      if (std::binary_search(peer_words.begin(), peer_words.end(), w)) {
        feature.assign("o:").append(w);
        visit(std::string_view(feature));
      }
    }
  }
}

}  // namespace

SentenceWindow WindowAt(const segmentation::Document& doc, std::size_t i,
                        std::string_view peer) {
  SentenceWindow window{doc.SentenceText(doc.sentences[i]), {}, {}, peer};
  if (i > 0) window.previous = doc.SentenceText(doc.sentences[i - 1]);
  if (i + 1 < doc.sentences.size()) window.next = doc.SentenceText(doc.sentences[i + 1]);
  return window;
}

std::vector<std::string> SentenceFeatures(const SentenceWindow& window) {
  std::vector<std::string> features;
  ForEachFeature(window, [&](std::string_view f) { features.emplace_back(f); });
  std::sort(features.begin(), features.end());
  features.erase(std::unique(features.begin(), features.end()), features.end());
  return features;
}

std::vector<std::uint32_t> SentenceModel::KnownFeatures(const SentenceWindow& window) const {
  std::vector<std::uint32_t> known;
  ForEachFeature(window, [&](std::string_view f) {
    if (auto it = feature_index.find(f); it != feature_index.end()) known.push_back(it->second);
  });
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  return known;
}

double SentenceModel::Probability(Category category,
                                  const std::vector<std::uint32_t>& features) const {
  const Weights& w = categories.at(category);
  double z = w.bias;
  for (std::uint32_t f : features) z += w.weights[f];
  z = std::clamp(z, -30.0, 30.0);
  return 1.0 / (1.0 + std::exp(-z));
}

Result<SentenceModel> ParseSentenceModel(std::string_view file_name, std::string_view file_text) {
  SentenceModel model;
  model.source = std::make_shared<const std::string>(file_text);
  std::string_view text = *model.source;
  struct Entry {
    Category category;
    std::uint32_t feature;
    double weight;
  };
  std::vector<Entry> entries;
  const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  entries.reserve(lines + 1);
  model.feature_index.reserve(lines + 1);
  std::vector<std::uint32_t> seen;  // per feature, a bit per category that gave it (10 of them)
  std::size_t line_no = 0;
  const auto fail = [&](std::string what) {
    return Error(ErrorCode::kRuleError, std::move(what),
                 SourceLocation::AtLine(std::string(file_name), line_no));
  };
  while (!text.empty()) {
    ++line_no;
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos || line.find('\t', t2 + 1) != std::string_view::npos) {
      return fail("expected category<TAB>feature<TAB>weight");
    }
    const std::string_view category_id = line.substr(0, t1);
    const std::string_view feature = line.substr(t1 + 1, t2 - t1 - 1);
    const std::string_view number = line.substr(t2 + 1);
    auto category = ParseCategory(category_id);
    if (!category) return fail(fmt::format("unknown category '{}'", category_id));
    if (feature.empty()) return fail("empty feature");
    double weight = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), weight);
    if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(weight)) {
      return fail(fmt::format("weight '{}' is not a number", number));
    }
    SentenceModel::Weights& w = model.categories[*category];
    if (feature == "@bias") {
      w.bias = weight;
      continue;
    }
    auto [it, inserted] = model.feature_index.try_emplace(
        feature, static_cast<std::uint32_t>(model.feature_index.size()));
    if (inserted) seen.push_back(0);
    const std::uint32_t bit = 1u << static_cast<unsigned>(*category);
    if (seen[it->second] & bit) {
      return fail(fmt::format("feature '{}' given twice for {}", feature, category_id));
    }
    seen[it->second] |= bit;
    entries.push_back({*category, it->second, weight});
  }
  for (auto& [category, w] : model.categories) w.weights.assign(model.feature_index.size(), 0.0);
  for (const Entry& e : entries) model.categories[e.category].weights[e.feature] = e.weight;
  return model;
}

}  // namespace peercoach::detectors
