// An event of a diplomatic calendar as the fixtures describe it, with its times already read in its
// zone. Events are plain data; the Timeline (timeline.h) owns them and answers questions about them.
#pragma once

#include "dipcal/model/diagnostics.h"
#include "dipcal/time/civil.h"
#include "dipcal/time/instant.h"
#include "dipcal/time/zone.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dipcal {

enum class EventKind { summit, talks, bilateral, call, deadline, announcement, market, visit, meeting, election, other };
enum class EventStatus { tentative, scheduled, confirmed, held, postponed, cancelled };

std::string_view to_string(EventKind k);
std::string_view to_string(EventStatus s);
std::optional<EventKind> parse_event_kind(std::string_view text);
std::optional<EventStatus> parse_event_status(std::string_view text);
const std::vector<std::string>& event_kind_names();
const std::vector<std::string>& event_status_names();

struct Geo {
  double lat = 0;
  double lon = 0;
};

struct Location {
  std::string name;
  std::string city;
  std::string country;  // ISO 3166-1 alpha-2
  std::string zone;     // as written; the resolved zone is Event::zone
  std::optional<Geo> geo;
};

struct Source {
  std::string outlet;
  std::string url;
  std::string published;  // as written: a date or a date-time with offset
  std::string quote;
};

// How two events relate. The first eleven are dipcal's words; the last four are RFC 9253's RELTYPEs.
enum class RelationType {
  before, after, prepares, follows_up, during, contains, overlaps, starts, finishes, meets, equals, same_day,
  finish_to_start, start_to_start, finish_to_finish, start_to_finish,
};
std::string_view to_string(RelationType t);
std::optional<RelationType> parse_relation_type(std::string_view text);
const std::vector<std::string>& relation_type_names();

struct Gap {
  std::optional<std::chrono::seconds> min;
  std::optional<std::chrono::seconds> max;
};

struct Relation {
  RelationType type = RelationType::before;
  std::string target;  // id or alias as written; Timeline resolves it
  Gap gap;
  std::string zone;  // for same-day: the zone whose civil date is compared
  std::string note;
  Position where;
};

// All-day: civil dates in the event's zone, both inclusive.
struct AllDay {
  CivilDate first;
  CivilDate last;
};

// Timed: a span between two instants (written as local times in the event's zone; Zone::to_civil
// gives them back).
struct Timed {
  Instant start;
  Instant end;
};

// Imprecise (EDTF) or absent: the event is all-day somewhere within these bounds. Empty bounds are
// open. `start_text`/`end_text` keep what the fixture said for display.
struct Window {
  std::optional<CivilDate> earliest_first;
  std::optional<CivilDate> latest_first;
  std::optional<CivilDate> earliest_last;
  std::optional<CivilDate> latest_last;
  std::string start_text;
  std::string end_text;
};

using EventTime = std::variant<AllDay, Timed, Window>;

struct Event {
  std::string id;
  std::string title;
  EventKind kind = EventKind::other;
  EventStatus status = EventStatus::scheduled;
  std::vector<std::string> aliases;
  EventTime time;
  Zone zone;
  Location location;
  std::vector<std::string> actors;
  std::vector<std::string> tags;
  std::vector<Source> sources;
  std::string notes;
  std::string calendar;  // the id of the file's calendar, if it has one
  std::optional<Instant> updated;
  int sequence = 0;
  std::vector<Relation> relations;
  Position where;       // the event's `id`
  Position time_where;  // its `start` (or `id` when it has none)

  [[nodiscard]] bool all_day() const { return !std::holds_alternative<Timed>(time); }
  [[nodiscard]] bool dated() const { return !std::holds_alternative<Window>(time); }
  // Without a date of its own and without EDTF dates: only relations place it. Every other event
  // takes whole days of its zone (all-day, precise or imprecise) or is timed.
  [[nodiscard]] bool undated() const;
  // Start and end on the UTC line. All-day events run from local midnight of the first day to local
  // midnight after the last. Empty for windows.
  [[nodiscard]] std::optional<Instant> start_utc() const;
  [[nodiscard]] std::optional<Instant> end_utc() const;
};

}  // namespace dipcal
