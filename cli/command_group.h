// A command whose work is done by one of its own subcommands, as `export ics` and `import ics`: the
// group's table lists them the way commands.cpp lists the top-level commands.
#pragma once

#include "commands.h"

namespace dipcal::cli {

// Declares each entry of `table` as a subcommand of `command` (one of them is required) and returns
// the runner that runs the one given on the command line.
Runner setup_group(CLI::App& command, const std::vector<CommandSpec>& table);

}  // namespace dipcal::cli
