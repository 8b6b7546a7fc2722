// Reading fixtures: YAML files (or folders of them) into a Timeline, with every problem reported.
//
// The loader streams each file through yaml-cpp's event parser and builds one event at a time, so
// memory stays proportional to one event, not to the file, and every value keeps its line and column.
#pragma once

#include "dipcal/diagnostics.h"
#include "dipcal/timeline.h"
#include "dipcal/time/zone.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dipcal {

struct LoadLimits {
  std::uintmax_t max_file_bytes = 256u << 20;  // a runaway file is refused, not read into memory
  std::size_t max_events = 5'000'000;
  std::size_t max_depth = 64;  // YAML nesting; fixtures need about six levels
  std::size_t max_value_bytes = 1u << 20;  // one scalar: notes run to kilobytes, not megabytes
};

struct LoadResult {
  Timeline timeline;
  Diagnostics diagnostics;
  bool io_error = false;  // a path could not be read (exit code 2 rather than 1)
  bool events_capped = false;  // LoadLimits::max_events was reached (reported once)
  std::vector<std::filesystem::path> files;  // the fixture files read, in order
};

// Loads files and folders (recursively, *.yaml and *.yml, sorted by path). Problems in the data go
// into diagnostics; unreadable paths set io_error too.
LoadResult load_fixtures(const std::vector<std::filesystem::path>& paths, const ZoneDb& zones = ZoneDb::system(),
                         const LoadLimits& limits = {});

// One fixture from memory, named `file` in diagnostics; events are appended to `into`.
void load_fixture_text(std::string_view text, const std::string& file, LoadResult& into,
                       const ZoneDb& zones = ZoneDb::system(), const LoadLimits& limits = {});

}  // namespace dipcal
