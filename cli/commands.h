// The command table: one entry per subcommand, each defined in commands/<name>.cpp.
//
// A command's setup function declares its options on its CLI11 subcommand, binding them to an
// options struct of its own, and returns the function that runs it once the line is parsed. The
// runner's signature shows what the command reads: its options and the global ones.
#pragma once

#include "session.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

namespace dipcal::cli {

using Runner = std::function<int()>;
using Setup = Runner (*)(CLI::App& command, const GlobalOptions& global);

struct CommandSpec {
  const char* name;
  const char* summary;
  Setup setup;
};

const std::vector<CommandSpec>& command_table();

Runner setup_check(CLI::App& command, const GlobalOptions& global);
Runner setup_list(CLI::App& command, const GlobalOptions& global);
Runner setup_show(CLI::App& command, const GlobalOptions& global);
Runner setup_until(CLI::App& command, const GlobalOptions& global);
Runner setup_between(CLI::App& command, const GlobalOptions& global);
Runner setup_order(CLI::App& command, const GlobalOptions& global);
Runner setup_path(CLI::App& command, const GlobalOptions& global);
Runner setup_agenda(CLI::App& command, const GlobalOptions& global);
Runner setup_graph(CLI::App& command, const GlobalOptions& global);
Runner setup_generate(CLI::App& command, const GlobalOptions& global);
Runner setup_windows(CLI::App& command, const GlobalOptions& global);
Runner setup_export(CLI::App& command, const GlobalOptions& global);  // a group: export ics, …
Runner setup_export_ics(CLI::App& command, const GlobalOptions& global);
Runner setup_export_svg(CLI::App& command, const GlobalOptions& global);
Runner setup_export_html(CLI::App& command, const GlobalOptions& global);
Runner setup_import(CLI::App& command, const GlobalOptions& global);  // a group: import ics
Runner setup_import_ics(CLI::App& command, const GlobalOptions& global);
Runner setup_complete(CLI::App& command, const GlobalOptions& global);  // hidden: for shell completion

}  // namespace dipcal::cli
