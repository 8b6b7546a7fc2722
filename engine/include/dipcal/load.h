// Reading fixtures: YAML files (or folders of them) into a Timeline, with every problem reported.
//
// The loader streams each file through yaml-cpp's event parser and builds one event at a time, so
// memory stays proportional to one event, not to the file, and every value keeps its line and column.
#pragma once

#include "dipcal/model/diagnostics.h"
#include "dipcal/model/timeline.h"
#include "dipcal/time/zone.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
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
  // Events left out for their errors, as far as they could be read (id, aliases, title, relations), each
  // with the number of events admitted before it: their names and relations still count when ids and
  // relation targets are checked across files, so one run reports every problem. Not kept by the cache.
  struct Dropped {
    Event event;
    std::size_t admitted_before = 0;
  };
  std::vector<Dropped> dropped;
};

// Called with a fixture file's place in LoadResult::files, its name and its bytes.
using FixtureVisitor = std::function<void(std::size_t index, const std::string& file, std::string_view text)>;

// Optional callbacks of a load. load_fixtures parses files on several threads: both may be called
// from any of them, `observe` concurrently and in any order (`index` says which file), `progress` one
// call at a time.
struct LoadHooks {
  FixtureVisitor observe;  // each file's bytes just before they are parsed (the cache fingerprints them)
  // Every kProgressEvents events read, and once per file: events so far, files started, files in all.
  std::function<void(std::size_t events, std::size_t file, std::size_t files)> progress;
  static constexpr std::size_t kProgressEvents = 10'000;
};

// Loads files and folders (recursively, *.yaml and *.yml, sorted by path), one thread a core, each
// file on one. Problems in the data go into diagnostics; unreadable paths set io_error too. The
// result is the same as loading the files one after the other: events in file order, ids checked
// across files in that order.
LoadResult load_fixtures(const std::vector<std::filesystem::path>& paths, const ZoneDb& zones = ZoneDb::system(),
                         const LoadLimits& limits = {}, const LoadHooks& hooks = {});

// The listing of load_fixtures: expands `paths` into `into.files` (folders recursively, *.yaml and
// *.yml, sorted by path), reporting missing paths in `into.diagnostics`. Reads no file.
void list_fixture_files(const std::vector<std::filesystem::path>& paths, LoadResult& into);

// The reading half of load_fixtures, without parsing, on this thread: expands `paths` into
// `into.files` and calls `each` with every readable file's bytes, in order; missing, unreadable and oversized files are reported in
// `into.diagnostics` instead (and set io_error where load_fixtures would).
void read_fixture_files(const std::vector<std::filesystem::path>& paths, const LoadLimits& limits, LoadResult& into,
                        const FixtureVisitor& each);

// One fixture from memory, named `file` in diagnostics; events are appended to `into`. `on_event`, when
// given, is called after each event is read.
void load_fixture_text(std::string_view text, const std::string& file, LoadResult& into,
                       const ZoneDb& zones = ZoneDb::system(), const LoadLimits& limits = {},
                       const std::function<void()>& on_event = {});

}  // namespace dipcal
