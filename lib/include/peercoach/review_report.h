// peercoach/review_report.h: the supervisor's report over many sessions, written as
// text, JSON, JSON Lines, CSV or a self-contained HTML page.
//
// Writers stream: sessions are written one at a time, in the order given, so a cohort of
// 10,000 transcripts is never held in memory; the cohort summary keeps one small line per
// session. HTML puts the overview first, so it takes the summary up front (the caller
// reviews twice: once for the summary, once for the sections).
//
//   peercoach::CohortSummary cohort;
//   auto writer = peercoach::MakeReviewWriter(peercoach::ReviewFormat::kJson, std::cout);
//   writer->Begin(cohort);
//   for (auto& r : reviews) { cohort.Add(r); writer->Session(r); }
//   writer->End(cohort);
#ifndef PEERCOACH_REVIEW_REPORT_H_
#define PEERCOACH_REVIEW_REPORT_H_

#include <array>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "peercoach/review.h"

namespace peercoach {

enum class ReviewFormat { kText, kJson, kJsonl, kCsv, kHtml };
std::optional<ReviewFormat> ParseReviewFormat(std::string_view name);

// "file.txt" or "file.jsonl#t01": how a session is named in every output.
std::string SessionLabel(const Session& session);

struct CohortSummary {
  struct Line {
    std::string label;
    int score = 0;
    double talk_share = 0;
    bool dominating = false;
    bool note = false;
  };
  struct Skipped {
    std::string file;
    std::string reason;  // never transcript text
  };
  std::size_t files = 0;  // files read (reviewed or skipped)
  std::vector<Line> sessions;
  std::vector<Skipped> skipped;
  std::array<std::size_t, kCategoryCount> counts{};

  void Add(const SessionReview& review);
  double MeanScore() const;  // 0 when no sessions
  std::size_t DominatingSessions() const;
};

class ReviewWriter {
 public:
  virtual ~ReviewWriter() = default;
  virtual void Begin(const CohortSummary& cohort) = 0;  // HTML uses it; others ignore it
  virtual void Session(const SessionReview& review) = 0;
  virtual void End(const CohortSummary& cohort) = 0;
};

struct ReviewWriterOptions {
  bool color = false;  // text only
};

std::unique_ptr<ReviewWriter> MakeReviewWriter(ReviewFormat format, std::ostream& out,
                                               const ReviewWriterOptions& options = {});

}  // namespace peercoach

#endif  // PEERCOACH_REVIEW_REPORT_H_
