#include "segmentation/lexicon.h"

#include <algorithm>
#include <array>

namespace peercoach::segmentation {
namespace {

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& sorted, std::string_view w) {
  return std::binary_search(sorted.begin(), sorted.end(), w);
}

// Sorted for binary search.
constexpr std::array<std::string_view, 12> kFirst = {
    "i", "i'd", "i'll", "i'm", "i've", "im", "ima", "ive", "me", "mine", "my", "myself"};
constexpr std::array<std::string_view, 18> kSecond = {
    "u", "ur", "y'all", "ya", "yall", "you", "you'd", "you'll", "you're", "you've",
    "youd", "youll", "your", "youre", "yours", "yourself", "yourselves", "youve"};
constexpr std::array<std::string_view, 12> kThird = {
    "he", "her", "hers", "herself", "him", "himself", "his", "she", "their", "them",
    "themselves", "they"};
constexpr std::array<std::string_view, 26> kSubject = {
    "he", "i", "i'd", "i'll", "i'm", "i've", "im", "ive", "she", "they", "they're",
    "u", "we", "we'd", "we'll", "we're", "we've", "ya", "you", "you'd", "you'll",
    "you're", "you've", "youd", "youre", "youve"};
constexpr std::array<std::string_view, 30> kNegation = {
    "ain't", "aint", "arent", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont",
    "hadnt", "hasnt", "havent", "isnt", "mustnt", "neednt", "neither", "never", "no",
    "nobody", "none", "noone", "nor", "not", "nothing", "nowhere", "shouldnt", "wasnt",
    "werent", "wont", "wouldnt"};
constexpr std::array<std::string_view, 24> kQuestionOpeners = {
    "are", "can", "could", "did", "do", "does", "has", "have", "how", "is", "may",
    "might", "shall", "should", "was", "were", "what", "whats", "when", "where", "which",
    "who", "why", "would"};

constexpr std::array<std::string_view, 22> kAbbreviations = {
    "approx", "appt", "apt", "ave", "dept", "dr", "e.g", "etc", "ft", "i.e", "jr", "lt", "mr", "mrs", "ms", "mt", "prof", "sgt", "sr", "st", "vs", "w"};

static_assert(std::is_sorted(kAbbreviations.begin(), kAbbreviations.end()));
static_assert(std::is_sorted(kFirst.begin(), kFirst.end()));
static_assert(std::is_sorted(kSecond.begin(), kSecond.end()));
static_assert(std::is_sorted(kThird.begin(), kThird.end()));
static_assert(std::is_sorted(kSubject.begin(), kSubject.end()));
static_assert(std::is_sorted(kNegation.begin(), kNegation.end()));
static_assert(std::is_sorted(kQuestionOpeners.begin(), kQuestionOpeners.end()));

}  // namespace

Person PronounPerson(std::string_view w) {
  if (Contains(kFirst, w)) return Person::kFirst;
  if (Contains(kSecond, w)) return Person::kSecond;
  if (Contains(kThird, w)) return Person::kThird;
  return Person::kNone;
}

bool IsSubjectPronoun(std::string_view w) { return Contains(kSubject, w); }

bool IsNegation(std::string_view w) {
  if (Contains(kNegation, w)) return true;
  return w.size() > 3 && w.ends_with("n't");
}

bool IsQuestionOpener(std::string_view w) { return Contains(kQuestionOpeners, w); }

bool IsAbbreviation(std::string_view w) { return Contains(kAbbreviations, w); }

}  // namespace peercoach::segmentation
