// dipcal export ics [--from DATE] [--to DATE] [--tag TAG]… [--actor A]… [--status S]… [-o FILE]
// [--name NAME] [--refresh DURATION] [--source URL] [--alarm OFFSET]…: the events that `list` would
// show, as an iCalendar file (engine: dipcal/ics/writer.h). `serve` writes its feed with write_ics too.
#include "../export_ics.h"

#include "../atomic_write.h"
#include "../commands.h"
#include "../progress.h"

#include "dipcal/text/names.h"
#include "dipcal/time/duration.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <set>

namespace dipcal::cli {

ics::ExportResult write_ics(const Calendar& calendar, const SelectedEvents& selection, const IcsSettings& settings) {
  auto properties = ics::properties_for(selection.calendars);
  if (!settings.name.empty()) properties.name = settings.name;
  properties.source = settings.source;
  properties.refresh_interval = settings.refresh;
  properties.alarms = settings.alarms;
  std::sort(properties.alarms.begin(), properties.alarms.end());
  properties.alarms.erase(std::unique(properties.alarms.begin(), properties.alarms.end()), properties.alarms.end());
  const auto& windows = calendar.windows();
  return ics::write_calendar(calendar.timeline(), selection.indexes(), properties, 0, windows.conflict ? nullptr : &windows.events);
}

std::chrono::seconds alarm_arg(const std::string& text, const char* option) {
  auto offset = ics::parse_alarm_offset(text);
  if (!offset)
    throw UsageError{fmt::format("{} '{}' is not an alarm offset; expected a duration from the event's start within a year, "
                                 "such as -P1D (a day before) or -PT15M",
                                 option, text)};
  return *offset;
}

void FeedOptions::add_options(CLI::App& command) {
  command.add_option("--name", name, "The calendar's name in clients (NAME, X-WR-CALNAME; default: the calendar id)");
  command.add_option("--refresh", refresh, "How often clients should fetch it again (REFRESH-INTERVAL, X-PUBLISHED-TTL)")
      ->capture_default_str();
}

std::chrono::seconds refresh_arg(const std::string& text) {
  auto refresh = parse_duration(text);
  if (!refresh || *refresh <= std::chrono::seconds{0})
    throw UsageError{fmt::format("--refresh '{}' is not a duration; expected PT1H, P1D or the like", text)};
  return *refresh;
}

namespace {

struct ExportIcsOptions {
  EventFilter filter;
  std::string output;
  FeedOptions feed{.name = {}, .refresh = "P1D"};
  std::string source;
  std::vector<std::string> alarms;

  void add_options(CLI::App& command) {
    filter.add_options(command);
    command.add_option("-o,--output", output, "Write to this file, atomically (default: standard output)");
    feed.add_options(command);
    command.add_option("--source", source, "Where the calendar is published, an http(s) URL (SOURCE)");
    command.add_option("--alarm", alarms, "A reminder in every event, from its start: -P1D is a day before (repeatable)");
  }
};

int run_export_ics(const ExportIcsOptions& options, Session& session) {
  auto selection = options.filter.selection();
  const auto& zone = session.zone();
  if (!options.source.empty() && !text::is_web_address(options.source))
    throw UsageError{"--source '" + options.source + "' is not a web address; expected https://…"};
  IcsSettings settings;
  settings.name = options.feed.name;
  settings.source = options.source;
  settings.refresh = refresh_arg(options.feed.refresh);
  for (const auto& text : options.alarms) settings.alarms.push_back(alarm_arg(text, "--alarm"));
  const auto& calendar = session.calendar();
  const auto& timeline = calendar.timeline();
  auto selected = select(calendar, selection, zone);
  ics::ExportResult result;
  {
    TerminalProgress progress;
    progress.show(fmt::format("writing {} events as iCalendar…", selected.events.size()));
    result = write_ics(calendar, selected, settings);
  }
  // A large calendar can leave out thousands of undated events: name the first ones and count the rest.
  constexpr std::size_t kWarningsShown = 20;
  for (std::size_t i = 0; i < result.warnings.size() && i < kWarningsShown; ++i)
    std::fprintf(stderr, "dipcal: warning: %s\n", result.warnings[i].c_str());
  if (result.warnings.size() > kWarningsShown)
    std::fprintf(stderr, "dipcal: warning: … and %zu more events left out (`dipcal windows` lists the undated ones)\n",
                 result.warnings.size() - kWarningsShown);
  // Nothing written is worth a word even when the filter kept undated events the calendar cannot hold.
  for (const auto& w : nothing_selected_warnings(timeline, options.filter, result.events_written))
    std::fprintf(stderr, "dipcal: warning: %s\n", w.c_str());
  write_output(options.output, result.text, "the calendar");
  return kOk;
}

}  // namespace

Runner setup_export_ics(CLI::App& command) { return bind_options<ExportIcsOptions>(command, run_export_ics); }

}  // namespace dipcal::cli
