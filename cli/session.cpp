#include "session.h"

#include "bundled.h"
#include "dipcal/cache/cache.h"
#include "dipcal/model/diagnostics.h"
#include "dipcal/places/places.h"
#include "dipcal/text/suggest.h"
#include "progress.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace dipcal::cli {

namespace {

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

const Calendar& Session::calendar_as_is(const std::vector<std::string>& paths, std::optional<Interest> interest) {
  if (calendar_) return *calendar_;
  TerminalProgress progress;
  Calendar::OpenOptions open;
  open.limits = options_.limits;
  if (!options_.no_cache) open.cache_folder = TimelineCache::default_folder();
  open.interest = std::move(interest);
  if (progress.enabled())
    open.hooks.progress = [&](std::size_t events, std::size_t file, std::size_t files) {
      progress.show(fmt::format("loading fixtures: {} events (file {} of {})", events, file, files));
    };
  std::vector<std::filesystem::path> files{paths.begin(), paths.end()};
  calendar_.emplace(Calendar::open(paths.empty() ? fixture_paths(options_) : files, open));
  if (calendar_->load().io_error) {
    print_diagnostics(calendar_->diagnostics());
    throw UsageError{"could not read the fixtures"};
  }
  return *calendar_;
}

std::optional<EntryListing> Session::listing() {
  if (options_.no_cache) return std::nullopt;
  TimelineCache cache{TimelineCache::default_folder()};
  return cache.listing(fixture_paths(options_), ZoneDb::system(), options_.limits);
}

const Calendar& Session::calendar(std::optional<Interest> interest) {
  const auto& calendar = calendar_as_is({}, std::move(interest));
  if (!calendar.clean()) {
    const auto& problems = calendar.diagnostics();
    print_diagnostics(problems);
    std::fprintf(stderr, "dipcal: the fixtures have %zu problem%s; run 'dipcal check' for the full report\n", problems.error_count(),
                 problems.error_count() == 1 ? "" : "s");
    throw LoadFailed{kProblems};
  }
  return calendar;
}

Zone zone_arg(const std::string& name, const std::string& option) {
  const auto& db = ZoneDb::system();
  if (auto zone = db.find(name)) return *zone;
  auto meant = places::suggest_zones(name, db);  // a city names its zone: --tz Washington
  throw UsageError{fmt::format("{}: unknown zone '{}'{}", option, name, meant.empty() ? "" : "; " + did_you_mean(meant))};
}

std::optional<Zone> Session::chosen_zone() {
  if (options_.tz.empty()) return std::nullopt;
  return zone();
}

const Zone& Session::zone() {
  if (zone_) return *zone_;
  if (!options_.tz.empty()) return zone_.emplace(zone_arg(options_.tz, "--tz"));
  // TZ may be ":Area/City" (POSIX) or a zone name; a POSIX rule string like "EST5EDT,M3.2.0,M11.1.0" is not a name.
  if (const char* env = std::getenv("TZ"); env && *env) {
    std::string_view name{env};
    if (name.front() == ':') name.remove_prefix(1);
    if (auto zone = ZoneDb::system().find(name)) return zone_.emplace(*zone);
    std::fprintf(stderr, "dipcal: warning: TZ=%s is not an IANA zone name; using UTC (set --tz)\n", env);
  }
  return zone_.emplace(ZoneDb::system().utc());
}

Instant Session::now() {
  if (now_) return *now_;
  if (!options_.now.empty()) return *(now_ = parse_instant_arg(options_.now, zone(), "--now"));
  return *(now_ = Instant{std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())});
}

Instant parse_instant_arg(const std::string& text, const Zone& zone, const std::string& option) {
  auto clock = [](const CivilDateTime& t) { return to_string(t).substr(0, 16); };
  // With an offset it is an instant; but a clock that the zone skips is refused as in a fixture's
  // local time, so that --from 2025-03-09T02:30-05:00 in New York is not taken on trust.
  std::optional<CivilDateTime> local;
  std::optional<std::chrono::seconds> offset;
  if (auto written = parse_offset_date_time(text)) {
    local = written->local;
    offset = written->offset;
  }
  else if ((local = parse_civil_date_time(text))) {}
  else if (auto d = parse_civil_date(text)) local = CivilDateTime{*d, std::chrono::seconds{0}};
  if (!local) throw UsageError{fmt::format("{} '{}' is not a date or date-time; {}", option, text, kDateFormats)};
  auto r = zone.resolve(*local);
  bool zone_clock = !offset || *offset == r.first_offset || *offset == r.second_offset;  // not a clock of another zone
  if (r.kind == LocalKind::skipped && zone_clock)
    throw UsageError{fmt::format("{} {}: {} does not exist in {}: the clocks jump forward over it (DST gap); write {} (the clock after "
                                 "the jump) or {} (before it)",
                                 option, text, clock(*local), zone.name(), clock(zone.to_civil(r.first)), clock(zone.to_civil(r.second)))};
  if (auto i = parse_rfc3339(text)) return *i;
  if (r.kind == LocalKind::repeated)
    throw UsageError{fmt::format("{} {} occurs twice in {}: the clocks fall back over it (DST overlap); add the offset to pick one: {}{} or {}{}",
                                 option, text, zone.name(), clock(*local), offset_to_string(r.first_offset), clock(*local),
                                 offset_to_string(r.second_offset))};
  return r.first;
}

std::size_t find_event(const Timeline& timeline, const std::string& name) {
  auto found = timeline.find(name);
  if (auto* e = std::get_if<const Event*>(&found)) return static_cast<std::size_t>(*e - timeline.events().data());
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
