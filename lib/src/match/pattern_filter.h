// match/pattern_filter.h: which rule patterns could match a sentence, decided from the
// literal strings each pattern needs.
//
// One RE2::Set of all the rule patterns is a DFA whose states are combinations of every
// pattern's progress; with open tails like [^.!?]* the combinations run to hundreds of
// megabytes and each byte lands on a state not in cache. RE2's FilteredRE2 instead
// reduces each pattern to the words it cannot match without ("should", "worse"...); one
// small RE2::Set finds those words, and only the patterns whose words are all there run.
// A pattern with no word of three letters (`(?:you|u)`, `(?:ig|fb|x)`) gets a second,
// finer filter that also counts one- and two-letter strings; only the few patterns left
// with nothing at all to filter on always run. Short strings in the main filter would make
// it slower: they occur in nearly every sentence and wake up most of the prefilter tree.
#ifndef PEERCOACH_MATCH_PATTERN_FILTER_H_
#define PEERCOACH_MATCH_PATTERN_FILTER_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace peercoach::match {

class PatternFilter {
 public:
  PatternFilter();
  ~PatternFilter();
  PatternFilter(const PatternFilter&) = delete;
  PatternFilter& operator=(const PatternFilter&) = delete;

  // Adds `pattern` (compiled with the rule options); its index is the number of patterns
  // added before it. Returns the compiled pattern, owned by the filter, or null with
  // `error` when it does not compile.
  const RE2* Add(const std::string& pattern, std::string* error);
  // Prepares the filter once every pattern is added. False when RE2 cannot compile the
  // word set.
  bool Compile();
  // Replaces `out` with the sorted indices of the patterns that may match `text`, a
  // folded matching text.
  void Candidates(std::string_view text, std::vector<int>& out) const;

 private:
  // One FilteredRE2 and the RE2::Set of its atoms.
  struct Stage {
    explicit Stage(int min_atom_length) : filter(min_atom_length) {}
    bool Compile();
    // Indices (into this stage) of the patterns that may match; false if the set failed.
    bool Potentials(std::string_view text, std::vector<int>& out) const;

    re2::FilteredRE2 filter;
    std::unique_ptr<RE2::Set> atoms;
    std::size_t atom_count = 0;
  };

  Stage words_;                // every pattern, by its words of three letters or more
  Stage short_;                // the patterns words_ cannot filter, by any string
  std::vector<bool> in_short_; // per pattern: filtered by short_ instead of words_
  std::vector<int> short_to_pattern_;
  std::size_t size_ = 0;
};

}  // namespace peercoach::match

#endif  // PEERCOACH_MATCH_PATTERN_FILTER_H_
