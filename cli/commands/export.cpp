// dipcal export FORMAT …: the timeline written in another format, one subcommand per format, each in
// commands/export_<format>.cpp.
#include "../command_group.h"

namespace dipcal::cli {

Runner setup_export(CLI::App& command) {
  static const std::vector<CommandSpec> formats{
      {"ics", "iCalendar (RFC 5545) for calendar clients, with a VTIMEZONE for every zone", setup_export_ics},
      {"svg", "A static SVG timeline: lanes, bars, marks, windows, dependency arrows, the now-line", setup_export_svg},
      {"html", "One self-contained page with the SVG timeline: tooltips, zoom, pan, a zone selector", setup_export_html},
  };
  return setup_group(command, formats);
}

}  // namespace dipcal::cli
