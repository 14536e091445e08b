// peercoach review PATH...: a supervisor's batch review of transcripts and session notes.
// The CLI finds the files, reads them in parallel windows and hands each session to the
// library; output is written in file order whatever --jobs is.
#include <fmt/format.h>
#include <fnmatch.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "commands.h"
#include "common.h"
#include "peercoach/review.h"
#include "peercoach/review_report.h"
#include "peercoach/transcript.h"

namespace peercoach::cli {
namespace {

namespace fs = std::filesystem;

struct ReviewOptions {
  std::vector<std::string> paths;
  std::vector<std::string> globs;
  std::vector<std::string> specialist_names;
  std::vector<std::string> peer_names;
  std::string text_col = "text";
  std::string speaker_col = "speaker";
  std::string session_col;
  std::string format = "text";
  std::string out;
  std::string config;
  std::string color = "auto";
  unsigned jobs = 0;
  double max_file_mb = 32;
  bool quiet = false;
  RuleOptions rules;
};

// One file's outcome: its sessions reviewed, or why it was skipped.
struct FileResult {
  std::vector<SessionReview> reviews;
  std::string skipped;  // reason; empty when reviewed
};

bool MatchesGlobs(const fs::path& p, const std::vector<std::string>& globs) {
  if (globs.empty()) return true;
  const std::string name = p.filename().string();
  const std::string full = p.generic_string();
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    return fnmatch(g.c_str(), name.c_str(), 0) == 0 || fnmatch(g.c_str(), full.c_str(), 0) == 0;
  });
}

// Files to review: files named directly, and the regular files under each folder
// (recursively, hidden entries skipped, filtered by --glob), each folder's in sorted order.
// A path that does not exist is recorded as skipped.
std::vector<std::string> CollectFiles(const ReviewOptions& o, CohortSummary& cohort) {
  std::vector<std::string> files;
  for (const std::string& path : o.paths) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      cohort.skipped.push_back({path, "no such file or folder"});
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (p.filename().string().starts_with(".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      // A symlink that leads nowhere is kept, to be reported as unreadable.
      const bool file = it->is_regular_file(ec) || (it->is_symlink(ec) && !it->is_directory(ec));
      if (file && MatchesGlobs(p, o.globs)) found.push_back(p.generic_string());
    }
    if (ec) cohort.skipped.push_back({path, fmt::format("cannot list the folder: {}", ec.message())});
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

FileResult ReviewFile(const std::string& path, const Analyzer& analyzer,
                      const TranscriptOptions& transcript, const ReviewConfig& config,
                      std::uintmax_t max_bytes) {
  FileResult result;
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    result.skipped = fmt::format("cannot read: {}", ec.message());
    return result;
  }
  if (size > max_bytes) {
    result.skipped = fmt::format("{:.1f} MB, over the {:.0f} MB limit (--max-file-size)",
                                 static_cast<double>(size) / 1e6, static_cast<double>(max_bytes) / 1e6);
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.skipped = fmt::format("cannot open: {}", std::strerror(errno));
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    result.skipped = "cannot read";
    return result;
  }
  const std::string content = std::move(buffer).str();
  auto sessions = ReadTranscript(path, content, transcript);
  if (!sessions.ok()) {
    // The error names the file already ("FILE:LINE: ..."); keep only the reason.
    std::string reason = sessions.error().ToString();
    if (reason.starts_with(path + ":")) reason = reason.substr(path.size() + 1);
    result.skipped = std::string(reason.starts_with(" ") ? reason.substr(1) : reason);
    return result;
  }
  for (Session& s : sessions.value()) {
    auto review = ReviewSession(analyzer, std::move(s), config);
    if (!review.ok()) {
      result.reviews.clear();
      result.skipped = review.error().ToString();
      return result;
    }
    result.reviews.push_back(std::move(review).value());
  }
  return result;
}

class Progress {
 public:
  Progress(std::size_t total, bool show) : total_(total), show_(show) {}
  void Update(std::size_t done) const {
    if (!show_) return;
    const int width = 30;
    const int filled = total_ == 0 ? width : static_cast<int>(width * done / total_);
    std::cerr << fmt::format("\rreviewing [{}{}] {}/{} files", std::string(static_cast<std::size_t>(filled), '#'),
                             std::string(static_cast<std::size_t>(width - filled), '.'), done, total_)
              << std::flush;
  }
  void Finish() const {
    if (show_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  std::size_t total_;
  bool show_;
};

// Reviews `files` in windows of a few files per thread, calling `emit` for each file in
// order: at most one window's results are held at once.
template <typename Emit>
void ReviewInOrder(const std::vector<std::string>& files, unsigned jobs, const Progress& progress,
                   const Analyzer& analyzer, const TranscriptOptions& transcript,
                   const ReviewConfig& config, std::uintmax_t max_bytes, Emit emit) {
  const std::size_t window = std::max<std::size_t>(1, static_cast<std::size_t>(jobs) * 8);
  std::vector<FileResult> results;
  for (std::size_t start = 0; start < files.size(); start += window) {
    const std::size_t n = std::min(window, files.size() - start);
    results.assign(n, FileResult{});
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (std::size_t i; (i = next.fetch_add(1)) < n;) {
        results[i] = ReviewFile(files[start + i], analyzer, transcript, config, max_bytes);
      }
    };
    const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(jobs, n));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
    for (std::size_t i = 0; i < n; ++i) emit(files[start + i], results[i]);
    progress.Update(start + n);
  }
}

int RunReview(const ReviewOptions& o) {
  const auto format = ParseReviewFormat(o.format);
  if (!format) {
    PrintError(fmt::format("unknown format '{}'", o.format));
    return kExitError;
  }
  ReviewConfig config;
  if (!o.config.empty()) {
    const auto yaml = ReadInput(o.config);
    if (!yaml) return kExitError;
    auto parsed = ParseReviewConfig(*yaml, o.config);
    if (!parsed.ok()) {
      PrintError(parsed.error().ToString());
      return kExitError;
    }
    config = parsed.value();
  }
  TranscriptOptions transcript;
  if (!o.specialist_names.empty()) transcript.specialist_names = o.specialist_names;
  if (!o.peer_names.empty()) transcript.peer_names = o.peer_names;
  transcript.text_column = o.text_col;
  transcript.speaker_column = o.speaker_col;
  transcript.session_column = o.session_col;

  auto rules = LoadRules(o.rules);
  if (!rules) return kExitError;
  auto analyzer = MakeAnalyzer(*rules);
  if (!analyzer) return kExitError;

  CohortSummary cohort;
  const std::vector<std::string> files = CollectFiles(o, cohort);
  cohort.files = files.size();
  const unsigned jobs = o.jobs > 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  const auto max_bytes = static_cast<std::uintmax_t>(o.max_file_mb * 1e6);
  const bool show_progress = !o.quiet && isatty(STDERR_FILENO) && files.size() > 5;
  spdlog::info("reviewing {} files with {} jobs", files.size(), jobs);

  std::ofstream file_out;
  if (!o.out.empty()) {
    file_out.open(o.out, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      PrintError(fmt::format("{}: cannot write: {}", o.out, std::strerror(errno)));
      return kExitError;
    }
  }
  std::ostream& out = o.out.empty() ? std::cout : file_out;
  ReviewWriterOptions writer_options;
  writer_options.color = o.color == "always" || (o.color == "auto" && o.out.empty() && StdoutIsTerminal());
  auto writer = MakeReviewWriter(*format, out, writer_options);

  auto note_skip = [&](const std::string& file, const std::string& reason) {
    cohort.skipped.push_back({file, reason});
    PrintError(fmt::format("{}: skipped: {}", file, reason));
  };
  for (const auto& s : cohort.skipped) PrintError(fmt::format("{}: skipped: {}", s.file, s.reason));

  if (*format == ReviewFormat::kHtml) {
    // The overview comes first: a first pass gathers the cohort summary only.
    CohortSummary first = cohort;
    ReviewInOrder(files, jobs, Progress(files.size() * 2, show_progress), *analyzer, transcript,
                  config, max_bytes, [&](const std::string& file, const FileResult& r) {
                    if (!r.skipped.empty()) first.skipped.push_back({file, r.skipped});
                    for (const SessionReview& s : r.reviews) first.Add(s);
                  });
    writer->Begin(first);
    cohort = first;
    for (const auto& s : cohort.skipped) PrintError(fmt::format("{}: skipped: {}", s.file, s.reason));
    Progress progress(files.size(), show_progress);
    ReviewInOrder(files, jobs, progress, *analyzer, transcript, config, max_bytes,
                  [&](const std::string&, const FileResult& r) {
                    for (const SessionReview& s : r.reviews) writer->Session(s);
                  });
    progress.Finish();
  } else {
    writer->Begin(cohort);
    Progress progress(files.size(), show_progress);
    ReviewInOrder(files, jobs, progress, *analyzer, transcript, config, max_bytes,
                  [&](const std::string& file, const FileResult& r) {
                    if (!r.skipped.empty()) note_skip(file, r.skipped);
                    for (const SessionReview& s : r.reviews) {
                      cohort.Add(s);
                      writer->Session(s);
                    }
                  });
    progress.Finish();
  }
  writer->End(cohort);
  out.flush();
  if (!out) {
    PrintError(fmt::format("{}: write failed", o.out.empty() ? "<stdout>" : o.out));
    return kExitError;
  }
  spdlog::info("reviewed {} sessions; {} files skipped", cohort.sessions.size(), cohort.skipped.size());
  if (!o.quiet) {
    std::cerr << fmt::format("peercoach: reviewed {} sessions from {} files; {} skipped\n",
                             cohort.sessions.size(), cohort.files, cohort.skipped.size());
  }
  if (cohort.sessions.empty()) {
    PrintError("nothing could be reviewed");
    return kExitError;
  }
  return kExitClean;
}

}  // namespace

Command AddReviewCommand(CLI::App& app) {
  auto o = std::make_shared<ReviewOptions>();
  CLI::App* sub = app.add_subcommand("review", "Review a cohort's transcripts and session notes");
  sub->add_option("paths", o->paths, "Files and folders (folders are searched recursively)")->required();
  sub->add_option("--glob", o->globs, "In folders, only files whose name matches (e.g. '*.vtt'); repeatable");
  sub->add_option("--specialist", o->specialist_names, "The specialist's speaker name (default Specialist); repeatable");
  sub->add_option("--peer", o->peer_names, "The peer's speaker name (default Peer); repeatable");
  sub->add_option("--text-col", o->text_col, "CSV: the column with what was said")->capture_default_str();
  sub->add_option("--speaker-col", o->speaker_col, "CSV: the column with the speaker")->capture_default_str();
  sub->add_option("--session-col", o->session_col, "CSV: the column that groups rows into sessions");
  sub->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv", "html"}))
      ->capture_default_str();
  sub->add_option("--out", o->out, "Write the report to FILE instead of standard output");
  sub->add_option("--config", o->config, "Thresholds and score weights (YAML, see config/review.yaml)");
  sub->add_option("--jobs,-j", o->jobs, "Threads (default: all cores)")->check(CLI::Range(1u, 1024u));
  sub->add_option("--max-file-size", o->max_file_mb, "Skip files larger than this many MB")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--color", o->color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  sub->add_flag("-q,--quiet", o->quiet, "No progress bar and no summary line on stderr");
  o->rules.AddTo(*sub);
  return [o] { return RunReview(*o); };
}

}  // namespace peercoach::cli
