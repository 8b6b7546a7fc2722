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
  report.append(network_conflicts(calendar.timeline(), dependencies));
  report.sort();
  return report;
}

}  // namespace dipcal
