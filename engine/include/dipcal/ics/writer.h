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

// The names of the X-DIPCAL properties and parameters, shared with the importer.
namespace xprop {
inline constexpr const char* kCalendar = "X-DIPCAL-CALENDAR";
inline constexpr const char* kId = "X-DIPCAL-ID";
inline constexpr const char* kKind = "X-DIPCAL-KIND";
inline constexpr const char* kStatus = "X-DIPCAL-STATUS";
inline constexpr const char* kAlias = "X-DIPCAL-ALIAS";
inline constexpr const char* kZone = "X-DIPCAL-ZONE";
inline constexpr const char* kStart = "X-DIPCAL-START";  // an EDTF start as written
inline constexpr const char* kEnd = "X-DIPCAL-END";
inline constexpr const char* kWindow = "X-DIPCAL-WINDOW";    // the days an entry may fall on: 2025-11-01/2025-12-31
inline constexpr const char* kUndated = "X-DIPCAL-UNDATED";  // TRUE: the entry stands for a window, not a date
inline constexpr const char* kTitle = "X-DIPCAL-TITLE";  // the title, where SUMMARY adds the window's range
inline constexpr const char* kPlace = "X-DIPCAL-PLACE";  // location.name
inline constexpr const char* kCity = "X-DIPCAL-CITY";
inline constexpr const char* kCountry = "X-DIPCAL-COUNTRY";
inline constexpr const char* kActor = "X-DIPCAL-ACTOR";
inline constexpr const char* kNotes = "X-DIPCAL-NOTES";
inline constexpr const char* kSource = "X-DIPCAL-SOURCE";  // value: outlet; parameters below
inline constexpr const char* kSourceUrl = "X-DIPCAL-URL";
inline constexpr const char* kSourcePublished = "X-DIPCAL-PUBLISHED";
inline constexpr const char* kSourceQuote = "X-DIPCAL-QUOTE";
// A relation with no RELATED-TO reading from its event (value: the target's UID), and the
// parameters that carry a relation exactly on either property.
inline constexpr const char* kRelation = "X-DIPCAL-RELATION";
inline constexpr const char* kRelationType = "X-DIPCAL-TYPE";
inline constexpr const char* kGapMin = "X-DIPCAL-GAP-MIN";
inline constexpr const char* kGapMax = "X-DIPCAL-GAP-MAX";
inline constexpr const char* kRelationZone = "X-DIPCAL-ZONE";
inline constexpr const char* kRelationNote = "X-DIPCAL-NOTE";
}  // namespace xprop

}  // namespace dipcal::ics
