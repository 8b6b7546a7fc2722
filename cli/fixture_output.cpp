#include "fixture_output.h"

#include "atomic_write.h"
#include "bundled.h"
#include "session.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dipcal::cli {

namespace fs = std::filesystem;

void FixtureOutput::add_options(CLI::App& command) {
  command.add_option("-o,--output", path, "Write the fixture to this file, atomically (default: standard output)");
  command.add_flag("--force", force, "Replace the output file if it exists");
}

void refuse_to_replace(const FixtureOutput& output) {
  if (output.to_file() && !output.force && fs::exists(output.path))
    throw UsageError{fmt::format("{} exists; give --force to replace it", output.path)};
}

std::string schema_path_for(const FixtureOutput&) {
  // The schema of this dipcal's sources by its absolute path, so that the line holds wherever the
  // fixture is written or moved to on this machine (README: import ics).
  const fs::path& schema = bundled_paths().schema;
  std::error_code ec;
  auto canonical = fs::weakly_canonical(schema, ec);
  return (ec ? schema : canonical).generic_string();
}

void write_fixture_output(const FixtureOutput& output, std::string_view text) {
  write_output(output.path, text, "the fixture", output.force ? Overwrite::allow : Overwrite::refuse);
}

std::string read_input_file(const std::string& path, std::uintmax_t max_bytes, std::string_view what) {
  std::error_code ec;
  if (auto size = fs::file_size(path, ec); !ec && size > max_bytes)
    throw UsageError{fmt::format("{} is {} bytes, more than the {} bytes {} may have", path, size, max_bytes, what)};
  std::ifstream in{path, std::ios::binary};
  if (!in) throw UsageError{fmt::format("cannot read {}", path)};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw UsageError{fmt::format("cannot read {}", path)};
  return text.str();
}

}  // namespace dipcal::cli
