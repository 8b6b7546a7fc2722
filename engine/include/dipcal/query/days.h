// Which civil days of a zone an event is on: the one rule that `list`, `agenda`, the exports and
// every date filter share (README, "A day's agenda").
//
//   - A timed event is on every day of the zone that its half-open span touches: a call at 22:00 in
//     New York (02:00 UTC) is on the next day in Seoul; a span ending at midnight is not on the next
//     day; an instant (start = end) is on the day it happens.
//   - An all-day event keeps its own civil dates in every zone: the G20 on 22–23 Nov in Johannesburg
//     is on 22 and 23 Nov in New York too.
//   - An event without fixed dates is only possibly on days: an imprecise (EDTF) event, all-day
//     somewhere in its window, on its own civil dates from its earliest possible first day to its
//     latest possible last day; an undated event from its earliest possible start to its latest
//     possible end, read in the zone like a timed span. Both are narrowed by the temporal network
//     (network.h). An open end is unbounded: a follow-up "at least 3 days after" is possibly on
//     every day from its earliest start on. An undated event whose end nothing bounds is of unknown
//     length: it is possibly on the days it may start on. An event that nothing bounds on either side
//     (undated, and no relation places it) is on no particular day: date filters and agendas leave
//     it out.
#pragma once

#include "dipcal/model/event.h"
#include "dipcal/reasoning/network.h"

#include <optional>

namespace dipcal {

struct DayRange {
  std::optional<CivilDate> first;  // empty: unbounded before
  std::optional<CivilDate> last;   // empty: unbounded after
  bool possible = false;           // the event may fall on these days; not that it does
  bool placed = true;              // false: nothing bounds its days, so it is on none

  // Whether the range meets the inclusive days [from, to]; an empty bound there is unbounded too.
  [[nodiscard]] bool meets(const std::optional<CivilDate>& from, const std::optional<CivilDate>& to) const;
  [[nodiscard]] bool contains(CivilDate day) const { return meets(day, day); }
};

// The days of `zone` the event is on; `window` is its network window (query/calendar.h's
// Calendar::window_of), nullptr when the event is dated or the network has none.
[[nodiscard]] DayRange days_of(const Event& e, const EventWindow* window, const Zone& zone);

// The possible span of an event without fixed dates, on the UTC line: its earliest start and its
// latest end, from the network when it has a window, else from its own dates (all-day in its zone).
[[nodiscard]] PointBounds possible_span(const Event& e, const EventWindow* window);

}  // namespace dipcal
