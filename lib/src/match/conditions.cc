#include "match/conditions.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace peercoach::match {
namespace {

using segmentation::Document;
using segmentation::Person;
using segmentation::Sentence;
using segmentation::Word;

// How far back a negation may stand and still govern the span ("I'm not going to tell
// you what you should do": five words).
constexpr std::size_t kNegationReach = 6;

std::string_view WordText(const Document& doc, const Word& w) {
  return std::string_view(doc.match.text).substr(w.begin, w.end - w.begin);
}

// Indices [first, last) of the words of `s` in the clause before `span_begin`.
std::pair<std::size_t, std::size_t> WordsBefore(const Document& doc, const Sentence& s,
                                                std::size_t from, std::size_t span_begin) {
  std::size_t first = s.first_word;
  while (first < s.last_word && doc.words[first].begin < from) ++first;
  std::size_t last = first;
  while (last < s.last_word && doc.words[last].end <= span_begin) ++last;
  return {first, last};
}

bool IsReportingVerb(std::string_view w) {
  static constexpr std::array<std::string_view, 8> kVerbs = {
      "said", "says", "told", "tells", "telling", "saying", "asked", "insisted"};
  return std::find(kVerbs.begin(), kVerbs.end(), w) != kVerbs.end();
}

// A verb whose object is what the span says, when it is denied ("I won't say ...").
bool IsSayingVerb(std::string_view w) {
  static constexpr std::array<std::string_view, 5> kVerbs = {"say", "tell", "pretend", "claim",
                                                             "suggest"};
  return std::find(kVerbs.begin(), kVerbs.end(), w) != kVerbs.end();
}

}  // namespace

std::size_t ClauseStart(const Document& doc, const Sentence& s, std::size_t pos) {
  const std::string_view text = doc.match.text;
  for (std::size_t i = pos; i > s.begin; --i) {
    const char c = text[i - 1];
    if (c == ',' || c == ';' || c == ':' || c == '(') return i;
    // U+2013 and U+2014 dashes end in 0x93 / 0x94 after E2 80.
    if (i >= s.begin + 3 && static_cast<unsigned char>(text[i - 3]) == 0xE2 &&
        static_cast<unsigned char>(text[i - 2]) == 0x80 &&
        (static_cast<unsigned char>(c) == 0x93 || static_cast<unsigned char>(c) == 0x94)) {
      return i;
    }
    if (c == '-' && i >= s.begin + 2 && text[i - 2] == ' ') return i;
  }
  return s.begin;
}

bool ConditionHolds(Condition condition, const Document& doc, const Sentence& s,
                    std::size_t span_begin) {
  switch (condition) {
    case Condition::kQuestion:
      return s.is_question;
    case Condition::kQuoted:
      return doc.InQuotes(span_begin);
    case Condition::kNegated: {
      auto [first, last] = WordsBefore(doc, s, ClauseStart(doc, s, span_begin), span_begin);
      const std::size_t from = last - std::min(last - first, kNegationReach);
      for (std::size_t i = from; i < last; ++i) {
        if (doc.words[i].negation) return true;
      }
      // Further back, a denied act of saying governs what it would have said: "I'm not
      // going to sit here and tell you other people have it worse".
      bool denied = false;
      for (std::size_t i = first; i < last; ++i) {
        if (doc.words[i].negation) denied = true;
        if (denied && IsSayingVerb(WordText(doc, doc.words[i]))) return true;
      }
      return false;
    }
    case Condition::kReported: {
      auto [first, last] = WordsBefore(doc, s, s.begin, span_begin);
      for (std::size_t i = first; i < last; ++i) {
        const std::string_view w = WordText(doc, doc.words[i]);
        if (IsReportingVerb(w)) return true;
        // "used to say", "would tell", "likes to say", "always says"
        if ((w == "say" || w == "tell") && i > first) {
          const std::string_view prev = WordText(doc, doc.words[i - 1]);
          if (prev == "would" || prev == "to" || prev == "always" || prev == "d") return true;
        }
      }
      return false;
    }
    case Condition::kFirstPersonSubject: {
      auto [first, last] = WordsBefore(doc, s, ClauseStart(doc, s, span_begin), span_begin);
      for (std::size_t i = last; i > first; --i) {
        const Word& w = doc.words[i - 1];
        if (!w.subject) continue;
        if (w.person == Person::kFirst) return true;
        const std::string_view t = WordText(doc, w);
        return t == "we" || t.starts_with("we'");
      }
      return false;
    }
  }
  return false;
}

}  // namespace peercoach::match
