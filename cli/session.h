// What every command shares: the global options, the loaded timeline, the output zone and "now".
#pragma once

#include "dipcal/load.h"
#include "dipcal/network.h"
#include "dipcal/time/instant.h"
#include "dipcal/time/zone.h"

#include <optional>
#include <string>
#include <vector>

namespace dipcal::cli {

// Exit codes, as the README documents them.
enum ExitCode : int { kOk = 0, kProblems = 1, kUsage = 2 };

// A usage or I/O error: printed as "dipcal: error: …" and exit 2.
struct UsageError {
  std::string message;
};

struct GlobalOptions {
  std::vector<std::string> fixtures;  // --fixtures, else $DIPCAL_FIXTURES, else the bundled folder
  std::string tz;                     // --tz, else $TZ, else UTC
  std::string now;                    // --now, else the system clock
  LoadLimits limits;                  // --max-bytes, --max-events, --max-value-bytes
  bool no_cache = false;              // --no-cache: parse the fixtures even if the cache has them
};

// The fixture paths in effect: --fixtures, else $DIPCAL_FIXTURES (colon-separated), else the bundled folder.
std::vector<std::filesystem::path> fixture_paths(const GlobalOptions& options);

// Loads the fixtures named by the options, through the cache unless --no-cache. Prints the
// diagnostics of a load that failed and throws UsageError for unreadable paths; returns the result
// otherwise (errors may remain for `check`). A run loads once: the result lives until the process
// ends and is never freed, since handing a large calendar's memory back to the system at exit is
// quicker than freeing it block by block.
LoadResult& load(const GlobalOptions& options, const std::vector<std::string>& override_paths = {});

// The timeline, or exit: problems in the fixtures are printed and reported as kProblems.
struct LoadFailed {
  int code;
};
const Timeline& load_clean(const GlobalOptions& options);

// The solved temporal network of the timeline that load() returned: read from the cache entry when
// it holds one, else solved on first use.
const TimelineWindows& solved_windows(const Timeline& timeline);

Zone output_zone(const GlobalOptions& options);
Instant now(const GlobalOptions& options, const Zone& zone);

// An instant from text: RFC 3339 with offset, a local date-time, or a date (midnight), read in `zone`.
Instant parse_instant_arg(const std::string& text, const Zone& zone, const std::string& option);

// An event by id, alias or unique prefix; UsageError with suggestions otherwise.
const Event& find_event(const Timeline& timeline, const std::string& name);

void print_diagnostics(const Diagnostics& diagnostics);
void print_diagnostics_of(const std::vector<Diagnostic>& diagnostics);

}  // namespace dipcal::cli
