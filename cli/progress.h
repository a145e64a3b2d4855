// A progress line on standard error for long batches: articles done, of how
// many when known, articles per second and the time left, redrawn in place
// (\r) at most four times a second; then one summary line. Used on the
// consumer thread only (not thread-safe).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "io/article_reader.h"

namespace ng::cli {

class Progress {
 public:
  // shown: draw the line and the summary (see progress_wanted).
  Progress(bool shown, std::optional<size_t> total);
  // One more article handled (written or skipped).
  void step();
  // Clears the line and prints "newsgraph: <summary>, <seconds> s" when shown.
  void finish(const std::string& summary);
  double seconds() const;
  bool shown() const { return shown_; }

 private:
  void draw();
  bool shown_;
  std::optional<size_t> total_;
  size_t done_ = 0;
  size_t drawn_width_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// Whether to show progress: --progress, or standard error is a terminal;
// never with --quiet.
bool progress_wanted(bool progress_flag, bool quiet_flag);

// How many articles the inputs hold, when cheap to know: --jsonl and
// --sentences count the non-blank lines of the files, plain text counts the
// files; standard input and CoNLL-U give nullopt.
std::optional<size_t> count_articles(const ng::InputOptions& input);

}  // namespace ng::cli
