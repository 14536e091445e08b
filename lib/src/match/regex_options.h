// match/regex_options.h: the one set of RE2 options every rule pattern is compiled with,
// so the loader's validation and the matcher agree.
#ifndef PEERCOACH_MATCH_REGEX_OPTIONS_H_
#define PEERCOACH_MATCH_REGEX_OPTIONS_H_

#include <re2/re2.h>

namespace peercoach::match {

inline RE2::Options RuleRegexOptions() {
  RE2::Options options(RE2::Quiet);  // errors are reported by the loader, not logged
  options.set_case_sensitive(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  return options;
}

}  // namespace peercoach::match

#endif  // PEERCOACH_MATCH_REGEX_OPTIONS_H_
