// The agenda of civil days in one zone: which events take place on each (query/days.h has the rule:
// timed events by their half-open span there, all-day events by their own dates, windows only
// "possibly"), and at which clock times a timed event shows on each day.
#pragma once

#include "dipcal/query/calendar.h"
#include "dipcal/query/select.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace dipcal {

// The clock times of a timed event on one day, read in the agenda's zone. A side that falls on another
// day is empty: a dinner from 23:00 to 01:00 KST shows {23:00, —} on its first day and {—, 01:00} on
// the next; a span that ends at midnight ends on the next day, so its end is empty too.
struct DayHours {
  std::optional<CivilDateTime> start;  // empty when it began before the day
  std::optional<CivilDateTime> end;    // empty when it ends after the day
  bool instant = false;                // start = end: there is no end to show
};

struct AgendaEntry {
  std::size_t event = 0;          // index in the Timeline
  bool possible = false;          // a window that may fall on the day
  std::optional<DayHours> hours;  // timed events only
};

struct AgendaDay {
  CivilDate date;
  std::vector<AgendaEntry> entries;  // chronological; possible ones after the certain ones
};

// Each day from `first` to `last` (inclusive) in `zone`, with the events `selection` keeps on it.
[[nodiscard]] std::vector<AgendaDay> agenda(const Calendar& calendar, CivilDate first, CivilDate last, const Zone& zone,
                                            const Selection& selection = {});

// A timed event's clock times on `day` in `zone` (see DayHours).
[[nodiscard]] DayHours hours_on(const Timed& t, CivilDate day, const Zone& zone);

// The civil day in `zone` at `now`: the agenda's day when none is named.
[[nodiscard]] CivilDate today(const Zone& zone, Instant now);

}  // namespace dipcal
