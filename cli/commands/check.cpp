// dipcal check [PATH…]: load fixtures and report every problem; exit 1 when there is any.
#include "../commands.h"

#include "dipcal/graph.h"
#include "dipcal/network.h"

#include <fmt/format.h>

#include <cstdio>

namespace dipcal::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> paths;
};

int run_check(const CheckOptions& options, const GlobalOptions& global) {
  auto& result = load(global, options.paths);
  // What the dates and relations say together: broken relations, gaps without meaning, cycles.
  auto dependencies = check_dependencies(result.timeline);
  result.diagnostics.append(dependencies);
  // The temporal network: windows and relations together. A relation between two dated events that
  // the dates break is already reported above, and would only come back as a cycle; look further
  // only when the data so far is sound.
  if (!result.diagnostics.has_errors()) {
    const auto& windows = solved_windows(result.timeline);
    if (windows.conflict) {
      Diagnostics conflict;
      auto& d = conflict.error(windows.conflict->where, windows.conflict->message, windows.conflict->expected, windows.conflict->suggestion);
      d.notes = windows.conflict->notes;
      result.diagnostics.append(conflict);
    }
  }
  result.diagnostics.sort();
  print_diagnostics(result.diagnostics);
  auto errors = result.diagnostics.error_count();
  auto files = result.files.size();
  if (errors > 0) {
    std::fprintf(stderr, "%zu problem%s in %zu file%s\n", errors, errors == 1 ? "" : "s", files, files == 1 ? "" : "s");
    return kProblems;
  }
  fmt::print("ok: {} event{} in {} file{}, no problems\n", result.timeline.size(), result.timeline.size() == 1 ? "" : "s", files,
             files == 1 ? "" : "s");
  return kOk;
}

}  // namespace

Runner setup_check(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<CheckOptions>();
  command.add_option("paths", options->paths, "Fixture files or folders (default: --fixtures)");
  return [options, &global] { return run_check(*options, global); };
}

}  // namespace dipcal::cli
