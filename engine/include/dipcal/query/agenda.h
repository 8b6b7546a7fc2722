// The agenda of civil days in one zone: which events take place on each (query/days.h has the rule:
// timed events by their half-open span there, all-day events by their own dates, windows only
// "possibly").
#pragma once

#include "dipcal/query/calendar.h"
#include "dipcal/query/select.h"

#include <cstddef>
#include <vector>

namespace dipcal {

struct AgendaEntry {
  std::size_t event = 0;  // index in the Timeline
  bool possible = false;  // a window that may fall on the day
};

struct AgendaDay {
  CivilDate date;
  std::vector<AgendaEntry> entries;  // chronological; possible ones after the certain ones
};

// Each day from `first` to `last` (inclusive) in `zone`, with the events `selection` keeps on it.
[[nodiscard]] std::vector<AgendaDay> agenda(const Calendar& calendar, CivilDate first, CivilDate last, const Zone& zone,
                                            const Selection& selection = {});

}  // namespace dipcal
