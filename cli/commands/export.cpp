// dipcal export FORMAT …: the timeline written in another format, one subcommand per format, each in
// commands/export_<format>.cpp.
#include "../command_group.h"

namespace dipcal::cli {

Runner setup_export(CLI::App& command, const GlobalOptions& global) {
  static const std::vector<CommandSpec> formats{
      {"ics", "iCalendar (RFC 5545) for calendar clients, with a VTIMEZONE for every zone", setup_export_ics},
  };
  return setup_group(command, global, formats);
}

}  // namespace dipcal::cli
