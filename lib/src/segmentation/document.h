// segmentation/document.h: a response split into sentences and words, with the
// features rules ask about (question, quoted ranges, grammatical person).
#ifndef PEERCOACH_SEGMENTATION_DOCUMENT_H_
#define PEERCOACH_SEGMENTATION_DOCUMENT_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "peercoach/status.h"
#include "text/match_text.h"

namespace peercoach::segmentation {

enum class Person { kNone, kFirst, kSecond, kThird };

struct Word {
  std::size_t begin = 0, end = 0;  // matching-text offsets
  Person person = Person::kNone;   // personal pronouns only
  bool subject = false;            // a subject pronoun (I, we, you, he, she, they...)
  bool negation = false;           // not, never, n't...
};

// The longest stretch of text treated as one sentence (see AddSentence in document.cc).
inline constexpr std::size_t kMaxSentenceBytes = 1000;

struct Sentence {
  std::size_t orig_begin = 0, orig_end = 0;  // original offsets, trailing space trimmed
  std::size_t begin = 0, end = 0;            // matching-text offsets
  std::size_t first_word = 0, last_word = 0; // [first_word, last_word) into Document::words
  bool is_question = false;
  std::size_t first_person = 0;
  std::size_t second_person = 0;
  std::size_t word_count() const { return last_word - first_word; }
};

struct Document {
  std::string_view original;
  text::MatchText match;
  std::vector<Sentence> sentences;
  std::vector<Word> words;
  std::vector<std::pair<std::size_t, std::size_t>> quoted;  // matching-text ranges in quotes

  std::string_view SentenceText(const Sentence& s) const {
    return std::string_view(match.text).substr(s.begin, s.end - s.begin);
  }
  // Returns the index of the sentence containing matching offset `pos`.
  std::size_t SentenceAt(std::size_t pos) const;
  bool InQuotes(std::size_t pos) const;
};

// Holds the ICU break iterators; clones them per call, so one Segmenter serves many
// threads.
class Segmenter {
 public:
  static Result<std::unique_ptr<Segmenter>> Create();
  ~Segmenter();

  // Fills sentences, words and features of a document whose `original` and `match` are set.
  Result<bool> Segment(Document& doc) const;
  // Fills `doc` from `original` (which must outlive it): its matching text, then Segment.
  Result<bool> Build(std::string_view original, bool replace_invalid, Document& doc) const;

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace peercoach::segmentation

#endif  // PEERCOACH_SEGMENTATION_DOCUMENT_H_
