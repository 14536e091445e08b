// text/match_text.h: the text the rules see.
//
// The matching text is the input NFC-normalized (ICU), case-folded, with curly quotes
// and apostrophes folded to ' and ", and Unicode spaces to ' '. An OffsetMap leads every
// match back to the bytes the user gave.
//
//   auto m = BuildMatchText("I’M FINE", false);   // m.text == "i'm fine"
#ifndef PEERCOACH_TEXT_MATCH_TEXT_H_
#define PEERCOACH_TEXT_MATCH_TEXT_H_

#include <string>
#include <string_view>

#include "peercoach/status.h"
#include "text/offset_map.h"

namespace peercoach::text {

struct MatchText {
  std::string text;
  OffsetMap map;
};

// Builds the matching text of `original`. Invalid UTF-8 is an error naming its byte
// offset, unless `replace_invalid`, in which case each ill-formed byte becomes U+FFFD.
Result<MatchText> BuildMatchText(std::string_view original, bool replace_invalid);

}  // namespace peercoach::text

#endif  // PEERCOACH_TEXT_MATCH_TEXT_H_
