#include "rewrite/template.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace peercoach::rewrite {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Short verbs whose final consonant doubles before -ing (stop → stopping). English
// doubles after a single stressed vowel; for the one-syllable verbs of advice that is
// every consonant-vowel-consonant ending except w, x and y.
bool DoublesFinalConsonant(std::string_view w) {
  if (w.size() < 3 || w.size() > 4) return false;
  const char last = w[w.size() - 1], mid = w[w.size() - 2], first = w[w.size() - 3];
  if (last == 'w' || last == 'x' || last == 'y') return false;
  if (w.size() == 4 && IsVowel(w[0])) return false;
  return !IsVowel(last) && IsVowel(mid) && !IsVowel(first);
}

std::string GerundOfWord(std::string_view w) {
  const std::string lw = Lower(w);
  if (lw == "be") return std::string(w.substr(0, 2)) + "ing";
  if (lw.ends_with("ie")) return std::string(w.substr(0, w.size() - 2)) + "ying";
  if (lw.ends_with("ing")) return std::string(w);
  if (lw.size() > 2 && lw.ends_with("e") && !lw.ends_with("ee") && !lw.ends_with("ye") &&
      !lw.ends_with("oe")) {
    return std::string(w.substr(0, w.size() - 1)) + "ing";
  }
  if (DoublesFinalConsonant(lw)) return std::string(w) + w.back() + "ing";
  return std::string(w) + "ing";
}

}  // namespace

bool IsKnownFilter(std::string_view f) {
  return f.empty() || f == "gerund" || f == "lower" || f == "cap" || f == "first" ||
         f == "uncap" || f == "peer";
}

bool IsBuiltinCapture(std::string_view name) {
  return name == "match" || name == "sentence" || name == "before" || name == "after" ||
         name == "remainder" || name == "whole" || name == "own";
}

std::string Uncap(std::string_view s) {
  std::string out(s);
  // "I", "I'm", "I've" keep their capital; so do acronyms ("AA meetings").
  const bool pronoun_i = out.size() >= 1 && out[0] == 'I' &&
                         (out.size() == 1 || !std::isalpha(static_cast<unsigned char>(out[1])));
  const bool acronym = out.size() >= 2 && std::isupper(static_cast<unsigned char>(out[1]));
  if (!out.empty() && !pronoun_i && !acronym) {
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  }
  return out;
}

bool OpensWithPeerSubject(std::string_view s) {
  // The first word, apostrophes (straight or curly) and case aside.
  std::string word;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalpha(c)) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == '\'') {
      continue;
    } else if (s.substr(i, 3) == "\xE2\x80\x99") {  // the curly apostrophe
      i += 2;
    } else {
      break;
    }
  }
  static constexpr std::array<std::string_view, 10> kSubjects = {
      "you", "youre", "youve", "youll", "youd", "your", "u", "ur", "ya", "yall"};
  return std::find(kSubjects.begin(), kSubjects.end(), word) != kSubjects.end() &&
         s.find(':') == std::string_view::npos;
}

std::optional<std::string> ParsePlaceholders(std::string_view tmpl,
                                             std::vector<Placeholder>& out) {
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '}') return "unmatched } in rewrite template";
    if (tmpl[i] != '{') continue;
    const std::size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) return "unclosed { in rewrite template";
    std::string_view body = tmpl.substr(i + 1, close - i - 1);
    Placeholder p;
    const std::size_t bar = body.find('|');
    p.name = std::string(body.substr(0, bar));
    if (bar != std::string_view::npos) p.filter = std::string(body.substr(bar + 1));
    if (p.name.empty()) return "empty {} in rewrite template";
    out.push_back(std::move(p));
    i = close;
  }
  return std::nullopt;
}

std::optional<std::string> FillTemplate(
    std::string_view tmpl,
    const std::function<std::optional<std::string>(std::string_view)>& lookup) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out.push_back(tmpl[i]);
      continue;
    }
    const std::size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view body = tmpl.substr(i + 1, close - i - 1);
    const std::size_t bar = body.find('|');
    const std::string_view name = body.substr(0, bar);
    const std::string_view filter =
        bar == std::string_view::npos ? std::string_view() : body.substr(bar + 1);
    std::optional<std::string> value = lookup(name);
    if (!value || value->empty()) return std::nullopt;
    if (filter == "gerund") {
      *value = Gerund(*value);
    } else if (filter == "lower") {
      *value = Lower(*value);
    } else if (filter == "cap") {
      (*value)[0] = static_cast<char>(std::toupper(static_cast<unsigned char>((*value)[0])));
    } else if (filter == "first") {
      *value = FirstSentence(*value);
    } else if (filter == "uncap") {
      *value = Uncap(*value);
    } else if (filter == "peer") {
      if (!OpensWithPeerSubject(*value)) return std::nullopt;
      *value = Uncap(*value);
    }
    out += *value;
    i = close;
  }
  return out;
}

std::string FirstSentence(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') &&
        (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])))) {
      return std::string(text.substr(0, i + 1));
    }
  }
  return std::string(text);
}

std::string Gerund(std::string_view phrase) {
  std::size_t end = 0;
  while (end < phrase.size() && (std::isalpha(static_cast<unsigned char>(phrase[end])))) ++end;
  if (end == 0) return std::string(phrase);
  return GerundOfWord(phrase.substr(0, end)) + std::string(phrase.substr(end));
}

}  // namespace peercoach::rewrite
