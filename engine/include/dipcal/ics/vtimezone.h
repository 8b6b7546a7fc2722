// VTIMEZONE components (RFC 5545 section 3.6.5) generated from dipcal's own zones, so that a calendar
// client reads each local time with the rules dipcal used, whatever its own zone data says.
//
// The transitions are found by asking the zone (Zone::at) one day apart and bisecting to the second
// where the reading changes. Transitions of the same kind (same offsets, abbreviation and DST flag)
// that one yearly rule (BYMONTH and BYDAY, "2nd Sunday of March") produces year after year to the
// end of the span become an observance with that RRULE, as Outlook needs; all others are written
// as explicit RDATEs (a New York VTIMEZONE from 1969 has one RRULE pair, for the rules of 2007).
// The first observance starts no later than the span it covers: it is the transition in force at the
// span's start, however long ago (Tokyo's dates back to 1951).
//
//   New York over 2025: STANDARD from 2024-11-03T02:00 (-0400 → -0500, EST, RRULE 11/1SU)
//                       DAYLIGHT from 2025-03-09T02:00 (-0500 → -0400, EDT, RRULE 3/2SU)
//   Seoul over 2025:    STANDARD from 1988-10-09T03:00 (+1000 → +0900, KST), nothing since
//
// Observance start times are local times read with the offset in force before the transition
// (TZOFFSETFROM), as RFC 5545 defines them; so they are never ambiguous. Offsets are written in
// whole minutes: the local mean times of the early 1900s have seconds (Amsterdam +00:19:32), which
// RFC 5545 allows but ical.js and Outlook drop. The writer puts any event time whose offset has
// seconds in UTC instead, so no time it writes depends on the rounding.
#pragma once

#include "dipcal/ics/content_line.h"
#include "dipcal/time/civil.h"
#include "dipcal/time/instant.h"
#include "dipcal/time/zone.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace dipcal::ics {

struct ZoneTransition {
  Instant at;  // the first second of the new reading
  ZoneReading before;
  ZoneReading after;
};

// Every change of offset, abbreviation or DST flag in [from, to). Two changes less than a day
// apart that cancel out are not seen; the zone database has none since 1900 that matter here.
std::vector<ZoneTransition> find_transitions(const Zone& zone, Instant from, Instant to);
// The last change at or before `at`, searched back to the start of kFirstYear.
std::optional<ZoneTransition> last_transition_before(const Zone& zone, Instant at);

// FREQ=YEARLY;BYMONTH=month;BYDAY=<week><day>, week 1..5 or -1 for the last. Only a rule still in
// force at the end of the span is written as one, so never with UNTIL: readers handle UNTIL
// unevenly (python-icalendar 4 with dateutil refuses the UTC UNTIL that section 3.3.10 requires).
struct YearlyRule {
  unsigned month = 1;
  int week = 1;
  date::weekday day;
};

struct Observance {
  bool daylight = false;
  CivilDateTime start;  // local, read with offset_from
  std::chrono::seconds offset_from{0};
  std::chrono::seconds offset_to{0};
  std::string name;  // TZNAME: the abbreviation ("EDT", "+0545")
  std::optional<YearlyRule> rule;
  std::vector<CivilDateTime> rdates;  // local, read with offset_from
};

// An offset rounded to the nearest minute: +00:19:32 → +00:20.
std::chrono::seconds whole_minutes(std::chrono::seconds offset);

// The observances that give `zone`'s offset at every instant in [from, to), sorted by start.
std::vector<Observance> observances(const Zone& zone, Instant from, Instant to);

// BEGIN:VTIMEZONE … END:VTIMEZONE for `zone` over [from, to), TZID the zone's IANA name.
void write_vtimezone(LineWriter& out, const Zone& zone, Instant from, Instant to);

}  // namespace dipcal::ics
