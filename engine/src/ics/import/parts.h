// The parts of the ICS importer (dipcal/ics/import.h), which import.cpp runs in order: find the
// VEVENTs and name the calendar (calendars.cpp); read one VEVENT's fields (event_fields.cpp), zones
// (zones.cpp) and times (event_time.cpp); expand a series into occurrences (series.cpp); give each
// event an id (ids.cpp); turn RELATED-TO into relations once every event is read (relations.cpp).
// Every part writes what it leaves out or reads in its own way to one ImportLog (log.cpp).
#pragma once

#include "dipcal/model/event.h"
#include "dipcal/ics/import.h"
#include "dipcal/ics/values.h"
#include "dipcal/text/parsed.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dipcal::ics::detail {

// A property's value unescaped (RFC 5545 section 3.3.11), or "" when the property is absent.
std::string text_of(const ContentLine* p);

// A VEVENT with what it needs from its calendar and file.
struct Input {
  const Component* event;
  const Component* calendar;
  const InputFile* file;
};

// A time as the VEVENT wrote it, before it is read in a zone.
struct TimeValue {
  bool is_date = false;
  CivilDate day;
  DateTimeValue time;
  std::string tzid;
};

// An imported event whose relations still name their targets by UID: they are resolved once every
// event is read and has its id.
struct Pending {
  Event event;
  std::string uid;
  bool series = false;  // an occurrence of an expanded series: relations to its UID are ambiguous
  std::vector<std::pair<Relation, std::string>> relations;  // with the target UID
  const Input* source = nullptr;
};

// log.cpp: the notes of an import in the order they arise, and the properties a fixture has no place
// for, counted by name so that a calendar of a thousand events gives one note per property, not a
// thousand.
class ImportLog {
 public:
  void add(ImportNote note) { notes_.push_back(std::move(note)); }
  // A note about a VEVENT; `lost`: the VEVENT (or an occurrence of it) is left out.
  void note(const Input& s, std::string message, bool lost);
  void unknown_property(const std::string& name, const InputFile& file, int line);
  // What the fixture cannot hold of a VEVENT that is imported: each property line and component once,
  // whether the VEVENT is one event or a series expanded into many.
  void report_dropped(const Input& s);
  // The notes, ending with one per property that had no place.
  std::vector<ImportNote> finish() &&;
  // "VEVENT 'Weekly sync' (UID 1234@example.com)": how notes name a component.
  static std::string subject(const Component& c);

 private:
  std::vector<ImportNote> notes_;
  std::map<std::string, std::vector<std::pair<const InputFile*, int>>> unknown_;
};

// calendars.cpp: the VEVENTs of every VCALENDAR in the files, in input order; what is not one, or is
// in a calendar dipcal cannot read, goes to the log.
std::vector<Input> collect_events(const std::vector<InputFile>& files, ImportLog& log);
// The fixture's calendar block, from the first calendar that has an event.
ImportedCalendar name_calendar(const std::vector<Input>& sources);

// zones.cpp: the zones TZIDs, X-WR-TIMEZONE and --tz name, as the options say to read them.
class ZoneFinder {
 public:
  explicit ZoneFinder(const ImportOptions& options) : options_{options} {}
  [[nodiscard]] std::optional<Zone> zone_named(std::string_view name) const;
  // The zone of a TZID, through the calendar's VTIMEZONE X-LIC-LOCATION as a last resort.
  std::optional<Zone> zone_of_tzid(const Input& s, const std::string& tzid, std::string& error) const;
  // Where floating times (RFC 5545 section 3.3.5, form #1) are read: the calendar's X-WR-TIMEZONE,
  // else --tz (docs/ICS.md).
  [[nodiscard]] std::optional<Zone> floating_zone(const Input& s) const;
  // The zone of an event whose start names none: floating_zone, else the one zone the calendar's
  // TZIDs name.
  [[nodiscard]] std::optional<Zone> calendar_zone(const Input& s) const;
  [[nodiscard]] Zone utc() const { return options_.zones->utc(); }

 private:
  const ImportOptions& options_;
};

// event_time.cpp: a DTSTART, DTEND, RDATE… value as written, not yet read in a zone, or the note
// that says why it cannot be read.
Parsed<TimeValue> time_value(const ContentLine& p);
// A DATE-TIME as an instant: UTC, in its TZID, or floating in the default zone.
std::optional<Instant> instant_of(const Input& s, const TimeValue& v, const ZoneFinder& zones, std::string& error);
// The event's zone and time from DTSTART/DTEND/DURATION (or the window dipcal wrote); false, with a
// note, when the VEVENT cannot be placed in time and is left out.
bool read_time(const Input& s, Event& e, const ZoneFinder& zones, ImportLog& log);

// event_fields.cpp: everything of a VEVENT but its time and id, and its relations by target UID.
void read_fields(const Input& s, Pending& out, ImportLog& log);

// relations.cpp: one RELATED-TO or X-DIPCAL-RELATION line as a relation (its target still a UID);
// empty, with a note, when dipcal has no such relation.
std::optional<Relation> relation_of(const ContentLine& p, const Input& s, ImportLog& log);
// Relations pointed at the events they name by UID, now that every event has its id.
void resolve_relations(std::vector<Pending>& pending, ImportLog& log);

// ids.cpp: each event's id, a slug from dipcal's own id, else the title, else the UID, unique in
// the import.
class IdNamer {
 public:
  std::string unique_id(const Input& s, const std::string& suffix);

 private:
  std::set<std::string> taken_;
};
// Aliases that are already an id or an earlier alias are left out, so that every name is one event's.
void drop_clashing_aliases(std::vector<Pending>& pending, ImportLog& log);

// series.cpp: a recurring VEVENT's occurrences in the expansion range, each with the suffix of its
// id and the override (RECURRENCE-ID) that replaces it, if any.
struct Occurrence {
  std::string suffix;  // "-20251104", with "-1400" when two start on one day
  TimeValue at;
  const Input* replaced_by = nullptr;
};
struct Series {
  std::string described;  // "RRULE:FREQ=WEEKLY…" or "RDATE", for notes
  std::vector<Occurrence> occurrences;
};
// Whether a VEVENT recurs: an RRULE or an RDATE.
bool recurs(const Input& s);
// Empty, with notes, when the series is not expanded (no range given) or cannot be.
std::optional<Series> expand_series(const Input& s, const std::vector<const Input*>& overrides,
                                    const ImportOptions& options, const ZoneFinder& zones, ImportLog& log);
// An occurrence's zone and time: the series' first occurrence moved to start `at`, as long as it.
bool place_occurrence(const Input& s, const TimeValue& at, const ZoneFinder& zones, ImportLog& log, Event& out);

}  // namespace dipcal::ics::detail
