#include "detectors/narrative.h"

namespace peercoach::detectors {
namespace {

using segmentation::Document;
using segmentation::Sentence;

double Threshold(const std::map<std::string, double>& t, const char* name, double fallback) {
  auto it = t.find(name);
  return it == t.end() ? fallback : it->second;
}

// A sentence about neither of the two ("He fell off a ladder.", "The cot was cold."): in
// the middle of the speaker's story it is still the story.
bool IsNeutral(const Sentence& s) {
  return !s.is_question && s.first_person == 0 && s.second_person == 0;
}

// A sentence of the speaker's story: about the speaker with no word for the peer. One that
// also speaks of the peer ("I'm glad you told me", "what got me through will be your
// thing too") is the speaker talking with the peer, which is not the story taking over.
bool IsStory(const Sentence& s) { return IsSelfFocused(s) && s.second_person == 0; }

// Between two story sentences, a sentence about neither, or one more about the speaker
// that also names the peer, does not end the story.
bool Bridges(const Sentence& s) { return IsNeutral(s) || IsSelfFocused(s); }

// Maximal runs of story sentences, bridging single sentences Bridges accepts.
std::vector<Passage> StoryRuns(const Document& doc) {
  std::vector<Passage> runs;
  const auto& ss = doc.sentences;
  for (std::size_t i = 0; i < ss.size(); ++i) {
    if (!IsStory(ss[i])) continue;
    std::size_t j = i;
    while (true) {
      if (j + 1 < ss.size() && IsStory(ss[j + 1])) {
        ++j;
      } else if (j + 2 < ss.size() && Bridges(ss[j + 1]) && IsStory(ss[j + 2])) {
        j += 2;
      } else {
        break;
      }
    }
    runs.push_back({i, j});
    i = j;
  }
  return runs;
}

std::size_t Words(const Document& doc, const Passage& p) {
  std::size_t n = 0;
  for (std::size_t i = p.first; i <= p.last; ++i) n += doc.sentences[i].word_count();
  return n;
}

// The run's words that belong to the story: its story sentences and the neutral sentences
// bridged between them, not a bridged sentence that speaks of the peer.
std::size_t StoryWords(const Document& doc, const Passage& p) {
  std::size_t n = 0;
  for (std::size_t i = p.first; i <= p.last; ++i) {
    const Sentence& s = doc.sentences[i];
    if (IsStory(s) || IsNeutral(s)) n += s.word_count();
  }
  return n;
}

}  // namespace

bool IsSelfFocused(const Sentence& s) {
  return !s.is_question && s.first_person > 0 && s.first_person > s.second_person;
}

bool AsksThePeer(const Sentence& s) { return s.is_question && s.second_person > 0; }

bool TurnsToPeer(const Sentence& s) {
  return AsksThePeer(s) ||
         (s.second_person > 0 && s.second_person >= s.first_person);
}

std::vector<Passage> DetectLongNarrative(const Document& doc,
                                         const std::map<std::string, double>& thresholds) {
  const double min_sentences = Threshold(thresholds, "min_run_sentences", 3);
  const double min_words = Threshold(thresholds, "min_run_words", 35);
  const double monologue_words = Threshold(thresholds, "monologue_words", 50);
  const double dominate_share = Threshold(thresholds, "dominate_share", 0.7);

  std::size_t total_words = 0;
  for (const Sentence& s : doc.sentences) total_words += s.word_count();

  std::vector<Passage> out;
  for (const Passage& run : StoryRuns(doc)) {
    const std::size_t words = StoryWords(doc, run);
    // Bridged sentences extend the story but do not count towards its length in sentences.
    double sentences = 0;
    for (std::size_t i = run.first; i <= run.last; ++i) sentences += IsStory(doc.sentences[i]) ? 1 : 0;
    const bool long_story = (sentences >= min_sentences && words >= min_words) ||
                            static_cast<double>(words) >= monologue_words;
    if (!long_story) continue;
    bool turns_back = false;
    for (std::size_t i = run.last + 1; i < doc.sentences.size(); ++i) {
      if (TurnsToPeer(doc.sentences[i])) turns_back = true;
    }
    // A story that ends in a token question still takes over when it dominates.
    const double share =
        total_words == 0 ? 0 : static_cast<double>(words) / static_cast<double>(total_words);
    if (!turns_back || share >= dominate_share) out.push_back(run);
  }
  return out;
}

std::vector<Passage> DetectRelatableDisclosure(
    const Document& doc, const std::map<std::string, double>& thresholds,
    const std::function<bool(const Sentence&)>& is_cue) {
  const double max_sentences = Threshold(thresholds, "max_sentences", 2);
  const double max_words = Threshold(thresholds, "max_words", 45);
  const auto& ss = doc.sentences;
  for (std::size_t i = 0; i < ss.size(); ++i) {
    const Sentence& s = ss[i];
    if (s.first_person == 0 || !is_cue(s)) continue;
    // "I've felt that way too, what helped you?" turns back within one sentence.
    if (AsksThePeer(s)) return {{i, i}};
    if (!IsSelfFocused(s)) continue;
    std::size_t first = i, last = i;
    while (first > 0 && IsSelfFocused(ss[first - 1])) --first;
    while (last + 1 < ss.size() && IsSelfFocused(ss[last + 1])) ++last;
    const Passage run{first, last};
    if (static_cast<double>(last - first + 1) > max_sentences ||
        static_cast<double>(Words(doc, run)) > max_words) {
      continue;
    }
    for (std::size_t j = last + 1; j < ss.size() && j <= last + 2; ++j) {
      if (AsksThePeer(ss[j])) return {{i, i}};
    }
  }
  return {};
}

}  // namespace peercoach::detectors
