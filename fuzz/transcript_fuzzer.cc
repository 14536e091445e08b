// libFuzzer target: one transcript format's parser on arbitrary bytes, the format chosen
// at build time by PEERCOACH_FUZZ_EXTENSION (the file name's extension decides the
// reader). A session that parses must have turns with text inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "peercoach/transcript.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  const std::string path = std::string("fuzz.") + PEERCOACH_FUZZ_EXTENSION;
  auto format = peercoach::DetectTranscriptFormat(path, content);
  auto sessions = peercoach::ReadTranscript(path, content);
  if (!sessions.ok()) return 0;
  for (const auto& session : sessions.value()) {
    if (session.turns.empty()) std::abort();
  }
  (void)format;
  return 0;
}
