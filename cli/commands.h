// The command table: one entry per subcommand, each defined in commands/<name>.cpp.
//
// A command's setup function declares its options on its CLI11 subcommand, binding them to an
// options struct of its own, and returns the function that runs it once the line is parsed, with the
// run's Session (the calendar, the output zone, the clock).
#pragma once

#include "session.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <vector>

namespace dipcal::cli {

using Runner = std::function<int(Session& session)>;
using SetupFunction = Runner(CLI::App& command);
using Setup = SetupFunction*;

struct CommandSpec {
  const char* name;
  const char* summary;
  Setup setup;
};

const std::vector<CommandSpec>& command_table();

// The setup of each command, defined in commands/<name>.cpp: export and import are groups of
// subcommands (export ics, svg, html; import ics); complete is hidden, for the completion scripts.
SetupFunction setup_check, setup_list, setup_show, setup_until, setup_between, setup_order, setup_path, setup_agenda,
    setup_graph, setup_draft, setup_generate, setup_windows, setup_serve, setup_export, setup_export_ics, setup_export_svg,
    setup_export_html, setup_import, setup_import_ics, setup_complete;

// The setup most commands share: an Options value of the command's own, whose add_options declares
// it on `command`, handed to `run(options, session)` once the line is parsed.
template <class Options, class Run>
Runner bind_options(CLI::App& command, Run run) {
  auto options = std::make_shared<Options>();
  options->add_options(command);
  return [options, run](Session& session) { return run(*options, session); };
}

}  // namespace dipcal::cli
