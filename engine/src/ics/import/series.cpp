#include "parts.h"

#include "dipcal/ics/recurrence.h"

#include <fmt/format.h>

#include <algorithm>

namespace dipcal::ics::detail {

namespace {

using std::chrono::seconds;

// How a series reads the times in its RDATE, EXDATE and RECURRENCE-ID lines: on the local calendar
// of DTSTART, where the rule runs, whatever zone each line is written in, so that they can be
// compared with the rule's times.
struct SeriesClock {
  const Input& s;
  const TimeValue& start;
  const Zone& zone;
  CivilDateTime local_start;
  const ZoneFinder& zones;
  ImportLog& log;

  [[nodiscard]] std::optional<CivilDateTime> local_of(const ContentLine& p, std::string_view item) const {
    ContentLine one = p;
    one.value = std::string{item};
    auto v = time_value(one);
    if (!v) {
      log.note(s, v.error().message, false);
      return std::nullopt;
    }
    if (v->is_date) return CivilDateTime{v->day, local_start.time_of_day()};
    if (const auto* utc = std::get_if<Instant>(&v->time)) return zone.to_civil(*utc);
    const auto& local = std::get<CivilDateTime>(v->time);
    if (!v->tzid.empty() && v->tzid != start.tzid) {
      std::string ignored;
      if (auto z = zones.zone_of_tzid(s, v->tzid, ignored)) return zone.to_civil(z->resolve(local).first);
    }
    return local;
  }
};

// The comma-separated items of an RDATE or EXDATE value.
std::vector<std::string> list_items(const std::string& value) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= value.size(); ++i)
    if (i == value.size() || value[i] == ',') items.push_back(value.substr(begin, i - begin)), begin = i + 1;
  return items;
}

// The zone the rule runs in: DTSTART's TZID, UTC for Z times and dates, the floating zone otherwise.
std::optional<Zone> rule_zone(const Input& s, const TimeValue& start, const ZoneFinder& zones, ImportLog& log) {
  if (start.is_date || std::holds_alternative<Instant>(start.time)) return zones.utc();
  std::string error;
  auto zone = start.tzid.empty() ? zones.floating_zone(s) : zones.zone_of_tzid(s, start.tzid, error);
  if (!zone) log.note(s, error.empty() ? "a floating recurring time: give --tz ZONE" : error, true);
  return zone;
}

// The rule's first start on the calendar it runs on: a UTC start reads on UTC's (rule_zone).
CivilDateTime rule_start(const TimeValue& start, const Zone& zone) {
  if (start.is_date) return CivilDateTime{start.day, seconds{0}};
  if (const auto* utc = std::get_if<Instant>(&start.time)) return zone.to_civil(*utc);
  return std::get<CivilDateTime>(start.time);
}

// An occurrence's start in the form DTSTART has: an instant again when DTSTART was one.
DateTimeValue occurrence_time(const TimeValue& start, const CivilDateTime& t, const Zone& zone) {
  if (std::holds_alternative<Instant>(start.time)) return zone.resolve(t).first;
  return t;
}

// The series' start times up to the end of the range: the RRULE's (or DTSTART's alone), with the
// RDATEs added and the EXDATEs taken out, sorted, each once. Empty, with a note, when the RRULE
// cannot be expanded.
std::optional<std::vector<CivilDateTime>> start_times(const SeriesClock& clock, CivilDate last_day) {
  const auto& s = clock.s;
  std::vector<CivilDateTime> times;
  if (const auto* rrule = s.event->find("RRULE")) {
    auto rule = parse_rrule(rrule->value);
    if (!rule) {
      clock.log.note(s, fmt::format("RRULE:{} cannot be expanded: {}", rrule->value, rule.error().message), true);
      return std::nullopt;
    }
    auto to_instant = [&](const CivilDateTime& t) { return clock.zone.resolve(t).first; };
    times = expand(*rule, clock.local_start, last_day, to_instant);
    if (times.size() >= 100'000) clock.log.note(s, "the rule gives more than 100000 occurrences; only the first 100000 are read", false);
  } else {
    times.push_back(clock.local_start);
  }
  for (const auto* p : s.event->all("RDATE"))
    for (const auto& item : list_items(p->value))
      if (auto t = clock.local_of(*p, item)) times.push_back(*t);
  for (const auto* p : s.event->all("EXDATE"))
    for (const auto& item : list_items(p->value))
      if (auto t = clock.local_of(*p, item)) std::erase(times, *t);
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  return times;
}

// "-20251104": an occurrence's id is the series' with its date, and its time when two occurrences
// start on that day.
std::string occurrence_suffix(const CivilDateTime& t, const std::vector<CivilDateTime>& times) {
  auto suffix = fmt::format("-{}", format_date(t.date()));
  bool twice = std::count_if(times.begin(), times.end(), [&](const CivilDateTime& u) { return u.date() == t.date(); }) > 1;
  if (twice) suffix += fmt::format("-{:02}{:02}", t.time_of_day().count() / 3600, t.time_of_day().count() / 60 % 60);
  return suffix;
}

}  // namespace

bool recurs(const Input& s) { return s.event->find("RRULE") || !s.event->all("RDATE").empty(); }

std::optional<Series> expand_series(const Input& s, const std::vector<const Input*>& overrides,
                                    const ImportOptions& options, const ZoneFinder& zones, ImportLog& log) {
  const auto* rrule = s.event->find("RRULE");
  Series series;
  series.described = rrule ? "RRULE:" + rrule->value : std::string{"RDATE"};
  if (!options.expand_from || !options.expand_to) {
    log.note(s, fmt::format("recurs ({}); dipcal events happen once: give --expand-from DATE --expand-to DATE to import its "
                            "occurrences in that range as events of their own", series.described), true);
    for (const auto* o : overrides) log.note(*o, "an occurrence of a recurring event that was not expanded", true);
    return std::nullopt;
  }
  const auto* dtstart = s.event->find("DTSTART");
  if (!dtstart) {
    log.note(s, "no DTSTART: an event needs a start", true);
    return std::nullopt;
  }
  auto start = time_value(*dtstart);
  if (!start) {
    log.note(s, start.error().message, true);
    return std::nullopt;
  }
  auto zone = rule_zone(s, *start, zones, log);
  if (!zone) return std::nullopt;
  SeriesClock clock{s, *start, *zone, rule_start(*start, *zone), zones, log};
  auto times = start_times(clock, *options.expand_to);
  if (!times) return std::nullopt;
  std::map<CivilDateTime, const Input*> replaced;
  for (const auto* o : overrides) {
    const auto* rid = o->event->find("RECURRENCE-ID");
    if (auto t = clock.local_of(*rid, rid->value)) replaced[*t] = o;
  }
  for (const auto& t : *times) {
    if (t.date() < *options.expand_from || t.date() > *options.expand_to) continue;
    Occurrence o{occurrence_suffix(t, *times), *start, nullptr};
    if (auto it = replaced.find(t); it != replaced.end()) o.replaced_by = it->second;
    if (o.at.is_date) o.at.day = t.date();
    else o.at.time = occurrence_time(*start, t, *zone);
    series.occurrences.push_back(std::move(o));
  }
  return series;
}

bool place_occurrence(const Input& s, const TimeValue& at, const ZoneFinder& zones, ImportLog& log, Event& out) {
  // The series' first occurrence gives the zone and the length; it is read without notes, which would
  // otherwise come again for every occurrence.
  ImportLog quiet;
  Event first;
  if (!read_time(s, first, zones, quiet)) {
    log.note(s, "its first occurrence cannot be read, so neither can the others", true);
    return false;
  }
  out.zone = first.zone;
  out.location.zone = first.location.zone;
  if (const auto* d = std::get_if<AllDay>(&first.time)) {
    auto length = days_between(d->first, d->last);
    out.time = AllDay{at.day, at.day.plus_days(length)};
    return true;
  }
  if (std::holds_alternative<Window>(first.time)) {
    // X-DIPCAL-START made the first occurrence imprecise: it has no length to repeat.
    log.note(s, "its first occurrence is known only as a window, so the others cannot be placed", true);
    return false;
  }
  const auto& t = std::get<Timed>(first.time);
  std::string error;
  auto begin = instant_of(s, at, zones, error);
  if (!begin) {
    log.note(s, error, true);
    return false;
  }
  out.time = Timed{*begin, *begin + (t.end - t.start)};
  return true;
}

}  // namespace dipcal::ics::detail
