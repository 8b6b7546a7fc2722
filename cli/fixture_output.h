// What the commands that write a fixture (import, draft) share: reading their input files with a
// size limit, the fixture's schema modeline, and writing it to -o FILE
// (atomically, never over an existing file without --force) or to standard output.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace dipcal::cli {

struct FixtureOutput {
  std::string path;  // "" or "-": standard output
  bool force = false;
  [[nodiscard]] bool to_file() const { return !path.empty() && path != "-"; }

  // -o,--output and --force.
  void add_options(CLI::App& command);
};

// Throws UsageError when the output exists and --force is not given (checked before any work, and
// again atomically when the file is written).
void refuse_to_replace(const FixtureOutput& output);

// The schema as the modeline names it: by its absolute path, valid wherever the fixture goes.
std::string schema_path_for(const FixtureOutput& output);

// Writes the fixture; throws UsageError on failure.
void write_fixture_output(const FixtureOutput& output, std::string_view text);

// The whole file; UsageError when it cannot be read or is larger than `max_bytes` (`what` names the
// command's input in the message: "an import", "a news report").
std::string read_input_file(const std::string& path, std::uintmax_t max_bytes, std::string_view what);

}  // namespace dipcal::cli
