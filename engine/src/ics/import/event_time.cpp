#include "parts.h"

#include "dipcal/ics/writer.h"
#include "dipcal/time/edtf.h"

#include <fmt/format.h>

#include <algorithm>

namespace dipcal::ics::detail {

namespace {

using std::chrono::seconds;

// A failure to place a VEVENT in time: the note says why, and the VEVENT is left out.
struct TimeError {
  std::string message;
};

// The event's zone: dipcal's own record, else the start's TZID, else the calendar's; UTC when the start
// is in UTC and nothing else says. An all-day or floating start with no zone cannot be placed.
std::variant<Zone, TimeError> event_zone(const Input& s, const TimeValue& start, const ZoneFinder& zones) {
  std::string error;
  std::optional<Zone> zone = zones.zone_named(text_of(s.event->find(xprop::text(xprop::zone))));
  if (!zone && !start.is_date && !start.tzid.empty()) {
    zone = zones.zone_of_tzid(s, start.tzid, error);
    if (!zone) return TimeError{error};
  }
  if (!zone) zone = zones.calendar_zone(s);
  if (!zone && start.is_date) return TimeError{"an all-day event, and nothing says which zone its days are in: give --tz ZONE"};
  if (const auto* floating = std::get_if<CivilDateTime>(&start.time); !zone && floating)
    return TimeError{fmt::format("{} is a floating time (no TZID, no Z): give --tz ZONE", to_string(*floating))};
  return zone ? *zone : zones.utc();
}

// The window dipcal wrote for an imprecise event: DTSTART marks one day of it; X-DIPCAL-START and
// -END say how the fixture wrote it, and are read again as EDTF.
Window window_of(const Component& c, std::string text) {
  Window w;
  w.start_text = std::move(text);
  w.end_text = text_of(c.find(xprop::text(xprop::end)));
  if (auto r = parse_edtf(w.start_text)) w.earliest_first = r->earliest, w.latest_first = r->latest;
  if (auto r = parse_edtf(w.end_text.empty() ? w.start_text : w.end_text)) w.earliest_last = r->earliest, w.latest_last = r->latest;
  return w;
}

// An all-day event's days: DTEND is exclusive (section 3.6.1), DURATION counts whole days.
std::variant<EventTime, TimeError> all_day_time(const Input& s, const TimeValue& start, const std::optional<TimeValue>& end,
                                                const std::optional<DurationValue>& duration, ImportLog& log) {
  if (end && !end->is_date) return TimeError{"DTSTART is a date but DTEND a date-time"};
  auto last = start.day;
  if (end) last = end->day.plus_days(-1);
  else if (duration) last = start.day.plus_days(std::max(duration->days, 1) - 1);
  if (last < start.day) {
    if (end) log.note(s, "DTEND is not after DTSTART; read as a one-day event", false);
    last = start.day;
  }
  if (auto text = text_of(s.event->find(xprop::text(xprop::start))); !text.empty()) return window_of(*s.event, text);
  return AllDay{start.day, last};
}

// A timed event's start and end instants.
std::variant<EventTime, TimeError> timed_time(const Input& s, const TimeValue& start, const std::optional<TimeValue>& end,
                                              const std::optional<DurationValue>& duration, const Zone& zone,
                                              const ZoneFinder& zones) {
  std::string error;
  auto begin = instant_of(s, start, zones, error);
  if (!begin) return TimeError{error};
  Instant finish = *begin;
  if (end) {
    if (end->is_date) return TimeError{"DTSTART is a date-time but DTEND a date"};
    auto f = instant_of(s, *end, zones, error);
    if (!f) return TimeError{error};
    finish = *f;
  } else if (duration) {
    // Nominal days on the local calendar of the event's zone, then exact time (section 3.3.6).
    auto local = zone.to_civil(*begin);
    auto day_later = CivilDateTime{local.date().plus_days(duration->days), local.time_of_day()};
    finish = (duration->days ? zone.resolve(day_later).first : *begin) + duration->time;
  }
  if (finish < *begin) return TimeError{"DTEND is before DTSTART"};
  return Timed{*begin, finish};
}

}  // namespace

Parsed<TimeValue> time_value(const ContentLine& p) {
  TimeValue v;
  v.tzid = p.param("TZID");
  auto type = p.param("VALUE");
  if (type == "PERIOD") return ParseError{fmt::format("{};VALUE=PERIOD is not supported", p.name), 0, "", {}};
  if (type == "DATE" || (type.empty() && p.value.size() == 8)) {
    auto d = parse_date(p.value);
    if (!d) return ParseError{fmt::format("{}:{} is not a date between {} and {}", p.name, p.value, kFirstYear, kLastYear), 0, "", {}};
    v.is_date = true;
    v.day = *d;
    return v;
  }
  auto t = parse_date_time(p.value);
  if (!t)
    return ParseError{fmt::format("{}:{} is not a date-time (YYYYMMDDTHHMMSS, with Z for UTC) between {} and {}", p.name, p.value,
                                  kFirstYear, kLastYear), 0, "", {}};
  v.time = *t;
  return v;
}

std::optional<Instant> instant_of(const Input& s, const TimeValue& v, const ZoneFinder& zones, std::string& error) {
  if (const auto* utc = std::get_if<Instant>(&v.time)) return *utc;
  const auto& local = std::get<CivilDateTime>(v.time);
  std::optional<Zone> zone;
  if (!v.tzid.empty()) zone = zones.zone_of_tzid(s, v.tzid, error);
  else if (auto floating = zones.floating_zone(s)) zone = floating;
  else error = fmt::format("{} is a floating time (no TZID, no Z) and the calendar has no X-WR-TIMEZONE: give --tz ZONE to say where it is read", to_string(local));
  if (!zone) return std::nullopt;
  // Section 3.3.5: a time in a gap reads with the offset before it, a repeated one as the first.
  return zone->resolve(local).first;
}

bool read_time(const Input& s, Event& e, const ZoneFinder& zones, ImportLog& log) {
  const auto& c = *s.event;
  auto fail = [&](std::string message) {
    log.note(s, std::move(message), true);
    return false;
  };
  const auto* dtstart = c.find("DTSTART");
  if (!dtstart) return fail("no DTSTART: an event needs a start");
  auto start = time_value(*dtstart);
  if (!start) return fail(start.error().message);
  auto zone = event_zone(s, *start, zones);
  if (auto* why = std::get_if<TimeError>(&zone)) return fail(why->message);
  e.zone = std::get<Zone>(zone);
  e.location.zone = e.zone.name();

  std::optional<TimeValue> end;
  if (const auto* dtend = c.find("DTEND")) {
    auto parsed = time_value(*dtend);
    if (!parsed) return fail(parsed.error().message);
    end = *std::move(parsed);
  }
  std::optional<DurationValue> duration;
  if (const auto* d = c.find("DURATION"); d && !end) {
    duration = parse_ics_duration(d->value);
    if (!duration || duration->negative) return fail(fmt::format("DURATION:{} is not a duration of zero or more", d->value));
  }
  if (text_of(c.find(xprop::text(xprop::undated))) == "TRUE") {
    e.time = Window{};  // dipcal's entry for a window its relations give: they give it again
    return true;
  }
  auto time = start->is_date ? all_day_time(s, *start, end, duration, log) : timed_time(s, *start, end, duration, e.zone, zones);
  if (auto* why = std::get_if<TimeError>(&time)) return fail(why->message);
  e.time = std::get<EventTime>(std::move(time));
  return true;
}

}  // namespace dipcal::ics::detail
