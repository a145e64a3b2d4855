#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "io/article_reader.h"

namespace ng::cli {

Progress::Progress(bool shown, std::optional<size_t> total)
    : shown_(shown), total_(total), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::step() {
  ++done_;
  if (!shown_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  const double s = seconds();
  const double rate = s > 0 ? done_ / s : 0;
  char line[160];
  if (total_ && *total_ >= done_) {
    const double left = rate > 0 ? (*total_ - done_) / rate : 0;
    std::snprintf(line, sizeof line, "newsgraph: %zu/%zu articles, %.1f articles/s, %.0f s left",
                  done_, *total_, rate, left);
  } else {
    std::snprintf(line, sizeof line, "newsgraph: %zu articles, %.1f articles/s", done_, rate);
  }
  std::string text(line);
  const size_t width = text.size();
  if (width < drawn_width_) text.append(drawn_width_ - width, ' ');
  drawn_width_ = width;
  std::fprintf(stderr, "\r%s", text.c_str());
  std::fflush(stderr);
}

void Progress::finish(const std::string& summary) {
  if (!shown_) return;
  if (drawn_width_) std::fprintf(stderr, "\r%s\r", std::string(drawn_width_, ' ').c_str());
  std::fprintf(stderr, "newsgraph: %s, %.1f s\n", summary.c_str(), seconds());
}

bool progress_wanted(bool progress_flag, bool quiet_flag) {
  if (quiet_flag) return false;
  return progress_flag || ::isatty(STDERR_FILENO);
}

std::optional<size_t> count_articles(const InputOptions& input) {
  if (input.conllu || input.files.empty()) return std::nullopt;
  for (const auto& f : input.files)
    if (f == "-") return std::nullopt;
  if (!input.jsonl && !input.sentences) return input.files.size();
  size_t n = 0;
  for (const auto& f : input.files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return std::nullopt;
    std::string line;
    while (std::getline(in, line))
      if (line.find_first_not_of(" \t\r") != std::string::npos) ++n;
  }
  return n;
}

}  // namespace ng::cli
