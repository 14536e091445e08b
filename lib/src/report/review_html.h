// report/review_html.h: the self-contained HTML review report (inline CSS and SVG).
#ifndef PEERCOACH_REPORT_REVIEW_HTML_H_
#define PEERCOACH_REPORT_REVIEW_HTML_H_

#include <memory>
#include <ostream>

#include "peercoach/review_report.h"

namespace peercoach::report {

std::unique_ptr<ReviewWriter> MakeHtmlReviewWriter(std::ostream& out);

}  // namespace peercoach::report

#endif  // PEERCOACH_REPORT_REVIEW_HTML_H_
