#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "peercoach/report.h"

namespace peercoach {

std::string SummaryLine(const Analysis& analysis) {
  std::map<Category, std::size_t> counts;
  for (const Finding& f : analysis.findings) ++counts[f.category];
  std::vector<std::string> parts;
  for (const auto& [category, n] : counts) parts.push_back(fmt::format("{} {}", n, CategoryId(category)));

  std::vector<std::string> strengths;
  for (const Strength& s : analysis.strengths) {
    const std::string id(CategoryId(s.category));
    if (std::find(strengths.begin(), strengths.end(), id) == strengths.end()) strengths.push_back(id);
  }
  const std::size_t nf = analysis.findings.size(), ns = analysis.strengths.size();
  std::string line = nf == 0 ? std::string("No findings: a mutual response")
                             : fmt::format("{} finding{} ({})", nf, nf == 1 ? "" : "s",
                                           fmt::join(parts, ", "));
  if (ns == 0) return line + " · no strengths named";
  return line + fmt::format(" · {} strength{} ({})", ns, ns == 1 ? "" : "s",
                            fmt::join(strengths, ", "));
}

}  // namespace peercoach
