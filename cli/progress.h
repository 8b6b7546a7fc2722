// A one-line progress report for long runs: "loading fixtures: 120,000 events (file 3 of 10)".
//
// Shown only when standard error is a terminal (so nothing reaches a pipe, a log or a test), redrawn
// at most ten times a second, and erased when the work is done, so the lines that follow start clean.
#pragma once

#include <chrono>
#include <string>

namespace dipcal::cli {

class TerminalProgress {
 public:
  TerminalProgress();
  ~TerminalProgress();
  TerminalProgress(const TerminalProgress&) = delete;
  TerminalProgress& operator=(const TerminalProgress&) = delete;

  [[nodiscard]] bool enabled() const { return enabled_; }
  // Replaces the line with `text`, unless the last redraw was less than 100 ms ago.
  void show(const std::string& text);

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace dipcal::cli
