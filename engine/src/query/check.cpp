#include "dipcal/query/check.h"

#include "dipcal/graph.h"

namespace dipcal {

Diagnostics check(const Calendar& calendar) {
  Diagnostics report = calendar.diagnostics();
  report.append(check_dependencies(calendar.timeline()));
  // A relation between two dated events that the dates break is already reported above, and would
  // only come back as a cycle; look at the network only when the data so far is sound.
  if (!report.has_errors()) {
    if (const auto& conflict = calendar.windows().conflict) {
      Diagnostics network;
      auto& d = network.error(conflict->where, conflict->message, conflict->expected, conflict->suggestion);
      d.notes = conflict->notes;
      report.append(network);
    }
  }
  report.sort();
  return report;
}

}  // namespace dipcal
