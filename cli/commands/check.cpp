// dipcal check [PATH…]: load fixtures and report every problem; exit 1 when there is any
// (query/check.h decides what is a problem).
#include "../commands.h"

#include "dipcal/query/check.h"

#include <fmt/format.h>

#include <cstdio>

namespace dipcal::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> paths;

  void add_options(CLI::App& command) {
    command.add_option("paths", paths, "Fixture files or folders (default: --fixtures)");
  }
};

int run_check(const CheckOptions& options, Session& session) {
  const auto& calendar = session.calendar_as_is(options.paths);
  auto report = check(calendar);
  print_diagnostics(report);
  auto errors = report.error_count();
  auto files = calendar.load().files.size();
  if (errors > 0) {
    std::fprintf(stderr, "%zu problem%s in %zu file%s\n", errors, errors == 1 ? "" : "s", files, files == 1 ? "" : "s");
    return kProblems;
  }
  auto events = calendar.timeline().size();
  fmt::print("ok: {} event{} in {} file{}, no problems\n", events, events == 1 ? "" : "s", files, files == 1 ? "" : "s");
  return kOk;
}

}  // namespace

Runner setup_check(CLI::App& command) { return bind_options<CheckOptions>(command, run_check); }

}  // namespace dipcal::cli
