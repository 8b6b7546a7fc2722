// What a command line that CLI11 refused probably meant: the nearest command or option, since
// CLI11 2.1.2 says only "A subcommand is required" or "The following arguments were not expected".
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace dipcal::cli {

// "unknown command 'lst'; did you mean list?", "unknown option '--form' for list; did you mean --from?",
// or empty when the line names every command and option it uses.
std::string usage_hint(CLI::App& app, const std::vector<std::string>& args);

}  // namespace dipcal::cli
