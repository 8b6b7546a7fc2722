#include "session.h"

#include "bundled.h"
#include "dipcal/cache.h"
#include "dipcal/diagnostics.h"
#include "dipcal/suggest.h"
#include "progress.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <stdexcept>

namespace dipcal::cli {

namespace {

// What this run loaded, reachable from here until exit so that leak checkers count it as kept.
CompiledTimeline* loaded = nullptr;

}  // namespace

std::vector<std::filesystem::path> fixture_paths(const GlobalOptions& options) {
  std::vector<std::filesystem::path> paths;
  if (!options.fixtures.empty()) {
    paths.assign(options.fixtures.begin(), options.fixtures.end());
  } else if (const char* env = std::getenv("DIPCAL_FIXTURES"); env && *env) {
    std::string_view list{env};
    while (!list.empty()) {  // a colon-separated list, like PATH
      auto colon = list.find(':');
      if (colon != 0) paths.emplace_back(std::string{list.substr(0, colon)});
      if (colon == std::string_view::npos) break;
      list.remove_prefix(colon + 1);
    }
  } else {
    paths.push_back(bundled_paths().fixtures);
  }
  return paths;
}

LoadResult& load(const GlobalOptions& options, const std::vector<std::string>& override_paths) {
  auto paths = override_paths.empty() ? fixture_paths(options)
                                      : std::vector<std::filesystem::path>(override_paths.begin(), override_paths.end());
  TimelineCache cache{options.no_cache ? std::filesystem::path{} : TimelineCache::default_folder()};
  TerminalProgress progress;
  LoadHooks hooks;
  if (progress.enabled())
    hooks.progress = [&](std::size_t events, std::size_t file, std::size_t files) {
      progress.show(fmt::format("loading fixtures: {} events (file {} of {})", events, file, files));
    };
  loaded = new CompiledTimeline{cache.load(paths, ZoneDb::system(), options.limits, hooks)};
  if (loaded->load.io_error) {
    print_diagnostics(loaded->load.diagnostics);
    throw UsageError{"could not read the fixtures"};
  }
  return loaded->load;
}

const TimelineWindows& solved_windows(const Timeline& timeline) {
  if (!loaded || &loaded->load.timeline != &timeline)
    throw std::logic_error{"solved_windows: not the timeline this run loaded"};
  if (!loaded->windows) loaded->windows = solve_windows(timeline);
  return *loaded->windows;
}

const Timeline& load_clean(const GlobalOptions& options) {
  const auto& result = load(options);
  if (result.diagnostics.has_errors()) {
    print_diagnostics(result.diagnostics);
    std::fprintf(stderr, "dipcal: the fixtures have %zu problem%s; run 'dipcal check' for the full report\n",
                 result.diagnostics.error_count(), result.diagnostics.error_count() == 1 ? "" : "s");
    throw LoadFailed{kProblems};
  }
  return result.timeline;
}

Zone output_zone(const GlobalOptions& options) {
  const auto& db = ZoneDb::system();
  if (!options.tz.empty()) {
    auto z = db.lookup(options.tz);
    if (auto* zone = std::get_if<Zone>(&z)) return *zone;
    auto& err = std::get<ZoneLookupError>(z);
    throw UsageError{fmt::format("--tz: {}{}", err.message, err.suggestions.empty() ? "" : "; " + did_you_mean(err.suggestions))};
  }
  // TZ may be ":Area/City" (POSIX) or a zone name; a POSIX rule string like "EST5EDT,M3.2.0,M11.1.0" is not a name.
  if (const char* env = std::getenv("TZ"); env && *env) {
    std::string_view name{env};
    if (name.front() == ':') name.remove_prefix(1);
    if (auto zone = db.find(name)) return *zone;
    std::fprintf(stderr, "dipcal: warning: TZ=%s is not an IANA zone name; using UTC (set --tz)\n", env);
  }
  return db.utc();
}

Instant parse_instant_arg(const std::string& text, const Zone& zone, const std::string& option) {
  if (auto i = parse_rfc3339(text)) return *i;
  std::optional<CivilDateTime> local = parse_civil_date_time(text);
  if (!local)
    if (auto d = parse_civil_date(text)) local = CivilDateTime{*d, std::chrono::seconds{0}};
  if (!local)
    throw UsageError{fmt::format("{} '{}' is not a date or date-time; expected 2025-10-26, 2025-10-26T12:00 or 2025-10-26T12:00+08:00", option, text)};
  auto r = zone.resolve(*local);
  if (r.kind == LocalKind::skipped)
    throw UsageError{fmt::format("{} {} does not exist in {} (DST gap); give an offset", option, text, zone.name())};
  if (r.kind == LocalKind::repeated)
    throw UsageError{fmt::format("{} {} occurs twice in {} (DST overlap); give an offset", option, text, zone.name())};
  return r.first;
}

Instant now(const GlobalOptions& options, const Zone& zone) {
  if (!options.now.empty()) return parse_instant_arg(options.now, zone, "--now");
  return Instant{std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())};
}

const Event& find_event(const Timeline& timeline, const std::string& name) {
  auto found = timeline.find(name);
  if (auto* e = std::get_if<const Event*>(&found)) return **e;
  if (auto* amb = std::get_if<NameAmbiguous>(&found))
    throw UsageError{fmt::format("'{}' could be {}; say which", name, fmt::join(amb->candidates, ", "))};
  auto& nf = std::get<NameNotFound>(found);
  throw UsageError{fmt::format("no event named '{}'{}", name, nf.suggestions.empty() ? "" : "; " + did_you_mean(nf.suggestions))};
}

void print_diagnostics(const Diagnostics& diagnostics) { print_diagnostics_of(diagnostics.all()); }

void print_diagnostics_of(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
}

}  // namespace dipcal::cli
