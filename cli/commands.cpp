#include "commands.h"

namespace dipcal::cli {

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table{
      {"check", "Check fixtures and report every problem (exit 1 if any)", setup_check},
      {"list", "List events chronologically, in their own zone and in --tz", setup_list},
      {"show", "Everything about one event", setup_show},
  };
  return table;
}

}  // namespace dipcal::cli
