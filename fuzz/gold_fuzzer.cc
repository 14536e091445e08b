// libFuzzer target: the gold-file reader (responses and transcripts) on arbitrary bytes.
// Every bad line must become a "FILE:LINE: ..." error, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "peercoach/gold.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view contents(reinterpret_cast<const char*>(data), size);
  peercoach::GoldCorpus corpus;
  peercoach::ReadGold(contents, "fuzz.jsonl", corpus);
  for (const auto& r : corpus.responses) {
    if (r.line == 0) std::abort();
  }
  return 0;
}
