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
  // The temporal network: windows and relations together, in every part of the timeline whose dates
  // and relations are sound (network.h says why the others are left out).
  result.diagnostics.append(network_conflicts(result.timeline, dependencies));
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
