// The command table: one entry per subcommand, each defined in commands/<name>.cpp.
//
// A command's setup function declares its options on its CLI11 subcommand, binding them to an
// options struct of its own, and returns the function that runs it once the line is parsed, with the
// run's Session (the calendar, the output zone, the clock).
#pragma once

#include "session.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

namespace dipcal::cli {

using Runner = std::function<int(Session& session)>;
using Setup = Runner (*)(CLI::App& command);

struct CommandSpec {
  const char* name;
  const char* summary;
  Setup setup;
};

const std::vector<CommandSpec>& command_table();

Runner setup_check(CLI::App& command);
Runner setup_list(CLI::App& command);
Runner setup_show(CLI::App& command);
Runner setup_until(CLI::App& command);
Runner setup_between(CLI::App& command);
Runner setup_order(CLI::App& command);
Runner setup_path(CLI::App& command);
Runner setup_agenda(CLI::App& command);
Runner setup_graph(CLI::App& command);
Runner setup_draft(CLI::App& command);
Runner setup_generate(CLI::App& command);
Runner setup_windows(CLI::App& command);
Runner setup_serve(CLI::App& command);
Runner setup_export(CLI::App& command);  // a group: export ics, …
Runner setup_export_ics(CLI::App& command);
Runner setup_export_svg(CLI::App& command);
Runner setup_export_html(CLI::App& command);
Runner setup_import(CLI::App& command);  // a group: import ics
Runner setup_import_ics(CLI::App& command);
Runner setup_complete(CLI::App& command);  // hidden: for the shell completion scripts

}  // namespace dipcal::cli
