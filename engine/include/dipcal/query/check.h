// `dipcal check` as an engine question: every problem of a calendar, each with its place.
#pragma once

#include "dipcal/model/diagnostics.h"
#include "dipcal/query/calendar.h"

namespace dipcal {

// The loader's problems, then what the dates and relations say together (relations the dates
// break, gaps where they mean nothing, dependency cycles: graph.h), and a temporal network with no
// solution in any part of the timeline those leave sound (network.h), sorted by place.
[[nodiscard]] Diagnostics check(const Calendar& calendar);

}  // namespace dipcal
