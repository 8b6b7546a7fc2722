// What a run of dipcal knows besides a command's own options: where the fixtures are, the output
// zone, the clock. One Session per run, made by main and handed to the command it runs.
#pragma once

#include "dipcal/fixture/load.h"
#include "dipcal/query/calendar.h"
#include "dipcal/time/instant.h"
#include "dipcal/time/zone.h"

#include <filesystem>
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

// The fixtures have problems, already printed: exit with `code`.
struct LoadFailed {
  int code;
};

struct GlobalOptions {
  std::vector<std::string> fixtures;  // --fixtures, else $DIPCAL_FIXTURES, else the bundled folder
  std::string tz;                     // --tz, else $TZ, else UTC
  std::string now;                    // --now, else the system clock
  LoadLimits limits;                  // --max-bytes, --max-events, --max-value-bytes
  bool no_cache = false;              // --no-cache: parse the fixtures even if the cache has them
};

// The fixture paths the options name: --fixtures, else $DIPCAL_FIXTURES, else the bundled folder.
std::vector<std::filesystem::path> fixture_paths(const GlobalOptions& options);

class Session {
 public:
  explicit Session(const GlobalOptions& options) : options_{options} {}

  [[nodiscard]] const GlobalOptions& options() const { return options_; }

  // The calendar of the fixtures in effect, loaded on first use (through the cache unless
  // --no-cache). Its problems are printed and LoadFailed{kProblems} thrown unless it is clean;
  // UsageError when a path cannot be read. With an `interest` (what the command will ask), a warm
  // cache reads only the part of the calendar that answers it (cache.h).
  const Calendar& calendar(std::optional<Interest> interest = std::nullopt);
  // The calendar of `paths` (default: the fixtures in effect) whatever its problems, for `check`.
  const Calendar& calendar_as_is(const std::vector<std::string>& paths = {}, std::optional<Interest> interest = std::nullopt);

  // A warm cache entry's listing of every event (cache.h, EntryListing) for the fixtures as they
  // are; nullopt with --no-cache, on a miss or for a calendar with problems (then load the calendar).
  std::optional<EntryListing> listing();

  // The output zone: --tz, else $TZ when it names a zone, else UTC.
  const Zone& zone();
  // --tz alone: the zone a count is made in when the caller chose one ($TZ does not choose).
  std::optional<Zone> chosen_zone();
  // The run's one clock: --now (an offset-less time read in zone()), else the system clock; read once.
  Instant now();

 private:
  GlobalOptions options_;
  std::optional<Calendar> calendar_;
  std::optional<Zone> zone_;
  std::optional<Instant> now_;
};

// The forms --from, --on, --now and friends take, for messages about what they got instead.
inline constexpr const char* kDateFormats =
    "expected a date 2025-10-26, a date-time 2025-10-26T12:00 (read in --tz), or an instant 2025-10-26T12:00Z or 2025-10-26T12:00+08:00";

// An instant from text: RFC 3339 with offset, a local date-time, or a date (midnight), read in
// `zone`; UsageError naming `option` when it is none of these, or names no single instant there
// (a clock `zone` skips, with the offsets of the zone or without, as in fixtures).
Instant parse_instant_arg(const std::string& text, const Zone& zone, const std::string& option);
// A zone by IANA name; UsageError naming `option` with suggestions otherwise.
Zone zone_arg(const std::string& name, const std::string& option);

// An event by id, alias or unique prefix: its index; UsageError with suggestions otherwise.
std::size_t find_event(const Timeline& timeline, const std::string& name);

void print_diagnostics(const Diagnostics& diagnostics);
void print_diagnostics_of(const std::vector<Diagnostic>& diagnostics);

}  // namespace dipcal::cli
