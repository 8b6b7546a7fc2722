// dipcal import FORMAT …: calendars written by other tools turned into fixtures, one subcommand per
// format, each in commands/import_<format>.cpp.
#include "../command_group.h"

namespace dipcal::cli {

Runner setup_import(CLI::App& command) {
  static const std::vector<CommandSpec> formats{
      {"ics", "iCalendar (RFC 5545) files as Outlook, Google or Apple write them", setup_import_ics},
  };
  return setup_group(command, formats);
}

}  // namespace dipcal::cli
