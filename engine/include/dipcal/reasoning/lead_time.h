// Lead time: how many calendar days stand between two points, counted in one reference zone.
//
// Calendar days are the difference of two civil dates, not elapsed time divided by 24 hours:
//
//   - An all-day point keeps its own civil date, whatever the reference zone: the Kuala Lumpur talks
//     end on Sunday 26 Oct wherever one counts from.
//   - A timed point is first converted into the reference zone: 23:30 in Kuala Lumpur (UTC+8) is
//     already 00:30 the next day in Seoul (UTC+9).
//   - A window (an imprecise or undated event) gives a range of days, never a made-up single date.
//
// From an event, the count starts at its end (the last day of an all-day event) unless asked to start
// at its start; to an event, it ends at its start. The reference zone is the target's own zone unless
// the caller chooses another.
//
//   kl-trade-talks (all day 25–26 Oct, Kuala Lumpur) → busan-trump-xi (30 Oct 11:00 KST), in Asia/Seoul:
//     from = 2025-10-26 (kept), to = 2025-10-30 (11:00 KST is on the 30th in Seoul), 4 calendar days.
//   now = 2025-11-05T09:00+09:00 → busan: from 5 Nov, to 30 Oct, −6 days (six days ago).
//
// When both points are instants, the exact elapsed time is given too; it may differ from the days
// times 24 h across a DST change (New York 1 Nov 12:00 → 2 Nov 12:00 is 1 day and 25 hours).
#pragma once

#include "dipcal/model/event.h"
#include "dipcal/reasoning/network.h"

#include <chrono>
#include <optional>
#include <variant>

namespace dipcal {

// The civil days a point may fall on, each bound optional (open).
struct DaySpan {
  std::optional<CivilDate> earliest;
  std::optional<CivilDate> latest;
};

// One end of a count: an instant (a timed event's start or end, or "now"), a civil date (an all-day
// event's first or last day, or a date given by hand), or the days a window allows.
using CountPoint = std::variant<Instant, CivilDate, DaySpan>;

enum class EventSide { start, end };

// The event's start or end as a count point. All-day: the first or the last day. Window: the days
// its start or its end may fall on.
[[nodiscard]] CountPoint count_point(const Event& e, EventSide side);
// The same, with a window event's days taken from the temporal network (network.h), which narrows its
// own dates by its relations: an undated "follow-up within 30 days after Busan" gets 30 Oct – 29 Nov.
// Days are read in the event's zone; an end instant at midnight closes the day before.
[[nodiscard]] CountPoint count_point(const Event& e, EventSide side, const EventWindow* window);

struct LeadTime {
  std::optional<int> min_days;  // to − from in calendar days; empty: unbounded (an open window)
  std::optional<int> max_days;
  std::optional<CivilDate> from_date;  // the civil dates counted, when each end is exact
  std::optional<CivilDate> to_date;
  std::optional<std::chrono::seconds> elapsed;  // to − from, when both ends are instants

  [[nodiscard]] bool exact() const { return min_days && max_days && *min_days == *max_days; }
  // The count when it is exact.
  [[nodiscard]] std::optional<int> days() const { return exact() ? min_days : std::nullopt; }
};

// Calendar days from `from` to `to`, counted in `reference`: positive when `to` is later.
[[nodiscard]] LeadTime lead_time(const CountPoint& from, const CountPoint& to, const Zone& reference);
// The same count read from the other end: lead_time(to, from, reference).
[[nodiscard]] LeadTime reversed(const LeadTime& lead);

}  // namespace dipcal
