#include "dipcal/query/check.h"

#include "dipcal/reasoning/graph.h"
#include "dipcal/reasoning/network.h"

namespace dipcal {

Diagnostics check(const Calendar& calendar) {
  Diagnostics report = calendar.diagnostics();
  auto dependencies = check_dependencies(calendar.timeline());
  report.append(dependencies);
  // The temporal network, in every part of the timeline whose dates and relations are sound: a
  // relation the dates break would only come back as a cycle, but an unrelated cycle elsewhere does
  // not hide a network that cannot all hold (network.h).
  // A calendar whose load had no errors holds its network solved whole (calendar.h): not solved again.
  const auto* solved = calendar.diagnostics().has_errors() || calendar.part() ? nullptr : &calendar.windows();
  report.append(network_conflicts(calendar.timeline(), dependencies, solved));
  report.sort();
  return report;
}

}  // namespace dipcal
