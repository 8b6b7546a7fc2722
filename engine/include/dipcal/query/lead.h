// `until` and `between` as engine questions: where a count starts, which zone it is counted in, and
// what it says (lead_time.h has the arithmetic of calendar days).
//
//   - The reference zone is the target's own zone (for `between`, the later event's), unless the
//     caller names one (--tz; $TZ does not).
//   - From an event the count starts at its end, unless from_start; to an event it ends at its start.
//   - Every endpoint that is an instant is read in the reference zone, an undated event's window
//     included (an end that may fall at midnight may be either day); an all-day endpoint, precise or
//     imprecise, keeps its own civil dates.
//   - `between` orders the two events chronologically and counts from the end of the first to the
//     start of the second, from start to start when they overlap. Two all-day events overlap when
//     their civil dates do, whatever their zones; otherwise their spans on the UTC line are compared.
//   - When the point counted from falls inside the target, the answer says which day of it that is
//     ("under way: day 3 of 7").
#pragma once

#include "dipcal/reasoning/lead_time.h"
#include "dipcal/query/calendar.h"

#include <cstddef>
#include <optional>
#include <variant>

namespace dipcal {

// Where `until` counts from.
struct CountFromNow {
  Instant now;  // the run's one clock
};
struct CountFromEvent {
  std::size_t event = 0;
  EventSide side = EventSide::end;
};
struct CountFromDate {
  CivilDate date;  // kept as written
};
// A date-time: an instant when it had an offset, else a local time read in the reference zone.
struct CountFromDateTime {
  std::variant<Instant, CivilDateTime> at;
};
using CountFrom = std::variant<CountFromNow, CountFromEvent, CountFromDate, CountFromDateTime>;

// A local date-time that names no single instant in the reference zone (a DST gap or overlap).
struct AmbiguousLocalTime {
  LocalResolution resolution;
  Zone zone;
};

struct UnderWay {
  int day = 0;   // 1 on the first day
  int days = 0;  // how many days the event has, in the reference zone
};

struct CountAnswer {
  Zone zone;           // the reference zone
  CountPoint from;     // the points counted, as lead_time.h reads them
  CountPoint to;
  LeadTime count;
  std::optional<UnderWay> under_way;  // the point counted from lies within the target
};

struct UntilQuery {
  std::size_t target = 0;
  CountFrom from = CountFromNow{};
  std::optional<Zone> zone;  // the caller's choice of reference zone
};

// std::get<AmbiguousLocalTime> when the date-time to count from does not exist, or exists twice.
[[nodiscard]] std::variant<CountAnswer, AmbiguousLocalTime> until(const Calendar& calendar, const UntilQuery& query);

struct BetweenAnswer {
  std::size_t first = 0;   // the earlier event
  std::size_t second = 0;  // the later one
  bool overlap = false;    // counted from the first's start, not its end
  CountAnswer forward;     // from the first to the second
  LeadTime backward;       // the same count read from the second's side
};

[[nodiscard]] BetweenAnswer between(const Calendar& calendar, std::size_t a, std::size_t b, const std::optional<Zone>& zone);

// The event's start or end as a count point in `reference` (see above); `window` is the event's
// network window (Calendar::window_of), nullptr for dated events.
[[nodiscard]] CountPoint count_point(const Event& e, EventSide side, const EventWindow* window, const Zone& reference);

// The reference zone: the chosen one, else the target's own.
[[nodiscard]] Zone reference_zone(const Event& target, const std::optional<Zone>& chosen);

}  // namespace dipcal
