// Choosing events: the filters `list`, `agenda`, the exports and the feed share. A date range keeps
// the events on any of its days by the rule of query/days.h (read in the selection's zone), so an
// all-day event is selected by its own dates and a window by the days it may fall on.
#pragma once

#include "dipcal/model/event.h"
#include "dipcal/query/calendar.h"
#include "dipcal/query/days.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dipcal {

struct Selection {
  std::optional<CivilDate> from;  // inclusive civil days of the selection's zone
  std::optional<CivilDate> to;
  std::vector<std::string> tags;      // any of them
  std::vector<std::string> actors;    // any of them
  std::vector<EventStatus> statuses;  // any of them

  [[nodiscard]] bool by_date() const { return from || to; }
};

struct SelectedEvent {
  std::size_t event = 0;  // index in the Timeline
  DayRange days;          // its days in the selection's zone (possible for windows)
};

struct SelectedEvents {
  std::vector<SelectedEvent> events;  // chronological (Calendar::chronological)
  std::set<std::string> calendars;    // the ids of the calendars they come from

  // The events' indexes alone, in the same order (what the writers take).
  [[nodiscard]] std::vector<std::size_t> indexes() const;
};

// The events `selection` keeps, in chronological order, their days read in `zone`.
[[nodiscard]] SelectedEvents select(const Calendar& calendar, const Selection& selection, const Zone& zone);

// Whether the event passes the selection's tags, actors and statuses (not its dates).
[[nodiscard]] bool matches_labels(const Event& e, const Selection& selection);

}  // namespace dipcal
