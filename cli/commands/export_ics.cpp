// dipcal export ics [--from DATE] [--to DATE] [--tag TAG]… [-o FILE] [--name NAME] [--source URL]:
// the events that `list` would show, as an iCalendar file (engine: dipcal/ics/writer.h).
#include "../atomic_write.h"
#include "../commands.h"
#include "../filter.h"
#include "../progress.h"

#include "dipcal/ics/writer.h"

#include <fmt/format.h>

#include <cstdio>
#include <set>

namespace dipcal::cli {

namespace {

struct ExportIcsOptions {
  EventFilter filter;
  std::string output;
  std::string name;
  std::string source;
};

int run_export_ics(const ExportIcsOptions& options, Session& session) {
  auto selection = options.filter.selection();
  const auto& zone = session.zone();
  if (!options.source.empty() && options.source.rfind("http://", 0) != 0 && options.source.rfind("https://", 0) != 0)
    throw UsageError{"--source '" + options.source + "' is not a web address; expected https://…"};
  const auto& calendar = session.calendar();
  const auto& timeline = calendar.timeline();
  auto [selected, calendars] = select(calendar, selection, zone);
  std::vector<std::size_t> indexes;
  for (const auto& s : selected) indexes.push_back(s.event);
  auto properties = ics::properties_for(calendars);
  if (!options.name.empty()) properties.name = options.name;
  properties.source = options.source;
  ics::ExportResult result;
  {
    TerminalProgress progress;
    progress.show(fmt::format("writing {} events as iCalendar…", indexes.size()));
    const auto& windows = calendar.windows();
    result = ics::write_calendar(timeline, indexes, properties, 0, windows.conflict ? nullptr : &windows.events);
  }
  // A large calendar can leave out thousands of undated events: name the first ones and count the rest.
  constexpr std::size_t kWarningsShown = 20;
  for (std::size_t i = 0; i < result.warnings.size() && i < kWarningsShown; ++i)
    std::fprintf(stderr, "dipcal: warning: %s\n", result.warnings[i].c_str());
  if (result.warnings.size() > kWarningsShown)
    std::fprintf(stderr, "dipcal: warning: … and %zu more events left out (`dipcal windows` lists the undated ones)\n",
                 result.warnings.size() - kWarningsShown);
  if (options.output.empty() || options.output == "-") {
    std::fwrite(result.text.data(), 1, result.text.size(), stdout);
    if (std::fflush(stdout) != 0) throw UsageError{"cannot write the calendar to standard output"};
  } else {
    write_file_atomically(options.output, result.text);
  }
  return kOk;
}

}  // namespace

Runner setup_export_ics(CLI::App& command) {
  auto options = std::make_shared<ExportIcsOptions>();
  options->filter.add_options(command);
  command.add_option("-o,--output", options->output, "Write to this file, atomically (default: standard output)");
  command.add_option("--name", options->name, "The calendar's name in clients (NAME, X-WR-CALNAME; default: the calendar id)");
  command.add_option("--source", options->source, "Where the calendar is published, an http(s) URL (SOURCE)");
  return [options](Session& session) { return run_export_ics(*options, session); };
}

}  // namespace dipcal::cli
