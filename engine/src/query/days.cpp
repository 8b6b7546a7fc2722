#include "dipcal/query/days.h"

#include <algorithm>

namespace dipcal {

namespace {

using std::chrono::seconds;

CivilDate day_in(const Zone& zone, Instant i) { return zone.to_civil(i).date(); }

}  // namespace

bool DayRange::meets(const std::optional<CivilDate>& from, const std::optional<CivilDate>& to) const {
  if (!placed) return false;
  if (last && from && *last < *from) return false;
  if (first && to && *to < *first) return false;
  return true;
}

DayRange days_of(const Event& e, const EventWindow* window, const Zone& zone) {
  if (const auto* d = std::get_if<AllDay>(&e.time)) return {d->first, d->last, false, true};
  if (const auto* t = std::get_if<Timed>(&e.time)) {
    // Half-open: the last day is the one holding the last second before the end.
    auto last = t->end == t->start ? t->start : t->end - seconds{1};
    return {day_in(zone, t->start), day_in(zone, last), false, true};
  }
  const auto& w = std::get<Window>(e.time);
  DayRange range{std::nullopt, std::nullopt, true, true};
  if (e.undated()) {
    range.placed = window && (window->start.earliest || window->start.latest || window->end.latest);
    if (!range.placed) return range;
    const auto& start = window->start;
    const auto& end = window->end;
    if (start.earliest) range.first = day_in(zone, *start.earliest);
    if (end.latest) {
      // It may end at the latest end after starting earlier (half-open: the day before a midnight),
      // or be an instant there when it may also start that late.
      bool instant_there = start.latest && *start.latest >= *end.latest;
      range.last = day_in(zone, instant_there ? *end.latest : *end.latest - seconds{1});
    } else if (start.latest) {
      // Its length is unknown: the days it may start on are all that can be said of it.
      range.last = day_in(zone, *start.latest);
    }
    return range;
  }
  // Imprecise: whole days of its own zone, however the zone asked for reads them.
  range.first = w.earliest_first;
  range.last = w.latest_last;
  if (window && window->start.earliest) {
    auto day = day_in(e.zone, *window->start.earliest);
    range.first = range.first ? std::max(*range.first, day) : day;
  }
  if (window && window->end.latest) {
    auto day = day_in(e.zone, *window->end.latest - seconds{1});
    range.last = range.last ? std::min(*range.last, day) : day;
  }
  return range;
}

PointBounds possible_span(const Event& e, const EventWindow* window) {
  if (auto start = e.start_utc()) return {start, e.end_utc()};
  if (window) return {window->start.earliest, window->end.latest};
  const auto& w = std::get<Window>(e.time);
  PointBounds span;
  if (w.earliest_first) span.earliest = e.zone.start_of_day(*w.earliest_first);
  if (w.latest_last) span.latest = e.zone.start_of_day(w.latest_last->plus_days(1));
  return span;
}

}  // namespace dipcal
