#include "command_group.h"

#include <memory>
#include <utility>

namespace dipcal::cli {

Runner setup_group(CLI::App& command, const std::vector<CommandSpec>& table) {
  command.require_subcommand(1);
  auto members = std::make_shared<std::vector<std::pair<CLI::App*, Runner>>>();
  for (const auto& spec : table) {
    auto* sub = command.add_subcommand(spec.name, spec.summary);
    members->emplace_back(sub, spec.setup(*sub));
  }
  return [members](Session& session) {
    for (const auto& [sub, run] : *members)
      if (sub->parsed()) return run(session);
    throw UsageError{"no subcommand given"};  // CLI11 requires one; kept for a table left empty
  };
}

}  // namespace dipcal::cli
