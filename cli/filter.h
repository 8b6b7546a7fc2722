// The event filter options that `list`, `agenda` and the exports share, read into the engine's
// Selection (query/select.h), which decides what they keep.
#pragma once

#include "dipcal/query/select.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace dipcal::cli {

struct EventFilter {
  std::string from;  // civil date, inclusive, in the output zone
  std::string to;    // civil date, inclusive
  std::vector<std::string> tags;      // any of them
  std::vector<std::string> actors;    // any of them
  std::vector<std::string> statuses;  // any of them

  void add_options(CLI::App& command);
  // The selection; UsageError on a bad date or status, or --to before --from.
  [[nodiscard]] Selection selection() const;
};

// A civil date argument; UsageError naming `option` otherwise.
CivilDate date_arg(const std::string& text, const std::string& option);

}  // namespace dipcal::cli
