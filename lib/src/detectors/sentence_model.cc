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

namespace {

std::uint32_t HashOf(std::string_view feature) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(feature));
}

// The slot holding `feature`, or the empty slot where it would go.
std::size_t Probe(const std::vector<SentenceModel::Slot>& slots, std::string_view feature,
                  std::uint32_t hash) {
  const std::size_t mask = slots.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const SentenceModel::Slot& slot = slots[i];
    if (slot.index == SentenceModel::kNoFeature) return i;
    if (slot.hash == hash && slot.name == feature) return i;
  }
}

std::size_t Position(const std::vector<Category>& modelled, Category category) {
  return static_cast<std::size_t>(std::find(modelled.begin(), modelled.end(), category) -
                                  modelled.begin());
}

}  // namespace

bool SentenceModel::Has(Category category) const {
  return Position(modelled, category) < modelled.size();
}

std::uint32_t SentenceModel::Find(std::string_view feature) const {
  if (slots.empty()) return kNoFeature;
  return slots[Probe(slots, feature, HashOf(feature))].index;
}

double SentenceModel::Weight(Category category, std::string_view feature) const {
  const std::uint32_t f = Find(feature);
  if (f == kNoFeature) return 0;
  return weights[f * modelled.size() + Position(modelled, category)];
}

double SentenceModel::Bias(Category category) const {
  return biases.at(Position(modelled, category));
}

std::vector<std::uint32_t> SentenceModel::KnownFeatures(const SentenceWindow& window) const {
  std::vector<std::uint32_t> known;
  ForEachFeature(window, [&](std::string_view f) {
    if (const std::uint32_t index = Find(f); index != kNoFeature) known.push_back(index);
  });
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  return known;
}

double SentenceModel::Probability(Category category,
                                  const std::vector<std::uint32_t>& features) const {
  const std::size_t stride = modelled.size();
  const std::size_t c = Position(modelled, category);
  double z = biases.at(c);
  for (std::uint32_t f : features) z += weights[f * stride + c];
  z = std::clamp(z, -30.0, 30.0);
  return 1.0 / (1.0 + std::exp(-z));
}

Result<SentenceModel> ParseSentenceModel(std::string_view file_name, std::string_view file_text) {
  SentenceModel model;
  model.source = std::make_shared<const std::string>(file_text);
  std::string_view text = *model.source;
  struct Entry {
    std::size_t category;  // position in model.modelled
    std::uint32_t feature;
    double weight;
  };
  std::vector<Entry> entries;
  const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  entries.reserve(lines + 1);
  model.slots.resize(1024);
  std::vector<std::uint32_t> seen;  // per feature, a bit per category position that gave it
  // Doubles the table when it would pass half full, so probes stay short.
  const auto grow = [&model] {
    std::vector<SentenceModel::Slot> bigger(model.slots.size() * 2);
    for (const SentenceModel::Slot& slot : model.slots) {
      if (slot.index != SentenceModel::kNoFeature) bigger[Probe(bigger, slot.name, slot.hash)] = slot;
    }
    model.slots = std::move(bigger);
  };
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
    std::size_t c = Position(model.modelled, *category);
    if (c == model.modelled.size()) {
      model.modelled.push_back(*category);
      model.biases.push_back(0);
    }
    if (feature == "@bias") {
      model.biases[c] = weight;
      continue;
    }
    const std::uint32_t hash = HashOf(feature);
    std::size_t at = Probe(model.slots, feature, hash);
    if (model.slots[at].index == SentenceModel::kNoFeature) {
      if (2 * (model.feature_count + 1) > model.slots.size()) {
        grow();
        at = Probe(model.slots, feature, hash);
      }
      model.slots[at] = {feature, hash, static_cast<std::uint32_t>(model.feature_count++)};
      seen.push_back(0);
    }
    const std::uint32_t index = model.slots[at].index;
    const std::uint32_t bit = 1u << c;
    if (seen[index] & bit) {
      return fail(fmt::format("feature '{}' given twice for {}", feature, category_id));
    }
    seen[index] |= bit;
    entries.push_back({c, index, weight});
  }
  const std::size_t stride = model.modelled.size();
  model.weights.assign(model.feature_count * stride, 0.0);
  for (const Entry& e : entries) model.weights[e.feature * stride + e.category] = e.weight;
  return model;
}

}  // namespace peercoach::detectors
