// dipcal graph [--format dot|mermaid]: the dependency graph, for Graphviz or Mermaid.
#include "../commands.h"

#include "dipcal/reasoning/graph.h"

#include <fmt/format.h>

namespace dipcal::cli {

namespace {

struct GraphOptions {
  std::string format = "dot";

  void add_options(CLI::App& command) {
    command.add_option("--format", format, "dot (Graphviz, the default) or mermaid")->check(CLI::IsMember({"dot", "mermaid"}));
  }
};

int run_graph(const GraphOptions& options, Session& session) {
  const auto& calendar = session.calendar();
  DependencyGraph graph{calendar.timeline(), calendar.chronological()};
  fmt::print("{}", options.format == "mermaid" ? graph.mermaid() : graph.dot());
  return kOk;
}

}  // namespace

Runner setup_graph(CLI::App& command) { return bind_options<GraphOptions>(command, run_graph); }

}  // namespace dipcal::cli
