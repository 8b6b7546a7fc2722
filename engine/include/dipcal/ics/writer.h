// dipcal events as an iCalendar stream (RFC 5545, with RFC 7986 calendar properties and RFC 9253
// relations) that calendar clients read the way dipcal does.
//
//   - Timed events: DTSTART/DTEND with TZID=<IANA name> and one generated VTIMEZONE per zone
//     (vtimezone.h) covering its events. A local time that a zone repeats (or a zone that is UTC)
//     is written in UTC with Z instead, so no local time in the output is ambiguous.
//   - All-day events: VALUE=DATE, DTEND the day after the last day (exclusive).
//   - Events known only as a window (EDTF): all-day over the window, STATUS:TENTATIVE, the window
//     stated in DESCRIPTION. Windows with an open end cannot be written and are reported instead.
//   - UID from the calendar id and the event id (uid.h); DTSTAMP and LAST-MODIFIED from `updated`,
//     DTSTAMP without it from the newest `updated` among the written events (the Unix epoch when
//     none has one): never the clock, so the same fixtures give the same bytes.
//   - Relations: RELATED-TO where RFC 5545/9253 has a RELTYPE for the relation as the event that
//     holds it states it: during = PARENT, contains = CHILD, before and prepares = FINISHTOSTART
//     with GAP (RFC 9253 section 4, as relations.h reads it), after and follows-up = DEPENDS-ON, and
//     the four RFC 9253 names as themselves. The others (overlaps, same-day, …) are X-DIPCAL-RELATION.
//   - Reminders: for each offset in CalendarProperties::alarms, a VALARM in every event (RFC 5545
//     section 3.6.6): ACTION:DISPLAY, DESCRIPTION the event's title, TRIGGER the offset from its start.
//   - What has no standard property (the dipcal id, kind, exact status, aliases, actors, the parts
//     of the location, structured sources, the relations as written) goes into X-DIPCAL-*
//     properties, so that importing the output gives back the same fixture (import.h).
#pragma once

#include "dipcal/reasoning/network.h"
#include "dipcal/model/timeline.h"

#include <chrono>
#include <cstddef>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dipcal::ics {

struct CalendarProperties {
  std::string name;         // NAME and X-WR-CALNAME (RFC 7986 section 5.1); empty: neither
  std::string calendar_id;  // X-DIPCAL-CALENDAR, the calendar the events' UIDs derive from
  std::string source;       // SOURCE (RFC 7986 section 5.8), a URL; empty: none
  std::chrono::seconds refresh_interval = std::chrono::hours{24};  // REFRESH-INTERVAL, X-PUBLISHED-TTL
  std::vector<std::chrono::seconds> alarms{};  // a VALARM in every event for each: TRIGGER, from its start
};

// An alarm's offset as `export ics --alarm` and the feed's `alarm=` take it: an optional sign and an
// exact duration (duration.h): "-P1D" a day before the start, "-PT15M", "PT0S" at the start. Nullopt
// for anything else, and for more than a year either way.
std::optional<std::chrono::seconds> parse_alarm_offset(std::string_view text);

// What `dipcal export ics` writes for events of the calendars `calendars` (their calendar ids): the
// one calendar's id as X-DIPCAL-CALENDAR and as the name, else the name "dipcal".
CalendarProperties properties_for(const std::set<std::string>& calendars);

struct ExportResult {
  std::string text;  // the calendar, CRLF line ends
  std::size_t events_written = 0;
  std::vector<std::string> warnings;  // one sentence per event left out, and why
};

// Writes the events at `indexes` of `timeline` in that order. Relation targets are resolved through
// the timeline (an alias becomes the event's id) whether or not the target is written too. A large
// calendar is written in consecutive runs on up to `threads` threads (0: one a core) and joined in
// order: the bytes do not depend on the number of threads.
//
// An event without fixed dates is written as a TENTATIVE entry (docs/ICS.md): an undated event whose
// window (from `windows`, the solved network by event index) spans at most kTentativeSpanDays, over
// that window; any other window, and every imprecise (EDTF) one, as a one-day marker on its earliest
// possible day whose SUMMARY and DESCRIPTION state the range; a window whose start is open on either
// side is left out, with a warning naming it.
ExportResult write_calendar(const Timeline& timeline, const std::vector<std::size_t>& indexes, const CalendarProperties& properties,
                            unsigned threads = 0, const std::vector<EventWindow>* windows = nullptr);
inline constexpr int kTentativeSpanDays = 7;

// dipcal's own iCalendar names (RFC 5545 section 3.8.8.2 for properties, 3.2 for parameters), written
// by the exporter and read back by the importer: one row each, in the order of the enum.
namespace xprop {

enum Name : unsigned char {
  calendar, id, kind, status, alias, zone, start, end, window, undated, title, place, city, country, actor, notes,
  source, relation,  // properties of an event (calendar: of the VCALENDAR too); parameters below
  source_url, source_published, source_quote, relation_type, gap_min, gap_max, relation_zone, relation_note,
};

struct Row {
  Name name;
  const char* text;
};

inline constexpr Row kRows[] = {
    {calendar, "X-DIPCAL-CALENDAR"},
    {id, "X-DIPCAL-ID"},
    {kind, "X-DIPCAL-KIND"},
    {status, "X-DIPCAL-STATUS"},
    {alias, "X-DIPCAL-ALIAS"},
    {zone, "X-DIPCAL-ZONE"},
    {start, "X-DIPCAL-START"},  // an EDTF start as written
    {end, "X-DIPCAL-END"},
    {window, "X-DIPCAL-WINDOW"},  // the days an entry may fall on: 2025-11-01/2025-12-31
    {undated, "X-DIPCAL-UNDATED"},  // TRUE: the entry stands for a window, not a date
    {title, "X-DIPCAL-TITLE"},  // the title, where SUMMARY adds the window's range
    {place, "X-DIPCAL-PLACE"},  // location.name
    {city, "X-DIPCAL-CITY"},
    {country, "X-DIPCAL-COUNTRY"},
    {actor, "X-DIPCAL-ACTOR"},
    {notes, "X-DIPCAL-NOTES"},
    {source, "X-DIPCAL-SOURCE"},  // value: the outlet; the three parameters below hold the rest
    {relation, "X-DIPCAL-RELATION"},  // a relation with no RELATED-TO reading from its event; value: the target's UID
    {source_url, "X-DIPCAL-URL"},
    {source_published, "X-DIPCAL-PUBLISHED"},
    {source_quote, "X-DIPCAL-QUOTE"},
    {relation_type, "X-DIPCAL-TYPE"},  // these five carry a relation exactly, on RELATED-TO or X-DIPCAL-RELATION
    {gap_min, "X-DIPCAL-GAP-MIN"},
    {gap_max, "X-DIPCAL-GAP-MAX"},
    {relation_zone, "X-DIPCAL-ZONE"},
    {relation_note, "X-DIPCAL-NOTE"},
};

constexpr bool rows_in_order() {
  for (std::size_t i = 0; i < std::size(kRows); ++i)
    if (kRows[i].name != i) return false;
  return std::size(kRows) == relation_note + 1u;
}
static_assert(rows_in_order(), "one row per Name, in the enum's order");

constexpr const char* text(Name name) { return kRows[name].text; }
constexpr bool is_property(Name name) { return name <= relation; }

}  // namespace xprop

}  // namespace dipcal::ics
