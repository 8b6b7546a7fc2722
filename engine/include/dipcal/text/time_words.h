// Times, dates, zones, durations and day counts as people read them: the one home of that wording.
// The CLI's lines, the engine's messages (diagnostics, relation checks), the DOT/Mermaid labels, the
// timeline's tooltips and the ICS descriptions all write times through these functions, so that a
// date reads the same everywhere. Machine forms (RFC 3339, ISO 8601 durations, YAML fixture times)
// stay beside their types in time/.
//
// The instant 2025-10-30T02:00Z, for example:
//   instant_text(i, Asia/Seoul)          "Thu 30 Oct 2025 11:00 KST"
//   instant_text(i, America/New_York)    "Wed 29 Oct 2025 22:00 EDT"   (EDT until 2 Nov 2025)
//   short_instant_text(i, Asia/Seoul)    "2025-10-30 11:00 KST"
//   same_instant_text(i, Seoul, NY)      "Thu 30 Oct 2025 11:00 KST = Wed 29 Oct 2025 22:00 EDT = Thu 30 Oct 2025 02:00 UTC"
//   duration_text(6000 s)                "1 h 40 min"
//   count_relative(4 days, "the end of x")  "4 days after the end of x"
#pragma once

#include "dipcal/model/event.h"
#include "dipcal/reasoning/lead_time.h"
#include "dipcal/reasoning/network.h"

#include <chrono>
#include <optional>
#include <string>

namespace dipcal {
struct DayHours;  // query/agenda.h
}

namespace dipcal::text {

// Clocks, dates and instants.

// "11:00", or "11:00:30" when the seconds are not zero.
std::string clock_text(const CivilDateTime& t);
// "Thu 30 Oct 2025".
std::string date_text(CivilDate d);
// "Thu 30 Oct 2025 11:00 KST": the instant on the zone's clock, with the abbreviation in force then.
std::string instant_text(Instant i, const Zone& zone);
// "2025-10-30 11:00 KST", for columns.
std::string short_instant_text(Instant i, const Zone& zone);
// The same instant on the clocks of `own`, `output` and UTC, in that order, each zone once.
std::string same_instant_text(Instant i, const Zone& own, const Zone& output);
// "Asia/Seoul (+09:00)": a zone with its offset at `at`; the bare name without an instant.
std::string zone_text(const Zone& zone, const std::optional<Instant>& at);

// Durations and day counts.

// "1 h 40 min", "4 days", "4 days 3 h", "0 s"; negative durations get a "-".
std::string duration_text(std::chrono::seconds d);
// The length without its sign, for "exactly … later/earlier/apart".
std::string length_text(std::chrono::seconds d);
// "4 days", "1 day", "0 days".
std::string day_count(int days);
// Relative to something: "4 days after", "6 days before", "on the same day as".
std::string days_relative(int days);
// A whole count relative to a point: "4 days after the end of kl-trade-talks", "between 1 and 30 days
// after …", "no earlier than 2 days after …"; `what` names the point ("the end of kl-trade-talks").
std::string count_relative(const LeadTime& lead, const std::string& what);
// A count point, in the reference zone when it is an instant: "Thu 30 Oct 2025 11:00 KST"; a civil
// date with the place it belongs to: "Sun 26 Oct 2025 (Kuala Lumpur)"; a span of days: "between Sat 1
// Nov 2025 and Sun 30 Nov 2025". `place` may be empty.
std::string count_point_text(const CountPoint& point, const Zone& reference, const std::string& place);

// Events.

// Where an event is, for a civil date's parentheses: the city, else the zone name.
std::string place_of(const Event& e);
// A start or end in the event's own zone: an all-day event's first or last day ("2025-10-31"), a timed
// event's local time ("Thu 30 Oct 2025 11:00 KST"). Empty for windows.
std::string event_point_text(const Event& e, EventSide side);
// The event's dates in its zone, short, for labels: "2025-10-25 – 2025-10-26", "2025-10-30 11:00 KST",
// "window 2025-11-01 … 2025-11-29" (its own EDTF bounds), "undated".
std::string event_dates_text(const Event& e);
// The event's time in its own zone, for columns: "2025-10-25 – 2025-10-26 (all day)", "2025-10-30
// 11:00–12:40 KST", "starts 2025-10-31 … 2025-11-29". For a window, `window` (the network's, from
// Calendar::window_of) gives the days it may start on, tighter than its EDTF dates when relations narrow it.
std::string when_local(const Event& e, const EventWindow* window = nullptr);
// The same for sentences: "Thu 30 Oct 2025 11:00 KST", "Sat 25 Oct 2025 – Sun 26 Oct 2025", "starts
// between Thu 30 Oct 2025 and Sat 29 Nov 2025".
std::string when_human(const Event& e, const EventWindow* window = nullptr);
// How long a timed event lasts, in elapsed time: 23:00 EDT to 01:00 EST is "3 h". "" for all-day events
// and windows, whose length is in days, not hours.
std::string event_length_text(const Event& e);
// The event's start on another zone's clock, for the list's second column; "" for windows.
std::string start_in(const Event& e, const Zone& zone);
// An agenda's time column: "11:00–12:40"; "…–01:30" when it began the day before, "23:00–…" when it
// runs past the day; "11:00" for an instant.
std::string day_hours_text(const DayHours& hours);

}  // namespace dipcal::text
