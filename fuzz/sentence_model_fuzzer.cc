// libFuzzer target: the sentence model's weights file (rules/sentence-model.tsv) on
// arbitrary bytes. A bad line must become a "FILE:LINE: ..." error; a file that parses
// must score any sentence to a probability in [0, 1] for each of its categories.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "detectors/sentence_model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view contents(reinterpret_cast<const char*>(data), size);
  auto model = peercoach::detectors::ParseSentenceModel("fuzz.tsv", contents);
  if (!model.ok()) {
    if (model.error().location().line == 0) std::abort();
    return 0;
  }
  const auto& m = model.value();
  // The input itself as a sentence too, when it is sentence-sized (a replayed seed is the
  // whole weights file).
  const std::string_view self = contents.size() <= 4096 ? contents : std::string_view();
  for (std::string_view sentence : {std::string_view("you need to call your sponsor, not me."),
                                    std::string_view(), self}) {
    const auto known = m.KnownFeatures({sentence, self, sentence});
    if (m.weights.size() != m.feature_count * m.modelled.size()) std::abort();
    for (std::uint32_t f : known) {
      if (f >= m.feature_count) std::abort();
    }
    for (const auto category : m.modelled) {
      const double p = m.Probability(category, known);
      if (!(p >= 0.0 && p <= 1.0)) std::abort();
    }
  }
  return 0;
}
