// The agenda of a civil day in one zone: which events take place on it.
//
// A timed event is on every day of the zone that its span touches, so a call at 22:00 in New York
// (02:00 UTC) is on the next day in Seoul. An all-day event keeps its own civil dates, as in
// lead_time.h: a summit on 26–28 October in Kuala Lumpur is on those three days in every zone, not
// on the four days its local midnights would touch in New York. A window is only "possibly" on a day,
// and only when both its earliest start and latest end are known.
#pragma once

#include "dipcal/event.h"

#include <cstddef>
#include <vector>

namespace dipcal {

class Timeline;

struct AgendaEntry {
  std::size_t event = 0;  // index in the Timeline
  bool possible = false;  // a window that may fall on the day
};

// The events on `day` in `zone`, in chronological order (possible ones last).
[[nodiscard]] std::vector<AgendaEntry> agenda(const Timeline& timeline, CivilDate day, const Zone& zone);

}  // namespace dipcal
