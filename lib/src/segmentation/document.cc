#include "segmentation/document.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>

#include "segmentation/lexicon.h"

namespace peercoach::segmentation {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Runs `prototype` (cloned) over `text`, calling `on_segment(begin, end, status)`.
template <typename F>
Result<bool> ForEachSegment(const icu::BreakIterator& prototype, std::string_view text,
                            F on_segment) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(prototype.clone());
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return Error(ErrorCode::kInternal, "ICU could not open the text");
  it->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    return Error(ErrorCode::kInternal, "ICU break iterator failed");
  }
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    on_segment(static_cast<std::size_t>(begin), static_cast<std::size_t>(end),
               it->getRuleStatus());
  }
  utext_close(ut);
  return true;
}

// Ends in "?" once closing quotes, brackets and spaces are set aside ("Really?!" too).
bool EndsAsQuestion(std::string_view s) {
  std::size_t i = s.size();
  while (i > 0 && (IsSpace(s[i - 1]) || s[i - 1] == '"' || s[i - 1] == '\'' ||
                   s[i - 1] == ')' || s[i - 1] == '!' || s[i - 1] == '.')) {
    if (s[i - 1] == '.') break;
    --i;
  }
  return i > 0 && s[i - 1] == '?';
}

bool HasFinalPunctuation(std::string_view s) {
  std::size_t i = s.size();
  while (i > 0 && (IsSpace(s[i - 1]) || s[i - 1] == '"' || s[i - 1] == ')')) --i;
  return i > 0 && (s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?');
}

// The word before the final period of [.., end), if the text there ends in "word. ".
std::string_view WordBeforePeriod(std::string_view folded, std::size_t period) {
  std::size_t b = period;
  while (b > 0 && (std::isalpha(static_cast<unsigned char>(folded[b - 1])) || folded[b - 1] == '.')) --b;
  return folded.substr(b, period - b);
}

bool EndsInAbbreviation(std::string_view folded, const text::OffsetMap& map, std::size_t end) {
  std::size_t e = map.ToMatching(end);
  while (e > 0 && IsSpace(folded[e - 1])) --e;
  if (e == 0 || folded[e - 1] != '.' || e == folded.size()) return false;
  return IsAbbreviation(WordBeforePeriod(folded, e - 1));
}

// Original offsets inside [begin, end) where a lower-case sentence starts after . ! or ?
std::vector<std::size_t> LowerCaseStarts(std::string_view original, std::string_view folded,
                                         const text::OffsetMap& map, std::size_t begin,
                                         std::size_t end) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = begin; i + 2 < end; ++i) {
    const char c = original[i];
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t j = i + 1;
    if (j < end && (original[j] == '.' || original[j] == '!' || original[j] == '?')) continue;
    if (j >= end || original[j] != ' ') continue;
    while (j < end && original[j] == ' ') ++j;
    if (j >= end || !std::islower(static_cast<unsigned char>(original[j]))) continue;
    if (c == '.') {
      const std::string_view word = WordBeforePeriod(folded, map.ToMatching(i));
      if (word.size() <= 1 || word.find('.') != std::string_view::npos || IsAbbreviation(word)) {
        continue;
      }
    }
    cuts.push_back(j);
  }
  return cuts;
}

void AddOneSentence(Document& doc, std::size_t begin, std::size_t end) {
  const std::string_view original = doc.original;
  while (begin < end && IsSpace(original[begin])) ++begin;
  while (end > begin && IsSpace(original[end - 1])) --end;
  if (begin == end) return;
  Sentence s;
  s.orig_begin = begin;
  s.orig_end = end;
  s.begin = doc.match.map.ToMatching(begin);
  s.end = doc.match.map.ToMatching(end);
  if (s.begin < s.end) doc.sentences.push_back(s);
}

// Text with no sentence end for kMaxSentenceBytes is cut at the last space before the
// limit (or at a code point boundary when there is none). Matching cost per sentence is
// bounded by the sentence's length, so this keeps a 50 MB unpunctuated line linear; a
// real sentence this long is a run-on whose clauses read as sentences anyway.
void AddSentence(Document& doc, std::size_t begin, std::size_t end) {
  const std::string_view original = doc.original;
  while (end - begin > kMaxSentenceBytes) {
    std::size_t cut = begin + kMaxSentenceBytes;
    std::size_t space = cut;
    while (space > begin + kMaxSentenceBytes / 2 && !IsSpace(original[space])) --space;
    if (IsSpace(original[space])) {
      cut = space;
    } else {
      while (cut > begin && (static_cast<unsigned char>(original[cut]) & 0xC0) == 0x80) --cut;
    }
    AddOneSentence(doc, begin, cut);
    begin = cut;
  }
  AddOneSentence(doc, begin, end);
}

}  // namespace

std::size_t Document::SentenceAt(std::size_t pos) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](std::size_t p, const Sentence& s) { return p < s.begin; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin() - 1);
}

bool Document::InQuotes(std::size_t pos) const {
  auto it = std::upper_bound(quoted.begin(), quoted.end(), pos,
                             [](std::size_t p, const auto& r) { return p < r.first; });
  if (it == quoted.begin()) return false;
  const auto& r = *std::prev(it);
  return pos >= r.first && pos < r.second;
}

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Create() {
  UErrorCode status = U_ZERO_ERROR;
  auto impl = std::make_unique<Impl>();
  // "ss=standard" keeps abbreviations such as "Dr." and "Mr." inside their sentence.
  impl->sentences.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    impl->sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en"), status));
  }
  impl->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("en"), status));
  if (U_FAILURE(status)) return Error(ErrorCode::kInternal, "ICU break iterators unavailable");
  return std::unique_ptr<Segmenter>(new Segmenter(std::move(impl)));
}

Result<bool> Segmenter::Build(std::string_view original, bool replace_invalid,
                              Document& doc) const {
  doc.original = original;
  auto match = text::BuildMatchText(original, replace_invalid);
  if (!match.ok()) return match.error();
  doc.match = std::move(match.value());
  return Segment(doc);
}

Result<bool> Segmenter::Segment(Document& doc) const {
  const std::string_view original = doc.original;
  const std::string_view folded = doc.match.text;

  // Sentences come from the original text: sentence rules look at letter case. ICU's
  // breaks are then adjusted for how people type: no break after "Dr." and the like,
  // and a break before a sentence a texter starts in lower case ("I get it. you...").
  std::vector<std::size_t> breaks;
  auto sentences = ForEachSegment(*impl_->sentences, original,
                                  [&](std::size_t, std::size_t end, int32_t) {
                                    if (!EndsInAbbreviation(folded, doc.match.map, end)) {
                                      breaks.push_back(end);
                                    }
                                  });
  if (!sentences.ok()) return sentences.error();
  if (breaks.empty() || breaks.back() != original.size()) breaks.push_back(original.size());
  std::size_t begin = 0;
  for (std::size_t end : breaks) {
    for (std::size_t cut : LowerCaseStarts(original, folded, doc.match.map, begin, end)) {
      AddSentence(doc, begin, cut);
      begin = cut;
    }
    AddSentence(doc, begin, end);
    begin = end;
  }

  // Words come from the folded text, where "I’m" and "i'm" are one form.
  auto words = ForEachSegment(
      *impl_->words, folded, [&](std::size_t begin, std::size_t end, int32_t rule_status) {
        if (rule_status == UBRK_WORD_NONE) return;
        Word w;
        w.begin = begin;
        w.end = end;
        const std::string_view token = folded.substr(begin, end - begin);
        w.person = PronounPerson(token);
        w.subject = IsSubjectPronoun(token);
        w.negation = IsNegation(token);
        doc.words.push_back(w);
      });
  if (!words.ok()) return words.error();

  // Quoted ranges over the whole response: a quotation may span sentences.
  std::size_t open = std::string_view::npos;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] != '"') continue;
    if (open == std::string_view::npos) {
      open = i;
    } else {
      doc.quoted.emplace_back(open, i + 1);
      open = std::string_view::npos;
    }
  }

  std::size_t w = 0;
  for (Sentence& s : doc.sentences) {
    while (w < doc.words.size() && doc.words[w].begin < s.begin) ++w;
    s.first_word = w;
    while (w < doc.words.size() && doc.words[w].begin < s.end) {
      if (doc.words[w].person == Person::kFirst) ++s.first_person;
      if (doc.words[w].person == Person::kSecond) ++s.second_person;
      ++w;
    }
    s.last_word = w;
    const std::string_view text = doc.SentenceText(s);
    s.is_question = EndsAsQuestion(text);
    if (!s.is_question && !HasFinalPunctuation(text) && s.first_word < s.last_word) {
      const Word& first = doc.words[s.first_word];
      s.is_question = IsQuestionOpener(folded.substr(first.begin, first.end - first.begin));
    }
  }
  return true;
}

}  // namespace peercoach::segmentation
