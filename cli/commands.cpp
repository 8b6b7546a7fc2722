#include "commands.h"

namespace dipcal::cli {

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table{
      {"check", "Check fixtures and report every problem (exit 1 if any)", setup_check},
      {"list", "List events chronologically, in their own zone and in --tz", setup_list},
      {"show", "Everything about one event", setup_show},
      {"until", "How many calendar days before an event (from another event, a date or now)", setup_until},
      {"between", "The calendar days between two events, stated from both ends", setup_between},
      {"order", "Events in dependency order (levels, ties by date) or by date", setup_order},
      {"path", "Every dependency chain from one event to another", setup_path},
      {"agenda", "What happens on a civil day in a zone", setup_agenda},
      {"graph", "The dependency graph as Graphviz DOT or Mermaid", setup_graph},
      {"export", "Write the events in another format: ics", setup_export},
      {"import", "Turn calendars from other tools into a fixture: ics", setup_import},
      {"draft", "Draft a fixture from news reports: events, dates and relations, for a person to confirm", setup_draft},
      {"generate", "Write a synthetic calendar of N events, the same for the same seed", setup_generate},
      {"windows", "Earliest and latest start and end of each event, from dates and relations", setup_windows},
      {"serve", "Serve the calendar as live feeds over HTTP that calendar apps subscribe to", setup_serve},
      {"complete", "What may come next on a command line (for the shell completion scripts)", setup_complete},
  };
  return table;
}

}  // namespace dipcal::cli
