// dipcal graph [--format dot|mermaid]: the dependency graph, for Graphviz or Mermaid.
#include "../commands.h"

#include "dipcal/graph.h"

#include <fmt/format.h>

namespace dipcal::cli {

namespace {

struct GraphOptions {
  std::string format = "dot";
};

int run_graph(const GraphOptions& options, const GlobalOptions& global) {
  const auto& timeline = load_clean(global);
  DependencyGraph graph{timeline};
  fmt::print("{}", options.format == "mermaid" ? graph.mermaid() : graph.dot());
  return kOk;
}

}  // namespace

Runner setup_graph(CLI::App& command, const GlobalOptions& global) {
  auto options = std::make_shared<GraphOptions>();
  command.add_option("--format", options->format, "dot (Graphviz, the default) or mermaid")->check(CLI::IsMember({"dot", "mermaid"}));
  return [options, &global] { return run_graph(*options, global); };
}

}  // namespace dipcal::cli
