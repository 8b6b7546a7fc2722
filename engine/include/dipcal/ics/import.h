// VEVENTs read as dipcal events (the other half of writer.h): the fields of a fixture from the
// properties of an iCalendar stream, whoever wrote it.
//
//   - Zones: TZIDs mapped to IANA names (tzid.h). A local time in a DST gap reads with the offset
//     before the gap and a repeated one as its first occurrence (RFC 5545 section 3.3.5). Floating
//     times and all-day events take `default_zone` (the CLI's --tz), else the calendar's
//     X-WR-TIMEZONE, else the one zone its timed events use; failing that, the event is skipped.
//   - VALUE=DATE with an exclusive DTEND becomes an all-day event with an inclusive last day;
//     DURATION adds nominal days in the event's zone, then exact hours.
//   - RRULE: occurrences starting in [expand_from, expand_to] become events of their own
//     ("weekly-sync-20251104"), with RDATE, EXDATE and RECURRENCE-ID overrides applied; without a
//     range the event is skipped with a sentence saying how to import it.
//   - RELATED-TO comes back as relations (PARENT → during, CHILD → contains, the RFC 9253 names as
//     themselves), X-DIPCAL-* properties restore what dipcal wrote exactly.
//   - Nothing is dropped silently: each component left out, and each kind of property that has no
//     place in a fixture, is one ImportNote.
#pragma once

#include "dipcal/model/event.h"
#include "dipcal/ics/reader.h"
#include "dipcal/ics/tzid.h"
#include "dipcal/time/zone.h"

#include <optional>
#include <string>
#include <vector>

namespace dipcal::ics {

struct ImportOptions {
  const ZoneDb* zones = &ZoneDb::system();
  const WindowsZones* windows = nullptr;  // nullptr: no Windows names
  std::optional<Zone> default_zone;
  std::optional<CivilDate> expand_from;  // both or neither
  std::optional<CivilDate> expand_to;
};

struct ImportNote {
  enum class Kind {
    note,        // something about a component that was kept (a property with no place, …)
    left_out,    // a component that is not an event (VTODO, VALARM, …) left out
    event_lost,  // a VEVENT, or an occurrence of one, left out
  };
  std::string file;
  int line = 0;
  std::string subject;  // "VEVENT 'Weekly sync' (UID 1234@example.com)", "VTODO", "ATTENDEE"
  std::string message;
  Kind kind = Kind::note;
};

// The `calendar:` block of the fixture. An empty id means none (a dipcal export of events that had
// none keeps their UIDs that way).
struct ImportedCalendar {
  std::string id;
  std::string title;
  std::string source;
};

struct ImportResult {
  ImportedCalendar calendar;
  std::vector<Event> events;  // in the order of the input
  std::vector<ImportNote> notes;
  [[nodiscard]] std::size_t count(ImportNote::Kind kind) const;
};

struct InputFile {
  std::string name;  // for notes and, failing a calendar name, the calendar id
  ParsedStream stream;
};

ImportResult import_calendars(const std::vector<InputFile>& files, const ImportOptions& options);

}  // namespace dipcal::ics
