// What the peer said just before the response, as far as the judgement needs it.
#ifndef PEERCOACH_CONTEXT_PEER_CONTEXT_H_
#define PEERCOACH_CONTEXT_PEER_CONTEXT_H_

#include <string_view>

namespace peercoach::context {

// True when the peer asked what to do ("What should I do?", "any advice?", "tell me what
// to do"): ideas are then welcome, offered as options with permission (TAXONOMY.md:
// directive is about the speaker directing, not about answering a request).
bool AsksForAdvice(std::string_view peer_text);

}  // namespace peercoach::context

#endif  // PEERCOACH_CONTEXT_PEER_CONTEXT_H_
